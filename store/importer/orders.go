package importer

import (
	"fmt"
	"stockroom/model"
	"strings"
)

var ordersKind = &Kind{
	Name: "orders",
	Help: "order lines, added up into daily sales per SKU; cancelled orders do not count; for each SKU in the file, its days from the file's first to its last order date are replaced. " +
		"With product columns (name, category, …) the SKUs the catalogue lacks are added and empty product fields filled in",
	Fields: []Field{
		field("order", false, "order number: an order's lines follow each other, and its date and cancellation may be on its first line only", "Name", "Order ID", "Order number", "Order name", "Order"),
		field("date", true, "order date (the shop's local date is kept)", "Created at", "Order date", "Date"),
		field("sku", true, "stock keeping unit", "Lineitem sku", "Variant SKU"),
		field("quantity", true, "units ordered", "Lineitem quantity", "Qty", "Quantity"),
		field("price", false, "unit price: revenue is quantity × price without a line_total; a new product's price", "Lineitem price", "Unit price", "Price"),
		field("line_total", false, "what the line sold for, after discounts: the revenue when given", "Line total", "Lineitem total", "Line item total", "Line amount", "Line revenue", "Revenue", "Sales"),
		field("cancelled", false, "cancellation date or yes/no: cancelled orders do not count", "Cancelled at", "Canceled at", "Cancelled"),
		// Shopify's "Name" is the order number: the product name is found
		// under other headers only, or named with --map name=…
		{Name: "name", Help: "product name (the first line's), for SKUs the catalogue lacks or has no name for", Headers: normaliseAll("Product name", "Item name", "Product title")},
		field("category", false, "product category, likewise", "Product category"),
		field("subcategory", false, "product subcategory, likewise", "Sub-category", "Product subcategory"),
		field("brand", false, "brand, likewise"),
		field("supplier", false, "supplier name, likewise; a new name adds a supplier with default lead time", "Supplier name"),
		field("unit_cost", false, "cost per unit, likewise", "Unit cost", "Cost per item"),
	},
}

func init() { ordersKind.run = runOrders }

// orderHead is what an order's first line says for all its lines.
type orderHead struct {
	date      string // date key
	cancelled bool
}

func runOrders(j *job) error {
	revenueField := "price"
	if j.has("line_total") {
		revenueField = "line_total"
	}
	s := newSalesFile(j, "quantity", revenueField)
	s.products = newOrderProducts(j)
	// an order's lines follow each other, and only its first carries the
	// order's fields: the lines after it with the same number take them
	var lastOrder string
	var head orderHead
	cancelledLines, noSKU := 0, 0
	err := j.rows(func(rec []string, line int) {
		order := j.cell(rec, "order")
		if order == "" || order != lastOrder {
			head = orderHead{}
		}
		if c := j.cell(rec, "date"); c != "" || head.date == "" {
			key, ok := j.dateKey(rec, line, "date")
			if !ok {
				return
			}
			head.date = key
		}
		if c := j.cell(rec, "cancelled"); c != "" {
			head.cancelled = isCancelled(c)
		}
		lastOrder = order
		sku := j.cell(rec, "sku")
		qty, ok := j.requiredCount(rec, line, "quantity")
		if !ok {
			return
		}
		price, _ := j.number(rec, line, "price")
		price = j.nonNegative(line, "price", price)
		revenue := float64(qty) * price
		total, hasTotal := j.number(rec, line, "line_total")
		switch {
		case hasTotal:
			revenue = j.nonNegative(line, "line_total", total)
		case revenue > maxNumber:
			j.bad(line, "price", "%s × %s is more than %s", model.GroupThousands(qty), printable(j.cell(rec, "price")), "1,000,000,000,000")
			return
		}
		if sku != "" && s.products != nil {
			s.products.line(rec, line, sku, unitPrice(price, revenue, qty))
		}
		switch {
		case sku == "":
			noSKU++ // shipping, tips and custom items have no SKU
		case head.cancelled:
			cancelledLines++
		default:
			s.add(line, sku, head.date, qty, revenue, nan)
		}
	})
	if err != nil {
		return err
	}
	if cancelledLines > 0 {
		j.res.Notes = append(j.res.Notes, fmt.Sprintf("%s of cancelled orders left out", plural(cancelledLines, "line", "lines")))
	}
	if noSKU > 0 {
		j.res.Notes = append(j.res.Notes, fmt.Sprintf("%s without a SKU left out", plural(noSKU, "line", "lines")))
	}
	if s.products != nil {
		if err := s.products.plan(); err != nil {
			return err
		}
	}
	return s.apply()
}

// isCancelled reads a cancellation cell: a date means cancelled, and so do
// yes/true/1; no/false/0 do not.
func isCancelled(s string) bool {
	switch strings.ToLower(s) {
	case "no", "false", "0", "n":
		return false
	}
	return true
}
