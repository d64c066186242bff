package ui

import "charm.land/bubbles/v2/key"

// KeyMap holds every binding of DESIGN.md section 6, so the help screen and
// the handlers cannot drift apart.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	NextTab, PrevTab, Tab                   key.Binding
	Filter, ClearFilter                     key.Binding
	Sort, Reverse                           key.Binding
	Edit, Mark, Undo, Order                 key.Binding
	Export, Help, Quit                      key.Binding
	Settings                                key.Binding
}

// DefaultKeys are the bindings the help screen documents.
func DefaultKeys() KeyMap {
	return KeyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup", "ctrl+b"), key.WithHelp("pgup", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", "ctrl+f"), key.WithHelp("pgdn", "page down")),
		Top:         key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first row")),
		Bottom:      key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last row")),
		NextTab:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevTab:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Tab:         key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7"), key.WithHelp("1–7", "go to pane")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter / marks")),
		Sort:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort")),
		Reverse:     key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse sort")),
		Edit:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit ROP")),
		Mark:        key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "mark")),
		Undo:        key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo last edit")),
		Order:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "draft PO")),
		Export:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Settings:    key.NewBinding(key.WithKeys(","), key.WithHelp(",", "settings")),
	}
}

// ShortHelp is the status bar's hint line for a tab (and the suppliers
// tab's screen).
func (k KeyMap) ShortHelp(tab, screen int) []key.Binding {
	hint := func(keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, desc))
	}
	switch tab {
	case overviewTab:
		return []key.Binding{hint("↑/↓", "move"), hint("enter", "open"), hint("1–7", "panes"), k.Export, k.Settings, k.Help, k.Quit}
	case assortmentTab:
		return []key.Binding{hint("enter", "show SKUs"), hint("b", "breakdown"), k.Sort, k.Filter, k.Export, k.Help, k.Quit}
	case riskTab:
		return []key.Binding{hint("m", "what-if markdown"), k.Mark, k.Sort, k.Filter, k.Export, k.Help, k.Quit}
	case reorderTab:
		return []key.Binding{hint("e", "qty"), k.Order, hint("L/c/M/v/r", "lead/case/MOQ/svc/round"), k.Undo, k.Filter, k.Export, k.Help, k.Quit}
	case replayTab:
		return []key.Binding{hint("r", "run again"), hint("d", "weeks"), hint("w", "warm-up"), k.Sort, k.Filter, hint("enter", "SKU on Stock"), hint("x", "export table+SKUs"), k.Help, k.Quit}
	case suppliersTab:
		switch screen {
		case screenOrders:
			return []key.Binding{hint("enter", "lines"), hint("t", "send"), hint("R", "receive all"), hint("c", "cancel"), hint("esc", "back"), k.Export, k.Help, k.Quit}
		case screenLines:
			return []key.Binding{hint("e", "qty"), hint("r", "receive line"), hint("t", "send"), hint("R", "receive all"), hint("c", "cancel"), hint("x", "export PO"), hint("esc", "back"), k.Help}
		}
		return []key.Binding{hint("enter", "orders"), k.Filter, k.Sort, k.Export, k.Help, k.Quit}
	}
	return []key.Binding{k.Filter, k.Sort, k.Edit, k.Mark, k.Export, k.Help, k.Quit}
}

// FullHelp is the help screen, one group per column.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.NextTab, k.PrevTab, k.Tab, k.Filter, k.ClearFilter, k.Sort, k.Reverse},
		{k.Edit, k.Mark, k.Undo, k.Order, k.Export, k.Settings, k.Help, k.Quit},
	}
}
