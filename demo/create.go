package demo

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"stockroom/model"
	"stockroom/safefile"
	"stockroom/store"
)

// ErrExists is returned by Create when the target path is taken.
var ErrExists = errors.New("already exists")

// EarliestSalesDay is the earliest day imports take as a plausible sales
// date (store/importer); a demo's sales start no earlier, so that its
// data could have been imported.
var EarliestSalesDay = model.MustDay("1990-01-01")

// EarliestEnd is the earliest last sales day (Options.End) of a demo
// whose history starts on or after EarliestSalesDay.
func EarliestEnd() model.Day { return EarliestSalesDay + historyDays - 1 }

// Create writes a demo catalogue to a new file at path atomically. It
// generates into a temporary file in the same directory (so the final
// rename never crosses file systems), closes it, runs opt.Finish on it,
// then moves it into place.
// It refuses a path that already exists, and leaves nothing behind on
// error. The temporary file is locked while this process lives (safefile),
// so a run killed halfway leaves files that the next run in the directory
// removes, and a run still writing is left alone.
func Create(ctx context.Context, path string, opt Options) error {
	if err := refuseExisting(path); err != nil {
		return err
	}
	if err := store.CheckNameLength(path); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	dir := filepath.Dir(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		// a mistyped directory is refused, never created
		what := "does not exist"
		if err == nil {
			what = "is not a directory"
		}
		return fmt.Errorf("demo: cannot create a catalogue at %s: the directory %s %s", path, dir, what)
	}
	safefile.RemoveStale(dir)
	// the mode SQLite gives a new database
	f, err := safefile.CreateTemp(dir, filepath.Base(path), 0o644)
	if err != nil {
		return fmt.Errorf("demo: cannot create a catalogue at %s: %w", path, err)
	}
	// open until the catalogue is in place or removed: closing drops the
	// lock that tells other runs this file is in use
	defer f.Close()
	tmp := f.Name()
	if err := store.CheckNameLength(tmp); err != nil {
		safefile.Remove(tmp)
		// the target fits, but not the longer name it is written under first
		return fmt.Errorf("demo: cannot create a catalogue at %s: the path is too long for SQLite once demo's temporary name (%s) is added (at most %d bytes from the root): choose a shorter path", path, filepath.Base(tmp), store.MaxPathBytes)
	}
	err = generateFile(ctx, tmp, opt)
	if err == nil && opt.Finish != nil {
		err = opt.Finish(ctx, tmp)
		if err == nil {
			err = checkpointed(tmp)
		}
	}
	if err == nil {
		err = moveNew(tmp, path)
	}
	if err != nil {
		safefile.Remove(tmp)
		return err
	}
	return nil
}

func generateFile(ctx context.Context, tmp string, opt Options) error {
	s, err := store.Open(tmp)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	err = Generate(ctx, s, opt)
	// Closing the last connection checkpoints the WAL into the file, which
	// must happen before the file is moved without its -wal companion.
	if cerr := s.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("demo: %w", cerr)
	}
	if err == nil {
		err = checkpointed(tmp)
	}
	return err
}

// checkpointed makes sure nothing of the catalogue is left in a -wal,
// which would not move with it.
func checkpointed(tmp string) error {
	if _, err := os.Stat(tmp + "-wal"); err == nil {
		return fmt.Errorf("demo: %s-wal is still there after closing; refusing to move an incomplete catalogue", tmp)
	}
	return nil
}

func refuseExisting(path string) error {
	_, err := os.Lstat(path)
	switch {
	case err == nil:
		return fmt.Errorf("demo: %s %w; choose another path or remove it first", path, ErrExists)
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}

// moveNew moves tmp to path unless path exists. A hard link fails when
// the name is taken, so a file that appeared meanwhile is never replaced;
// where links are not supported it falls back to check-and-rename.
func moveNew(tmp, path string) error {
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		return os.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("demo: %s %w; choose another path or remove it first", path, ErrExists)
	}
	if err := refuseExisting(path); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	return nil
}
