package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"stockroom/store"
)

// dataDir is where Stockroom keeps catalogues by default:
// $XDG_DATA_HOME/stockroom, else ~/.local/share/stockroom.
func dataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "stockroom")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(".", ".stockroom")
	}
	return filepath.Join(home, ".local", "share", "stockroom")
}

// catalogPath resolves --db, then $STOCKROOM_DB, then the data directory.
func catalogPath(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("STOCKROOM_DB"); env != "" {
		return env
	}
	return filepath.Join(dataDir(), "catalogue.db")
}

// demoPath is the catalogue --demo opens.
func demoPath() string { return filepath.Join(dataDir(), "demo.db") }

// ensureDataDir creates Stockroom's own data directory when a new
// catalogue is to go there. Any other directory must exist already: a
// mistyped --db is refused (by the store), never created.
func ensureDataDir(path string) error {
	dir := filepath.Dir(path)
	if dir != filepath.Clean(dataDir()) {
		return nil
	}
	return os.MkdirAll(dir, 0o755)
}

// openReadable opens the catalogue a reading command (the dashboard,
// export, forecast, backtest) works on: read-write when the file and its
// directory allow it, else read-only.
func openReadable(path string) (*store.Store, error) {
	st, err := store.OpenReadable(path)
	return st, withCreateHint(err, path)
}

// withCreateHint adds the commands that make a catalogue to the error of a
// missing one, unless its directory is missing too and not Stockroom's
// own: that is a typo, and the commands would fail there.
func withCreateHint(err error, path string) error {
	if !errors.Is(err, store.ErrNoCatalogue) {
		return err
	}
	dir := filepath.Dir(path)
	if fi, serr := os.Stat(dir); (serr != nil || !fi.IsDir()) && dir != filepath.Clean(dataDir()) {
		return err
	}
	db := ""
	if path != catalogPath("") { // the commands find the default without --db
		db = " --db " + shellQuote(path)
	}
	return fmt.Errorf("%w: create one with `stockroom demo%s` (demo data) or `stockroom import products FILE%s` (your shop's export), or open the demo catalogue with `stockroom --demo`", err, db, db)
}

// shellQuote writes s so that a shell reads it back as one word, for
// commands shown to be copied.
func shellQuote(s string) string {
	plain := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+,:=@", r)) {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
