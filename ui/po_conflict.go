package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"stockroom/model"
)

// Shared by the purchase-order actions of the Reorder pane (o, in
// reorder_draft.go) and the Suppliers pane (suppliers_orders.go): the day
// they are dated, and the texts for actions refused by their
// compare-and-set, built from the conflicts the store names with their
// audit rows.

// conflictsBy names who changed a set of values: "PO #211 by root at
// 02:10" when one writer on one order did, else the writers.
func (m *Model) conflictsBy(cs []model.Conflict) string {
	var names []string
	orders := map[int64]bool{}
	newest := cs[0]
	for _, c := range cs {
		name := "an import or another program"
		switch {
		case c.Mine:
			name = "this dashboard"
		case c.Who != "":
			name = clean(c.Who)
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
		orders[c.Order] = true
		if c.At > newest.At {
			newest = c
		}
	}
	if len(names) > 1 {
		return "by " + strings.Join(names, " and ")
	}
	by := m.byWhom(newest)
	if len(orders) == 1 && newest.Order != 0 {
		by = fmt.Sprintf("PO #%d %s", newest.Order, by)
	}
	return by
}

// orderConflict is the conflict that says most about an order: its status
// if that changed, else the first.
func orderConflict(c *model.ConflictError) model.Conflict {
	for _, k := range c.Conflicts {
		if k.Field == "status" {
			return k
		}
	}
	return c.Conflicts[0]
}

// statusChangeText says what happened to an order whose status is not
// the one the PM saw: "PO #176 was already received in full by root at
// 02:10".
func (m *Model) statusChangeText(id int64, k model.Conflict, verb string) string {
	var what string
	switch model.POStatus(k.Stored) {
	case model.POReceived:
		what = "already received in full"
	case model.POCancelled:
		what = "cancelled"
		if verb == "cancel" {
			what = "already cancelled"
		}
	case model.POSent:
		what = "sent"
		if verb == "send" {
			what = "already sent"
		}
	default:
		what = "made " + clean(k.Stored)
	}
	return fmt.Sprintf("PO #%d was %s %s", id, what, m.byWhom(k))
}

// seenNow is what the PM saw of an order with the stored values a
// conflict names.
func seenNow(seen model.POSeen, c *model.ConflictError) model.POSeen {
	storedNow(c, &seen.Status, map[string]*int{"lines": &seen.Lines, "units": &seen.Units, "received": &seen.Received})
	return seen
}

// lineNow is what the PM saw of a line with the stored values a conflict
// names.
func lineNow(seen model.POLineSeen, c *model.ConflictError) model.POLineSeen {
	storedNow(c, &seen.Status, map[string]*int{"qty": &seen.Qty, "received": &seen.Received})
	return seen
}

// storedNow puts the values a conflict names as stored now in place of
// those seen: the status, and the numbers by their field.
func storedNow(c *model.ConflictError, status *model.POStatus, numbers map[string]*int) {
	for _, k := range c.Conflicts {
		if k.Field == "status" {
			*status = model.POStatus(k.Stored)
		} else if n, ok := numbers[k.Field]; ok {
			*n, _ = strconv.Atoi(k.Stored)
		}
	}
}

// setRefusal shows why an action did nothing. It stays until the next
// key: a reload of other processes' changes found meanwhile (the very
// change that caused the refusal, often) does not replace it.
func (m *Model) setRefusal(s string) {
	m.notDone(s)
	m.keepMessage = true
}

// today is the day purchase-order actions are dated: the real date, as
// sending and receiving happen now whatever day the plan looks at.
func (m *Model) today() model.Day { return model.DayOf(m.opt.Now()) }
