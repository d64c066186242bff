// Package orderscsv writes a Shopify orders export that sells a given list
// of SKUs, deterministically from a seed: the input of the import benchmark
// (tools/gen-orders, docs/measure-import.sh) and of tests that import a
// large orders file. Benchmark tooling, not part of the program.
package orderscsv

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"stockroom/demo"
	"stockroom/model"
)

// Options say what Write writes. Zero values mean the
// defaults.
type Options struct {
	Seed  uint64
	Lines int      // order lines to write; default DefaultLines
	SKUs  []string // the SKUs to sell; required
	// From and To bound the order dates, inclusive, in the shop's time
	// zone (Europe/Berlin); default the 365 days ending demo.DefaultEnd.
	From, To model.Day
	// CancelledShare is the share of orders that are cancelled; default
	// DefaultCancelledShare, a negative value means none.
	CancelledShare float64
}

const (
	DefaultLines          = 1_000_000
	DefaultCancelledShare = 0.03
)

// Header is the header of Shopify's orders export, cut to the
// columns an importer of sales reads and a few it has to skip.
const Header = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at," +
	"Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount," +
	"Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price," +
	"Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable," +
	"Lineitem fulfillment status,Billing Name,Billing City,Billing Country,Cancelled at," +
	"Payment Method,Vendor,Id"

func (o Options) withDefaults() (Options, error) {
	if len(o.SKUs) == 0 {
		return o, errors.New("orders CSV: no SKUs to sell")
	}
	if o.Lines <= 0 {
		o.Lines = DefaultLines
	}
	if o.To == 0 || !o.To.Valid() {
		o.To = demo.DefaultEnd
	}
	if o.From == 0 || !o.From.Valid() {
		o.From = o.To - 364
	}
	if o.From > o.To {
		return o, fmt.Errorf("orders CSV: From %s is after To %s", o.From, o.To)
	}
	switch {
	case o.CancelledShare == 0:
		o.CancelledShare = DefaultCancelledShare
	case o.CancelledShare < 0:
		o.CancelledShare = 0
	case o.CancelledShare > 1:
		return o, fmt.Errorf("orders CSV: CancelledShare %g is more than 1", o.CancelledShare)
	}
	return o, nil
}

// Write writes a Shopify orders export of opt.Lines order lines
// selling opt.SKUs, the same bytes for the same options. Orders are numbered
// from #1001 in the order they were placed; an order's fields are on its
// first line only, as Shopify exports them.
func Write(w io.Writer, opt Options) (ordersWritten int, err error) {
	opt, err = opt.withDefaults()
	if err != nil {
		return 0, err
	}
	g := newOrdersCSV(opt)
	bw := bufio.NewWriterSize(w, 1<<20)
	if _, err := bw.WriteString(Header + "\n"); err != nil {
		return 0, err
	}
	var buf []byte
	for g.linesDone < opt.Lines {
		buf = g.order(buf[:0])
		// bufio's error is sticky, so one check per order suffices.
		if _, err := bw.Write(buf); err != nil {
			return g.orders, err
		}
	}
	return g.orders, bw.Flush()
}

// csvItem is one SKU as it appears on order lines, rendered once.
type csvItem struct {
	cents  int64
	fields []byte // Lineitem name … Lineitem taxable, each followed by a comma
	vendor []byte
}

type ordersCSV struct {
	opt       Options
	r         *rand.Rand
	popular   *rand.Zipf
	byRank    []int // popularity rank → index into items
	items     []csvItem
	customers int

	// cum[i] is the weight of the days before From+i; the order dates are
	// spread by it so that weekends and the run-up to Christmas sell more.
	cum    []float64
	day    int // the day of the previous order, as an index into cum
	export int64

	orders, linesDone int
	picked            []int
	qty               []int
	offsets           dstCache
}

func newOrdersCSV(opt Options) *ordersCSV {
	r := rand.New(rand.NewPCG(opt.Seed, 0x0d0e5c5f))
	g := &ordersCSV{opt: opt, r: r}
	g.items = make([]csvItem, len(opt.SKUs))
	for i, sku := range opt.SKUs {
		g.items[i] = makeCSVItem(opt.Seed, sku)
	}
	// Popularity is Zipf over a shuffled rank so that it does not follow
	// the order of the SKU list. v = 10 flattens the very top: the best
	// seller gets about 2 % of 20,000 SKUs' lines, the top fifth about 85 %.
	g.byRank = r.Perm(len(opt.SKUs))
	g.popular = rand.NewZipf(r, 1.1, 10, uint64(len(opt.SKUs)-1))
	// Customers are drawn with replacement from a pool about twice the
	// number of orders, so about one order in five is a repeat customer's.
	g.customers = max(50, opt.Lines)

	days := int(opt.To-opt.From) + 1
	g.cum = make([]float64, days+1)
	for i := range days {
		g.cum[i+1] = g.cum[i] + dayWeight(opt.From+model.Day(i))
	}
	g.export = int64(opt.To)*86400 + 86399
	return g
}

