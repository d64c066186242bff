package ui

import (
	"strconv"

	"stockroom/model"
)

// A conflict shows the PM another process's change: in the question
// before saving over it, or in a refusal. The watch may report that very
// change after the answer (it looks once a second), and it would be told
// again: "Not saved: … stays 70 · …: reorder point changed to 70 by bob".
// The changes shown are remembered, and an audit row of one of them, or
// of an older change of the same value, is no news.

// shownLimit bounds what is remembered: the watch reports a change within
// seconds, so only the last few conflicts matter.
const shownLimit = 64

// showedConflicts remembers the changes a conflict showed.
func (m *Model) showedConflicts(c *model.ConflictError) {
	for _, k := range c.Conflicts {
		if !k.Mine && k.At != "" {
			m.outside.shown = append(m.outside.shown, k)
		}
	}
	if n := len(m.outside.shown); n > shownLimit {
		m.outside.shown = m.outside.shown[n-shownLimit:]
	}
}

// wasShown says whether an audit row is a change a conflict showed, or an
// older one of the same value that the change shown replaced.
func (m *Model) wasShown(e model.AuditEntry) bool {
	for _, k := range m.outside.shown {
		if !sameThing(e, k) {
			continue
		}
		if e.At < k.At || (e.At == k.At && sameStored(e, k)) {
			return true
		}
	}
	return false
}

// sameThing says an audit row is about the value a conflict names: a
// SKU's field, a setting, or a purchase order.
func sameThing(e model.AuditEntry, k model.Conflict) bool {
	switch {
	case k.Order != 0:
		return e.Entity == "purchase_order" && e.EntityID == strconv.FormatInt(k.Order, 10)
	case k.Field == "":
		return e.Entity == "setting" && e.EntityID == k.Name
	}
	return (e.Entity == "policy" || e.Entity == "product") && e.EntityID == k.Name && e.Field == k.Field
}

// sameStored says an audit row wrote the value a conflict showed (or, for
// an order, any of its values at that moment).
func sameStored(e model.AuditEntry, k model.Conflict) bool {
	if k.Order != 0 {
		return true
	}
	v := e.New
	if v == "auto" {
		v = ""
	}
	if k.Field == "" {
		a, errA := strconv.ParseFloat(v, 64)
		b, errB := strconv.ParseFloat(k.Stored, 64)
		return errA == nil && errB == nil && a == b
	}
	return model.SamePolicyValue(model.PolicyField(k.Field), v, k.Stored)
}
