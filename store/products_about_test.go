package store

import "testing"

// ProductsAbout reads the catalogue's size from its highest product id: 0
// for an empty catalogue, the number of products added otherwise.
func TestProductsAbout(t *testing.T) {
	s := openTemp(t)
	if n, err := s.ProductsAbout(ctx); err != nil || n != 0 {
		t.Errorf("empty catalogue: %d, %v; want 0", n, err)
	}
	fixture(t, s) // two products
	if n, err := s.ProductsAbout(ctx); err != nil || n != 2 {
		t.Errorf("two products: %d, %v; want 2", n, err)
	}
}
