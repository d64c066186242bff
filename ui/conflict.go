package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"stockroom/model"
)

// Saves are compare-and-set: an edit carries the values its rows were
// loaded with, and if another process has changed one since, nothing is
// written. The rows then show what is stored now, and the status bar
// shows the other value, who set it and when, and asks before overwriting;
// y saves again against the values just shown.

// askOverConflict asks what to do about a refused edit or undo.
func (m *Model) askOverConflict(msg changedMsg) tea.Cmd {
	c := msg.conflict
	if msg.isUndo {
		return m.undoAroundConflict(msg.changes, c)
	}
	value := shownPolicyValue(msg.changes[0].Field, msg.changes[0].Value)
	var q string
	if len(msg.changes) == 1 {
		q = fmt.Sprintf("%s since you loaded it. Save %s over it?", m.conflictText(c.Conflicts[0]), value)
	} else {
		q = fmt.Sprintf("%d of %d SKUs were changed since you loaded them (%s). Save %s over all %d?",
			len(c.Conflicts), len(msg.changes), m.conflictsText(c.Conflicts), value, len(msg.changes))
	}
	no := fmt.Sprintf("Not saved: none of the %d SKUs was changed", len(msg.changes))
	short := m.yes() + fmt.Sprintf(" saves %s over all %d (%d changed since), other key keeps theirs", value, len(msg.changes), len(c.Conflicts))
	if k := c.Conflicts[0]; len(msg.changes) == 1 {
		stored := shownPolicyValue(model.PolicyField(k.Field), k.Stored)
		no = fmt.Sprintf("Not saved: %s's %s stays %s", clean(k.Name), fieldLabel(k.Field), stored)
		short = m.yes() + fmt.Sprintf(" saves %s over %s (%s now), other key keeps it: %s %s", value, stored, whoShort(k), clean(k.Name), fieldLabel(k.Field))
	}
	changes := againstStored(msg.changes, c)
	m.ask(&confirmation{question: q, short: short, no: no, unsaved: true, run: func() tea.Cmd {
		m.setInfo("Saving…")
		return m.savePolicies(changes, false)
	}})
	return nil
}

// undoAroundConflict undoes what is still this dashboard's: nothing, with
// a message naming who changed the rest, or after y the values nobody else
// touched.
func (m *Model) undoAroundConflict(changes []model.PolicyChange, c *model.ConflictError) tea.Cmd {
	var left []model.PolicyChange
	for _, ch := range changes {
		if conflictOf(ch, c) == nil {
			left = append(left, ch)
		}
	}
	if len(left) == 0 {
		if len(c.Conflicts) == 1 {
			m.notDone("Not undone: " + m.conflictText(c.Conflicts[0]) + " since your edit; it stays")
		} else {
			m.notDone(fmt.Sprintf("Not undone: all %d values were changed since your edit (%s); they stay",
				len(c.Conflicts), m.conflictsText(c.Conflicts)))
		}
		return nil
	}
	q := fmt.Sprintf("%d of %d values were changed since your edit (%s). Undo the other %d and leave those?",
		len(c.Conflicts), len(changes), m.conflictsText(c.Conflicts), len(left))
	m.ask(&confirmation{question: q, no: "Not undone: every value stays as it is", unsaved: true,
		short: m.yes() + fmt.Sprintf(" undoes the other %d (%d of %d changed since), other key undoes none", len(left), len(c.Conflicts), len(changes)), run: func() tea.Cmd {
			m.setInfo("Undoing…")
			return m.savePolicies(left, true)
		}})
	return nil
}

// againstStored makes the changes a compare-and-set against the values
// the conflict showed.
func againstStored(changes []model.PolicyChange, c *model.ConflictError) []model.PolicyChange {
	out := make([]model.PolicyChange, len(changes))
	for i, ch := range changes {
		out[i] = ch
		if k := conflictOf(ch, c); k != nil {
			out[i].Seen, out[i].Check = k.Stored, true
		}
	}
	return out
}

