package output

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"

	"github.com/lubuskie-es/sitegen/internal/work"
)

// Write makes the folder dest hold exactly files, atomically, as Begin,
// Add for every file and Commit do, and refuses bad file paths (see
// Validate) before writing anything.
func Write(dest string, files []File) error {
	return write(dest, files, createFile)
}

// putFunc stores data in a new file at name. Write passes createFile; tests
// pass one that fails midway.
type putFunc func(name string, data []byte) error

func write(dest string, files []File, put putFunc) error {
	if err := Validate(files); err != nil {
		return err
	}
	w, err := begin(dest, put)
	if err != nil {
		return err
	}
	if err := work.Try(len(files), workers(), func(i int) error { return w.Add(files[i]) }); err != nil {
		return errors.Join(err, w.Abort())
	}
	return w.Commit()
}

// workers bounds the goroutines of one Write that touch the file system at
// once: enough to hide the latency of each call, few enough that thousands
// of files do not run the process out of file descriptors.
func workers() int { return 2 * runtime.GOMAXPROCS(0) }

// Writer is a new tree for a destination folder, written file by file into
// a hidden sibling folder of it (same parent, so that renaming is atomic)
// while the files are made, so that they need not all be held in memory.
// Commit swaps the complete tree in and removes the old one, so stale files
// from earlier builds never survive; Abort, or a failure at any point,
// leaves the destination as it was and removes the partial tree; so does a
// process killed with SIGKILL, whose leftovers the next Begin removes. Files
// get mode 0644 and folders 0755, less the process umask.
//
// From Begin to Commit or Abort the Writer holds a lock on the parent
// folder: writes into the same parent take turns, also across processes.
type Writer struct {
	t      target
	fresh  string // the new tree
	put    putFunc
	unlock func()
	dirs   sync.Map // slash paths of the folders made in fresh

	// mu lets Adds run together but not with Commit or Abort, which
	// move or remove the tree and set done.
	mu   sync.RWMutex
	done bool
}

// Begin starts a new tree for the folder dest. It refuses a dest that is
// empty, a root folder, the working folder or one of its parents, a
// symbolic link, or something other than a folder. It creates dest's
// parent if needed, waits for its lock, and removes what killed writers
// left there.
func Begin(dest string) (*Writer, error) {
	return begin(dest, createFile)
}

func begin(dest string, put putFunc) (*Writer, error) {
	t, err := resolveTarget(dest)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(t.parent, 0o755); err != nil {
		return nil, fmt.Errorf("output: creating the parent of %s: %w", dest, err)
	}
	unlock, err := lockFolder(t.parent)
	if err != nil {
		return nil, err
	}
	if err := t.recoverAndClean(); err != nil {
		unlock()
		return nil, err
	}
	fresh, err := t.makeSibling(kindNew)
	if err != nil {
		unlock()
		return nil, err
	}
	return &Writer{t: t, fresh: fresh, put: put, unlock: unlock}, nil
}

// Add writes f into the new tree right away, making its folders as needed;
// it is safe for concurrent use. It refuses a path that is not clean and
// relative (see Validate), and a path already added. Other conflicts
// between paths ("a" and "a/b") fail here too, but only Validate on all the
// paths names both: a caller that cannot validate before adding should do
// so before it commits.
func (w *Writer) Add(f File) error {
	if err := checkPath(f.Path); err != nil {
		return err
	}
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.done {
		return fmt.Errorf("output: adding %s: the tree is already committed or aborted", f.Path)
	}
	if err := w.mkdirAll(path.Dir(f.Path)); err != nil {
		return err
	}
	if err := w.put(filepath.Join(w.fresh, filepath.FromSlash(f.Path)), f.Data); err != nil {
		return fmt.Errorf("output: writing %s: %w", f.Path, err)
	}
	return nil
}

// mkdirAll makes the folder dir (a clean slash path) in the new tree and
// its parents, each once: it remembers what it made, so that a file whose
// folder exists costs no system call and one whose parent exists costs one.
func (w *Writer) mkdirAll(dir string) error {
	if dir == "." {
		return nil
	}
	if _, ok := w.dirs.Load(dir); ok {
		return nil
	}
	if err := w.mkdirAll(path.Dir(dir)); err != nil {
		return err
	}
	// Another Add may have made it meanwhile. A file in its place is a
	// conflict of paths, which creating the file then reports.
	err := os.Mkdir(filepath.Join(w.fresh, filepath.FromSlash(dir)), 0o755)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("output: creating folder %s: %w", dir, err)
	}
	w.dirs.Store(dir, struct{}{})
	return nil
}

