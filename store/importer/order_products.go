package importer

import (
	"fmt"
	"math"
	"strings"

	"stockroom/model"
	"stockroom/store"
)

// Order-line exports from marketplaces, ERPs and BI tools repeat the
// product's fields on every line. An orders file with such columns adds
// the SKUs the catalogue lacks and fills in the fields it leaves empty, in
// the same transaction as the sales, so one command imports it. A field
// the catalogue has is never overwritten: names and categories are curated
// in the catalogue, while an export repeats whatever a line once said.

// productText are the text fields an order line may carry, in the order
// messages list them.
var productText = [...]string{"name", "category", "subcategory", "brand", "supplier"}

// productColumns are all the product fields of an orders file; with any of
// them the file describes its products.
var productColumns = append(productText[:], "unit_cost")

// lineProduct is what a file's lines say about one SKU: the first
// non-empty value of each field, and whether a later line said otherwise.
type lineProduct struct {
	sku       string
	text      [len(productText)]string
	textLine  [len(productText)]int
	differs   [len(productText)]bool
	otherLine [len(productText)]int // the first line that said otherwise
	other     [len(productText)]string
	price     float64 // 0: none given
	unitCost  float64
}

// orderProducts collects the products of an orders file.
type orderProducts struct {
	j     *job
	index map[string]int // SKU → position in skus
	skus  []lineProduct

	sup            *nameSet
	added          []model.Product  // new products, placeholder id −(i+1)
	addedIDs       map[string]int64 // SKU → placeholder id
	filled         []model.Product
	realIDs        []int64 // of added, once written
	differs        [len(productText)]int
	differProducts int
}

// newOrderProducts returns nil when the file has no product columns.
func newOrderProducts(j *job) *orderProducts {
	for _, name := range productColumns {
		if j.has(name) {
			return &orderProducts{j: j, index: map[string]int{}}
		}
	}
	return nil
}

// line reads a line's product fields. price is the line's unit price,
// 0 when it has none.
func (o *orderProducts) line(rec []string, line int, sku string, price float64) {
	i, ok := o.index[sku]
	if !ok {
		sku = strings.Clone(sku) // the record's cells are reused
		i = len(o.skus)
		o.index[sku] = i
		o.skus = append(o.skus, lineProduct{sku: sku})
	}
	p := &o.skus[i]
	for f, name := range productText {
		v := o.j.cell(rec, name)
		switch {
		case v == "":
		case p.text[f] == "":
			p.text[f], p.textLine[f] = strings.Clone(v), line
		case !p.differs[f] && !sameText(name, p.text[f], v):
			p.differs[f], p.otherLine[f], p.other[f] = true, line, strings.Clone(v)
		}
	}
	if p.price == 0 {
		p.price = price
	}
	if v, ok := o.j.number(rec, line, "unit_cost"); ok {
		v = o.j.nonNegative(line, "unit_cost", v) // every line's cell is checked
		if p.unitCost == 0 {
			p.unitCost = v
		}
	}
}

