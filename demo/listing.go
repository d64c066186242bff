package demo

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"strings"
)

// Listing is how a shop's order lines show a SKU: the benchmark orders
// file (tools/orderscsv) sells any SKU list under the demo shop's names.
type Listing struct {
	Name     string // "Title - Variant", as Shopify names a line
	Vendor   string
	Cents    int64 // the price, VAT included
	WasCents int64 // the compare-at price of a SKU on sale, else 0
}

// ListingOf describes a SKU from its own random stream, keyed by the SKU
// rather than its position so that a SKU keeps its name and price however
// a list is ordered. A demo SKU (FW-000123) is named after its category;
// any other after a random one.
func ListingOf(seed uint64, sku string) Listing {
	h := fnv.New64a()
	h.Write([]byte(sku))
	r := rand.New(rand.NewPCG(seed^0x9e3779b97f4a7c15, h.Sum64()))
	c := &categories[r.IntN(len(categories))]
	if code, _, ok := strings.Cut(sku, "-"); ok {
		for i := range categories {
			if categories[i].Code == code {
				c = &categories[i]
			}
		}
	}
	brand, noun, variant := pick(r, c.Brands), pick(r, pick(r, c.Subs).Nouns), pick(r, c.Variants)
	// Some titles carry a comma so that a CSV of them exercises quoting.
	var name string
	switch x := r.Float64(); {
	case x < 0.2:
		name = noun + ", " + brand + " " + pick(r, lines) + " - " + variant
	case x < 0.6:
		name = brand + " " + pick(r, lines) + " " + noun + " - " + variant
	default:
		name = brand + " " + noun + " - " + variant
	}
	price := shelfPrice(math.Exp(uniform(r, math.Log(c.PriceLo), math.Log(c.PriceHi))))
	l := Listing{Name: name, Vendor: brand, Cents: int64(math.Round(price * 100))}
	if chance(r, 0.15) { // on sale
		l.WasCents = int64(math.Round(shelfPrice(price*1.25) * 100))
	}
	return l
}
