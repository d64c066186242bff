package main

import (
	"os"
	"path/filepath"
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
