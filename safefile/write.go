package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"github.com/charmbracelet/x/term"
)

// IsTerminal says whether f is a terminal (a character device that answers
// a terminal's ioctl); tests replace it.
var IsTerminal = func(f *os.File) bool {
	fi, err := f.Stat()
	if err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		return false
	}
	return term.IsTerminal(f.Fd())
}

// checkAccess says whether this user may write path (access(2): root may
// write anything on a writable file system); tests replace it to act as
// another user.
var checkAccess = func(path string) error { return syscall.Access(path, 2 /* W_OK */) }

// Write writes target through write, by what is there:
//
//   - nothing: a new file (mode 0666 less the umask, as a shell makes it),
//     written to a temporary file in the same directory and renamed into
//     place, so a failure leaves nothing;
//   - a regular file: replaced the same way, keeping its mode and owner;
//     written in place instead when its owner cannot be kept (another
//     user's file, without root), when it has other hard links (they would
//     keep the old contents) or when only the file, not its directory, can
//     be written;
//   - a symlink: followed, and its target written as above; a symlink to
//     nothing is refused, as cp refuses it, rather than guessing;
//   - a character device or named pipe (/dev/null, a FIFO, a terminal):
//     written directly; /dev/stdout, /dev/stderr and /dev/fd/N are the
//     process's own descriptors;
//   - a directory, block device or socket: refused.
//
// write is told whether the output is a terminal, so it can clean text for
// one. Errors name the target, never the temporary file, which is removed
// on every failure.
func Write(target string, write func(w io.Writer, terminal bool) error) error {
	d, err := resolve(target)
	if err != nil {
		return err
	}
	switch d.kind {
	case toDescriptor:
		return writeDescriptor(target, d.fd, write)
	case toDevice:
		return writeDirect(target, d.path, write)
	case toNew:
		return replace(target, d, write)
	}
	if err := checkAccess(d.path); err != nil {
		if errors.Is(err, syscall.EROFS) {
			return fmt.Errorf("%s is on a read-only file system: nothing was written", target)
		}
		return fmt.Errorf("%s is not writable (mode %04o): nothing was written", target, d.info.Mode().Perm())
	}
	if st, ok := d.info.Sys().(*syscall.Stat_t); ok && st.Nlink > 1 {
		return writeInPlace(target, d.path, write)
	}
	return replace(target, d, write)
}

type destKind int

const (
	toNew destKind = iota
	toRegular
	toDevice
	toDescriptor
)

type destination struct {
	kind destKind
	// path is where the file is, symlinks followed; dir is its directory,
	// resolved, and base its name there.
	path, dir, base string
	info            fs.FileInfo
	fd              int
}

// fdPath matches the names of a process's own descriptors.
var fdPath = regexp.MustCompile(`^/(?:dev/fd|proc/self/fd|proc/thread-self/fd)/(\d+)$`)

// resolve follows target's symlinks one at a time (the kernel's magic
// /proc links to pipes and sockets are not paths and are caught first).
func resolve(target string) (destination, error) {
	p := target
	for hops := 0; ; hops++ {
		if hops > 40 {
			return destination{}, fmt.Errorf("%s: too many levels of symbolic links", target)
		}
		if fd, ok := descriptor(p); ok {
			return destination{kind: toDescriptor, fd: fd}, nil
		}
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			if hops > 0 {
				q := filepath.Clean(p)
				return destination{}, fmt.Errorf("%s is a symlink to %s, which does not exist: write to %s itself, or remove the link", target, q, q)
			}
			return newFile(target, p)
		}
		if err != nil {
			return destination{}, fmt.Errorf("%s: %w", target, unwrapPath(err))
		}
		mode := fi.Mode()
		switch {
		case mode&fs.ModeSymlink != 0:
			link, err := os.Readlink(p)
			if err != nil {
				return destination{}, fmt.Errorf("%s: %w", target, unwrapPath(err))
			}
			if !strings.HasPrefix(link, "/") {
				// not filepath.Join: cleaning a/link/.. would undo a
				// directory symlink the kernel follows first
				dir, _ := split(p)
				link = dir + "/" + link
			}
			p = link
		case mode.IsRegular():
			dir, base := split(p)
			real, err := filepath.EvalSymlinks(dir)
			if err != nil {
				return destination{}, fmt.Errorf("%s: %w", target, unwrapPath(err))
			}
			return destination{kind: toRegular, path: p, dir: real, base: base, info: fi}, nil
		case mode.IsDir():
			return destination{}, fmt.Errorf("%s is a directory: give a file name", target)
		case mode&fs.ModeCharDevice != 0, mode&fs.ModeNamedPipe != 0:
			return destination{kind: toDevice, path: p}, nil
		case mode&fs.ModeDevice != 0:
			return destination{}, fmt.Errorf("%s is a block device: an export is never written to a disk", target)
		default:
			return destination{}, fmt.Errorf("%s is a socket or another special file: give a file name", target)
		}
	}
}

// descriptor reads /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N.
func descriptor(p string) (int, bool) {
	switch p = filepath.Clean(p); p {
	case "/dev/stdout":
		return 1, true
	case "/dev/stderr":
		return 2, true
	}
	if m := fdPath.FindStringSubmatch(p); m != nil {
		n, err := strconv.Atoi(m[1])
		return n, err == nil
	}
	if rest, ok := strings.CutPrefix(p, "/proc/"+strconv.Itoa(os.Getpid())+"/fd/"); ok {
		n, err := strconv.Atoi(rest)
		return n, err == nil
	}
	return 0, false
}

