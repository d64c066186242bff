package planner

import (
	"context"
	"path/filepath"
	"testing"

	"stockroom/model"
	"stockroom/store"
)

// acmeStore opens an empty catalogue in a temporary directory (closed when
// the test ends) with one supplier, Acme, of a 7-day lead time, and starts
// a bulk write; must fails the test on an error. The caller adds its SKUs
// and commits.
func acmeStore(t *testing.T) (st *store.Store, b *store.Bulk, acme *model.Supplier, must func(error)) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if b, err = st.BeginBulk(context.Background()); err != nil {
		t.Fatal(err)
	}
	must = func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	acme = &model.Supplier{Name: "Acme", LeadTimeDays: 7}
	must(b.AddSupplier(acme))
	return st, b, acme, must
}
