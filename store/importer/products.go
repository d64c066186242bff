package importer

import (
	"fmt"
	"strconv"
	"strings"

	"stockroom/model"
	"stockroom/store"
)

var productsKind = &Kind{
	Name: "products",
	Help: "one row per SKU (Shopify: per variant); fields the file lacks keep their values",
	Fields: []Field{
		field("sku", true, "stock keeping unit", "Variant SKU"),
		field("name", false, "product name; Shopify variants get the option values appended", "Title", "Product name"),
		field("category", false, "category (WooCommerce: the first path of Categories)", "Categories", "Type", "Product type"),
		field("subcategory", false, "subcategory", "Sub-category", "Product subcategory"),
		field("brand", false, "brand", "Vendor"),
		field("supplier", false, "supplier name; a new name adds a supplier with default lead time", "Supplier name"),
		field("unit_cost", false, "cost per unit", "Cost per item", "Variant Cost", "Cost", "Unit cost"),
		field("price", false, "selling price", "Variant Price", "Regular price"),
		field("case_pack", false, "units per case", "Case pack", "Pack size"),
		field("moq", false, "minimum order quantity", "Minimum order quantity"),
		field("status", false, "active or discontinued (Shopify archived = discontinued)", "Status"),
		field("launched_on", false, "launch date", "Launch date"),
		field("handle", false, "Shopify: the rows of one product share it, and only the first names the product", "URL handle"),
		field("option1", false, "Shopify: variant option value", "Option1 value"),
		field("option2", false, "Shopify: variant option value", "Option2 value"),
		field("option3", false, "Shopify: variant option value", "Option3 value"),
	},
}

func init() { productsKind.run = runProducts }

// productRow is one row's product and which of its fields the file sets.
type productRow struct {
	line     int
	p        model.Product
	set      map[string]bool
	supplier string // supplier name, when set
	launched string // date key, when set
}

// inherited are the fields a Shopify variant row takes from its product's
// first row when it leaves them empty.
var inherited = []string{"name", "category", "subcategory", "brand", "supplier", "status"}

func runProducts(j *job) error {
	existing, err := j.products()
	if err != nil {
		return err
	}
	var rows []productRow
	seen := map[string]int{} // SKU → its row in rows
	// a SKU may come again on a row that says the same: exports joined
	// from several sheets repeat rows
	repeats, repeated, hinted := 0, map[string]bool{}, false
	first := map[string]productRow{} // Shopify: the first row of each handle
	noSKU := 0
	err = j.rows(func(rec []string, line int) {
		r := j.productRow(rec, line)
		if handle := j.cell(rec, "handle"); handle != "" {
			if f, ok := first[handle]; ok {
				r.inherit(f)
			} else {
				first[handle] = r
			}
			if opts := optionValues(j, rec); opts != "" && r.set["name"] {
				r.p.Name += " – " + opts
			}
		}
		if r.p.SKU == "" {
			noSKU++ // Shopify image rows, products without a SKU
			return
		}
		if at, dup := seen[r.p.SKU]; dup {
			first := &rows[at]
			if field, this, that := differentField(r, *first); field != "" {
				if !hinted { // said once, among the first errors shown
					j.errs.Add(0, "", "rows repeat SKUs with other values; if this is an export of order lines, "+
						"`stockroom import orders` reads its products along with the sales")
					hinted = true
				}
				j.bad(line, "sku", "SKU %q appears again with another %s (%s; line %d has %s)", r.p.SKU, field, this, first.line, that)
			} else {
				repeats++
				repeated[r.p.SKU] = true
			}
			return
		}
		seen[r.p.SKU] = len(rows)
		rows = append(rows, r)
	})
	if err != nil {
		return err
	}
	if repeats > 0 {
		j.res.Notes = append(j.res.Notes, fmt.Sprintf("%s of %s %s identical and read once",
			plural(repeats, "repeated row", "repeated rows"), plural(len(repeated), "SKU", "SKUs"), verb(repeats, "was", "were")))
	}
	if noSKU > 0 {
		j.res.Notes = append(j.res.Notes, fmt.Sprintf("%s without a SKU left out", nRows(noSKU)))
	}
	if err := j.errs.Err(); err != nil {
		return err
	}
	if err := j.dates.Resolve(); err != nil {
		return fmt.Errorf("%s: %w", j.opt.File, err)
	}
	sup, err := j.supplierNames()
	if err != nil {
		return err
	}
	j.res.Unit = "products"
	var added, changed []model.Product
	for i := range rows {
		r := &rows[i]
		if r.set["launched_on"] {
			d, err := j.dates.Day(r.launched)
			if err != nil {
				j.bad(r.line, "launched_on", "%v", err)
				continue
			}
			r.p.LaunchedOn = d
		}
		if r.set["supplier"] {
			r.p.SupplierID = sup.id(r.supplier)
		}
		old, ok := existing[r.p.SKU]
		if !ok {
			added = append(added, r.newProduct())
			j.res.New++
			continue
		}
		r.p.UnitCost, r.p.Price = j.keepRounded(old.UnitCost, r.p.UnitCost), j.keepRounded(old.Price, r.p.Price)
		if merged := r.mergeInto(*old); merged != *old {
			changed = append(changed, merged)
			j.res.Updated++
		} else {
			j.res.Unchanged++
		}
	}
	noteSuppliers(j, sup)
	return j.finish(func(b *store.Bulk) error {
		_, err := writeProducts(b, sup, added, changed)
		return err
	})
}