// sameText compares two spellings of a field: runs of spaces do not
// matter, nor, for supplier names (matched so everywhere), case.
func sameText(field, a, b string) bool {
	if a == b {
		return true
	}
	a, b = strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " ")
	if field == "supplier" {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// plan compares the file's products with the catalogue: which to add,
// which to fill in, and what to say about differences.
func (o *orderProducts) plan() error {
	j := o.j
	existing, err := j.products()
	if err != nil {
		return err
	}
	if o.sup, err = j.supplierNames(); err != nil {
		return err
	}
	o.addedIDs = map[string]int64{}
	cat, err := j.catalogue()
	if err != nil {
		return err
	}
	var fileDiffers [len(productText)]int
	var example *lineProduct
	for i := range o.skus {
		lp := &o.skus[i]
		for f := range productText {
			if lp.differs[f] {
				fileDiffers[f]++
				if example == nil {
					example = lp
				}
			}
		}
		old := existing[lp.sku]
		if old == nil {
			p := o.newProduct(lp)
			o.added = append(o.added, p)
			o.addedIDs[p.SKU] = p.ID
			continue
		}
		supplier := ""
		if sp, ok := cat.Suppliers[old.SupplierID]; ok {
			supplier = sp.Name
		}
		if p, changed := o.fill(*old, supplier, lp); changed {
			o.filled = append(o.filled, p)
		}
	}
	j.res.ProductsNew, j.res.ProductsFilled = len(o.added), len(o.filled)
	o.note(fileDiffers, example)
	return nil
}

// newProduct is a SKU met only in the file, with defaults for the rest.
func (o *orderProducts) newProduct(lp *lineProduct) model.Product {
	p := model.Product{SKU: lp.sku, Name: lp.text[0], Category: lp.text[1], Subcategory: lp.text[2], Brand: lp.text[3],
		Price: lp.price, UnitCost: lp.unitCost, CasePack: 1, Status: model.Active, LaunchedOn: model.NoDay,
		ID: -int64(len(o.added) + 1)}
	if p.Name == "" {
		p.Name = p.SKU
	}
	if lp.text[4] != "" {
		p.SupplierID = o.sup.id(lp.text[4])
	}
	return p
}

// fill gives a catalogue product the file's values where it has none, and
// counts the fields where both have a value and they differ.
func (o *orderProducts) fill(p model.Product, supplier string, lp *lineProduct) (model.Product, bool) {
	changed, differs := false, false
	fields := [len(productText)]*string{&p.Name, &p.Category, &p.Subcategory, &p.Brand, &supplier}
	for f, dst := range fields {
		v := lp.text[f]
		// a product added without a name was named by its SKU
		empty := *dst == "" || f == 0 && *dst == p.SKU
		switch {
		case v == "":
		case empty:
			*dst, changed = v, true
			if productText[f] == "supplier" {
				p.SupplierID = o.sup.id(v)
			}
		case !sameText(productText[f], *dst, v):
			o.differs[f]++
			differs = true
		}
	}
	// prices change and vary with discounts: filled in, never compared
	if p.Price == 0 && lp.price > 0 {
		p.Price, changed = lp.price, true
	}
	if p.UnitCost == 0 && lp.unitCost > 0 {
		p.UnitCost, changed = lp.unitCost, true
	}
	if differs {
		o.differProducts++
	}
	return p, changed
}

func (o *orderProducts) note(fileDiffers [len(productText)]int, example *lineProduct) {
	j := o.j
	if n := len(o.added); n > 0 {
		j.res.Notes = append(j.res.Notes, plural(n, "product new", "products new"))
	}
	if n := len(o.filled); n > 0 {
		j.res.Notes = append(j.res.Notes, plural(n, "product", "products")+" filled in where empty")
	}
	if o.differProducts > 0 {
		var parts []string
		for f, n := range o.differs {
			if n > 0 {
				parts = append(parts, productText[f]+" "+model.GroupThousands(n))
			}
		}
		j.res.Notes = append(j.res.Notes, fmt.Sprintf("%s %s from the file (%s): the catalogue's values are kept (import products to change them)",
			plural(o.differProducts, "product", "products"), verb(o.differProducts, "differs", "differ"), strings.Join(parts, ", ")))
	}
	var parts []string
	for f, n := range fileDiffers {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s with another %s on some lines", plural(n, "SKU", "SKUs"), productText[f]))
		}
	}
	if example != nil {
		for f := range productText {
			if example.differs[f] {
				j.res.Notes = append(j.res.Notes, fmt.Sprintf("%s (the first line's is kept; e.g. %s: %q on line %d, %q on line %d)",
					strings.Join(parts, ", "), printable(example.sku), printable(example.text[f]), example.textLine[f],
					printable(example.other[f]), example.otherLine[f]))
				break
			}
		}
	}
	noteSuppliers(j, o.sup)
}

func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// placeholder is the negative id a new product has until it is written,
// or 0 for a SKU the file does not add.
func (o *orderProducts) placeholder(sku string) int64 { return o.addedIDs[sku] }

// write adds the new suppliers and products and fills in the others.
func (o *orderProducts) write(b *store.Bulk) (err error) {
	o.realIDs, err = writeProducts(b, o.sup, o.added, o.filled)
	return err
}

// real is a written product's id for a placeholder.
func (o *orderProducts) real(id int64) int64 {
	if id < 0 {
		return o.realIDs[-id-1]
	}
	return id
}

// unitPrice is a line's price for the product: its unit price, else what
// the line total makes each unit cost (to a hundredth of a cent).
func unitPrice(price, lineTotal float64, qty int) float64 {
	if price > 0 || lineTotal <= 0 || qty <= 0 {
		return price
	}
	return math.Round(lineTotal/float64(qty)*1e4) / 1e4
}