// makeCSVItem renders a SKU's order-line fields once, under the name and
// price the demo shop gives it.
func makeCSVItem(seed uint64, sku string) csvItem {
	l := demo.ListingOf(seed, sku)
	var b []byte
	b = appendCSVField(b, l.Name)
	b = append(b, ',')
	b = appendCents(b, l.Cents)
	b = append(b, ',')
	if l.WasCents != 0 {
		b = appendCents(b, l.WasCents)
	}
	b = append(b, ',')
	b = appendCSVField(b, sku)
	b = append(b, ",true,true,"...)
	return csvItem{cents: l.Cents, fields: b, vendor: appendCSVField(nil, l.Vendor)}
}

// dayWeight is how much a day sells relative to others: online shops sell
// most on Sunday evenings and in November and December.
func dayWeight(d model.Day) float64 {
	weekday := [7]float64{1.0, 0.95, 0.95, 1.0, 1.0, 1.1, 1.25}
	month := [12]float64{0.9, 0.8, 0.9, 0.95, 1.0, 0.95, 0.9, 0.9, 1.0, 1.05, 1.35, 1.5}
	return weekday[d.Weekday()] * month[d.Time().Month()-1]
}

// hourCum is the cumulative share of a day's orders by hour (local time).
var hourCum = func() [25]float64 {
	w := [24]float64{0.6, 0.3, 0.2, 0.15, 0.15, 0.25, 0.5, 0.9, 1.2, 1.4, 1.5, 1.5,
		1.6, 1.5, 1.4, 1.4, 1.5, 1.7, 1.9, 2.1, 2.3, 2.2, 1.7, 1.1}
	var c [25]float64
	for i, x := range w {
		c[i+1] = c[i] + x
	}
	for i := range c {
		c[i] /= c[24]
	}
	return c
}()

// createdAt places an order by the share u of lines written before it, as
// local wall-clock seconds since 1970. Orders placed later get higher
// numbers, as in Shopify, because u only grows.
func (g *ordersCSV) createdAt(u float64) int64 {
	pos := u * g.cum[len(g.cum)-1]
	for g.day < len(g.cum)-2 && g.cum[g.day+1] <= pos {
		g.day++
	}
	v := (pos - g.cum[g.day]) / (g.cum[g.day+1] - g.cum[g.day])
	h := 0
	for h < 23 && hourCum[h+1] <= v {
		h++
	}
	f := (v - hourCum[h]) / (hourCum[h+1] - hourCum[h])
	// The last minute is left free so that a cancellation on the export
	// day can still come after its order.
	sec := min(int64(h)*3600+int64(f*3600), 86340)
	return int64(g.opt.From+model.Day(g.day))*86400 + sec
}

var (
	firstNames = []string{"Anna", "Lukas", "Marie", "Jonas", "Sophie", "Felix", "Lea", "Paul",
		"Hannah", "Jürgen", "Emma", "Ben", "Mia", "Tobias", "Clara", "Max", "Zoë", "Stefan", "Laura", "Niklas"}
	firstASCII = []string{"anna", "lukas", "marie", "jonas", "sophie", "felix", "lea", "paul",
		"hannah", "juergen", "emma", "ben", "mia", "tobias", "clara", "max", "zoe", "stefan", "laura", "niklas"}
	lastNames = []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
		"Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Braun", "Zimmermann", "Krüger", "Hartmann"}
	lastASCII = []string{"mueller", "schmidt", "schneider", "fischer", "weber", "meyer", "wagner", "becker",
		"schulz", "hoffmann", "koch", "richter", "klein", "wolf", "schroeder", "neumann", "braun", "zimmermann", "krueger", "hartmann"}
	// Cities repeat by how often they order; a fifth of orders are abroad.
	billingCities = [][2]string{{"Berlin", "DE"}, {"Berlin", "DE"}, {"Hamburg", "DE"}, {"München", "DE"},
		{"München", "DE"}, {"Köln", "DE"}, {"Frankfurt am Main", "DE"}, {"Leipzig", "DE"}, {"Leipzig", "DE"},
		{"Dresden", "DE"}, {"Stuttgart", "DE"}, {"Düsseldorf", "DE"}, {"Nürnberg", "DE"}, {"Hannover", "DE"},
		{"Bremen", "DE"}, {"Freiburg im Breisgau", "DE"}, {"Wien", "AT"}, {"Graz", "AT"}, {"Zürich", "CH"},
		{"Amsterdam", "NL"}}
	emailDomains   = []string{"example.com", "example.org", "example.net", "mail.example"}
	discountCodes  = []string{"WELCOME10", "SPRING15", "NEWSLETTER10", "BLACKWEEK20"}
	discountPct    = []int64{10, 15, 10, 20}
	paymentMethods = []string{"Shopify Payments", "Shopify Payments", "Shopify Payments", "Shopify Payments",
		"PayPal Express Checkout", "PayPal Express Checkout", "Klarna", "Bank Deposit"}
)

// order appends one whole order to b: its lines are drawn first because
// the totals on the first line depend on all of them.
func (g *ordersCSV) order(b []byte) []byte {
	r := g.r
	created := g.createdAt(float64(g.linesDone) / float64(g.opt.Lines))
	n := 1
	switch x := r.Float64(); { // mean about 2
	case x < 0.45:
	case x < 0.72:
		n = 2
	case x < 0.86:
		n = 3
	case x < 0.95:
		n = 4
	default:
		n = 5
	}
	n = min(n, g.opt.Lines-g.linesDone, len(g.items))
	g.picked, g.qty = g.picked[:0], g.qty[:0]
	var sum int64
	for range n {
		i := g.drawItem()
		q := 1
		switch x := r.Float64(); {
		case x < 0.8:
		case x < 0.93:
			q = 2
		case x < 0.97:
			q = 3
		default:
			q = 4
		}
		g.picked, g.qty = append(g.picked, i), append(g.qty, q)
		sum += g.items[i].cents * int64(q)
	}

	// Money in cents: prices include 19 % VAT, so Taxes is the VAT inside
	// Total, and Subtotal is the lines less the discount.
	code, discount := -1, int64(0)
	if chance(r, 0.08) {
		code = r.IntN(len(discountCodes))
		discount = (sum*discountPct[code] + 50) / 100
	}
	subtotal := sum - discount
	method, shipping := "Standard", int64(490)
	switch x := r.Float64(); {
	case x < 0.12:
		method, shipping = "Express", 990
	case x < 0.17:
		method, shipping = "Click & Collect Leipzig", 0
	case subtotal >= 5000:
		method, shipping = "Free Shipping", 0
	}
	total := subtotal + shipping
	taxes := (total*19 + 59) / 119

	cust := uint64(r.IntN(g.customers))
	ch := splitmix(cust ^ g.opt.Seed)
	first, last := int(ch%20), int(ch>>8%20)
	city := billingCities[ch>>16%uint64(len(billingCities))]

	payment := paymentMethods[r.IntN(len(paymentMethods))]
	cancelled := chance(r, g.opt.CancelledShare)
	paidAt := created + int64(between(r, 3, 90))
	if payment == "Bank Deposit" { // paid when the transfer arrives
		paidAt = created + int64(between(r, 1, 3))*86400 + int64(r.IntN(28800))
	}
	var cancelledAt int64
	if cancelled {
		cancelledAt = min(created+int64(between(r, 600, 2*86400)), g.export)
	}
	financial := "paid"
	switch {
	case cancelled && paidAt < cancelledAt:
		financial = "refunded"
	case cancelled:
		financial, paidAt = "voided", 0
	case paidAt > g.export:
		financial, paidAt = "pending", 0
	case chance(r, 0.02):
		financial = "partially_refunded"
	}
	fulfillment, itemStatus := "fulfilled", "fulfilled"
	fulfilledAt := max(created, paidAt) + int64(between(r, 3*3600, 3*86400))
	if cancelled || paidAt == 0 || fulfilledAt > g.export {
		fulfillment, itemStatus, fulfilledAt = "unfulfilled", "pending", 0
	}

	g.orders++
	num := int64(1000 + g.orders)
	for li, i := range g.picked {
		it := &g.items[i]
		b = append(b, '#')
		b = strconv.AppendInt(b, num, 10)
		if li == 0 {
			b = append(b, ',')
			b = append(b, firstASCII[first]...)
			b = append(b, '.')
			b = append(b, lastASCII[last]...)
			b = strconv.AppendUint(b, cust%1000, 10)
			b = append(b, '@')
			b = append(b, emailDomains[ch>>24%uint64(len(emailDomains))]...)
			b = append(b, ',')
			b = append(b, financial...)
			b = append(b, ',')
			b = g.appendStamp(b, paidAt)
			b = append(b, ',')
			b = append(b, fulfillment...)
			b = append(b, ',')
			b = g.appendStamp(b, fulfilledAt)
			if ch>>32&1 == 0 {
				b = append(b, ",yes,EUR,"...)
			} else {
				b = append(b, ",no,EUR,"...)
			}
			b = appendCents(b, subtotal)
			b = append(b, ',')
			b = appendCents(b, shipping)
			b = append(b, ',')
			b = appendCents(b, taxes)
			b = append(b, ',')
			b = appendCents(b, total)
			b = append(b, ',')
			if code >= 0 {
				b = append(b, discountCodes[code]...)
			}
			b = append(b, ',')
			b = appendCents(b, discount)
			b = append(b, ',')
			b = appendCSVField(b, method)
			b = append(b, ',')
			b = g.appendStamp(b, created)
		} else {
			b = append(b, ",,,,,,,,,,,,,,,"...) // Email … Created at
		}
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(g.qty[li]), 10)
		b = append(b, ',')
		b = append(b, it.fields...)
		b = append(b, itemStatus...)
		if li == 0 {
			b = append(b, ',')
			b = append(b, firstNames[first]...)
			b = append(b, ' ')
			b = append(b, lastNames[last]...)
			b = append(b, ',')
			b = append(b, city[0]...)
			b = append(b, ',')
			b = append(b, city[1]...)
			b = append(b, ',')
			b = g.appendStamp(b, cancelledAt)
			b = append(b, ',')
			b = append(b, payment...)
			b = append(b, ',')
			b = append(b, it.vendor...)
			b = append(b, ',')
			// Shopify's ids are large and grow with gaps.
			b = strconv.AppendInt(b, 5_800_000_000_000+int64(g.orders)*64+int64(r.IntN(64)), 10)
		} else {
			b = append(b, ",,,,,,"...) // Billing Name … Payment Method
			b = append(b, it.vendor...)
			b = append(b, ',')
		}
		b = append(b, '\n')
	}
	g.linesDone += n
	return b
}

