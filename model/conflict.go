package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Conflict is a stored value that someone else changed after an edit read
// it: the edit was made against Seen, the catalogue holds Stored.
type Conflict struct {
	Name string // the SKU, or the setting's name; "" for a whole purchase order
	// Field is the policy field, "" for a setting; for a purchase order
	// "status", "lines", "units" or "received", for one of its lines "qty"
	// or "received", for a SKU a draft was computed for a position field
	// (FieldInDraft, …) or a policy field
	Field string
	// Order is the purchase order whose value changed, 0 for other values;
	// for a position field, the order that changed it last, if known.
	Order int64
	Seen  string // canonical text the edit was made against ("" = automatic)
	// Stored is the value now in the catalogue.
	Stored string
	// Who and At are from the newest audit row that wrote Stored (At in
	// RFC 3339, UTC); both empty when no audit row did (an import).
	Who, At string
	// Mine is true when that row was written through the same catalogue
	// handle as the refused edit (the dashboard's own purchase order, say),
	// not by another process.
	Mine bool
}

// ConflictError is an edit refused because values it was made against
// changed meanwhile: nothing of it was written.
type ConflictError struct {
	Conflicts []Conflict
	// Changes is how many values the refused edit held.
	Changes int
}

func (e *ConflictError) Error() string {
	var b strings.Builder
	if len(e.Conflicts) > 1 || e.Changes > 1 {
		fmt.Fprintf(&b, "%d of %d values changed since they were read: ", len(e.Conflicts), e.Changes)
	}
	for i, c := range e.Conflicts {
		if i == 3 {
			fmt.Fprintf(&b, "; and %d more", len(e.Conflicts)-3)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(c.String())
	}
	b.WriteString(": nothing saved")
	return b.String()
}

// String says what happened to one value: "FW-000123 reorder_point is 40
// (set by alice at 2026-11-27T09:30:00Z), not 30".
func (c Conflict) String() string {
	name := c.Name
	if c.Order != 0 && !IsPositionField(c.Field) {
		name = strings.TrimSpace(fmt.Sprintf("PO #%d %s", c.Order, c.Name))
	}
	if c.Field != "" {
		name += " " + c.Field
	}
	s := fmt.Sprintf("%s is %s", name, ShownValue(c.Stored))
	if by := c.By(); by != "" {
		s += " (" + by + ")"
	}
	return s + ", not " + ShownValue(c.Seen)
}

// By names who wrote the stored value and when, or says that no audit row
// did.
func (c Conflict) By() string {
	if c.Who == "" {
		return "changed without an audit row, by an import or another program"
	}
	return "set by " + c.Who + " at " + c.At
}

// ShownValue is a stored value as people read it: "" is automatic.
func ShownValue(v string) string {
	if v == "" {
		return "auto"
	}
	return v
}

// PolicyValue is a field's stored value as the item was loaded, in the
// canonical text that ParsePolicyValue gives and an edit's Seen holds.
func PolicyValue(it *Item, f PolicyField) string {
	p := it.Policy
	switch f {
	case FieldReorderPoint:
		if p.Manual {
			return strconv.Itoa(p.ReorderPoint)
		}
	case FieldLeadTime:
		if p.LeadTimeDays != 0 {
			return CanonicalNumber(p.LeadTimeDays)
		}
	case FieldServiceLevel:
		if p.ServiceLevel != 0 {
			return CanonicalNumber(p.ServiceLevel)
		}
	case FieldRounding:
		return string(p.Rounding)
	case FieldReviewDays:
		if p.ReviewDays != 0 {
			return strconv.Itoa(p.ReviewDays)
		}
	case FieldOrderQty:
		if p.HasOrderQty {
			return strconv.Itoa(p.OrderQty)
		}
	case FieldCasePack:
		return strconv.Itoa(it.Product.CasePack)
	case FieldMOQ:
		return strconv.Itoa(it.Product.MOQ)
	}
	return ""
}

// SamePolicyValue compares stored texts as the planner reads them: a zero
// lead time, service level or review period is the default, like NULL.
func SamePolicyValue(f PolicyField, a, b string) bool {
	norm := func(v string) string {
		switch f {
		case FieldLeadTime, FieldServiceLevel, FieldReviewDays:
			if n, err := strconv.ParseFloat(v, 64); err == nil && n == 0 {
				return ""
			}
		}
		return v
	}
	return norm(a) == norm(b)
}
