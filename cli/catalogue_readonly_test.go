package cli

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// TestChildProcess is the stockroom command run by asUser in a child
// process; on its own it does nothing.
func TestChildProcess(t *testing.T) {
	args := os.Getenv("STOCKROOM_TEST_CHILD_ARGS")
	if args == "" {
		t.Skip("run by asUser as a child process")
	}
	os.Args = append([]string{"stockroom"}, strings.Split(args, "\x1f")...)
	os.Exit(Execute())
}

// asUser runs stockroom with args in a child process as a user without
// root's powers: as root (CI runs tests as root, and permission bits do
// not stop root) it drops to nobody; otherwise it runs as this user. The
// test binary is copied where that user can run it.
func asUser(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	bin, copied := childBinaries.Load(t)
	if !copied {
		bin = filepath.Join(openDir(t), "stockroom.test")
		self, err := os.Executable()
		if err != nil {
			t.Fatal(err)
		}
		copyFile(t, self, bin.(string), 0o755)
		childBinaries.Store(t, bin)
		t.Cleanup(func() { childBinaries.Delete(t) })
	}
	cmd := exec.Command(bin.(string), "-test.run=^TestChildProcess$")
	cmd.Env = append(os.Environ(), "STOCKROOM_TEST_CHILD_ARGS="+strings.Join(args, "\x1f"))
	cmd.Dir = filepath.Dir(bin.(string))
	if os.Geteuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), errOut.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), 0
}

// childBinaries holds each test's copy of the test binary.
var childBinaries sync.Map

// openDir is a temporary directory every user may enter and read.
func openDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{dir, filepath.Dir(dir)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_EXCL, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	os.Chmod(to, mode)
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, name := range dirNames(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	return files
}

func sameSnapshot(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// A catalogue in a directory the user cannot write, or a file the user
// cannot write, is read (export, forecast in memory) but never written:
// set and import fail with one clear line before writing anything.
func TestReadOnlyCatalogueForAnotherUser(t *testing.T) {
	src := demoDB(t)
	csvFile := filepath.Join(openDir(t), "products.csv")
	if err := os.WriteFile(csvFile, []byte("sku,name\nNEW-1,New thing\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, which := range []string{"directory", "file"} {
		dir := openDir(t)
		path := filepath.Join(dir, "shop.db")
		copyFile(t, src, path, 0o644)
		if which == "directory" {
			os.Chmod(path, 0o666) // the file could be written; its directory cannot
			os.Chmod(dir, 0o555)
			t.Cleanup(func() { os.Chmod(dir, 0o755) })
		} else {
			os.Chmod(dir, 0o777) // anyone may make files here, but not write the catalogue
			os.Chmod(path, 0o444)
		}
		before := snapshot(t, dir)

		out, errOut, code := asUser(t, "export", "stock", "--db", path)
		if code != 0 || strings.Count(out, "\n") != 151 {
			t.Errorf("%s: export: exit %d, %d lines, stderr %q", which, code, strings.Count(out, "\n"), errOut)
		}
		out, errOut, code = asUser(t, "import", "products", csvFile, "--dry-run", "--db", path)
		if code != 0 || !strings.Contains(out, "Dry run") {
			t.Errorf("%s: import --dry-run: exit %d, %q %q", which, code, out, errOut)
		}
		out, errOut, code = asUser(t, "forecast", "--all", "--db", path)
		if code != 0 || !strings.Contains(out, "not cached: the catalogue is read-only") {
			t.Errorf("%s: forecast: exit %d, %q %q", which, code, out, errOut)
		}
		for _, args := range [][]string{
			{"set", "TO-000001", "reorder_point=5", "--db", path},
			{"set", "--setting", "review_days=14", "--db", path},
			{"import", "products", csvFile, "--db", path},
		} {
			_, errOut, code := asUser(t, args...)
			if code != 1 || !strings.Contains(errOut, "read-only") || !strings.Contains(errOut, which) ||
				strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("%s: %v: exit %d, stderr %q, want one line saying read-only and why", which, args[:2], code, errOut)
			}
		}
		if !sameSnapshot(before, snapshot(t, dir)) {
			t.Errorf("%s: the directory changed: %v", which, dirNames(t, dir))
		}
	}
}

// Export targets as a user without root's powers: a read-only file is
// refused and kept; a writable file in a directory the user cannot write
// is written in place; a new file there is refused, naming it.
func TestExportTargetsForAnotherUser(t *testing.T) {
	db := filepath.Join(openDir(t), "shop.db")
	copyFile(t, demoDB(t), db, 0o644)
	dir := openDir(t)
	locked := filepath.Join(dir, "locked.csv")
	open := filepath.Join(dir, "open.csv")
	os.WriteFile(locked, []byte("keep\n"), 0o444)
	os.WriteFile(open, []byte("old\n"), 0o666)
	os.Chmod(open, 0o666)
	before := snapshot(t, dir)

	_, errOut, code := asUser(t, "export", "pos", "--db", db, "-o", locked)
	if code != 1 || !strings.Contains(errOut, locked) || !strings.Contains(errOut, "not writable") {
		t.Errorf("read-only target: exit %d, %q", code, errOut)
	}
	_, errOut, code = asUser(t, "export", "pos", "--db", db, "-o", filepath.Join(dir, "new.csv"))
	if code != 1 || !strings.Contains(errOut, filepath.Join(dir, "new.csv")) || strings.Contains(errOut, "stockroom-tmp") {
		t.Errorf("new file in an unwritable directory: exit %d, %q", code, errOut)
	}
	after := snapshot(t, dir)
	if !sameSnapshot(before, after) {
		t.Errorf("refused exports changed the directory: %v", dirNames(t, dir))
	}
	_, errOut, code = asUser(t, "export", "pos", "--db", db, "-o", open)
	if b, _ := os.ReadFile(open); code != 0 || !strings.HasPrefix(string(b), "id,") {
		t.Errorf("writable file in an unwritable directory: exit %d, %q, holds %q", code, errOut, firstLines(string(b)))
	}
	if fi, _ := os.Stat(open); fi.Mode().Perm() != 0o666 || fi.Sys().(*syscall.Stat_t).Uid != uint32(os.Geteuid()) {
		t.Errorf("the file written in place changed mode or owner: %v", fi.Mode())
	}
}