// drawItem draws a SKU by popularity that is not yet in the order.
func (g *ordersCSV) drawItem() int {
	for range 20 {
		i := g.byRank[g.popular.Uint64()]
		if !g.inOrder(i) {
			return i
		}
	}
	// A short list of very popular SKUs: take the next one not yet in.
	i := g.byRank[g.popular.Uint64()]
	for g.inOrder(i) {
		i = (i + 1) % len(g.items)
	}
	return i
}

func (g *ordersCSV) inOrder(i int) bool {
	for _, j := range g.picked {
		if i == j {
			return true
		}
	}
	return false
}

// appendStamp appends wall-clock seconds as Shopify writes times,
// "2026-03-14 18:22:05 +0100", or nothing for 0.
func (g *ordersCSV) appendStamp(b []byte, wall int64) []byte {
	if wall == 0 {
		return b
	}
	wall, summer := g.offsets.local(wall)
	y, m, d := model.Day(wall / 86400).Time().Date()
	s := wall % 86400
	b = strconv.AppendInt(b, int64(y), 10)
	b = append2(append(b, '-'), int(m))
	b = append2(append(b, '-'), d)
	b = append2(append(b, ' '), int(s/3600))
	b = append2(append(b, ':'), int(s/60%60))
	b = append2(append(b, ':'), int(s%60))
	if summer {
		return append(b, " +0200"...)
	}
	return append(b, " +0100"...)
}

// dstCache knows one year's summer time in Germany, which begins and ends
// on the last Sundays of March and October, and remembers it because
// consecutive orders are nearly always in the same year.
type dstCache struct {
	year       int
	start, end int64 // wall seconds of 02:00 standard time on those Sundays
}

// local says whether a wall-clock time is in summer time. A time in the
// hour skipped in March does not exist, so it moves an hour on.
func (c *dstCache) local(wall int64) (int64, bool) {
	y := model.Day(wall / 86400).Time().Year()
	if y != c.year {
		c.year = y
		c.start = int64(lastSunday(y, 3))*86400 + 2*3600
		c.end = int64(lastSunday(y, 10))*86400 + 2*3600
	}
	switch {
	case wall < c.start || wall >= c.end:
		return wall, false
	case wall < c.start+3600:
		return wall + 3600, true
	default:
		return wall, true
	}
}

func lastSunday(year, month int) model.Day {
	d := model.DayOf(time.Date(year, time.Month(month+1), 1, 0, 0, 0, 0, time.UTC)) - 1
	return d - model.Day((d.Weekday()+1)%7)
}

// append2 appends a number below 100 in two digits.
func append2(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }

// appendCents appends cents as a decimal with two places: 1999 → 19.99.
func appendCents(b []byte, c int64) []byte {
	if c < 0 {
		b, c = append(b, '-'), -c
	}
	b = strconv.AppendInt(b, c/100, 10)
	return append2(append(b, '.'), int(c%100))
}

// appendCSVField appends s, quoted when CSV needs it.
func appendCSVField(b []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") && !strings.HasPrefix(s, " ") {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}
