// Package safefile writes files so that a failure, or a killed process,
// never leaves half a file where a whole one was: output goes to a
// temporary file beside the target, locked while its writer lives, and is
// renamed into place. Temporary files a killed process left behind are
// found by their name and removed once no process holds their lock.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"syscall"
	"unicode/utf8"
)

// marker is in every temporary file's name: .<target>.stockroom-tmp-<n>.
const marker = ".stockroom-tmp-"

// companions are the files SQLite keeps beside a database.
var companions = []string{"-wal", "-shm", "-journal"}

// CreateTemp makes a new temporary file in dir for a target named base,
// with perm (less the umask), and takes an exclusive flock on it that
// lasts while the file stays open: RemoveStale leaves it alone until then.
// The kernel drops the lock when the process dies, however it dies.
func CreateTemp(dir, base string, perm fs.FileMode) (*os.File, error) {
	prefix := "." + shorten(base, 120) + marker
	var lastErr error
	for range 100 {
		name := filepath.Join(dir, prefix+strconv.FormatUint(rand.Uint64()%1e12, 10))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
		}
		// A RemoveStale running now may have locked the new file before us
		// (it then removes it) or removed it already: try another name.
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			lastErr = err
			continue
		}
		if fi, err := os.Stat(name); err != nil || !sameFile(f, fi) {
			f.Close()
			continue
		}
		return f, nil
	}
	return nil, errors.Join(errors.New("no free temporary file name"), lastErr)
}

func sameFile(f *os.File, fi fs.FileInfo) bool {
	own, err := f.Stat()
	return err == nil && os.SameFile(own, fi)
}

// shorten keeps a base name short enough that the temporary name fits in
// 255 bytes, cutting between characters.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// RemoveStale deletes the temporary files in dir (with the -wal, -shm and
// -journal files SQLite made beside them) whose writer is gone: no process
// holds their lock. It reports what it removed; errors only mean a file is
// left for next time.
func RemoveStale(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		m := tempName.FindStringSubmatch(name)
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		path := filepath.Join(dir, name)
		if base := m[1]; m[2] != "" {
			// a companion outlives its database only when a removal was cut
			// short: a writer makes the database first and removes it last
			if _, err := os.Lstat(filepath.Join(dir, base)); errors.Is(err, fs.ErrNotExist) && os.Remove(path) == nil {
				removed = append(removed, path)
			}
			continue
		}
		if removeIfUnlocked(path) {
			removed = append(removed, path)
		}
	}
	return removed
}

// tempName matches the names CreateTemp makes, and their companions.
var tempName = regexp.MustCompile(`^(\..+` + regexp.QuoteMeta(marker) + `[0-9]+)(-wal|-shm|-journal)?$`)

// removeIfUnlocked removes path and its companions while holding its lock,
// so that no writer can be using them.
func removeIfUnlocked(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) != nil {
		return false // its writer is alive
	}
	Remove(path)
	_, err = os.Lstat(path)
	return errors.Is(err, fs.ErrNotExist)
}

// Remove deletes a temporary file and its companions, the companions
// first, so that a companion is never left without its database.
func Remove(path string) {
	for _, c := range companions {
		os.Remove(path + c)
	}
	os.Remove(path)
}