// writeProducts adds the new suppliers, then the new products and the
// changed ones, and returns the ids the new products got, in their order.
func writeProducts(b *store.Bulk, sup *nameSet, added, changed []model.Product) ([]int64, error) {
	if err := addSuppliers(b, sup); err != nil {
		return nil, err
	}
	ids := make([]int64, len(added))
	for i, p := range added {
		p.SupplierID = sup.real(p.SupplierID)
		if err := b.AddProduct(&p); err != nil {
			return nil, err
		}
		ids[i] = p.ID
	}
	for _, p := range changed {
		p.SupplierID = sup.real(p.SupplierID)
		if err := b.UpdateProduct(p); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// productRow reads one row's fields.
func (j *job) productRow(rec []string, line int) productRow {
	r := productRow{line: line, set: map[string]bool{}}
	p := &r.p
	p.SKU = j.cell(rec, "sku")
	for _, f := range []struct {
		name string
		dst  *string
	}{{"name", &p.Name}, {"category", &p.Category}, {"subcategory", &p.Subcategory}, {"brand", &p.Brand}, {"supplier", &r.supplier}} {
		if v := j.cell(rec, f.name); v != "" {
			*f.dst, r.set[f.name] = v, true
		}
	}
	if j.res.Format == WooCommerceExport && r.set["category"] {
		p.Category, p.Subcategory = splitCategories(p.Category)
		r.set["subcategory"] = p.Subcategory != ""
	}
	if v, ok := j.number(rec, line, "unit_cost"); ok {
		p.UnitCost, r.set["unit_cost"] = j.nonNegative(line, "unit_cost", v), true
	}
	if v, ok := j.number(rec, line, "price"); ok {
		p.Price, r.set["price"] = j.nonNegative(line, "price", v), true
	}
	if v, ok := j.count(rec, line, "case_pack"); ok {
		if v < 1 {
			j.bad(line, "case_pack", "a case holds at least 1 unit")
		}
		p.CasePack, r.set["case_pack"] = v, true
	}
	if v, ok := j.count(rec, line, "moq"); ok {
		p.MOQ, r.set["moq"] = v, true
	}
	if s := j.cell(rec, "status"); s != "" {
		st, ok := productStatus(s)
		if !ok {
			j.bad(line, "status", "%q is not active or discontinued", s)
		}
		p.Status, r.set["status"] = st, true
	}
	if s := j.cell(rec, "launched_on"); s != "" {
		if key, err := j.dates.Key(s); err != nil {
			j.bad(line, "launched_on", "%v", err)
		} else {
			r.launched, r.set["launched_on"] = key, true
		}
	}
	return r
}

// copyField copies one field of a product; the supplier goes by id (a
// row's supplier name is resolved to it before merging).
var copyField = map[string]func(dst, src *model.Product){
	"name":        func(d, s *model.Product) { d.Name = s.Name },
	"category":    func(d, s *model.Product) { d.Category = s.Category },
	"subcategory": func(d, s *model.Product) { d.Subcategory = s.Subcategory },
	"brand":       func(d, s *model.Product) { d.Brand = s.Brand },
	"supplier":    func(d, s *model.Product) { d.SupplierID = s.SupplierID },
	"unit_cost":   func(d, s *model.Product) { d.UnitCost = s.UnitCost },
	"price":       func(d, s *model.Product) { d.Price = s.Price },
	"case_pack":   func(d, s *model.Product) { d.CasePack = s.CasePack },
	"moq":         func(d, s *model.Product) { d.MOQ = s.MOQ },
	"status":      func(d, s *model.Product) { d.Status = s.Status },
	"launched_on": func(d, s *model.Product) { d.LaunchedOn = s.LaunchedOn },
}

// inherit takes the fields a variant row leaves empty from its product's
// first row.
func (r *productRow) inherit(first productRow) {
	for _, name := range inherited {
		if r.set[name] || !first.set[name] {
			continue
		}
		r.set[name] = true
		copyField[name](&r.p, &first.p)
		if name == "supplier" {
			r.supplier = first.supplier
		}
	}
}

// newProduct is the row as a new product, with defaults for what it lacks.
func (r *productRow) newProduct() model.Product {
	p := r.p
	if !r.set["case_pack"] {
		p.CasePack = 1
	}
	if !r.set["status"] {
		p.Status = model.Active
	}
	if !r.set["launched_on"] {
		p.LaunchedOn = model.NoDay
	}
	if !r.set["name"] {
		p.Name = p.SKU
	}
	return p
}

// mergeInto is old with the fields the row sets.
func (r *productRow) mergeInto(old model.Product) model.Product {
	p := old
	for name, set := range r.set {
		if copy := copyField[name]; set && copy != nil {
			copy(&p, &r.p)
		}
	}
	return p
}

// optionValues joins a Shopify variant's option values, leaving out the
// "Default Title" of products without options.
func optionValues(j *job, rec []string) string {
	var parts []string
	for _, name := range []string{"option1", "option2", "option3"} {
		if v := j.cell(rec, name); v != "" && v != "Default Title" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " / ")
}

// splitCategories takes WooCommerce's "Garden > Hoses, Sale" to its first
// path's top two levels.
func splitCategories(s string) (category, subcategory string) {
	path, _, _ := strings.Cut(s, ",")
	parts := strings.Split(path, ">")
	category = strings.TrimSpace(parts[0])
	if len(parts) > 1 {
		subcategory = strings.TrimSpace(parts[1])
	}
	return category, subcategory
}

// productStatus reads the status words of Stockroom, Shopify and
// WooCommerce.
func productStatus(s string) (model.ProductStatus, bool) {
	switch strings.ToLower(s) {
	case "active", "draft", "published", "publish", "1", "true", "yes":
		return model.Active, true
	case "discontinued", "archived", "inactive", "0", "-1", "false", "no":
		return model.Discontinued, true
	}
	return "", false
}

func (j *job) nonNegative(line int, name string, v float64) float64 {
	if v < 0 {
		j.bad(line, name, "%v is negative", v)
		return 0
	}
	return v
}

// productFields are the fields of a product row, in the order a
// difference between two rows of one SKU is reported.
var productFields = []string{"name", "category", "subcategory", "brand", "supplier", "unit_cost", "price",
	"case_pack", "moq", "status", "launched_on"}

// differentField compares two rows of one SKU after normalising (runs of
// spaces, numbers as numbers, supplier names without case, dates as
// days), and returns the first field they differ in with both values, or
// "". Rows that differ are refused rather than one taken: either could be
// the right price or cost, and a wrong one goes onto purchase orders.
func differentField(a, b productRow) (field, aValue, bValue string) {
	for _, f := range productFields {
		av, bv := a.value(f), b.value(f)
		if a.set[f] == b.set[f] && (av == bv || sameText(f, av, bv)) {
			continue
		}
		show := func(r productRow, v string) string {
			switch {
			case !r.set[f] && isNumberField(f):
				return "empty"
			case isNumberField(f):
				return v
			}
			return fmt.Sprintf("%q", printable(v))
		}
		return strings.ReplaceAll(f, "_", " "), show(a, av), show(b, bv)
	}
	return "", "", ""
}

func isNumberField(f string) bool {
	return f == "unit_cost" || f == "price" || f == "case_pack" || f == "moq"
}

// value is a field of the row as text: numbers in their shortest form.
func (r *productRow) value(f string) string {
	if !r.set[f] {
		return ""
	}
	p := &r.p
	switch f {
	case "name":
		return p.Name
	case "category":
		return p.Category
	case "subcategory":
		return p.Subcategory
	case "brand":
		return p.Brand
	case "supplier":
		return r.supplier
	case "unit_cost":
		return strconv.FormatFloat(p.UnitCost, 'f', -1, 64)
	case "price":
		return strconv.FormatFloat(p.Price, 'f', -1, 64)
	case "case_pack":
		return strconv.Itoa(p.CasePack)
	case "moq":
		return strconv.Itoa(p.MOQ)
	case "status":
		return string(p.Status)
	case "launched_on":
		return r.launched
	}
	return ""
}
