package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"stockroom/model"
	"stockroom/store"
)

// Options say what to import and how.
type Options struct {
	Kind string
	File string    // path, also named in every message
	In   io.Reader // the file's content; nil opens File
	// Map names, per field, the header of the column that holds it.
	Map        map[string]string
	DateFormat string // "" detects; see NewDates
	DryRun     bool   // report what would change, write nothing
	// SkipUnknown leaves out rows whose SKU is not in the catalogue instead
	// of refusing the file.
	SkipUnknown bool
	// MaxQuantity is the most units a line may carry (0: DefaultMaxQuantity).
	MaxQuantity int64
	// Exports are the headers of Stockroom's own CSV exports, read back
	// through their formula guard (exports.go); none, and an export is
	// read as any CSV.
	Exports []Export
	// Today dates purchase orders imported without a created day, and
	// sales and orders may not be dated after the day after it; zero (or
	// NoDay) means this machine's date.
	Today model.Day
}

// Result says what an import did (or, in a dry run, would do).
type Result struct {
	Kind                    string
	File                    string
	Format                  Format
	Rows                    int    // data rows read
	Unit                    string // what New, Updated and Unchanged count
	New, Updated, Unchanged int
	Notes                   []string // rows left out and why
	DryRun                  bool
	// ProductsNew and ProductsFilled count the products an orders file
	// with product columns adds, and fills in where they were empty.
	ProductsNew, ProductsFilled int
	// Removed counts what the import deletes, or sets to zero, without
	// the file listing it (a sales day in the replaced window, stock at
	// another location); the summary always says so.
	Removed                             int
	removedOne, removedMany, removedWhy string
}

func (r Result) String() string {
	verb := "Imported"
	if r.DryRun {
		verb = "Dry run, nothing written:"
	}
	unit := r.Unit
	if r.New == 1 {
		unit = strings.TrimSuffix(unit, "s")
	}
	s := fmt.Sprintf("%s %s as %s (%s): %s %s new, %s updated, %s unchanged", verb, r.File, r.Format,
		nRows(r.Rows), model.GroupThousands(r.New), unit, model.GroupThousands(r.Updated), model.GroupThousands(r.Unchanged))
	if r.Removed > 0 {
		s += "; " + plural(r.Removed, r.removedOne, r.removedMany) + r.removedWhy
	}
	if len(r.Notes) > 0 {
		s += "; " + strings.Join(r.Notes, "; ")
	}
	return s + "."
}

// summary is the audit log's record of an import.
func (r Result) summary() string {
	s := fmt.Sprintf("%s: %s; %s new %d, updated %d, unchanged %d", r.Format, nRows(r.Rows), r.Unit, r.New, r.Updated, r.Unchanged)
	if r.Removed > 0 {
		s += fmt.Sprintf(", %s %d", r.removedMany, r.Removed)
	}
	if r.ProductsNew > 0 || r.ProductsFilled > 0 {
		s += fmt.Sprintf("; products new %d, filled in %d", r.ProductsNew, r.ProductsFilled)
	}
	return s
}

// Run imports one file into the catalogue.
func Run(ctx context.Context, st *store.Store, opt Options) (Result, error) {
	k, err := KindByName(opt.Kind)
	if err != nil {
		return Result{}, err
	}
	if opt.In == nil {
		f, err := os.Open(opt.File)
		if err != nil {
			return Result{}, err
		}
		defer f.Close()
		opt.In = f
	}
	r, err := NewReader(opt.File, opt.In)
	if err != nil {
		return Result{}, err
	}
	format, export := detect(r.Header(), opt.Exports)
	if export != nil {
		if err := export.check(opt.File, k.Name); err != nil {
			return Result{}, err
		}
	}
	cols, err := columns(k, opt.File, r.Header(), format, export, opt.Map)
	if err != nil {
		return Result{}, err
	}
	dates, err := NewDates(opt.DateFormat)
	if err != nil {
		return Result{}, err
	}
	if opt.MaxQuantity == 0 {
		opt.MaxQuantity = DefaultMaxQuantity
	}
	if err := CheckMaxQuantity(opt.MaxQuantity); err != nil {
		return Result{}, err
	}
	j := &job{ctx: ctx, st: st, opt: opt, kind: k, r: r, cols: cols, dates: dates, export: export,
		errs: &Errors{File: opt.File},
		res:  Result{Kind: k.Name, File: opt.File, Format: format, DryRun: opt.DryRun}}
	j.textCols = textColumns(cols)
	if export != nil {
		j.guarded = export.guarded()
	}
	err = k.run(j)
	j.noteInvalidUTF8()
	return j.res, err
}