// Commit flushes the new tree to disk, swaps it in for dest and removes the
// old tree. On failure dest is as it was and the new tree is gone.
func (w *Writer) Commit() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return errors.New("output: commit: the tree is already committed or aborted")
	}
	w.done = true
	defer w.unlock()
	return w.t.swapInTree(w.fresh)
}

// Abort removes the new tree and leaves dest as it was. After Commit it
// does nothing, so that a deferred Abort cleans up on every early return.
func (w *Writer) Abort() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return nil
	}
	w.done = true
	defer w.unlock()
	return removeTree(w.fresh)
}

// target is a destination folder and the names of its siblings.
type target struct {
	dest   string // absolute
	parent string
	base   string
}

// resolveTarget checks dest and makes it absolute, so that a change of
// working folder during a build cannot redirect the swap.
func resolveTarget(dest string) (target, error) {
	if dest == "" {
		return target{}, errors.New("output: empty destination folder")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return target{}, fmt.Errorf("output: destination %s: %w", dest, err)
	}
	if filepath.Dir(abs) == abs {
		return target{}, fmt.Errorf("output: refusing to replace the root folder %s", dest)
	}
	if err := refuseWorkingFolder(dest, abs); err != nil {
		return target{}, err
	}
	if _, err := destState(abs); err != nil {
		return target{}, err
	}
	return target{dest: abs, parent: filepath.Dir(abs), base: filepath.Base(abs)}, nil
}

// refuseWorkingFolder stops "-o ." or "-o .." from replacing, and so
// deleting, the site's own sources.
func refuseWorkingFolder(dest, abs string) error {
	wd, err := os.Getwd()
	if err != nil {
		return nil // nothing to protect that we can name
	}
	if wd == abs || strings.HasPrefix(wd, abs+string(filepath.Separator)) {
		return fmt.Errorf("output: refusing to replace %s: it holds the working folder %s", dest, wd)
	}
	return nil
}

// destState reports whether dest exists, and refuses anything that a swap
// must not replace: a symbolic link would be replaced by a folder instead of
// writing where it points, and a file is not a site.
func destState(abs string) (exists bool, err error) {
	fi, err := os.Lstat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("output: destination: %w", err)
	case fi.Mode()&fs.ModeSymlink != 0:
		return false, fmt.Errorf("output: refusing to write into %s: it is a symbolic link; give the folder it points to instead", abs)
	case !fi.IsDir():
		return false, fmt.Errorf("output: destination %s exists and is not a folder", abs)
	}
	return true, nil
}

// Sibling kinds: a new tree being built, and an old tree moved aside.
const (
	kindNew = "new"
	kindOld = "old"
)

// suffixLen is the length of the random hex suffix of sibling names; cleanup
// only touches names with exactly this suffix.
const suffixLen = 16

// prefix is the start of a sibling name of the given kind, e.g.
// ".public.sitegen-new-" for dest "public". The leading dot hides it from
// ls and from most static file servers.
func (t target) prefix(kind string) string {
	return "." + t.base + ".sitegen-" + kind + "-"
}

// kindOf tells whether name is a sibling that this package made for t, and
// of which kind; it returns "" for every other name.
func (t target) kindOf(name string) string {
	for _, kind := range []string{kindNew, kindOld} {
		rest, ok := strings.CutPrefix(name, t.prefix(kind))
		if ok && isHexSuffix(rest) {
			return kind
		}
	}
	return ""
}

