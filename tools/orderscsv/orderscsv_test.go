package orderscsv

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"stockroom/demo"
	"stockroom/model"
)

// ordersSKUs are SKUs as a demo catalogue names them, plus one of another
// shop's making.
func ordersSKUs(n int) []string {
	codes := []string{"FW", "KI", "GA", "EA", "PE"}
	skus := make([]string, n)
	for i := range skus {
		skus[i] = fmt.Sprintf("%s-%06d", codes[i%len(codes)], i+1)
	}
	skus[0] = "MUG 350ML"
	return skus
}

func ordersCSVBytes(t testing.TB, opt Options) ([]byte, int) {
	t.Helper()
	var b bytes.Buffer
	n, err := Write(&b, opt)
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes(), n
}

func TestSameSeedSameBytes(t *testing.T) {
	opt := Options{Seed: 7, Lines: 5000, SKUs: ordersSKUs(300)}
	a, na := ordersCSVBytes(t, opt)
	b, nb := ordersCSVBytes(t, opt)
	if !bytes.Equal(a, b) || na != nb {
		t.Fatal("the same options wrote different files")
	}
	opt.Seed = 8
	if c, _ := ordersCSVBytes(t, opt); bytes.Equal(a, c) {
		t.Fatal("another seed wrote the same file")
	}
}

func TestHeader(t *testing.T) {
	b, _ := ordersCSVBytes(t, Options{Seed: 1, Lines: 10, SKUs: ordersSKUs(10)})
	want := "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing City,Billing Country,Cancelled at,Payment Method,Vendor,Id"
	if got, _, _ := strings.Cut(string(b), "\n"); got != want {
		t.Fatalf("header\n got %s\nwant %s", got, want)
	}
}

func TestRejectsNoSKUs(t *testing.T) {
	if _, err := Write(io.Discard, Options{Lines: 10}); err == nil {
		t.Fatal("no SKUs: want an error")
	}
	if _, err := Write(io.Discard, Options{SKUs: []string{"A"}, From: 20, To: 10}); err == nil {
		t.Fatal("From after To: want an error")
	}
}

// ordersCSVOrder is one order as read back: its lines, first line first.
type ordersCSVOrder [][]string

// readOrdersCSV parses a whole file strictly (every record the header's
// width) and groups its lines by order.
func readOrdersCSV(t *testing.T, b []byte) (map[string]int, []ordersCSVOrder, int) {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	r.ReuseRecord = false
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	r.FieldsPerRecord = len(header)
	var orders []ordersCSVOrder
	lines := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err) // includes a record of the wrong width
		}
		lines++
		if n := len(orders); n > 0 && orders[n-1][0][0] == rec[0] {
			orders[n-1] = append(orders[n-1], rec)
		} else {
			orders = append(orders, ordersCSVOrder{rec})
		}
	}
	return col, orders, lines
}

const shopifyTime = "2006-01-02 15:04:05 -0700"

