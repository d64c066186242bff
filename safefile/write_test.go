package safefile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// text writes s and records whether the output was said to be a terminal.
func text(s string, terminal *bool) func(io.Writer, bool) error {
	return func(w io.Writer, term bool) error {
		if terminal != nil {
			*terminal = term
		}
		_, err := io.WriteString(w, s)
		return err
	}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	must(t, err)
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func umask() fs.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return fs.FileMode(m)
}

func TestWriteNewFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "stock #1 ?%.csv")
	var term bool
	must(t, Write(path, text("sku\nA-1\n", &term)))
	b, err := os.ReadFile(path)
	must(t, err)
	if string(b) != "sku\nA-1\n" || term {
		t.Errorf("wrote %q, terminal %v", b, term)
	}
	fi, _ := os.Stat(path)
	if want := 0o666 &^ umask(); fi.Mode().Perm() != want {
		t.Errorf("mode %04o, want %04o (0666 less the umask, as a shell makes it)", fi.Mode().Perm(), want)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"stock #1 ?%.csv"}) {
		t.Errorf("directory holds %q", got)
	}
}

func TestWriteReplacesRegularFileKeepingModeAndOwner(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	must(t, os.WriteFile(path, []byte("old contents, longer than the new\n"), 0o600))
	must(t, os.Chmod(path, 0o640))
	root := os.Geteuid() == 0
	if root {
		must(t, os.Chown(path, 65534, 65534)) // another user's file: root keeps its owner
	}
	before, _ := os.Stat(path)
	must(t, Write(path, text("new\n", nil)))
	after, err := os.Stat(path)
	must(t, err)
	if b, _ := os.ReadFile(path); string(b) != "new\n" {
		t.Errorf("contents %q", b)
	}
	if after.Mode().Perm() != 0o640 {
		t.Errorf("mode %04o, want 0640 kept", after.Mode().Perm())
	}
	st := after.Sys().(*syscall.Stat_t)
	if root && (st.Uid != 65534 || st.Gid != 65534) {
		t.Errorf("owner %d:%d, want 65534:65534 kept", st.Uid, st.Gid)
	}
	if os.SameFile(before, after) {
		t.Error("the file was written in place, not replaced atomically")
	}
	if got := names(t, dir); !slices.Equal(got, []string{"out.csv"}) {
		t.Errorf("directory holds %q", got)
	}
}

func TestWriteThroughSymlinks(t *testing.T) {
	dir := t.TempDir()
	must(t, os.Mkdir(filepath.Join(dir, "real"), 0o755))
	target := filepath.Join(dir, "real", "report.csv")
	must(t, os.WriteFile(target, []byte("old\n"), 0o644))
	must(t, os.Symlink("real/report.csv", filepath.Join(dir, "link.csv")))           // relative
	must(t, os.Symlink(filepath.Join(dir, "link.csv"), filepath.Join(dir, "chain"))) // a link to a link
	for _, via := range []string{"link.csv", "chain"} {
		link := filepath.Join(dir, via)
		must(t, Write(link, text("via "+via+"\n", nil)))
		if b, _ := os.ReadFile(target); string(b) != "via "+via+"\n" {
			t.Errorf("%s: target holds %q", via, b)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s: the link was replaced", via)
		}
	}
	if got := names(t, filepath.Join(dir, "real")); !slices.Equal(got, []string{"report.csv"}) {
		t.Errorf("target directory holds %q", got)
	}
}

func TestWriteRefusesDanglingSymlink(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(dir, "link.csv")
	must(t, os.Symlink("nowhere/report.csv", link))
	err := Write(link, text("x\n", nil))
	if err == nil || !strings.Contains(err.Error(), link) || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("err = %v, want a refusal naming the link and its missing target", err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"link.csv"}) {
		t.Errorf("directory holds %q", got)
	}
}

func TestWriteToFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	must(t, syscall.Mkfifo(fifo, 0o600))
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	var term bool
	must(t, Write(fifo, text("through the pipe\n", &term)))
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
		t.Fatal("the FIFO was replaced") // (its reader waits for ever)
	}
	if b := <-got; string(b) != "through the pipe\n" || term {
		t.Errorf("reader got %q, terminal %v", b, term)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"pipe"}) {
		t.Errorf("directory holds %q", got)
	}
}