func isHexSuffix(s string) bool {
	if len(s) != suffixLen {
		return false
	}
	for _, c := range []byte(s) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// makeSibling creates an empty folder of the given kind next to dest.
func (t target) makeSibling(kind string) (string, error) {
	for {
		var b [suffixLen / 2]byte
		rand.Read(b[:]) // never fails, per its documentation
		p := filepath.Join(t.parent, t.prefix(kind)+hex.EncodeToString(b[:]))
		err := os.Mkdir(p, 0o755)
		if errors.Is(err, fs.ErrExist) {
			continue // a 64-bit collision; draw again
		}
		if err != nil {
			return "", fmt.Errorf("output: creating a folder next to %s: %w", t.dest, err)
		}
		return p, nil
	}
}

// siblings lists the leftover sibling folders of t by kind, sorted by name.
func (t target) siblings() (map[string][]string, error) {
	entries, err := os.ReadDir(t.parent)
	if err != nil {
		return nil, fmt.Errorf("output: listing %s: %w", t.parent, err)
	}
	found := map[string][]string{}
	for _, e := range entries {
		// A symbolic link with a matching name is not ours: leave it.
		if kind := t.kindOf(e.Name()); kind != "" && e.Type().IsDir() {
			found[kind] = append(found[kind], filepath.Join(t.parent, e.Name()))
		}
	}
	return found, nil
}

// recoverAndClean undoes what an interrupted Writer left behind. A run killed
// between moving dest aside and moving the new tree in (possible only where
// folders cannot be exchanged in one step) leaves no dest and one old tree:
// that tree goes back first, so a failure of this Writer still leaves dest as
// it was. Every other leftover is removed.
func (t target) recoverAndClean() error {
	found, err := t.siblings()
	if err != nil {
		return err
	}
	exists, err := destState(t.dest)
	if err != nil {
		return err
	}
	if old := found[kindOld]; !exists && len(old) == 1 {
		if err := os.Rename(old[0], t.dest); err != nil {
			return fmt.Errorf("output: restoring %s from %s: %w", t.dest, old[0], err)
		}
		found[kindOld] = nil
	}
	for _, p := range slices.Concat(found[kindNew], found[kindOld]) {
		if err := removeAll(p); err != nil {
			return fmt.Errorf("output: removing a leftover of an earlier build: %w", err)
		}
	}
	return nil
}

// swapInTree flushes the complete tree at fresh to disk and swaps it in
// for dest, removing fresh on failure.
func (t target) swapInTree(fresh string) error {
	if err := syncTree(fresh); err != nil {
		return errors.Join(err, removeTree(fresh))
	}
	oldTree, err := t.swapIn(fresh)
	if err != nil {
		return errors.Join(err, removeTree(fresh))
	}
	// The rename must reach the disk too, or a crash could bring back the
	// old tree next to the new one's data.
	syncErr := syncFolder(t.parent)
	if oldTree != "" {
		if err := removeAll(oldTree); err != nil {
			return fmt.Errorf("output: %s is written, but removing the previous tree failed (the next build retries): %w", t.dest, err)
		}
	}
	return syncErr
}

// removeTree removes a partial tree after a failure, and says so if it can't.
func removeTree(p string) error {
	if err := removeAll(p); err != nil {
		return fmt.Errorf("output: removing the partial tree: %w", err)
	}
	return nil
}

// swapIn puts the tree at fresh in place of dest and returns where the old
// tree went, or "" when there was none. Where the kernel can exchange two
// folders in one step, dest exists at every moment, even if the process is
// killed; otherwise dest is moved aside first and is missing for the moment
// between two renames, which recoverAndClean repairs.
func (t target) swapIn(fresh string) (oldTree string, err error) {
	exists, err := destState(t.dest)
	if err != nil {
		return "", err
	}
	if !exists {
		if err := os.Rename(fresh, t.dest); err != nil {
			return "", fmt.Errorf("output: moving the new tree into place: %w", err)
		}
		return "", nil
	}
	if exchange(fresh, t.dest) == nil {
		return fresh, nil // fresh now holds the old tree
	}
	aside := filepath.Join(t.parent, t.prefix(kindOld)+strings.TrimPrefix(filepath.Base(fresh), t.prefix(kindNew)))
	return aside, swapByRenames(t.dest, fresh, aside)
}

// swapByRenames moves dest to aside and fresh to dest, putting dest back if
// the second rename fails.
func swapByRenames(dest, fresh, aside string) error {
	if err := os.Rename(dest, aside); err != nil {
		if errors.Is(err, syscall.EBUSY) {
			// Typical of a container volume mounted right at dest.
			return fmt.Errorf("output: moving the old tree aside: %w (is %s a mount point? Mount its parent folder instead)", err, dest)
		}
		return fmt.Errorf("output: moving the old tree aside: %w", err)
	}
	err := os.Rename(fresh, dest)
	if err == nil {
		return nil
	}
	if rerr := os.Rename(aside, dest); rerr != nil {
		return fmt.Errorf("output: moving the new tree into place: %w; putting the old tree back from %s also failed (the next build retries): %v", err, aside, rerr)
	}
	return fmt.Errorf("output: moving the new tree into place: %w", err)
}

// createFile writes data to a new file. O_EXCL turns any surprise, such as a
// name already taken, into an error instead of an overwrite.
func createFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}
