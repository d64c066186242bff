package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"stockroom/store"
)

// dataHome is where Stockroom keeps catalogues by default:
// $XDG_DATA_HOME/stockroom, else ~/.local/share/stockroom. A relative
// $XDG_DATA_HOME is ignored, as the XDG Base Directory spec says; with no
// absolute $HOME either there is no default, and a relative one would
// put the catalogue wherever the command happens to run: the PM is asked
// for --db instead.
func dataHome() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "stockroom"), nil
	}
	if home := os.Getenv("HOME"); filepath.IsAbs(home) {
		return filepath.Join(home, ".local", "share", "stockroom"), nil
	}
	return "", usageError{errors.New("no default catalogue: $HOME is not set to an absolute path, nor is $XDG_DATA_HOME: give the catalogue with --db PATH (or $STOCKROOM_DB)")}
}

// dataDir is dataHome's directory; checkDataHome has made sure there is
// one before a command that needs it runs.
func dataDir() string {
	d, _ := dataHome()
	return d
}

// checkDataHome refuses a command that would use the default catalogue
// (no --db, no $STOCKROOM_DB, or the dashboard's --demo without --db)
// when there is no data directory for it.
func checkDataHome(cmd *cobra.Command) error {
	switch cmd.Name() {
	case "stockroom", "demo", "export", "set", "import", "forecast", "backtest":
	default:
		return nil // help and completion take no catalogue
	}
	if db, _ := cmd.Flags().GetString("db"); db != "" {
		return nil
	}
	demo, _ := cmd.Flags().GetBool("demo") // the dashboard's
	if os.Getenv("STOCKROOM_DB") != "" && !demo {
		return nil
	}
	_, err := dataHome()
	return err
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

// isDataDir says whether dir is Stockroom's own data directory, the only
// one made for a new catalogue.
func isDataDir(dir string) bool { return dir == filepath.Clean(dataDir()) }

// ensureDataDir creates Stockroom's own data directory when a new
// catalogue is to go there, and returns the directories it made, deepest
// first, so that a command that fails can take them away again. Any other
// directory must exist already: a mistyped --db is refused (by the store),
// never created.
func ensureDataDir(path string) ([]string, error) {
	dir := filepath.Dir(path)
	if !isDataDir(dir) {
		return nil, nil
	}
	var made []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || !os.IsNotExist(err) || filepath.Dir(d) == d {
			break
		}
		made = append(made, d)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return made, nil
}

// withCreateHint adds the commands that make a catalogue to the error of a
// missing one, unless its directory is missing too and not Stockroom's
// own: that is a typo, and the commands would fail there.
func withCreateHint(err error, path string) error {
	if !errors.Is(err, store.ErrNoCatalogue) {
		return err
	}
	dir := filepath.Dir(path)
	if fi, serr := os.Stat(dir); (serr != nil || !fi.IsDir()) && !isDataDir(dir) {
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

// resolvedPath is the absolute path the kernel would reach through p,
// with every symlink followed, including a link to a file not there yet,
// whose directory is resolved and name kept. Nothing is cleaned
// lexically: a/link/.. is the parent of link's target, as the kernel
// reads it, not a.
func resolvedPath(p string) string {
	for range 40 { // as many links as the kernel follows
		if !strings.HasPrefix(p, "/") {
			wd, err := os.Getwd()
			if err != nil {
				return p
			}
			p = wd + "/" + p
		}
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return real
		}
		i := strings.LastIndexByte(p, '/')
		dir, base := p[:i+1], p[i+1:]
		if fi, err := os.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			link, err := os.Readlink(p)
			if err != nil {
				return p
			}
			if !strings.HasPrefix(link, "/") {
				link = dir + link
			}
			p = link // a link to nothing: follow it by hand
			continue
		}
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, base)
		}
		return filepath.Clean(p)
	}
	return filepath.Clean(p)
}