func conflictOf(ch model.PolicyChange, c *model.ConflictError) *model.Conflict {
	for i, k := range c.Conflicts {
		if k.Name == ch.SKU && k.Field == string(ch.Field) {
			return &c.Conflicts[i]
		}
	}
	return nil
}

// conflictText says what one value is now and who set it: "SKU-003's
// reorder point is 40 now, set by bob at 10:04 (another process)".
func (m *Model) conflictText(c model.Conflict) string {
	var what, value string
	if c.Field == "" {
		what, value = c.Name, m.shownSetting(c.Name, c.Stored)
	} else {
		what, value = clean(c.Name)+"'s "+fieldLabel(c.Field), shownPolicyValue(model.PolicyField(c.Field), c.Stored)
	}
	return fmt.Sprintf("%s is %s now, %s", what, value, m.byText(c))
}

// conflictsText lists the first conflicts briefly: "SKU-003 reorder point
// 40 by bob at 10:04; SKU-007 …".
func (m *Model) conflictsText(cs []model.Conflict) string {
	var parts []string
	for i, c := range cs {
		if i == 2 {
			parts = append(parts, fmt.Sprintf("%d more", len(cs)-2))
			break
		}
		parts = append(parts, fmt.Sprintf("%s %s %s %s", clean(c.Name), fieldLabel(c.Field),
			shownPolicyValue(model.PolicyField(c.Field), c.Stored), m.byWhom(c)))
	}
	return strings.Join(parts, "; ")
}

// whoShort names who wrote a value, briefly: "bob's", "an import's".
func whoShort(c model.Conflict) string {
	switch {
	case c.Who == "":
		return "another program's"
	case c.Mine:
		return "this dashboard's"
	}
	return clean(c.Who) + "'s"
}

// byText names who wrote a value and when, in a sentence: "set by bob
// at 10:04 (another process)".
func (m *Model) byText(c model.Conflict) string {
	switch {
	case c.Who == "":
		return "changed " + m.byWhom(c)
	case c.Mine:
		return "set " + m.byWhom(c) // a purchase order took the order quantity, say
	}
	return "set " + m.byWhom(c) + " (another process)"
}

// byWhom names who changed a value and when: "by root at 02:10", "by this
// dashboard at 02:10", "by an import or another program".
func (m *Model) byWhom(c model.Conflict) string {
	switch {
	case c.Who == "":
		return "by an import or another program"
	case c.Mine:
		return "by this dashboard at " + m.when(c.At)
	}
	return "by " + clean(c.Who) + " at " + m.when(c.At)
}

// when shows an audit timestamp in the dashboard's clock's zone: the time
// alone today, else the day too.
func (m *Model) when(at string) string {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return clean(at)
	}
	now := m.opt.Now()
	t = t.In(now.Location())
	if y, mo, d := t.Date(); y == now.Year() && mo == now.Month() && d == now.Day() {
		return t.Format("15:04")
	}
	return t.Format("2006-01-02 15:04")
}

// fieldLabel names a policy field as the panes do.
func fieldLabel(field string) string {
	switch model.PolicyField(field) {
	case model.FieldLeadTime:
		return "lead time"
	case model.FieldReviewDays:
		return "review period"
	case model.FieldOrderQty:
		return "order quantity"
	case model.FieldMOQ:
		return "MOQ"
	}
	return strings.ReplaceAll(field, "_", " ")
}

// shownPolicyValue shows a stored value: automatic, a service level in
// percent, a lead time in days, a number grouped.
func shownPolicyValue(field model.PolicyField, v string) string {
	if v == "" {
		return "automatic"
	}
	n, err := strconv.ParseFloat(v, 64)
	switch {
	case err != nil:
		return clean(v)
	case field == model.FieldServiceLevel:
		return trimFloat(100*n) + "%"
	case field == model.FieldLeadTime:
		return trimFloat(n) + " days"
	case n == float64(int64(n)):
		return model.GroupThousands(int64(n))
	}
	return v
}

// shownSetting shows a setting's stored text as the settings view does.
func (m *Model) shownSetting(name, v string) string { return clean(model.ShowSetting(name, v)) }