func TestContent(t *testing.T) {
	opt := Options{Seed: 3, Lines: 20_000, SKUs: ordersSKUs(500),
		From: model.MustDay("2026-03-01"), To: model.MustDay("2026-04-30")}
	b, written := ordersCSVBytes(t, opt)
	col, orders, lines := readOrdersCSV(t, b)
	if lines != opt.Lines || len(orders) != written {
		t.Fatalf("%d lines in %d orders, want %d lines in %d orders", lines, len(orders), opt.Lines, written)
	}
	if mean := float64(lines) / float64(len(orders)); mean < 1.8 || mean > 2.3 {
		t.Errorf("%.2f lines an order, want about 2", mean)
	}

	orderLevel := []string{"Email", "Financial Status", "Fulfillment Status", "Accepts Marketing",
		"Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Amount", "Shipping Method",
		"Created at", "Billing Name", "Billing City", "Billing Country", "Payment Method", "Id"}
	onlyFirst := append(orderLevel, "Paid at", "Fulfilled at", "Discount Code", "Cancelled at")
	lineLevel := []string{"Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem sku",
		"Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status", "Vendor"}
	known := map[string]bool{}
	for _, s := range opt.SKUs {
		known[s] = true
	}

	cancelled, quotedComma := 0, false
	var lastCreated time.Time
	for i, o := range orders {
		name := fmt.Sprintf("#%d", 1001+i)
		if len(o) < 1 || len(o) > 5 {
			t.Fatalf("order %s has %d lines", name, len(o))
		}
		first := o[0]
		for _, c := range orderLevel {
			if first[col[c]] == "" {
				t.Fatalf("order %s: %s is empty on its first line", name, c)
			}
		}
		skus := map[string]bool{}
		for j, rec := range o {
			if rec[col["Name"]] != name {
				t.Fatalf("line %d of order %d is named %s, want %s", j, i, rec[0], name)
			}
			for _, c := range lineLevel {
				if rec[col[c]] == "" {
					t.Fatalf("order %s line %d: %s is empty", name, j, c)
				}
			}
			if j > 0 {
				for _, c := range onlyFirst {
					if rec[col[c]] != "" {
						t.Fatalf("order %s line %d repeats %s", name, j, c)
					}
				}
			}
			sku := rec[col["Lineitem sku"]]
			if !known[sku] || skus[sku] {
				t.Fatalf("order %s: SKU %q is unknown or twice in the order", name, sku)
			}
			skus[sku] = true
			if q, err := strconv.Atoi(rec[col["Lineitem quantity"]]); err != nil || q < 1 || q > 4 {
				t.Fatalf("order %s: quantity %q", name, rec[col["Lineitem quantity"]])
			}
			if strings.Contains(rec[col["Lineitem name"]], ",") {
				quotedComma = true
			}
		}

		created, err := time.Parse(shopifyTime, first[col["Created at"]])
		if err != nil {
			t.Fatal(err)
		}
		if day := model.MustDay(first[col["Created at"]][:10]); day < opt.From || day > opt.To {
			t.Fatalf("order %s created %s, outside %s to %s", name, first[col["Created at"]], opt.From, opt.To)
		}
		if created.Before(lastCreated.Add(-time.Hour)) { // an hour: the change to summer time
			t.Fatalf("order %s created %s, well before the order before it", name, created)
		}
		lastCreated = created
		if s := first[col["Cancelled at"]]; s != "" {
			cancelled++
			at, err := time.Parse(shopifyTime, s)
			if err != nil {
				t.Fatal(err)
			}
			if !at.After(created) {
				t.Fatalf("order %s cancelled at %s, created %s", name, s, created)
			}
		}

		subtotal, shipping, total := ordersCents(t, first[col["Subtotal"]]), ordersCents(t, first[col["Shipping"]]), ordersCents(t, first[col["Total"]])
		if subtotal+shipping != total {
			t.Fatalf("order %s: subtotal %d + shipping %d != total %d", name, subtotal, shipping, total)
		}
	}
	if share := float64(cancelled) / float64(len(orders)); share < 0.02 || share > 0.04 {
		t.Errorf("cancelled share %.4f, want about %.2f", share, DefaultCancelledShare)
	}
	if !quotedComma {
		t.Error("no line item name with a comma: the file does not exercise quoting")
	}
}

func ordersCents(t *testing.T, s string) int64 {
	t.Helper()
	whole, frac, ok := strings.Cut(s, ".")
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if !ok || len(frac) != 2 || err1 != nil || err2 != nil {
		t.Fatalf("amount %q is not like 12.34", s)
	}
	return w*100 + f
}

// The defaults: the year ending demo.DefaultEnd, a few cancellations.
func TestDefaultDates(t *testing.T) {
	b, _ := ordersCSVBytes(t, Options{Seed: 1, Lines: 3000, SKUs: ordersSKUs(50)})
	col, orders, _ := readOrdersCSV(t, b)
	from := demo.DefaultEnd - 364
	for _, o := range orders {
		day := model.MustDay(o[0][col["Created at"]][:10])
		if day < from || day > demo.DefaultEnd {
			t.Fatalf("created %s, outside %s to %s", o[0][col["Created at"]], from, demo.DefaultEnd)
		}
	}
	first := model.MustDay(orders[0][0][col["Created at"]][:10])
	last := model.MustDay(orders[len(orders)-1][0][col["Created at"]][:10])
	if first > from+2 || last < demo.DefaultEnd-2 {
		t.Errorf("orders run from %s to %s, want the whole year to %s", first, last, demo.DefaultEnd)
	}
}

// A list shorter than an order still gives orders without repeated SKUs.
func TestFewSKUs(t *testing.T) {
	b, _ := ordersCSVBytes(t, Options{Seed: 2, Lines: 500, SKUs: []string{"A", "B"}})
	col, orders, _ := readOrdersCSV(t, b)
	for _, o := range orders {
		if len(o) > 2 || len(o) == 2 && o[0][col["Lineitem sku"]] == o[1][col["Lineitem sku"]] {
			t.Fatalf("order %s: %d lines", o[0][0], len(o))
		}
	}
}

func BenchmarkWrite(b *testing.B) {
	opt := Options{Seed: 1, Lines: 100_000, SKUs: ordersSKUs(20_000)}
	var n int64
	for b.Loop() {
		c := &countingWriter{}
		if _, err := Write(c, opt); err != nil {
			b.Fatal(err)
		}
		n = c.n
	}
	b.SetBytes(n)
}

type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }
