package importer

import (
	"math"
	"strings"
)

var salesKind = &Kind{
	Name: "sales",
	Help: "units sold per SKU and day; for each SKU in the file, its days from the file's first to its last date are replaced (days not listed sold nothing); rows for the same SKU and day add up",
	Fields: []Field{
		field("sku", true, "stock keeping unit", "Variant SKU", "Product variant SKU"),
		field("date", true, "day of the sales", "Day", "Sales date", "Order date"),
		field("units", true, "units sold", "Quantity", "Qty", "Units sold", "Net quantity", "Net items sold"),
		field("revenue", false, "revenue of those units", "Net sales", "Gross sales", "Total sales", "Sales"),
		field("in_stock", false, "share of the day the SKU could be bought, 0–1 (or yes/no); empty = unknown", "In stock", "In stock fraction"),
	},
}

func init() { salesKind.run = runSales }

func runSales(j *job) error {
	s := newSalesFile(j, "units", "revenue")
	err := j.rows(func(rec []string, line int) {
		sku, ok := j.required(rec, line, "sku")
		if !ok {
			return
		}
		key, ok := j.dateKey(rec, line, "date")
		if !ok {
			return
		}
		units, ok := j.requiredCount(rec, line, "units")
		if !ok {
			return
		}
		revenue, _ := j.number(rec, line, "revenue")
		inStock := math.NaN()
		if c := j.cell(rec, "in_stock"); c != "" {
			v, ok := parseInStock(c, j.r.DecimalComma())
			if !ok {
				j.bad(line, "in_stock", "%q is not a share of the day from 0 to 1, or yes/no", c)
				return
			}
			inStock = v
		}
		s.add(line, sku, key, units, revenue, inStock)
	})
	if err != nil {
		return err
	}
	return s.apply()
}

// dateKey reads a required date cell.
func (j *job) dateKey(rec []string, line int, name string) (string, bool) {
	c, ok := j.required(rec, line, name)
	if !ok {
		return "", false
	}
	key, err := j.dates.Key(c)
	if err != nil {
		j.bad(line, name, "%v", err)
		return "", false
	}
	return key, true
}

// parseInStock reads a share of the day in stock: a number from 0 to 1, a
// percentage, or yes/no.
func parseInStock(s string, decimalComma bool) (float64, bool) {
	switch strings.ToLower(s) {
	case "yes", "true", "y":
		return 1, true
	case "no", "false", "n":
		return 0, true
	}
	pct := strings.HasSuffix(s, "%")
	v, err := ParseNumber(strings.TrimSuffix(s, "%"), decimalComma)
	if err != nil {
		return 0, false
	}
	if pct {
		v /= 100
	}
	return v, v >= 0 && v <= 1
}
