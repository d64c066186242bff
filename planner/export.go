package planner

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"stockroom/safefile"
	"stockroom/termtext"
)

// Format is an export file format.
type Format string

const (
	CSV  Format = "csv"
	JSON Format = "json"
)

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	switch Format(s) {
	case CSV, JSON:
		return Format(s), nil
	}
	return "", fmt.Errorf("format %q: want csv or json", s)
}

// Export writes the given rows of v, in that order, with the view's column
// names as headers (CSV) or keys (JSON).
func Export(w io.Writer, v View, rows []int, f Format) error {
	if f == JSON {
		return exportJSON(w, v, rows)
	}
	return exportCSV(w, v, rows)
}

func exportCSV(w io.Writer, v View, rows []int) error {
	cw := csv.NewWriter(w)
	cols := v.Columns()
	rec := make([]string, len(cols))
	for i, c := range cols {
		rec[i] = c.Name
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, r := range rows {
		for i, c := range cols {
			s := FormatRaw(c.Kind, v.Value(r, i))
			if c.Kind == Text || c.Kind == Enum {
				s = Neutralise(s)
			}
			rec[i] = s
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func exportJSON(w io.Writer, v View, rows []int) error {
	bw := bufio.NewWriter(w)
	cols := v.Columns()
	keys := make([][]byte, len(cols))
	for i, c := range cols {
		keys[i], _ = json.Marshal(c.Name)
	}
	bw.WriteString("[")
	for n, r := range rows {
		if n > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  {")
		for i, c := range cols {
			if i > 0 {
				bw.WriteString(", ")
			}
			bw.Write(keys[i])
			bw.WriteString(": ")
			bw.WriteString(jsonValue(c.Kind, v.Value(r, i)))
		}
		bw.WriteString("}")
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}

// jsonValue writes numbers as numbers and everything else as JSON strings;
// JSON is not opened by spreadsheets, so text is written as given.
func jsonValue(kind Kind, v Value) string {
	if v.Null {
		return "null"
	}
	switch kind {
	case Integer, Decimal, Money, Percent:
		return FormatRaw(kind, v)
	case Bool:
		return strconv.FormatBool(v.Int != 0)
	}
	b, _ := json.Marshal(FormatRaw(kind, v))
	return string(b)
}

// Neutralise stops a spreadsheet from running a text cell as a formula: a
// cell starting with = + - @ tab or carriage return gets a leading
// apostrophe, which spreadsheets show as text and hide. So does a cell
// starting with an apostrophe, which a spreadsheet would hide and an
// import of the export would take for the guard.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return "'" + s
	}
	return s
}

// ExportFile writes the rows of v as CSV to a new file in dir named after
// the view and the time, writing to a temporary file first so a failed
// export leaves nothing behind. It returns the file's absolute path.
func ExportFile(dir string, v View, rows []int, at time.Time) (string, error) {
	// an absolute path, so the status bar tells the PM where the file is
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	base := fmt.Sprintf("stockroom-%s-%s", v.Name(), at.Format("20060102-150405"))
	path := filepath.Join(dir, base+".csv")
	for n := 2; fileExists(path); n++ {
		path = filepath.Join(dir, fmt.Sprintf("%s-%d.csv", base, n))
	}
	return path, WriteFile(path, v, rows, CSV)
}

// WriteFile writes the rows of v to path as `stockroom export -o` does
// (safefile.Write: a file is replaced whole, keeping its mode and owner; a
// symlink is followed; a device or pipe is written directly), with text
// cleaned of control characters when path is a terminal.
func WriteFile(path string, v View, rows []int, f Format) error {
	return safefile.Write(path, func(w io.Writer, terminal bool) error {
		if terminal {
			v = ForTerminal(v)
		}
		return Export(w, v, rows, f)
	})
}

// ForTerminal is v with its text cells cleaned of control characters and
// bidirectional overrides (termtext.Clean, as the dashboard draws them),
// for an export shown on a terminal: a product name must not retitle the
// window or move the cursor. Files and pipes get the text as it is.
func ForTerminal(v View) View {
	cols := v.Columns()
	text := make([]bool, len(cols))
	for i, c := range cols {
		text[i] = c.IsText()
	}
	return terminalView{View: v, text: text}
}

type terminalView struct {
	View
	text []bool
}

func (t terminalView) Value(row, col int) Value {
	val := t.View.Value(row, col)
	if t.text[col] {
		val.Text = termtext.Clean(val.Text)
	}
	return val
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
