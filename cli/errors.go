package cli

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"

	"stockroom/safefile"
)

// Exit statuses (DESIGN.md section 7).
const (
	exitOK    = 0
	exitUser  = 1 // bad input, missing file, refused catalogue
	exitUsage = 2 // wrong flags or arguments
)

// usageError marks mistakes in how the command was called.
type usageError struct{ error }

// isUsage says whether err is a mistake in how the command was called:
// one of ours, or one of cobra's about flags and arguments.
func isUsage(err error) bool {
	var u usageError
	if errors.As(err, &u) {
		return true
	}
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "flag needs", "invalid argument", "accepts ", "requires at least", "bad flag"} {
		if strings.HasPrefix(msg, p) || strings.Contains(msg, " "+p) {
			return true
		}
	}
	return false
}

// readerGone says whether err is a write to standard output that failed
// because the reader of the pipe went away.
func readerGone(err error) bool {
	var pe *fs.PathError
	return errors.Is(err, syscall.EPIPE) && errors.As(err, &pe) && safefile.NamesStdout(pe.Path)
}

// oneLine keeps the error on one line, as scripts read stderr by line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}
