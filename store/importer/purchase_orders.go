package importer

import (
	"fmt"
	"slices"
	"strings"

	"stockroom/model"
	"stockroom/store"
)

var purchaseOrdersKind = &Kind{
	Name: "purchase-orders",
	Help: "one row per order line; the lines of one order share its reference, and importing the file again replaces the orders it names",
	Fields: []Field{
		field("po", true, "the order's reference in your system", "PO", "PO number", "Purchase order", "Reference", "Order number"),
		field("supplier", true, "supplier name; a new name adds a supplier with default lead time", "Supplier name", "Vendor"),
		field("sku", true, "stock keeping unit", "Variant SKU"),
		field("quantity", true, "units ordered", "Qty", "Quantity ordered", "Ordered"),
		field("unit_cost", false, "cost per unit", "Unit cost", "Cost"),
		field("received", false, "units received so far", "Received qty", "Quantity received", "Received quantity"),
		field("status", false, "draft, sent, received or cancelled (default sent)", "Status"),
		field("created", false, "order date (default today)", "Order date", "Created at", "Date"),
		field("expected", false, "expected delivery date", "Expected date", "ETA", "Due date", "Expected at"),
	},
}

func init() { purchaseOrdersKind.run = runPurchaseOrders }

// poDraft is one order as the file gives it.
type poDraft struct {
	ref, supplier     string
	line              int
	status            model.POStatus
	created, expected string // date keys
	lines             []model.OrderLine
	skuLine           map[int64]int
}

func runPurchaseOrders(j *job) error {
	products, err := j.products()
	if err != nil {
		return err
	}
	orders := map[string]*poDraft{}
	var refs []string
	unknown := &unknownSKUs{j: j}
	err = j.rows(func(rec []string, line int) {
		ref, ok1 := j.required(rec, line, "po")
		supplier, ok2 := j.required(rec, line, "supplier")
		sku, ok3 := j.required(rec, line, "sku")
		qty, ok4 := j.requiredCount(rec, line, "quantity")
		if !(ok1 && ok2 && ok3 && ok4) {
			return
		}
		if qty == 0 {
			j.bad(line, "quantity", "an order line orders at least 1 unit")
			return
		}
		o := orders[ref]
		if o == nil {
			o = &poDraft{ref: ref, supplier: supplier, line: line, status: model.POSent, skuLine: map[int64]int{}}
			orders[ref] = o
			refs = append(refs, ref)
		} else if !strings.EqualFold(o.supplier, supplier) {
			j.bad(line, "supplier", "order %q is from %q on line %d", ref, o.supplier, o.line)
			return
		}
		if s := j.cell(rec, "status"); s != "" {
			st, ok := poStatus(s)
			if !ok {
				j.bad(line, "status", "%q is not draft, sent, received or cancelled", s)
			}
			o.status = st
		}
		for _, d := range []struct {
			name string
			dst  *string
		}{{"created", &o.created}, {"expected", &o.expected}} {
			if c := j.cell(rec, d.name); c != "" {
				if key, err := j.dates.Key(c); err != nil {
					j.bad(line, d.name, "%v", err)
				} else {
					*d.dst = key
				}
			}
		}
		p := products[sku]
		if p == nil {
			unknown.add(line, sku)
			return
		}
		if at, dup := o.skuLine[p.ID]; dup {
			j.bad(line, "sku", "SKU %q is on order %q already (line %d)", sku, ref, at)
			return
		}
		o.skuLine[p.ID] = line
		l := model.OrderLine{ProductID: p.ID, Qty: qty, UnitCost: p.UnitCost}
		if v, ok := j.number(rec, line, "unit_cost"); ok {
			l.UnitCost = j.nonNegative(line, "unit_cost", v)
		}
		if v, ok := j.count(rec, line, "received"); ok {
			l.ReceivedQty = v
		}
		o.lines = append(o.lines, l)
	})
	if err != nil {
		return err
	}
	unknown.note()
	if err := j.errs.Err(); err != nil {
		return err
	}
	if err := j.dates.Resolve(); err != nil {
		return j.fileError(err)
	}
	sup, err := j.supplierNames()
	if err != nil {
		return err
	}
	stored, err := j.st.PurchaseOrdersByReference(j.ctx)
	if err != nil {
		return err
	}
	today := j.today()
	type write struct {
		ref      string
		existing int64
		po       store.PurchaseOrderInput
	}
	var writes []write
	j.res.Unit = "purchase orders"
	for _, ref := range refs {
		o := orders[ref]
		po, err := j.purchaseOrder(o, sup.id(o.supplier), today)
		if err != nil {
			j.bad(o.line, "po", "%v", err)
			continue
		}
		old := stored[ref]
		switch {
		case old == nil:
			j.res.New++
		case samePurchaseOrder(old.PurchaseOrderInput, po):
			j.res.Unchanged++
			continue
		default:
			j.res.Updated++
		}
		w := write{ref: ref, po: po}
		if old != nil {
			w.existing = old.ID
		}
		writes = append(writes, w)
	}
	noteSuppliers(j, sup)
	return j.finish(func(b *store.Bulk) error {
		if err := addSuppliers(b, sup); err != nil {
			return err
		}
		for _, w := range writes {
			w.po.SupplierID = sup.real(w.po.SupplierID)
			if _, err := b.SavePurchaseOrder(w.ref, w.existing, w.po); err != nil {
				return err
			}
		}
		return nil
	})
}

