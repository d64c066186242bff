package demo

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"stockroom/model"
	"stockroom/planner"
	"stockroom/store"
)

var ctx = context.Background()

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// generated writes a catalogue into a fresh store in a temp dir.
func generated(t *testing.T, opt Options) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	must(t, err)
	t.Cleanup(func() { s.Close() })
	must(t, Generate(ctx, s, opt))
	return s
}

// digest hashes every row of every table, leaving out wall-clock stamps
// and the user name, which differ between runs by design.
func digest(t *testing.T, db *sql.DB) string {
	t.Helper()
	skip := map[string]bool{"updated_at": true, "updated_by": true, "computed_at": true, "at": true}
	h := sha256.New()
	for _, table := range []string{"settings", "suppliers", "locations", "products", "stock", "sales_daily",
		"sales_weekly", "purchase_orders", "po_lines", "policies", "forecasts", "audit_log"} {
		rows, err := db.Query("SELECT * FROM " + table + " ORDER BY 1, 2")
		must(t, err)
		cols, err := rows.Columns()
		must(t, err)
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		n := 0
		for rows.Next() {
			must(t, rows.Scan(ptrs...))
			for i, v := range vals {
				if !skip[cols[i]] {
					fmt.Fprintf(h, "%v|", v)
				}
			}
			h.Write([]byte{'\n'})
			n++
		}
		must(t, rows.Err())
		rows.Close()
		fmt.Fprintf(h, "%s:%d\n", table, n)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestSameSeedSameCatalogue(t *testing.T) {
	a := digest(t, generated(t, Options{SKUs: 300, Seed: 7}).DB())
	b := digest(t, generated(t, Options{SKUs: 300, Seed: 7}).DB())
	c := digest(t, generated(t, Options{SKUs: 300, Seed: 8}).DB())
	if a != b {
		t.Error("two catalogues with the same seed differ")
	}
	if a == c {
		t.Error("catalogues with different seeds are identical")
	}
}

func TestPatternsReplayGenerate(t *testing.T) {
	opt := Options{SKUs: 500, Seed: 3}
	got := Patterns(opt)
	g := newGenerator(opt.withDefaults())
	for i, p := range got {
		if d := g.makeSKU(i); d.pattern != p {
			t.Fatalf("SKU %d: Patterns says %v, Generate made %v", i, p, d.pattern)
		}
	}
}

// Every SKU aimed at a status must land in it; the aim is what makes the
// trouble deliberate. The SKUs that follow the replenishment policy end
// ok or low nearly always (a seasonal dip or a lumpy order can leave one
// in excess or sold out, as in a real shop), and some of them are low.
func TestStockHitsTheAim(t *testing.T) {
	g := newGenerator(Options{SKUs: 1000, Seed: 5}.withDefaults())
	followed, healthy, low := 0, 0, 0
	for i := range g.opt.SKUs {
		d := g.makeSKU(i)
		if !d.followed {
			if d.status != d.target {
				t.Errorf("%s (%v): aimed at %v, computes as %v", d.product.SKU, d.pattern, d.target, d.status)
			}
			continue
		}
		followed++
		switch d.status {
		case model.StatusLow:
			low++
			healthy++
		case model.StatusOK:
			healthy++
		}
	}
	t.Logf("%d SKUs follow the policy: %d ok or low, %d low", followed, healthy, low)
	if followed < g.opt.SKUs*3/4 || healthy < followed*9/10 || low == 0 {
		t.Errorf("%d SKUs follow the policy, %d of them end ok or low, %d low", followed, healthy, low)
	}
}

// An end that is not a Sunday leaves the last week part-done.
func TestMidweekEnd(t *testing.T) {
	end := model.MustDay("2026-06-10") // a Wednesday
	c, err := generated(t, Options{SKUs: 150, Seed: 2, End: end}).LoadCatalogueWithSales(ctx)
	must(t, err)
	if c.LatestSale != end {
		t.Errorf("latest sale %v, want %v", c.LatestSale, end)
	}
	for _, it := range c.Items {
		if it.Sales.Weeks() > 0 && it.Sales.FirstWeek < end-730 {
			t.Fatalf("%s: sales from %v", it.Product.SKU, it.Sales.FirstWeek)
		}
	}
}

func TestGenerateRefusesNonEmptyStore(t *testing.T) {
	s := generated(t, Options{SKUs: 20})
	err := Generate(ctx, s, Options{SKUs: 20})
	if err == nil || !strings.Contains(err.Error(), "not empty") || !strings.Contains(err.Error(), s.Path()) {
		t.Fatalf("err = %v, want a 'not empty' error naming the file", err)
	}
	var n int
	must(t, s.DB().QueryRow("SELECT count(*) FROM products").Scan(&n))
	if n != 20 {
		t.Errorf("%d products after the refused second run, want 20", n)
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	must(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestCreateRefusesExistingPath(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "catalogue.db")
	must(t, os.WriteFile(path, []byte("precious"), 0o644))
	err := Create(ctx, path, Options{SKUs: 10})
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v, want ErrExists naming %s", err, path)
	}
	if b, _ := os.ReadFile(path); string(b) != "precious" {
		t.Error("the existing file was changed")
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"catalogue.db"}) {
		t.Errorf("directory holds %v", names)
	}
}

func TestCreateLeavesNothingOnError(t *testing.T) {
	dir := t.TempDir()
	c, cancel := context.WithCancel(ctx)
	defer cancel()
	// Cancel once the writer is well inside the transaction.
	err := Create(c, filepath.Join(dir, "catalogue.db"), Options{SKUs: 1000, Progress: func(done, total int) {
		if done >= 200 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("left behind: %v", names)
	}
}

// The 2,000-SKU catalogue is shared by the content and status tests.
var (
	bigOnce  sync.Once
	bigDir   string
	bigErr   error
	bigCalls [][2]int
	bigFiles []string // what Create left in its directory
)

const bigSKUs = 2000

func bigCatalogue(t *testing.T) *store.Store {
	t.Helper()
	bigOnce.Do(func() {
		if bigDir, bigErr = os.MkdirTemp("", "demo-test-"); bigErr != nil {
			return
		}
		bigErr = Create(ctx, filepath.Join(bigDir, "demo.db"), Options{SKUs: bigSKUs, Progress: func(done, total int) {
			bigCalls = append(bigCalls, [2]int{done, total})
		}})
		if bigErr == nil {
			bigFiles = dirNames(t, bigDir)
		}
	})
	must(t, bigErr)
	s, err := store.Open(filepath.Join(bigDir, "demo.db"))
	must(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" {
		os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

func count(t *testing.T, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	must(t, db.QueryRow(query, args...).Scan(&n))
	return n
}

func TestCreateLeavesOnlyTheCatalogue(t *testing.T) {
	bigCatalogue(t)
	if !slices.Equal(bigFiles, []string{"demo.db"}) {
		t.Errorf("directory holds %v", bigFiles)
	}
	if len(bigCalls) == 0 || bigCalls[len(bigCalls)-1] != [2]int{bigSKUs, bigSKUs} {
		t.Errorf("progress calls end with %v", bigCalls[max(0, len(bigCalls)-1):])
	}
	for i := 1; i < len(bigCalls); i++ {
		if bigCalls[i][0] <= bigCalls[i-1][0] {
			t.Fatalf("progress went from %v to %v", bigCalls[i-1], bigCalls[i])
		}
	}
}

func TestCatalogueContent(t *testing.T) {
	db := bigCatalogue(t).DB()
	end := DefaultEnd
	if n := count(t, db, "SELECT count(*) FROM suppliers"); n != 25 {
		t.Errorf("%d suppliers, want 25", n)
	}
	if n := count(t, db, "SELECT count(*) FROM locations"); n != 2 {
		t.Errorf("%d locations, want 2", n)
	}
	if n := count(t, db, "SELECT count(*) FROM products"); n != bigSKUs {
		t.Errorf("%d products", n)
	}
	if n := count(t, db, "SELECT count(DISTINCT category) FROM products"); n < 10 || n > 14 {
		t.Errorf("%d categories, want 10–14", n)
	}
	if n := count(t, db, `SELECT count(*) FROM (SELECT category, count(DISTINCT subcategory) AS subs,
		count(DISTINCT brand) AS brands FROM products GROUP BY category) WHERE subs NOT BETWEEN 3 AND 6 OR brands < 3`); n != 0 {
		t.Errorf("%d categories without 3–6 subcategories and several brands", n)
	}
	if n := count(t, db, "SELECT count(*) FROM products WHERE status = 'discontinued'"); n == 0 || n > bigSKUs/10 {
		t.Errorf("%d discontinued products, want a few", n)
	}
	skuPattern := regexp.MustCompile(`^[A-Z]{2}-\d{6}$`)
	rows, err := db.Query("SELECT sku FROM products")
	must(t, err)
	for rows.Next() {
		var sku string
		must(t, rows.Scan(&sku))
		if !skuPattern.MatchString(sku) {
			t.Errorf("SKU %q", sku)
		}
	}
	rows.Close()

	var first, last int64
	must(t, db.QueryRow("SELECT min(day), max(day) FROM sales_daily").Scan(&first, &last))
	if model.Day(last) != end {
		t.Errorf("sales end on %v, want %v", model.Day(last), end)
	}
	if span := end - model.Day(first) + 1; span < 720 || span > 730 {
		t.Errorf("sales start on %v, %d days before the end", model.Day(first), span)
	}
	if n := count(t, db, "SELECT count(*) FROM sales_daily WHERE units = 0 AND (in_stock_fraction IS NULL OR in_stock_fraction >= 1)"); n != 0 {
		t.Errorf("%d plain zero days stored", n)
	}
	if n := count(t, db, "SELECT count(*) FROM sales_daily WHERE units = 0 AND in_stock_fraction = 0"); n < 100 {
		t.Errorf("%d whole stockout days", n)
	}
	if n := count(t, db, "SELECT count(*) FROM sales_daily WHERE in_stock_fraction > 0 AND in_stock_fraction < 1"); n < 20 {
		t.Errorf("%d partial stockout days", n)
	}
	if n := count(t, db, `SELECT count(*) FROM sales_daily s JOIN products p ON p.id = s.product_id
		WHERE abs(s.revenue - s.units * p.price) > 0.005 AND s.revenue < s.units * p.price`); n == 0 {
		t.Error("no discounted days")
	}
	if n := count(t, db, `SELECT count(*) FROM sales_daily s JOIN products p ON p.id = s.product_id
		WHERE s.revenue > s.units * p.price + 0.005`); n != 0 {
		t.Errorf("%d days sold above the list price", n)
	}
	// ABC-like: the best fifth of the SKUs earns most of the revenue.
	var revenue []float64
	rows, err = db.Query("SELECT sum(revenue) FROM sales_daily GROUP BY product_id")
	must(t, err)
	for rows.Next() {
		var r float64
		must(t, rows.Scan(&r))
		revenue = append(revenue, r)
	}
	rows.Close()
	sort.Sort(sort.Reverse(sort.Float64Slice(revenue)))
	var top, total float64
	for i, r := range revenue {
		total += r
		if i < bigSKUs/5 {
			top += r
		}
	}
	if share := top / total; share < 0.6 || share > 0.9 {
		t.Errorf("top 20%% of SKUs earn %.0f%% of revenue", 100*share)
	}

	if n := count(t, db, "SELECT count(*) FROM purchase_orders WHERE status = 'sent'"); n == 0 {
		t.Error("no sent purchase orders")
	}
	if n := count(t, db, "SELECT count(*) FROM purchase_orders WHERE status = 'sent' AND expected_at <= ?", end.String()); n != 0 {
		t.Errorf("%d sent orders expected on or before the end", n)
	}
	if n := count(t, db, `SELECT count(*) FROM po_lines l JOIN purchase_orders o ON o.id = l.po_id
		WHERE o.status = 'sent' AND l.received_qty > 0 AND l.received_qty < l.qty`); n == 0 {
		t.Error("no partly received lines on sent orders")
	}
	if n := count(t, db, "SELECT count(*) FROM purchase_orders WHERE status = 'draft' AND sent_at IS NULL"); n == 0 {
		t.Error("no drafts")
	}
	// Received orders, at least three per supplier, with expected dates
	// the supplier's lead time after sending.
	if n := count(t, db, `SELECT count(*) FROM suppliers s WHERE (SELECT count(*) FROM purchase_orders o
		WHERE o.supplier_id = s.id AND o.status = 'received') < 3`); n != 0 {
		t.Errorf("%d suppliers with fewer than 3 received orders", n)
	}
	if n := count(t, db, `SELECT count(*) FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id
		WHERE o.status = 'received' AND (julianday(o.expected_at) - julianday(o.sent_at) != s.lead_time_days
		OR o.sent_at > ? OR o.created_at > o.sent_at)`, end.String()); n != 0 {
		t.Errorf("%d received orders with dates that do not fit the supplier", n)
	}
	if n := count(t, db, "SELECT count(*) FROM po_lines l JOIN products p ON p.id = l.product_id JOIN purchase_orders o ON o.id = l.po_id WHERE p.supplier_id != o.supplier_id"); n != 0 {
		t.Errorf("%d order lines for another supplier's products", n)
	}
	if n := count(t, db, "SELECT count(*) FROM policies WHERE reorder_point IS NOT NULL"); n < bigSKUs/100 {
		t.Errorf("%d manual reorder points", n)
	}
	if n := count(t, db, "SELECT count(*) FROM policies WHERE lead_time_days IS NOT NULL"); n == 0 {
		t.Error("no lead-time overrides")
	}
	if n := count(t, db, "SELECT count(DISTINCT location_id) FROM stock"); n != 2 {
		t.Errorf("stock at %d locations", n)
	}
}

func TestCataloguePatterns(t *testing.T) {
	c, err := bigCatalogue(t).LoadCatalogueWithSales(ctx)
	must(t, err)
	end := DefaultEnd
	patterns := Patterns(Options{SKUs: bigSKUs})
	if len(patterns) != len(c.Items) {
		t.Fatalf("%d patterns for %d items", len(patterns), len(c.Items))
	}
	seen := map[Pattern]int{}
	for i, p := range patterns {
		seen[p]++
		it := c.Items[i]
		switch p {
		case NewLaunch:
			if l := it.Product.LaunchedOn; l < end-140 || l > end-7 {
				t.Errorf("%s: new launch launched on %v", it.Product.SKU, l)
			}
			if it.Sales.Weeks() > 0 && it.Sales.FirstWeek < it.Product.LaunchedOn.WeekStart() {
				t.Errorf("%s: sales before its launch on %v", it.Product.SKU, it.Product.LaunchedOn)
			}
		case Declining:
			if it.Sales.LastSale.Valid() && end-it.Sales.LastSale <= 90 {
				t.Errorf("%s: declining SKU sold on %v", it.Product.SKU, it.Sales.LastSale)
			}
		}
	}
	for _, p := range AllPatterns() {
		if seen[p] < bigSKUs/100 {
			t.Errorf("pattern %v: %d SKUs", p, seen[p])
		}
	}
}

// The statuses the dashboard shows, with the forecasting engine's
// forecasts, are the mix the demo aims at.
func TestCatalogueStatuses(t *testing.T) {
	st := bigCatalogue(t)
	snap, err := planner.Load(ctx, st, planner.Options{})
	must(t, err)
	c := snap.Catalogue
	end := DefaultEnd
	if c.LatestSale != end {
		t.Errorf("latest sale %v, want %v", c.LatestSale, end)
	}
	set := c.Settings
	counts := snap.StatusCounts()
	onOrder := 0
	for _, r := range snap.Rows {
		if r.Item.OnOrder > 0 {
			onOrder++
		}
	}
	if set.ServiceLevelB != 0.95 || set.DeadStockDays != 90 || set.ExcessCoverDays != 180 || set.HoldingRate != 0.25 || set.ReviewDays != 7 {
		t.Errorf("settings are not the defaults the demo aims with: %+v", set)
	}
	// Out and excess are aimed at 3 and 4 %, dead follows from the
	// history, low from following the policy, and the rest is ok. Low is
	// a SKU whose position has crossed its reorder point since the last
	// weekly review and waits for the next: with the risk period L + R
	// about 10 % of the demo (9.9 % for this seed), so the bound leaves
	// room above it.
	want := map[model.Status][2]float64{
		model.StatusOut: {2, 6}, model.StatusLow: {3, 14}, model.StatusDead: {3, 8},
		model.StatusExcess: {3, 8}, model.StatusOK: {70, 88},
	}
	for _, s := range model.Statuses() {
		share := 100 * float64(counts[s]) / float64(len(snap.Rows))
		t.Logf("%-6v %5.1f%%", s, share)
		if r := want[s]; share < r[0] || share > r[1] {
			t.Errorf("status %v: %.1f%% of SKUs, want %v–%v%%", s, share, r[0], r[1])
		}
	}
	if onOrder < len(snap.Rows)/50 {
		t.Errorf("%d SKUs on order", onOrder)
	}
}

// Finish works on the finished catalogue before it is moved into place: a
// failure there leaves nothing at the target, so a later run does not
// find a catalogue that "already exists".
func TestCreateFinishesBeforeTheMove(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "catalogue.db")
	var finished string
	err := Create(ctx, path, Options{SKUs: 10, Finish: func(_ context.Context, tmp string) error {
		finished = tmp
		s, err := store.OpenExisting(tmp)
		if err != nil {
			return err
		}
		defer s.Close()
		if n := count(t, s.DB(), "SELECT count(*) FROM products"); n != 10 {
			t.Errorf("Finish saw %d products, want all 10", n)
		}
		return errors.New("priming failed")
	}})
	if err == nil || !strings.Contains(err.Error(), "priming failed") {
		t.Fatalf("err = %v, want Finish's error", err)
	}
	if finished == "" || finished == path {
		t.Errorf("Finish was given %q, want the temporary file", finished)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("left behind: %v", names)
	}
	if err := Create(ctx, path, Options{SKUs: 10, Finish: func(context.Context, string) error { return nil }}); err != nil {
		t.Fatalf("the next run: %v", err)
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"catalogue.db"}) {
		t.Errorf("directory holds %v", names)
	}
}