// A character device is written directly. The test makes its own copy of
// /dev/null (same device numbers) in a temporary directory, which needs
// root; the real /dev/null is never a test's target.
func TestWriteToCharacterDevice(t *testing.T) {
	dir := t.TempDir()
	dev := filepath.Join(dir, "null")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skipf("cannot make a device node here (%v): needs root", err)
	}
	var term bool
	must(t, Write(dev, text("discarded\n", &term)))
	fi, err := os.Lstat(dev)
	if err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Fatal("the device was replaced by a regular file")
	}
	if term {
		t.Error("a null device was taken for a terminal")
	}
	old := IsTerminal
	t.Cleanup(func() { IsTerminal = old })
	IsTerminal = func(f *os.File) bool { return true }
	must(t, Write(dev, text("x", &term)))
	if !term {
		t.Error("a device that is a terminal was not said to be one")
	}
}

func TestWriteToInheritedDescriptor(t *testing.T) {
	r, w, err := os.Pipe()
	must(t, err)
	defer r.Close()
	fd := strconv.Itoa(int(w.Fd()))
	for _, path := range []string{"/dev/fd/", "/proc/self/fd/"} {
		target := path + fd
		must(t, Write(target, text(target+"\n", nil)))
	}
	w.Close()
	b, _ := io.ReadAll(r)
	want := "/dev/fd/" + fd + "\n/proc/self/fd/" + fd + "\n"
	if string(b) != want {
		t.Errorf("pipe got %q, want %q", b, want)
	}
}

func TestWriteRefusesDirectoryAndMissingDirectory(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "reports")
	must(t, os.Mkdir(sub, 0o755))
	if err := Write(sub, text("x", nil)); err == nil || !strings.Contains(err.Error(), sub) || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory target: %v", err)
	}
	missing := filepath.Join(dir, "reprots", "stock.csv")
	if err := Write(missing, text("x", nil)); err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "reprots")) || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing directory: %v", err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"reports"}) {
		t.Errorf("directory holds %q", got)
	}
	if got := names(t, sub); len(got) != 0 {
		t.Errorf("reports holds %q", got)
	}
}

// asIfNotWritable makes the writability check fail for path, as permission
// bits would for a user other than root.
func asIfNotWritable(t *testing.T, path string) {
	old := checkAccess
	t.Cleanup(func() { checkAccess = old })
	checkAccess = func(p string) error {
		if p == path {
			return os.ErrPermission
		}
		return old(p)
	}
}

func TestWriteRefusesReadOnlyTarget(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "locked.csv")
	must(t, os.WriteFile(path, []byte("keep\n"), 0o444))
	if os.Geteuid() == 0 {
		asIfNotWritable(t, path) // root may write anything: act as its owner would
	}
	err := Write(path, text("x\n", nil))
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not writable") {
		t.Errorf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep\n" {
		t.Errorf("read-only file now holds %q", b)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"locked.csv"}) {
		t.Errorf("directory holds %q", got)
	}
}

func TestFailedWriteLeavesTargetAndNoTempFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	must(t, os.WriteFile(path, []byte("old\n"), 0o644))
	boom := errors.New("boom")
	for _, target := range []string{path, filepath.Join(dir, "new.csv")} {
		err := Write(target, func(w io.Writer, _ bool) error {
			io.WriteString(w, "half")
			return boom
		})
		if !errors.Is(err, boom) {
			t.Errorf("%s: err = %v", target, err)
		}
	}
	if b, _ := os.ReadFile(path); string(b) != "old\n" {
		t.Errorf("target holds %q", b)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"out.csv"}) {
		t.Errorf("directory holds %q", got)
	}
}

// A write error is reported against the target, never the temporary file.
func TestErrorsNameTheTarget(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	err := Write(path, func(w io.Writer, _ bool) error {
		f := w.(*os.File)
		f.Close() // the next write fails with the file's own name in the error
		_, err := f.Write([]byte("x"))
		return err
	})
	if err == nil || strings.Contains(err.Error(), marker) || !strings.Contains(err.Error(), path) {
		t.Errorf("err = %v, want the target named and no temporary file", err)
	}
	if got := names(t, dir); len(got) != 0 {
		t.Errorf("directory holds %q", got)
	}
}

func TestWriteThroughHardLinkInPlace(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	must(t, os.WriteFile(a, []byte("old\n"), 0o644))
	must(t, os.Link(a, b))
	must(t, Write(a, text("new\n", nil)))
	for _, p := range []string{a, b} {
		if got, _ := os.ReadFile(p); string(got) != "new\n" {
			t.Errorf("%s holds %q: the hard link was broken", p, got)
		}
	}
}

func TestTerminalNeedsATTY(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "x")
	must(t, err)
	defer f.Close()
	if IsTerminal(f) {
		t.Error("a regular file is a terminal")
	}
	r, w, _ := os.Pipe()
	defer r.Close()
	defer w.Close()
	if IsTerminal(w) {
		t.Error("a pipe is a terminal")
	}
}