// job is one import under way.
type job struct {
	ctx   context.Context
	st    *store.Store
	opt   Options
	kind  *Kind
	r     *Reader
	cols  map[string]int
	dates *Dates
	errs  *Errors
	res   Result
	cat   *model.Catalogue
	bySKU map[string]*model.Product // cat's products, see products
	// export is the Stockroom export the file is, or nil; guarded are its
	// text columns, read back through its formula guard (see unguard)
	export  *stockroomExport
	guarded []int
	// textCols are the columns read as text other than identifiers, whose
	// invalid UTF-8 is replaced (see clean); replaced counts those values.
	textCols []int
	replaced int
}

// rows calls fn for every data row, counting them; fn reports bad cells
// through j.bad. A row with a bad identifier (see clean) is reported and
// not passed on. It stops at the first error that is not about a row.
func (j *job) rows(fn func(rec []string, line int)) error {
	for {
		rec, line, err := j.r.Next()
		if err == io.EOF {
			return nil
		}
		var re *RowError
		if errors.As(err, &re) {
			j.errs.Add(re.Line, re.Column, re.Reason)
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", j.opt.File, err)
		}
		j.res.Rows++
		for _, i := range j.guarded {
			rec[i] = unguard(rec[i])
		}
		if j.clean(rec, line) {
			fn(rec, line)
		}
	}
}

// today is Options.Today, or this machine's date.
func (j *job) today() model.Day {
	if j.opt.Today == 0 || j.opt.Today == model.NoDay {
		return model.DayOf(time.Now())
	}
	return j.opt.Today
}

// has reports whether the file has a column for a field.
func (j *job) has(name string) bool { _, ok := j.cols[name]; return ok }