// purchaseOrder turns a drafted order into what the store keeps: dates
// resolved, sent on the order date unless it is a draft, a received order's
// lines received in full unless the file says how much.
func (j *job) purchaseOrder(o *poDraft, supplierID int64, today model.Day) (store.PurchaseOrderInput, error) {
	po := store.PurchaseOrderInput{SupplierID: supplierID, Status: o.status, Created: today,
		Sent: model.NoDay, Expected: model.NoDay, Received: model.NoDay}
	if o.created != "" {
		d, err := j.dates.Day(o.created)
		if err != nil {
			return po, err
		}
		po.Created = d
	}
	if o.expected != "" {
		d, err := j.dates.Day(o.expected)
		if err != nil {
			return po, err
		}
		po.Expected = d
	}
	if po.Status != model.PODraft {
		po.Sent = po.Created
	}
	po.Lines = slices.Clone(o.lines)
	received := j.has("received")
	for i := range po.Lines {
		l := &po.Lines[i]
		if po.Status == model.POReceived && !received {
			l.ReceivedQty = l.Qty
		}
		if l.ReceivedQty > l.Qty {
			return po, fmt.Errorf("more received (%d) than ordered (%d) on a line", l.ReceivedQty, l.Qty)
		}
	}
	if po.Status == model.POReceived {
		po.Received = max(po.Created, po.Expected)
	}
	slices.SortFunc(po.Lines, func(a, b model.OrderLine) int { return int(a.ProductID - b.ProductID) })
	return po, nil
}

func samePurchaseOrder(a, b store.PurchaseOrderInput) bool {
	return a.SupplierID == b.SupplierID && a.Status == b.Status && a.Created == b.Created && a.Sent == b.Sent &&
		a.Expected == b.Expected && a.Received == b.Received && slices.Equal(a.Lines, b.Lines)
}

// poStatus reads order states as purchasing tools name them.
func poStatus(s string) (model.POStatus, bool) {
	switch strings.ToLower(s) {
	case "draft", "new":
		return model.PODraft, true
	case "sent", "open", "ordered", "placed", "confirmed", "partially received", "partial":
		return model.POSent, true
	case "received", "closed", "complete", "completed", "delivered":
		return model.POReceived, true
	case "cancelled", "canceled", "void":
		return model.POCancelled, true
	}
	return "", false
}
