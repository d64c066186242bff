package planner

import (
	"strconv"
	"strings"

	"stockroom/model"
)

// POView is the "po" view: one purchase order's lines as a supplier reads
// them, for `stockroom export po --id N` and the order screen.
type POView struct {
	Order model.PurchaseOrder
}

// PO column indexes, in export order.
const (
	POSKU = iota
	POName
	POQty
	POUnitCost
	POLineTotal
	POReceived
)

var poColumns = []Column{
	POSKU:       {"sku", "SKU", "", Text, "stock keeping unit"},
	POName:      {"name", "Name", "", Text, "product name"},
	POQty:       {"quantity", "Quantity", "Qty", Integer, "units ordered"},
	POUnitCost:  {"unit_cost", "Unit cost", "", Money, "cost per unit"},
	POLineTotal: {"line_total", "Line total", "", Money, "quantity × unit cost"},
	POReceived:  {"received", "Received", "", Integer, "units received so far"},
}

func (POView) Name() string      { return "po" }
func (POView) Columns() []Column { return poColumns }
func (v POView) Len() int        { return len(v.Order.Lines) }
func (v POView) SearchText(i int) string {
	l := v.Order.Lines[i]
	return lower(l.SKU + "\x00" + l.Name)
}

func (v POView) Value(i, col int) Value {
	l := v.Order.Lines[i]
	switch col {
	case POSKU:
		return Value{Text: l.SKU}
	case POName:
		return Value{Text: l.Name}
	case POQty:
		return Value{Int: int64(l.Qty)}
	case POUnitCost:
		return Value{Float: l.UnitCost}
	case POLineTotal:
		return Value{Float: l.Value()}
	case POReceived:
		return Value{Int: int64(l.ReceivedQty)}
	}
	return Value{Null: true}
}

// POListView is the "pos" view: purchase orders, as listed by the store.
type POListView struct {
	Orders []model.POSummary
}

// PO list column indexes, in export order.
const (
	POListID = iota
	POListSupplier
	POListStatus
	POListCreated
	POListSent
	POListExpected
	POListReceived
	POListLines
	POListUnits
	POListReceivedUnits
	POListValue
	POListOpenValue
	POListReference
)

var poListColumns = []Column{
	POListID:            {"id", "PO", "", Integer, "purchase order number"},
	POListSupplier:      {"supplier", "Supplier", "", Text, "supplier name"},
	POListStatus:        {"status", "Status", "", Enum, "`draft`, `sent`, `received` or `cancelled`"},
	POListCreated:       {"created", "Created", "", Date, "day the order was created"},
	POListSent:          {"sent", "Sent", "", Date, "day it was sent; empty for a draft"},
	POListExpected:      {"expected", "Expected", "", Date, "sent day + lead time"},
	POListReceived:      {"received", "Received", "", Date, "day the last unit arrived"},
	POListLines:         {"lines", "Lines", "", Integer, "lines on the order"},
	POListUnits:         {"units", "Units", "", Integer, "units ordered"},
	POListReceivedUnits: {"received_units", "Received units", "Recvd", Integer, "units received so far"},
	POListValue:         {"value", "Value", "", Money, "Σ quantity × unit cost"},
	POListOpenValue:     {"open_value", "Open value", "", Money, "outstanding units × unit cost"},
	POListReference:     {"reference", "Reference", "Ref", Text, "the order's reference in the PM's own system"},
}

var poStatusOrder = map[model.POStatus]int64{model.PODraft: 0, model.POSent: 1, model.POReceived: 2, model.POCancelled: 3}

func (POListView) Name() string      { return "pos" }
func (POListView) Columns() []Column { return poListColumns }
func (v POListView) Len() int        { return len(v.Orders) }
func (v POListView) SearchText(i int) string {
	o := v.Orders[i]
	return lower(strconv.FormatInt(o.ID, 10) + "\x00" + o.Supplier + "\x00" + string(o.Status) + "\x00" + o.Reference)
}

func (v POListView) Value(i, col int) Value {
	o := v.Orders[i]
	switch col {
	case POListID:
		return Value{Int: o.ID}
	case POListSupplier:
		return Value{Text: o.Supplier}
	case POListStatus:
		return Value{Int: poStatusOrder[o.Status], Text: string(o.Status)}
	case POListCreated:
		return dateValue(o.Created)
	case POListSent:
		return dateValue(o.Sent)
	case POListExpected:
		return dateValue(o.Expected)
	case POListReceived:
		return dateValue(o.Received)
	case POListLines:
		return Value{Int: int64(o.Lines)}
	case POListUnits:
		return Value{Int: int64(o.Units)}
	case POListReceivedUnits:
		return Value{Int: int64(o.ReceivedUnits)}
	case POListValue:
		return Value{Float: o.Value}
	case POListOpenValue:
		return Value{Float: o.OpenValue}
	case POListReference:
		return Value{Text: o.Reference}
	}
	return Value{Null: true}
}

func lower(s string) string { return strings.ToLower(s) }

var (
	_ View = POView{}
	_ View = POListView{}
)
