package cli

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"stockroom/model"
	"stockroom/store"
)

// setClock makes the command line's clock read a fixed time for a test.
func setClock(t *testing.T, at time.Time) {
	t.Helper()
	old := clock
	clock = func() time.Time { return at }
	t.Cleanup(func() { clock = old })
}

// A demo written on one day had its orders on a calendar of their own
// (sales ending 2026-11-22 whatever the date): a draft it wrote showed
// "created 2026-11-22" next to "sent 2026-12-05" from the dashboard, and
// receiving its sent orders measured lead times weeks too long. A new
// demo ends yesterday by the clock, and imported orders without a date
// take the clock's day.
func TestDemoAndImportedOrdersFollowTheClock(t *testing.T) {
	setClock(t, time.Date(2027, 2, 10, 15, 30, 0, 0, time.UTC)) // a Wednesday
	today := model.MustDay("2027-02-10")
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := execute(t, "demo", "--db", path, "--skus", "150", "--seed", "3"); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	latest, err := st.LatestSaleDay(ctx)
	if err != nil || latest != today-1 {
		t.Fatalf("the demo's sales end %v (%v), want yesterday %v", latest, err, today-1)
	}
	orders, err := st.PurchaseOrders(ctx, model.POFilter{})
	if err != nil {
		t.Fatal(err)
	}
	drafts := 0
	for _, o := range orders {
		for _, d := range []model.Day{o.Created, o.Sent, o.Received} {
			if d.Valid() && d > today-1 {
				t.Errorf("PO #%d (%s) is dated %v, after the demo's last day", o.ID, o.Status, d)
			}
		}
		if o.Status == model.PODraft {
			drafts++
			if o.Created < today-3 {
				t.Errorf("draft PO #%d was created %v, not in the demo's last days", o.ID, o.Created)
			}
		}
	}
	if drafts == 0 {
		t.Error("the demo wrote no drafts")
	}

	csvPath := filepath.Join(t.TempDir(), "po.csv")
	sku := storedItems(t, path)[0].Product.SKU
	if err := os.WriteFile(csvPath, []byte("po,supplier,sku,quantity\nX-1,Clock Supplies,"+sku+",5\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := execute(t, "import", "purchase-orders", csvPath, "--db", path); err != nil {
		t.Fatal(err)
	}
	orders, err = st.PurchaseOrders(ctx, model.POFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range orders {
		if o.Reference == "X-1" && o.Created != today {
			t.Errorf("an order imported without a date was created %v, want the clock's %v", o.Created, today)
		}
	}
}
