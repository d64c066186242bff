package importer

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Stockroom's own CSV exports import back: a PM exports the stock view,
// edits names or reorder points in it, and imports it again. An export is
// recognised by its whole header, exactly as planner writes it, so that a
// hand-made file with a few of the same column names is read as the CSV
// it is. Only then are its text cells read back through the export's
// formula guard (planner.Neutralise), and only the kinds the view holds
// are accepted. The caller names the exports (Options.Exports): the
// planner declares the views, and the importer sits below it.

// Export is the header of one of Stockroom's CSV exports, as `stockroom
// export` writes it.
type Export struct {
	View    string
	Columns []ExportColumn
}

// ExportColumn is one column of an export.
type ExportColumn struct {
	Name string
	Text bool // written through the formula guard
}

// stockroomExport is one of Stockroom's CSV exports.
type stockroomExport struct {
	view    string
	columns []ExportColumn
	kinds   []string // what it imports as; none for views of computed figures
}

// exportKinds are the kinds each view's rows can be read as, so that a
// purchase order's quantities never become stock, nor product names
// suppliers. The po view is not among them: its costs are the order's,
// not the products'.
var exportKinds = map[string][]string{
	"stock":     {"products", "stock", "policies"},
	"reorder":   {"products", "stock", "policies"},
	"risk":      {"products", "stock"},
	"suppliers": {"suppliers"},
}

// findExport is the export whose header this is, or nil.
func findExport(header []string, exports []Export) *stockroomExport {
	for _, x := range exports {
		if len(x.Columns) != len(header) {
			continue
		}
		same := true
		for i, c := range x.Columns {
			if normalise(header[i]) != normalise(c.Name) {
				same = false
				break
			}
		}
		if same {
			return &stockroomExport{view: x.View, columns: x.Columns, kinds: exportKinds[x.View]}
		}
	}
	return nil
}

// format names the export in summaries.
func (e *stockroomExport) format() Format { return Format("Stockroom " + e.view + " export") }

// check refuses a kind the export does not hold.
func (e *stockroomExport) check(file, kind string) error {
	switch {
	case len(e.kinds) == 0:
		why := "its figures are computed from the catalogue"
		if e.view == "po" || e.view == "pos" {
			why = "it shows purchase orders without what import purchase-orders needs: a reference, the supplier and the SKUs together"
		}
		return fmt.Errorf("%s is Stockroom's %s export, which does not import back (%s)", file, e.view, why)
	case slices.Contains(e.kinds, kind):
		return nil
	case len(e.kinds) == 1:
		return fmt.Errorf("%s is Stockroom's %s export, which imports as %s only", file, e.view, e.kinds[0])
	}
	return fmt.Errorf("%s is Stockroom's %s export, which imports as %s or %s", file, e.view,
		strings.Join(e.kinds[:len(e.kinds)-1], ", "), e.kinds[len(e.kinds)-1])
}

// guarded lists the columns the export guards against formulas: text.
func (e *stockroomExport) guarded() []int {
	var out []int
	for i, c := range e.columns {
		if c.Text {
			out = append(out, i)
		}
	}
	return out
}

// unguard undoes planner.Neutralise: the ' it puts before a cell starting
// with = + - @ tab, carriage return or '. Any other leading ' is the
// cell's own.
func unguard(s string) string {
	if len(s) >= 2 && s[0] == '\'' {
		switch s[1] {
		case '=', '+', '-', '@', '\t', '\r', '\'':
			return s[1:]
		}
	}
	return s
}

// column is the index of one of the export's columns, or -1.
func (e *stockroomExport) column(name string) int {
	return slices.IndexFunc(e.columns, func(c ExportColumn) bool { return c.Name == name })
}

// exportRounding is how far an exported number may be from the stored one:
// exports write money to the cent and other decimals to two places.
const exportRounding = 0.005 + 1e-9

// keepRounded is the stored value when the file is a Stockroom export
// whose cell is that value as the export rounded it, so that reading an
// export back does not round the catalogue; else the file's value.
func (j *job) keepRounded(stored, read float64) float64 {
	if j.export != nil && math.Abs(stored-read) <= exportRounding {
		return stored
	}
	return read
}
