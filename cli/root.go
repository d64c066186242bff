// Package cli is Stockroom's command line: the dashboard and the commands
// beside it (demo, export, set, import, forecast, backtest, simulate), one
// file each, over one way of opening and planning a catalogue.
package cli

import (
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"stockroom/store/importer"
	"stockroom/termtext"
)

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

// rootCommand is `stockroom` itself, the dashboard, with the other
// commands under it.
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
