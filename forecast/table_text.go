package forecast

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
)

// WriteText prints the table aligned for a terminal: one line per method
// and class, each method's overall line last. Missing figures print as –.
func (t *Table) WriteText(w io.Writer, methodOrder []string) error {
	num := func(v float64, format string) string {
		if math.IsNaN(v) {
			return "–"
		}
		return fmt.Sprintf(format, v)
	}
	if _, err := fmt.Fprintf(w, "%-16s %-12s %7s %7s %7s %7s %7s %8s\n",
		"method", "class", "series", "RMSSE", "MASE", "WAPE", "bias", "cover80"); err != nil {
		return err
	}
	prev := ""
	for _, r := range t.Rows(methodOrder) {
		if prev != "" && r.Method != prev {
			fmt.Fprintln(w)
		}
		prev = r.Method
		if _, err := fmt.Fprintf(w, "%-16s %-12s %7d %7s %7s %7s %7s %8s\n", r.Method, r.Class, r.Series,
			num(r.RMSSE, "%.3f"), num(r.MASE, "%.3f"), num(100*r.WAPE, "%.1f%%"), num(100*r.Bias, "%+.1f%%"),
			num(100*r.Coverage, "%.1f%%")); err != nil {
			return err
		}
	}
	return nil
}

// WriteCSV writes the same table for a spreadsheet: shares as fractions
// in plain numbers, empty cells where a figure is missing.
func (t *Table) WriteCSV(w io.Writer, methodOrder []string) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"method", "class", "series", "rmsse", "mase", "wape", "bias", "coverage80"})
	num := func(v float64) string {
		if math.IsNaN(v) {
			return ""
		}
		return strconv.FormatFloat(v, 'f', 4, 64)
	}
	for _, r := range t.Rows(methodOrder) {
		cw.Write([]string{r.Method, r.Class, strconv.Itoa(r.Series), num(r.RMSSE), num(r.MASE), num(r.WAPE), num(r.Bias), num(r.Coverage)})
	}
	cw.Flush()
	return cw.Error()
}
