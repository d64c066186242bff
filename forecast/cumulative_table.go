package forecast

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// WriteText prints the cumulative table aligned for a terminal, one line
// per class and horizon, a blank line between classes.
func (t *CumulativeTable) WriteText(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "%-12s %5s %7s %8s %6s %6s %7s %9s %9s %9s\n",
		"class", "weeks", "series", "cover80", "below", "above", "nominal", "pinball10", "pinball50", "pinball90"); err != nil {
		return err
	}
	prev := ""
	for _, r := range t.Rows() {
		if prev != "" && r.Class != prev {
			fmt.Fprintln(w)
		}
		prev = r.Class
		if _, err := fmt.Fprintf(w, "%-12s %5d %7d %7.1f%% %5.1f%% %5.1f%% %6.1f%% %9.3f %9.3f %9.3f\n", r.Class, r.Weeks, r.Series,
			100*r.Coverage, 100*r.Below, 100*r.Above, 100*r.Held, r.Pinball[0], r.Pinball[1], r.Pinball[2]); err != nil {
			return err
		}
	}
	return nil
}

// WriteCSV writes the same table for a spreadsheet, shares as fractions.
func (t *CumulativeTable) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"class", "weeks", "series", "coverage80", "below80", "above80", "pinball10", "pinball50", "pinball90", "nominal80"})
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
	for _, r := range t.Rows() {
		cw.Write([]string{r.Class, strconv.Itoa(r.Weeks), strconv.Itoa(r.Series), num(r.Coverage),
			num(r.Below), num(r.Above), num(r.Pinball[0]), num(r.Pinball[1]), num(r.Pinball[2]), num(r.Held)})
	}
	cw.Flush()
	return cw.Error()
}
