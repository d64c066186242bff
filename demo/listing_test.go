package demo

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A demo SKU is listed under its own category's brands, sizes and prices,
// the same way every time; a sale's compare-at price is above the price.
func TestListingOfDemoSKU(t *testing.T) {
	footwear := categories[0]
	onSale, commas := 0, 0
	for i := 1; i <= 400; i++ {
		sku := fmt.Sprintf("FW-%06d", i)
		l := ListingOf(1, sku)
		if again := ListingOf(1, sku); again != l {
			t.Fatalf("%s: %+v, then %+v", sku, l, again)
		}
		if !slices.Contains(footwear.Brands, l.Vendor) {
			t.Errorf("%s: vendor %q is not a footwear brand", sku, l.Vendor)
		}
		_, variant, ok := strings.Cut(l.Name, " - ")
		if !ok || !slices.Contains(footwear.Variants, variant) {
			t.Errorf("%s: name %q does not end in a shoe size", sku, l.Name)
		}
		// shelf prices: 28.99 to 159.99, ending in .99
		if l.Cents < 2899 || l.Cents > 15999 || l.Cents%100 != 99 {
			t.Errorf("%s: price %d cents", sku, l.Cents)
		}
		if l.WasCents != 0 {
			onSale++
			if l.WasCents <= l.Cents {
				t.Errorf("%s: compare-at %d is not above price %d", sku, l.WasCents, l.Cents)
			}
		}
		if strings.Contains(l.Name, ",") {
			commas++
		}
	}
	// about 15 % on sale and 20 % of names with a comma: 60 and 80 of 400
	if onSale < 35 || onSale > 90 || commas < 50 || commas > 110 {
		t.Errorf("%d on sale, %d names with a comma, of 400", onSale, commas)
	}
}

// Another shop's SKU gets some category's listing, and another seed
// another listing.
func TestListingOfOtherSKU(t *testing.T) {
	a, b := ListingOf(1, "MUG 350ML"), ListingOf(2, "MUG 350ML")
	if a.Name == "" || a.Vendor == "" || a.Cents <= 0 {
		t.Fatalf("listing %+v", a)
	}
	if a == b {
		t.Errorf("seeds 1 and 2 list MUG 350ML the same: %+v", a)
	}
}
