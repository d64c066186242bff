package importer

import (
	"fmt"
	"strings"
)

// RowError is one bad cell or row: "FILE:LINE: column \"X\": reason". The
// column part is left out when Column is "", and the line when Line is 0
// (a problem with the file as a whole, such as ambiguous dates).
type RowError struct {
	File   string
	Line   int
	Column string
	Reason string
}

func (e *RowError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Column != "" {
		fmt.Fprintf(&b, "column %q: ", e.Column)
	}
	b.WriteString(e.Reason)
	return b.String()
}

// MaxReported is how many row errors are shown: enough to see a pattern,
// few enough that a wholly wrong file does not flood the terminal.
const MaxReported = 20

// Errors collects row errors so that one run reports many problems at once,
// keeping the first MaxReported and counting the rest. The zero value with
// File set is ready to use.
type Errors struct {
	File  string
	first []*RowError
	total int
}

// Add records a problem with a line (0 for the file as a whole) and column
// ("" for the whole row).
func (l *Errors) Add(line int, column, reason string) {
	l.total++
	if len(l.first) < MaxReported {
		l.first = append(l.first, &RowError{File: l.File, Line: line, Column: column, Reason: reason})
	}
}

// Len is the number of errors added, reported or not.
func (l *Errors) Len() int { return l.total }

// Err returns nil when no error was added, else one error listing them.
func (l *Errors) Err() error {
	if l.total == 0 {
		return nil
	}
	return &errorList{file: l.File, rows: append([]*RowError(nil), l.first...), more: l.total - len(l.first)}
}

// errorList is a snapshot, so later Adds do not change an error already
// returned.
type errorList struct {
	file string
	rows []*RowError
	more int
}

func (e *errorList) Error() string {
	lines := make([]string, 0, len(e.rows)+1)
	for _, r := range e.rows {
		lines = append(lines, r.Error())
	}
	switch {
	case e.more == 1:
		lines = append(lines, e.file+": 1 more error")
	case e.more > 1:
		lines = append(lines, fmt.Sprintf("%s: %d more errors", e.file, e.more))
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As find the reported *RowError values.
func (e *errorList) Unwrap() []error {
	out := make([]error, len(e.rows))
	for i, r := range e.rows {
		out[i] = r
	}
	return out
}