// cell is a field's trimmed text in a row, "" when the file has no column.
func (j *job) cell(rec []string, name string) string {
	i, ok := j.cols[name]
	if !ok || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// header is the file's name for a field's column, for messages.
func (j *job) header(name string) string {
	if i, ok := j.cols[name]; ok {
		return j.r.Header()[i]
	}
	return name
}

func (j *job) bad(line int, name, format string, args ...any) {
	j.errs.Add(line, j.header(name), fmt.Sprintf(format, args...))
}

// number reads an optional number, at most maxNumber either way; ok is
// false when the cell is empty or bad (and then reported).
func (j *job) number(rec []string, line int, name string) (float64, bool) {
	s := j.cell(rec, name)
	if s == "" {
		return 0, false
	}
	v, err := ParseNumber(s, j.r.DecimalComma())
	if err != nil {
		j.bad(line, name, "%v", err)
		return 0, false
	}
	if math.Abs(v) > maxNumber {
		j.bad(line, name, "%s is implausibly large (more than 1,000,000,000,000)", printable(s))
		return 0, false
	}
	return v, true
}

// count reads an optional number of units: whole, not negative, at most
// --max-quantity.
func (j *job) count(rec []string, line int, name string) (int, bool) {
	return j.units(rec, line, name, false)
}

// signedCount reads an optional number of units that may be negative
// (oversold stock), at most --max-quantity either way.
func (j *job) signedCount(rec []string, line int, name string) (int, bool) {
	return j.units(rec, line, name, true)
}

func (j *job) units(rec []string, line int, name string, signed bool) (int, bool) {
	s := j.cell(rec, name)
	if s == "" {
		return 0, false
	}
	f, err := ParseNumber(s, j.r.DecimalComma())
	// checked before the conversion: int is 32 bits on some platforms
	switch max := float64(j.opt.MaxQuantity); {
	case err != nil:
	case f < 0 && !signed:
		j.bad(line, name, "%s is negative", printable(s))
		return 0, false
	case f > max:
		j.bad(line, name, "%s is more than --max-quantity %s a line", printable(s), model.GroupThousands(int(j.opt.MaxQuantity)))
		return 0, false
	case f < -max:
		j.bad(line, name, "%s is more than --max-quantity %s units oversold", printable(s), model.GroupThousands(int(j.opt.MaxQuantity)))
		return 0, false
	}
	var v int64
	if err == nil {
		v, err = wholeCount(f, s)
	}
	if err != nil {
		j.bad(line, name, "%v", err)
		return 0, false
	}
	return int(v), true
}

// requiredCount reads a whole number that must be there and not negative.
func (j *job) requiredCount(rec []string, line int, name string) (int, bool) {
	v, ok := j.count(rec, line, name)
	if !ok && j.cell(rec, name) == "" {
		j.bad(line, name, "empty")
	}
	return v, ok
}

// required reads a required text cell.
func (j *job) required(rec []string, line int, name string) (string, bool) {
	s := j.cell(rec, name)
	if s == "" {
		j.bad(line, name, "empty")
		return "", false
	}
	return s, true
}

// catalogue reads what the file is compared against, once.
func (j *job) catalogue() (*model.Catalogue, error) {
	if j.cat == nil {
		c, err := j.st.LoadCatalogue(j.ctx, store.LoadOptions{})
		if err != nil {
			return nil, err
		}
		j.cat = c
	}
	return j.cat, nil
}

// products maps SKU to the catalogue's product, made once: an orders
// file with product columns looks its SKUs up twice.
func (j *job) products() (map[string]*model.Product, error) {
	if j.bySKU != nil {
		return j.bySKU, nil
	}
	c, err := j.catalogue()
	if err != nil {
		return nil, err
	}
	j.bySKU = make(map[string]*model.Product, len(c.Items))
	for i := range c.Items {
		j.bySKU[c.Items[i].Product.SKU] = &c.Items[i].Product
	}
	return j.bySKU, nil
}

// unknownSKUs reports rows whose SKU is not in the catalogue, or counts
// them as left out with --skip-unknown.
type unknownSKUs struct {
	j    *job
	rows int
	skus map[string]bool
}

func (u *unknownSKUs) add(line int, sku string) { u.addRows(line, sku, 1) }

// addRows is add for a SKU met on rows rows, the first on line.
func (u *unknownSKUs) addRows(line int, sku string, rows int) {
	if u.j.opt.SkipUnknown {
		u.rows += rows
		if u.skus == nil {
			u.skus = map[string]bool{}
		}
		u.skus[sku] = true
		return
	}
	u.j.bad(line, "sku", "unknown SKU %q: import products first, or pass --skip-unknown%s", sku, u.guardHint(sku))
}

// guardHint names the catalogue's SKU that an unknown one would be without
// a Stockroom export's formula guard: the file is an export whose header
// was changed, so the guard stayed. Looked up only for the errors shown.
func (u *unknownSKUs) guardHint(sku string) string {
	bare := unguard(sku)
	if bare == sku || u.j.cat == nil || u.j.errs.Len() >= MaxReported {
		return ""
	}
	for i := range u.j.cat.Items {
		if u.j.cat.Items[i].Product.SKU == bare {
			return fmt.Sprintf(" (the catalogue has %q: the ' a Stockroom export puts before = + - @ is taken off only in a file with the export's whole header)", printable(bare))
		}
	}
	return ""
}

func (u *unknownSKUs) note() {
	if u.rows > 0 {
		u.j.res.Notes = append(u.j.res.Notes, fmt.Sprintf("%s of %s left out", nRows(u.rows), plural(len(u.skus), "unknown SKU", "unknown SKUs")))
	}
}

// finish refuses the file if any row was bad, and otherwise (unless this
// is a dry run) writes it in one transaction with an audit-log row that
// records the import and its counts, even when nothing changed.
func (j *job) finish(write func(b *store.Bulk) error) error {
	if err := j.errs.Err(); err != nil {
		return err
	}
	if j.opt.DryRun {
		return nil
	}
	b, err := j.st.BeginBulk(j.ctx)
	if err != nil {
		return err
	}
	if err := write(b); err != nil {
		b.Rollback()
		return fmt.Errorf("%s: nothing imported: %w", j.opt.File, err)
	}
	if err := b.Audit("import", filepath.Base(j.opt.File), j.kind.Name, "", j.res.summary()); err != nil {
		b.Rollback()
		return err
	}
	return b.Commit()
}

// fileError puts the file's name in front of an error about the whole file.
func (j *job) fileError(err error) error { return fmt.Errorf("%s: %w", j.opt.File, err) }

// RowErrors reports whether err lists bad rows, one "FILE:LINE: …" per
// line, which the command line prints as they are.
func RowErrors(err error) bool {
	var l *errorList
	return errors.As(err, &l)
}

// plural is "1 line" or "1,234 lines".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return model.GroupThousands(n) + " " + many
}

func nRows(n int) string { return plural(n, "row", "rows") }

// printable drops control characters from text read from a file before it
// goes into a message, so a cell cannot drive the terminal. The catalogue
// stores the text as given; the dashboard and exports guard it themselves.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}
