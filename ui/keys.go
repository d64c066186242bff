package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeyMap holds the keys every pane shares (DESIGN.md section 6): moving,
// switching panes, filtering, sorting, marking, exporting, help, quitting.
// A pane's own keys are declared in its file (ui/<pane>_keys.go), each
// once, with the help text the status bar and the ? screen show.
type KeyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	NextTab, PrevTab, Tab                   key.Binding
	Filter, ClearFilter                     key.Binding
	Sort, Reverse                           key.Binding
	Edit, Mark, Undo, Order                 key.Binding
	Export, Help, Quit                      key.Binding
	Settings                                key.Binding
	// Interrupt quits from anywhere, asking first when something is unsaved
	Interrupt key.Binding
	// in the filter field: keep it (esc, ClearFilter, clears it), and the
	// keys that move the rows while typing
	Keep, FilterMove key.Binding
	// in an editor: save, cancel, the automatic value; in a question: yes
	Save, Cancel, Auto, Yes key.Binding
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
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Settings:    key.NewBinding(key.WithKeys(","), key.WithHelp(",", "settings")),
		Interrupt:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Keep:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep")),
		FilterMove:  key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown"), key.WithHelp("↑/↓", "move")),
		Save:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Cancel:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Auto:        key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "automatic")),
		Yes:         key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
	}
}

// FullHelp is the help screen, one group per column.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.NextTab, k.PrevTab, k.Tab, k.Filter, k.ClearFilter, k.Sort, k.Reverse},
		{k.Edit, k.Mark, k.Undo, k.Order, k.Export, k.Settings, k.Help, k.Quit},
	}
}

// closing is what the status bar hints end with on every pane.
func (k KeyMap) closing() []key.Binding { return []key.Binding{k.Help, k.Quit} }

// keyName is how a hint or the help text names a binding's key: the first
// of the alternatives its help shows ("↑" of "↑/k").
func keyName(b key.Binding) string {
	k := b.Help().Key
	if first, _, ok := strings.Cut(k, "/"); ok && first != "" {
		return first
	}
	return k
}

// withDesc is a binding under another description, for a pane whose hint
// says what the key does there ("x export PO"): the same keys, declared
// once elsewhere.
func withDesc(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
}

// hintOf is one status-bar hint standing for several bindings: their key
// names joined by "/" ("L/c/M/v/r") and one description.
func hintOf(desc string, bs ...key.Binding) key.Binding {
	var keys, names []string
	for _, b := range bs {
		keys = append(keys, b.Keys()...)
		names = append(names, keyName(b))
	}
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(strings.Join(names, "/"), desc))
}

// keyList is a help line naming bindings with their descriptions:
// "L lead time · c case pack".
func keyList(bs ...key.Binding) string {
	parts := make([]string, len(bs))
	for i, b := range bs {
		parts[i] = b.Help().Key + " " + b.Help().Desc
	}
	return strings.Join(parts, " · ")
}
