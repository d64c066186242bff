package importer

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"sort"

	"stockroom/model"
	"stockroom/store"
)

var nan = math.NaN()

// salesFile adds up a sales or orders file into units and revenue per SKU
// and day, then replaces those SKUs' days in the file's date range. SKUs
// and dates are numbered as they are met: a million lines hold a few
// thousand of each.
type salesFile struct {
	j       *job
	units   string // the units field, for messages
	revenue string // the field revenue comes from, for messages
	skus    numbering
	skuRows []int               // rows per SKU, for --skip-unknown's count
	dates   numbering           // of date keys
	cells   map[uint64]saleCell // sku<<32 | date
	// products, when the file has product columns, adds the SKUs the
	// catalogue lacks (see orderProducts)
	products *orderProducts
}

// numbering gives each distinct text a number in the order met, and keeps
// the line it was first met on, for messages.
type numbering struct {
	index map[string]int32
	texts []string
	lines []int
}

func (n *numbering) number(text string, line int) int32 {
	i, ok := n.index[text]
	if !ok {
		if n.index == nil {
			n.index = map[string]int32{}
		}
		i = int32(len(n.texts))
		n.index[text] = i
		n.texts = append(n.texts, text)
		n.lines = append(n.lines, line)
	}
	return i
}

type saleCell struct {
	units   int32 // at most maxDayUnits
	line    int32 // the first line that gave the day a sale, for messages
	revenue float64
	inStock float64 // NaN: unknown
}

// empty reports whether a day says only that nothing sold: no units, no
// revenue, no in-stock share. Such a day is not stored, as a day the file
// does not list sold nothing too; it does not move the catalogue's latest
// sales day (the plan's as-of day), and it may clear a future day.
func (c saleCell) empty() bool { return c.units == 0 && c.revenue == 0 && math.IsNaN(c.inStock) }

func newSalesFile(j *job, units, revenue string) *salesFile {
	return &salesFile{j: j, units: units, revenue: revenue, cells: map[uint64]saleCell{}}
}

func (s *salesFile) add(line int, sku, dateKey string, units int, revenue, inStock float64) {
	si := s.skus.number(sku, line)
	if int(si) == len(s.skuRows) {
		s.skuRows = append(s.skuRows, 0)
	}
	s.skuRows[si]++
	k := uint64(si)<<32 | uint64(uint32(s.dates.number(dateKey, line)))
	c, seen := s.cells[k]
	if !seen {
		c.inStock = nan
	}
	// a sum is checked before it is made, so it cannot wrap around, even
	// where int has 32 bits
	if units > maxDayUnits-int(c.units) {
		s.j.bad(line, s.units, "units of SKU %q on %s add up to more than %s", sku, dateKey, model.GroupThousands(maxDayUnits))
		return
	}
	if math.Abs(c.revenue+revenue) > maxNumber {
		s.j.bad(line, s.revenue, "revenue of SKU %q on %s adds up to more than %s", sku, dateKey, "1,000,000,000,000")
		return
	}
	wasEmpty := c.empty()
	c.units += int32(units)
	c.revenue += revenue
	if !math.IsNaN(inStock) {
		c.inStock = inStock
	}
	if c.line == 0 || wasEmpty && !c.empty() {
		c.line = int32(min(line, math.MaxInt32))
	}
	s.cells[k] = c
}

// salesPatch is one product's new days in the file's range.
type salesPatch struct {
	productID int64
	days      []model.DailySale // in the range, by day
	removed   []model.DailySale // the stored days in the range
}

