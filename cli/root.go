// Package cli is Stockroom's command line: the dashboard and the commands
// beside it (demo, export, set, import, forecast, backtest, simulate), one
// file each, over one way of opening and planning a catalogue.
package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"stockroom/memlimit"
	"stockroom/safefile"
	"stockroom/store/importer"
	"stockroom/termtext"
)

// Exit statuses (DESIGN.md section 7).
const (
	exitOK    = 0
	exitUser  = 1 // bad input, missing file, refused catalogue
	exitUsage = 2 // wrong flags or arguments
)

// usageError marks mistakes in how the command was called.
type usageError struct{ error }

// startGCPercent turns the collector off while the dashboard reads and
// plans the catalogue: a fresh process growing to ~150 MB would otherwise
// collect several times on the way, 0.1–0.2 s of a 2-core machine's first
// frame (at 400 % it still cost about 0.1 s). The soft memory limit
// (memlimit.Floor, then half again the live heap) still bounds the heap,
// so peak memory is what it was (238–240 MB at 100,000
// SKUs); the usual 100 % returns after the first frame.
const startGCPercent = -1

// relaxGCForStart applies startGCPercent unless GOGC is set, and returns
// what puts the usual setting back.
func relaxGCForStart() func() {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(startGCPercent)
	return func() { debug.SetGCPercent(old) }
}

// limitMemory keeps the soft memory limit of the dashboard and
// `forecast` in step with the live heap (package memlimit): forecasting
// every SKU briefly holds the old and the new forecasts, and without a
// limit the heap doubles past what the data needs; a fixed one that the
// live heap outgrows makes the collector run all the time. GOMEMLIMIT
// overrides it. Batch commands such as import run without it.
func limitMemory() { memlimit.Follow() }

// Execute runs the command line in os.Args and returns the exit status;
// deferred work (a profile being written) finishes before it returns, so
// main exits with it only then.
func Execute() int {
	if path := os.Getenv("STOCKROOM_CPUPROFILE"); path != "" {
		if stop, err := startCPUProfile(path); err == nil {
			defer stop()
		}
	}
	// A write to a pipe whose reader has gone (`stockroom export … | head`)
	// returns EPIPE rather than killing the process with SIGPIPE, so that
	// the command ends through its deferred work and closes the catalogue
	// (a killed one leaves its -wal and -shm behind).
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	err := rootCommand().Execute()
	switch {
	case err == nil:
		return exitOK
	case readerGone(err):
		return exitUser // quietly: the reader left on purpose, and output is cut short
	case importer.RowErrors(err):
		// FILE:LINE: … one per line, as compilers print them
		lines := strings.Split(strings.TrimRight(err.Error(), "\n"), "\n")
		for i, l := range lines {
			lines[i] = termtext.Visible(l)
		}
		fmt.Fprintln(os.Stderr, strings.Join(lines, "\n"))
	default:
		// values typed, SKUs, file names: shown, never obeyed by the terminal
		fmt.Fprintln(os.Stderr, "stockroom: "+termtext.Visible(oneLine(err.Error())))
	}
	if isUsage(err) {
		return exitUsage
	}
	return exitUser
}

// readerGone says whether err is a write to standard output that failed
// because the reader of the pipe went away.
func readerGone(err error) bool {
	var pe *fs.PathError
	return errors.Is(err, syscall.EPIPE) && errors.As(err, &pe) && safefile.NamesStdout(pe.Path)
}

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

// oneLine keeps the error on one line, as scripts read stderr by line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

func rootCommand() *cobra.Command {
	var opt dashboardOptions
	root := &cobra.Command{
		Use:   "stockroom",
		Short: "Inventory planning dashboard for ecommerce product managers",
		Long: "Stockroom shows stock levels, demand forecasts, reorder points and stock health for a\n" +
			"catalogue kept in a local SQLite file, and exports any view to CSV.\n\n" +
			"The catalogue is --db, else $STOCKROOM_DB, else $XDG_DATA_HOME/stockroom/catalogue.db\n" +
			"(~/.local/share/stockroom/catalogue.db when $XDG_DATA_HOME is unset or relative).",
		Args:          cobra.NoArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			waitForLocks(cmd)
			return checkDataHome(cmd)
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDashboard(cmd.Context(), opt)
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.PersistentFlags().StringVar(&opt.db, "db", "", "catalogue file (default $STOCKROOM_DB or the XDG data directory)")
	root.Flags().BoolVar(&opt.demo, "demo", false, "open the demo catalogue, creating it on first use")
	root.Flags().StringVar(&opt.asOf, "as-of", "", "plan as of this day (YYYY-MM-DD); default the latest sales day")
	root.Flags().BoolVar(&opt.readOnly, "read-only", false, "open the catalogue read-only: look without changing anything")
	root.AddCommand(demoCommand(&opt.db), exportCommand(&opt.db), setCommand(&opt.db), importCommand(&opt.db), forecastCommand(&opt.db), backtestCommand(&opt.db), simulateCommand(&opt.db))
	return root
}
