package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"stockroom/model"
	"stockroom/planner"
)

// statusBar is the bottom line: the filter or editor field when one is
// open, else the last message, the row count and sort, and key hints.
func (m *Model) statusBar() string {
	s := m.styles
	w := m.width
	if m.confirm != nil {
		return m.questionLine()
	}
	switch m.mode {
	case modeFilter:
		line := s.Key.Render(keyName(m.keys.Filter)) + " " + m.input.viewAt(m.filterFieldW()) + s.Dim.Render(m.filterHint())
		return fit(line, w, false)
	case modeEdit:
		field := m.input.viewAt(m.statusFieldW())
		k := m.keys
		save := k.Save
		switch {
		case !m.saving && len(m.queue) == 0, m.field == fieldWhatIf:
		case m.field == fieldPOQty || m.field == fieldPOReceive:
			save = withDesc(k.Save, "once the running save lands")
		default:
			save = withDesc(k.Save, "queues it behind the running save")
		}
		keys := "  " + keyList(save, k.Cancel)
		line := m.editPrompt() + ": " + field + s.Dim.Render(keys)
		if m.opt.ReadOnly != "" && m.field != fieldWhatIf {
			// typing goes into the field all the same: keys typed after e
			// never reach the panes
			line = s.Error.Render("read-only, "+keyName(k.Save)+" saves nothing") + " · " + m.editPrompt() + ": " + field + s.Dim.Render("  "+keyList(k.Cancel))
		}
		if a := autoHint(m.field); a != "" {
			line += s.Dim.Render(" · a " + a)
		}
		if n := len(m.asking); n > 0 {
			// asked once the editor closes: no surprise then
			line += s.Dim.Render(" · ") + s.Info.Render(count(n, "question")+" waiting")
		}
		if m.message != "" && (m.messageErr || m.pinned != "") {
			// an error, or what the last answer left unsaved, in place of
			// the prompt until the next key; the field stays in sight
			msg := s.Info.Render(m.message)
			if m.messageErr {
				msg = s.Error.Render(m.message)
			}
			line = ansi.Truncate(msg, max(w-width(field)-2, 0), "…") + "  " + field
		}
		return fit(line, w, false)
	}
	var left string
	if m.message != "" {
		if m.messageErr {
			left = s.Error.Render(m.message)
		} else {
			left = s.Info.Render(m.message)
		}
	}
	if q := m.queueNote(); q != "" {
		if left != "" {
			left += s.Dim.Render(" · ")
		}
		left += s.Info.Render(q)
	}
	mid := m.position()
	line := left
	if f := m.forecast; f.running {
		bar := s.Info.Render(progressBar(f.done, f.total, w/4))
		if line != "" {
			bar += s.Dim.Render(" · ")
		}
		line = bar + line
	}
	if mid != "" {
		if line != "" {
			line += s.Dim.Render(" · ")
		}
		line += s.Dim.Render(mid)
	}
	hints := m.hints(w - width(line) - 2)
	if hints == "" {
		return fit(line, w, false)
	}
	return line + strings.Repeat(" ", w-width(line)-width(hints)) + hints
}

// filterHint follows the filter field: "  enter keep · esc clear".
func (m *Model) filterHint() string {
	k := m.keys
	return "  " + k.Keep.Help().Key + " " + k.Keep.Help().Desc + " · " + k.ClearFilter.Help().Key + " clear"
}

// filterFieldW is the filter field's width: the status bar less the "/ "
// before it and the hint after it (the cell editors' field is narrower).
func (m *Model) filterFieldW() int {
	return max(m.width-2-width(m.filterHint())-1, 10)
}