func (s *salesFile) apply() error {
	j := s.j
	// meaning is checked even when some cells were bad, so one run lists
	// unknown SKUs and impossible dates along with them
	if err := j.dates.Resolve(); err != nil {
		j.errs.Add(0, "", err.Error())
		return j.errs.Err()
	}
	products, err := j.products()
	if err != nil {
		return err
	}
	unknown := &unknownSKUs{j: j}
	ids := make([]int64, len(s.skus.texts)) // 0: left out; negative: a new product
	for i, sku := range s.skus.texts {
		switch p := products[sku]; {
		case p != nil:
			ids[i] = p.ID
		case s.products != nil:
			ids[i] = s.products.placeholder(sku)
		default:
			unknown.addRows(s.skus.lines[i], sku, s.skuRows[i])
		}
	}
	unknown.note()
	// the days replaced are those of the rows kept: a row left out must not
	// widen them over days the file says nothing about
	used := make([]bool, len(s.dates.texts))
	for k := range s.cells {
		if ids[k>>32] != 0 {
			used[uint32(k)] = true
		}
	}
	days := make([]model.Day, len(s.dates.texts))
	today := j.today()
	earliest, latest := model.MustDay("1990-01-01"), today+366
	from, to := model.NoDay, model.NoDay
	for i, key := range s.dates.texts {
		if !used[i] {
			continue
		}
		d, err := j.dates.Day(key)
		switch {
		case err != nil:
			j.bad(s.dates.lines[i], "date", "%v", err)
		case d < earliest || d > latest:
			// a sales history spanning centuries is a typing error, and would
			// make every SKU's weekly series centuries long
			j.bad(s.dates.lines[i], "date", "%s is not a plausible sales date (1990 to a year from now)", d)
		case from == model.NoDay:
			from, to = d, d
		default:
			from, to = min(from, d), max(to, d)
		}
		days[i] = d
	}
	if err := j.errs.Err(); err != nil {
		return err
	}
	// a sale on a day still to come would make it the catalogue's latest
	// sales day, and the plan's as-of day for every SKU; a day ahead is
	// allowed, as a shop's time zone may be ahead of this machine's
	for k, c := range s.cells {
		if ids[k>>32] != 0 && days[uint32(k)] > today+1 && !c.empty() {
			j.bad(int(c.line), "date", "%s is in the future: today is %s (a day ahead is accepted, for time zones)", days[uint32(k)], today)
		}
	}
	if err := j.errs.Err(); err != nil {
		return err
	}
	j.res.Unit = "SKU-days"
	j.res.removedOne, j.res.removedMany = "SKU-day in the window set to 0 (not in the file)", "SKU-days in the window set to 0 (not in the file)"
	bySKU := map[int32][]model.DailySale{}
	for k, c := range s.cells {
		si := int32(k >> 32)
		if ids[si] == 0 {
			continue // unknown SKU, left out
		}
		bySKU[si] = append(bySKU[si], model.DailySale{Day: days[uint32(k)], Units: int(c.units), Revenue: c.revenue, InStock: c.inStock})
	}
	s.cells = nil
	touched := slices.Collect(maps.Keys(bySKU))
	keepStockouts := !j.has("in_stock") // orders and sales without in-stock data keep what the catalogue knows
	// SKUs are compared and written a few hundred at a time, so a year of
	// history for 20,000 SKUs is never in memory at once; the writes still
	// share one transaction
	process := func(b *store.Bulk) error {
		// in id order, which is the order of sales_daily's key: inserts
		// then append to the B-tree instead of splitting it all over
		slices.SortFunc(touched, func(a, b int32) int { return cmp.Compare(ids[a], ids[b]) })
		for lo := 0; lo < len(touched); lo += salesChunk {
			chunk := make([]int64, 0, salesChunk)
			for _, si := range touched[lo:min(lo+salesChunk, len(touched))] {
				chunk = append(chunk, ids[si])
			}
			old, err := j.st.DailySalesBetween(j.ctx, chunk, from, to)
			if err != nil {
				return err
			}
			var weekly map[int64]model.WeeklySales
			if b != nil {
				if weekly, err = j.st.WeeklyRollups(j.ctx, chunk); err != nil {
					return err
				}
			}
			for ci, id := range chunk {
				fresh := bySKU[touched[lo+ci]]
				sort.Slice(fresh, func(a, b int) bool { return fresh[a].Day < fresh[b].Day })
				p := s.patch(id, fresh, old[id], keepStockouts)
				if p == nil || b == nil {
					continue
				}
				var lookupErr error
				before := func(salesOnly bool) model.Day {
					d, err := j.st.LastDayBefore(j.ctx, id, from, salesOnly)
					lookupErr = err
					return d
				}
				rollup := store.PatchRollup(weekly[id], from, to, p.removed, p.days, before)
				if lookupErr != nil {
					return lookupErr
				}
				if err := b.PatchSales(p.productID, from, to, p.days, rollup); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if j.opt.DryRun {
		return process(nil)
	}
	return j.finish(func(b *store.Bulk) error {
		if s.products != nil {
			if err := s.products.write(b); err != nil {
				return err
			}
			for i := range ids {
				ids[i] = s.products.real(ids[i])
			}
		}
		return process(b)
	})
}

// maxDayUnits bounds the units of one SKU on one day, summed over a
// file's lines: more than two billion is no shop's day, and the bound holds
// on every platform.
const maxDayUnits = math.MaxInt32

// salesChunk is how many SKUs' days are read at a time.
const salesChunk = 500

// patch compares a product's days in the file (fresh, by day, in from..to)
// with its stored ones there, counts new, updated and unchanged SKU-days
// and the stored days with sales the file does not list (set to 0), and
// returns the patch, or nil when nothing changes. keepStockouts carries
// the stored in-stock shares into the file's days and keeps stored
// stock-out days it does not list: orders say what sold, not whether the
// SKU could be bought.
func (s *salesFile) patch(id int64, fresh, stored []model.DailySale, keepStockouts bool) *salesPatch {
	res := &s.j.res
	changed := false
	days := make([]model.DailySale, 0, len(fresh)) // what the range holds after the patch
	i := 0
	notListed := func(old model.DailySale) {
		known := !math.IsNaN(old.InStock)
		if old.Units != 0 || old.Revenue != 0 || known && !keepStockouts {
			res.Removed++ // its sales set to 0, or its in-stock share dropped
			changed = true
		} else {
			res.Unchanged++
		}
		if known && keepStockouts {
			days = append(days, model.DailySale{Day: old.Day, InStock: old.InStock})
		}
	}
	for _, d := range fresh {
		for i < len(stored) && stored[i].Day < d.Day {
			notListed(stored[i])
			i++
		}
		had := i < len(stored) && stored[i].Day == d.Day
		if had && keepStockouts && math.IsNaN(d.InStock) {
			d.InStock = stored[i].InStock
		}
		nothing := d.Units == 0 && d.Revenue == 0 && math.IsNaN(d.InStock)
		switch {
		case had && sameSale(stored[i], d):
			res.Unchanged++
		case had:
			res.Updated++
			changed = true
		case nothing: // sold nothing, as the catalogue already says
			res.Unchanged++
		default:
			res.New++
			changed = true
		}
		if had {
			i++
		}
		if !nothing {
			days = append(days, d)
		}
	}
	for ; i < len(stored); i++ {
		notListed(stored[i])
	}
	if !changed {
		return nil
	}
	return &salesPatch{productID: id, days: days, removed: stored}
}

// sameSale compares two days' sales; revenue to the cent.
func sameSale(a, b model.DailySale) bool {
	sameStock := math.IsNaN(a.InStock) && math.IsNaN(b.InStock) || math.Abs(a.InStock-b.InStock) < 1e-6
	return a.Units == b.Units && math.Abs(a.Revenue-b.Revenue) < 0.005 && sameStock
}
