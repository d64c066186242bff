package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Reader streams a CSV export one record at a time, so a file of millions of
// order lines never has to fit in memory. It accepts UTF-8 with or without a
// BOM, CRLF or LF line ends, and comma, semicolon or tab delimiters (detected
// from the header line).
type Reader struct {
	file   string
	csv    *csv.Reader
	header []string
	delim  rune
	pad    []string // holds short records padded to the header's width
}

// NewReader reads the header line of r. file names the input in errors.
func NewReader(file string, r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	// A BOM is Excel's mark for "CSV UTF-8"; it is not part of the first header.
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\ufeff")) {
		br.Discard(3)
	}
	// Excel's "Unicode Text" is UTF-16, a NUL byte in every ASCII
	// character: say so rather than fail to find the columns.
	if b, _ := br.Peek(256); bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) ||
		bytes.Count(b, []byte{0}) > len(b)/4 {
		return nil, fmt.Errorf("%s: the file is UTF-16 (or binary), not text in UTF-8: save it as CSV UTF-8", file)
	}
	// Peek returns what it has at EOF or when the buffer is full; a header
	// line longer than 1 MiB is only sampled, which is plenty to count
	// delimiters.
	head, err := br.Peek(br.Size())
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	delim := detectDelimiter(head)

	c := csv.NewReader(br)
	c.Comma = delim
	c.ReuseRecord = true
	c.FieldsPerRecord = -1 // ragged rows are judged in Next, more forgivingly
	c.LazyQuotes = false   // a stray quote usually means a broken export: say so

	rd := &Reader{file: file, csv: c, delim: delim}
	rec, line, err := rd.read()
	var re *RowError
	switch {
	case err == io.EOF:
		return nil, fmt.Errorf("%s: the file is empty (want a header line, then one row per line)", file)
	case errors.As(err, &re):
		return nil, err
	case err != nil:
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	rd.header = make([]string, len(rec))
	for i, h := range rec {
		rd.header[i] = strings.TrimFunc(h, func(c rune) bool { return unicode.IsSpace(c) || c == '\ufeff' })
	}
	if blank(rd.header) {
		return nil, &RowError{File: file, Line: line, Reason: "the header line has no column names"}
	}
	return rd, nil
}

// detectDelimiter counts each candidate outside double quotes on the first
// non-blank line; the most frequent wins, and a tie or none means comma.
func detectDelimiter(b []byte) rune {
	b = bytes.TrimLeft(b, "\r\n")
	var n [3]int // ',', ';', '\t'
	quoted := false
loop:
	for _, c := range b {
		switch {
		case c == '"':
			quoted = !quoted // a doubled quote toggles twice: no change
		case quoted:
		case c == '\n':
			break loop
		case c == ',':
			n[0]++
		case c == ';':
			n[1]++
		case c == '\t':
			n[2]++
		}
	}
	switch {
	case n[1] > n[0] && n[1] > n[2]:
		return ';'
	case n[2] > n[0] && n[2] > n[1]:
		return '\t'
	}
	return ','
}

// File is the name given to NewReader.
func (r *Reader) File() string { return r.file }

// Header is the header line's cells, trimmed.
func (r *Reader) Header() []string { return r.header }

// Delimiter is the detected field separator.
func (r *Reader) Delimiter() rune { return r.delim }

// DecimalComma reports whether numbers use decimal commas: spreadsheets in
// locales that write 12,5 separate fields with semicolons instead.
func (r *Reader) DecimalComma() bool { return r.delim == ';' }

// Next returns the next record, as wide as the header, and the line it
// starts on. The slice is reused by the next call: copy what you keep.
// Blank lines and rows of empty cells are skipped. Short rows are padded
// with ""; long rows are an error only when an extra cell has content, as
// spreadsheets often add empty trailing cells. A bad row is returned as a
// *RowError and reading may go on with the next; io.EOF ends the file.
func (r *Reader) Next() (record []string, line int, err error) {
	for {
		rec, line, err := r.read()
		if err != nil {
			return nil, line, err
		}
		if blank(rec) {
			continue
		}
		n := len(r.header)
		if len(rec) > n {
			for i := n; i < len(rec); i++ {
				if strings.TrimSpace(rec[i]) != "" {
					return nil, line, &RowError{File: r.file, Line: line,
						Reason: fmt.Sprintf("%d cells but the header has %d (extra cell %q)", len(rec), n, rec[i])}
				}
			}
			rec = rec[:n]
		}
		if len(rec) < n {
			r.pad = append(r.pad[:0], rec...)
			for len(r.pad) < n {
				r.pad = append(r.pad, "")
			}
			rec = r.pad
		}
		return rec, line, nil
	}
}

// read returns the csv package's next record with its starting line,
// turning parse errors into row errors.
func (r *Reader) read() ([]string, int, error) {
	rec, err := r.csv.Read()
	if err == nil {
		line, _ := r.csv.FieldPos(0)
		return rec, line, nil
	}
	var pe *csv.ParseError // declared here: errors.As moves it to the heap
	if !errors.As(err, &pe) {
		return nil, 0, err
	}
	// Say it in words a spreadsheet user can act on.
	reason := pe.Err.Error()
	switch pe.Err {
	case csv.ErrBareQuote:
		reason = `bare " in non-quoted field (a cell with a " in it must be quoted, and the " doubled)`
	case csv.ErrQuote:
		reason = `extraneous or missing " in quoted field`
	}
	if pe.StartLine != pe.Line {
		reason += fmt.Sprintf(" (in the row starting on line %d)", pe.StartLine)
	}
	return nil, pe.Line, &RowError{File: r.file, Line: pe.Line, Reason: reason}
}

// blank reports whether every cell is empty or spaces.
func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