// NamesStdout says whether path is a name of the process's standard
// output (/dev/stdout, /dev/fd/1, /proc/self/fd/1, …), as Write reads it.
func NamesStdout(path string) bool {
	fd, ok := descriptor(path)
	return ok && fd == 1
}

// newFile is a file to make at p, whose directory must exist.
func newFile(target, p string) (destination, error) {
	dir, base := split(p)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return destination{}, fmt.Errorf("%s: the directory %s does not exist", target, dir)
	case err != nil:
		return destination{}, fmt.Errorf("%s: %w", target, unwrapPath(err))
	case !fi.IsDir():
		return destination{}, fmt.Errorf("%s: %s is not a directory", target, dir)
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return destination{}, fmt.Errorf("%s: %w", target, unwrapPath(err))
	}
	return destination{kind: toNew, path: p, dir: real, base: base}, nil
}

// split cuts a path at its last slash without cleaning it.
func split(p string) (dir, base string) {
	i := strings.LastIndexByte(p, '/')
	switch {
	case i < 0:
		return ".", p
	case i == 0:
		return "/", p[1:]
	}
	return p[:i], p[i+1:]
}

// replace writes a temporary file beside the target and renames it over
// the target, keeping an existing file's mode and owner.
func replace(target string, d destination, write func(io.Writer, bool) error) (err error) {
	perm := fs.FileMode(0o666) // less the umask, for a new file
	if d.info != nil {
		perm = 0o600 // until the target's mode is copied
	}
	RemoveStale(d.dir) // what a killed export left here
	tmp, err := CreateTemp(d.dir, d.base, perm)
	if errors.Is(err, fs.ErrPermission) && d.info != nil {
		return writeInPlace(target, d.path, write) // the file may be written, its directory not
	}
	if err != nil {
		return fmt.Errorf("%s: %w", target, err)
	}
	name := tmp.Name()
	renamed := false
	defer func() {
		if !renamed { // on an error, and on a panic in write
			tmp.Close()
			Remove(name)
		}
		if err != nil {
			err = nameTarget(err, name, target)
		}
	}()
	if d.info != nil {
		kept, err := keepOwner(tmp, d.info)
		if err != nil {
			return err
		}
		if !kept {
			tmp.Close()
			Remove(name)
			renamed = true // nothing left to clean up
			return writeInPlace(target, d.path, write)
		}
		if err := tmp.Chmod(d.info.Mode().Perm()); err != nil {
			return err
		}
	}
	if err := write(tmp, false); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := os.Rename(name, filepath.Join(d.dir, d.base)); err != nil {
		return err
	}
	renamed = true
	tmp.Close() // after the rename: closing drops the lock that marks it live
	return nil
}

// keepOwner gives the temporary file the target's owner and group; false
// when they differ and this user may not give them (not root).
func keepOwner(tmp *os.File, target fs.FileInfo) (bool, error) {
	want, ok1 := target.Sys().(*syscall.Stat_t)
	fi, err := tmp.Stat()
	if err != nil {
		return false, err
	}
	have, ok2 := fi.Sys().(*syscall.Stat_t)
	if !ok1 || !ok2 || want.Uid == have.Uid && want.Gid == have.Gid {
		return true, nil
	}
	if err := tmp.Chown(int(want.Uid), int(want.Gid)); err != nil {
		return false, nil
	}
	return true, nil
}

// writeInPlace truncates and writes an existing file: its inode, owner,
// mode and links stay, but a failure leaves it incomplete, and the error
// says so.
func writeInPlace(target, path string, write func(io.Writer, bool) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fmt.Errorf("%s: %w", target, unwrapPath(err))
	}
	err = write(f, false)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s is incomplete: %w", target, nameTarget(err, path, target))
	}
	return nil
}

// writeDirect opens a device or pipe and writes to it: nothing to replace,
// and a pipe blocks until something reads it, as a shell's > does.
func writeDirect(target, path string, write func(io.Writer, bool) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("%s: %w", target, unwrapPath(err))
	}
	err = write(f, IsTerminal(f))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nameTarget(err, path, target)
	}
	return nil
}

// writeDescriptor writes to a copy of one of the process's descriptors, so
// that closing it leaves the original open.
func writeDescriptor(target string, fd int, write func(io.Writer, bool) error) error {
	dup, err := syscall.Dup(fd)
	if err != nil {
		return fmt.Errorf("%s: %w", target, err)
	}
	f := os.NewFile(uintptr(dup), target)
	err = write(f, IsTerminal(f))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// unwrapPath drops the path an os error carries, for a message that names
// the target instead.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// targetError is an error whose message names the target where it named
// a temporary file; errors.Is and As still see the original.
type targetError struct {
	msg string
	err error
}

func (e *targetError) Error() string { return e.msg }
func (e *targetError) Unwrap() error { return e.err }

// nameTarget makes sure err names target and not the file actually
// written (a temporary file, or the end of a symlink).
func nameTarget(err error, written, target string) error {
	msg := err.Error()
	switch {
	case strings.Contains(msg, written):
		msg = strings.ReplaceAll(msg, written, target)
	case !strings.Contains(msg, target):
		msg = target + ": " + msg
	}
	return &targetError{msg: msg, err: err}
}