// questionLine asks the question waiting for y. Every screen draws it
// (the panes, the settings view, the help screen): the next key answers
// it, so it must be in sight whatever is open.
func (m *Model) questionLine() string {
	s, w, c := m.styles, m.width, m.confirm
	q, short := c.question, c.short
	if c.quit {
		q, short = m.quitQuestion()
	}
	hint := "  " + keyList(m.keys.Yes) + " · any other key no"
	if c.back != nil {
		hint = "" // the question says what the keys do
	}
	type form struct{ q, hint string }
	forms := []form{{q, hint}}
	if short != "" {
		shortHint := hint
		if strings.HasPrefix(short, keyName(m.keys.Yes)+" ") {
			shortHint = "" // the short form starts with the keys: a cut leaves them
		}
		forms = append(forms, form{short, shortHint})
	}
	if c.after != "" {
		// what the last answer did goes first while the question fits
		// whole beside it
		var after []form
		for _, f := range forms {
			after = append(after, form{c.after + " · " + f.q, f.hint})
		}
		forms = append(after, forms...)
	}
	chosen := forms[len(forms)-1] // nothing fits whole: the short form, keys first
	for _, f := range forms {
		if width(f.q)+width(f.hint) <= w {
			chosen = f
			break
		}
	}
	q, hint = chosen.q, chosen.hint
	return fit(s.Info.Render(clean(q))+s.Dim.Render(hint), w, false)
}

// editPrompt names what the editor edits and for which SKUs.
func (m *Model) editPrompt() string {
	if m.field == fieldPOQty || m.field == fieldPOReceive {
		p := m.suppliers
		l, _ := m.editedLine()
		sku := clean(l.SKU)
		if m.field == fieldPOReceive {
			return fmt.Sprintf("Units of %s received now on PO #%d", sku, p.order.ID)
		}
		return fmt.Sprintf("Quantity of %s on PO #%d", sku, p.order.ID)
	}
	target := m.editTarget()
	what := "Reorder point"
	switch m.field {
	case model.FieldReorderPoint:
	case fieldWhatIf:
		what = "What-if markdown % (a = suggested)"
	case model.FieldOrderQty:
		what = "Order quantity"
	default:
		if prompt, ok := policyPrompts[m.field]; ok {
			what = prompt
		}
	}
	return what + " for " + target
}

// position says which rows are shown: "12 of 2,000 SKUs · filter "garden" · sort status▲".
func (m *Model) position() string {
	p := m.active()
	if m.snap == nil || len(m.snap.Rows) == 0 || p == nil || p.view == nil {
		return ""
	}
	noun := rowNoun(p.view)
	if p.view.Len() == 1 {
		noun = strings.TrimSuffix(noun, "s") // "1 of 1 SKU"
	}
	parts := []string{fmt.Sprintf("%s of %s %s", model.GroupThousands(int64(len(p.table.rows()))), model.GroupThousands(int64(p.view.Len())), noun)}
	if g := p.query.Group; g != (planner.Group{}) {
		parts = append(parts, clean(g.String()))
	}
	if p.query.Filter != "" {
		parts = append(parts, fmt.Sprintf("filter %q", clean(p.query.Filter)))
	}
	if pp, ok := m.current().(positionPane); ok {
		if note := pp.positionNote(); note != "" {
			parts = append(parts, note)
		}
	}
	if n := len(p.table.marked); n > 0 {
		parts = append(parts, fmt.Sprintf("%d marked", n))
	}
	return strings.Join(parts, " · ")
}

// hints lists as many short key hints as fit in room, always ending with
// the help key so the rest can be found.
func (m *Model) hints(room int) string {
	keys := m.current().hints(m)
	if m.snap != nil && len(m.snap.Rows) == 0 {
		// the empty catalogue's page: nothing to move, open or export
		keys = []key.Binding{m.keys.Settings, m.keys.Help, m.keys.Quit}
	}
	render := func(bs []key.Binding) string {
		parts := make([]string, len(bs))
		for i, b := range bs {
			parts[i] = m.styles.Key.Render(b.Help().Key) + " " + m.styles.Dim.Render(b.Help().Desc)
		}
		return strings.Join(parts, "  ")
	}
	for n := len(keys); n > 0; n-- {
		shown := append(append([]key.Binding{}, keys[:n-1]...), m.keys.Help)
		if n == len(keys) {
			shown = keys
		}
		if h := render(shown); width(h) <= room {
			return h
		}
	}
	return ""
}

// rowNoun is what a view's rows are.
func rowNoun(v planner.View) string {
	switch v.(type) {
	case *planner.SuppliersView:
		return "suppliers"
	case planner.POListView:
		return "orders"
	case planner.POView:
		return "lines"
	case *planner.AssortmentView:
		return "groups"
	}
	return "SKUs"
}
