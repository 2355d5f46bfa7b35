// Package watch turns fsnotify's stream of events under a site's folders
// into debounced batches of changed paths: recursive (folders are watched
// as they appear and dropped when they go), filtered (editors' temporary
// files, chmod-only events) and quiet for a moment before each batch, so
// that a burst – a `git checkout`, an editor's save-via-rename, a folder
// moved in – gives one batch with the final state.
//
// It knows nothing of what the paths mean; the caller rebuilds.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options say what to watch.
type Options struct {
	// Root is the site's folder.
	Root string
	// Paths are the files and folders under Root to watch, slash-separated
	// ("site.yaml", "content"). A folder is watched with everything in it;
	// one that does not exist yet is picked up when it is created.
	Paths []string
	// Quiet is how long the folders must stay quiet before a batch is
	// sent; 0 means 10 ms, longer than the gaps inside an editor's save
	// (its events come within a millisecond) and short enough that a
	// preview follows typing. Once a batch holds many paths, a checkout
	// or a copy is under way, and the quiet wanted grows to 5 × Quiet, so
	// that a disk that stalls for a moment does not split it. A batch is
	// never held back longer than 100 × Quiet, so a folder that never
	// settles still rebuilds (in more than one batch; the last has the
	// final state).
	Quiet time.Duration
}

// Watcher sends batches of changed paths.
type Watcher struct {
	// Batches receives the changed paths of each burst, relative to Root,
	// slash-separated, sorted and without duplicates. A path may name a
	// file that no longer exists (deleted, renamed away) or a folder.
	Batches <-chan []string
	// Errors receives problems worth telling the user, such as the
	// system's watch limit being reached. Close closes it.
	Errors <-chan error

	opts    Options
	fsw     *fsnotify.Watcher
	batches chan []string
	errs    chan error
	dirs    map[string]bool // folders watched, relative
	done    chan struct{}
	wg      sync.WaitGroup
	once    sync.Once
}

// Everything is the path a batch holds when the system lost track of which
// paths changed (its queue of events overflowed): all of them may have.
const Everything = "."

// ErrWatchLimit is wrapped by the error sent when the operating system
// will not watch more folders.
var ErrWatchLimit = errors.New("the system's limit of watched folders is reached")

// New starts watching. Close stops it.
func New(opts Options) (*Watcher, error) {
	if opts.Quiet <= 0 {
		opts.Quiet = 10 * time.Millisecond
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, err
	}
	opts.Root = root
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, limitErr(err)
	}
	w := &Watcher{opts: opts, fsw: fsw, batches: make(chan []string), errs: make(chan error, 8),
		dirs: map[string]bool{}, done: make(chan struct{})}
	w.Batches, w.Errors = w.batches, w.errs
	// The root itself is watched (not recursively) so that site.yaml
	// replaced by a rename and content/ created or moved in are seen.
	if err := w.add("."); err != nil {
		fsw.Close()
		return nil, err
	}
	for _, p := range opts.Paths {
		if _, err := w.addTree(p); err != nil {
			fsw.Close()
			return nil, err
		}
	}
	w.wg.Add(1)
	go w.loop()
	return w, nil
}

// Close stops watching and waits for the watcher's goroutine to end. It
// closes Batches.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.done)
		err = w.fsw.Close()
		w.wg.Wait()
	})
	return err
}

// Ignored reports whether a file's base name is an editor's or a system's
// scratch file: vim's swap files and its write test 4913, backups ending
// in ~, Emacs locks and autosaves, JetBrains' safe-write copies, .tmp,
// macOS's .DS_Store and every other dot file (the build skips them too).
func Ignored(name string) bool {
	switch {
	case name == "4913", strings.HasPrefix(name, "."), strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"):
		return true
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".swp", ".swo", ".swx", ".tmp", ".temp", ".crdownload", ".part":
		return true
	}
	return false
}

// wanted reports whether rel (slash-separated, relative to Root) is one of
// the watched paths or inside one, and no part of it is ignored.
func (w *Watcher) wanted(rel string) bool {
	for part := range strings.SplitSeq(rel, "/") {
		if Ignored(part) {
			return false
		}
	}
	for _, p := range w.opts.Paths {
		if rel == p || strings.HasPrefix(rel, p+"/") {
			return true
		}
	}
	return false
}

func (w *Watcher) add(rel string) error {
	if err := w.fsw.Add(filepath.Join(w.opts.Root, filepath.FromSlash(rel))); err != nil {
		return limitErr(fmt.Errorf("watching %s: %w", rel, err))
	}
	w.dirs[rel] = true
	return nil
}

// addTree watches the folder rel and every folder under it, and returns
// the files found in them (a folder moved in brings its files with it).
// A path that is missing or a plain file is left to the parent's watch.
func (w *Watcher) addTree(rel string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(filepath.Join(w.opts.Root, filepath.FromSlash(rel)), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // gone already, or unreadable: nothing to watch
		}
		r, _ := filepath.Rel(w.opts.Root, p)
		r = filepath.ToSlash(r)
		if r != rel && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, r)
			return nil
		}
		if w.dirs[r] {
			return nil
		}
		return w.add(r)
	})
	return files, err
}

// drop forgets rel and every folder under it: a folder deleted or renamed
// away must not leave a ghost watch behind (inotify follows a renamed
// folder to its new name, which would report paths that do not exist).
func (w *Watcher) drop(rel string) {
	for d := range w.dirs {
		if d == rel || strings.HasPrefix(d, rel+"/") {
			_ = w.fsw.Remove(filepath.Join(w.opts.Root, filepath.FromSlash(d)))
			delete(w.dirs, d)
		}
	}
}

func (w *Watcher) loop() {
	defer w.wg.Done()
	defer close(w.batches)
	defer close(w.errs) // only this goroutine sends on it
	pending := map[string]bool{}
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	var deadline <-chan time.Time // set while a batch is pending
	for {
		flush := false
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if w.handle(ev, pending) {
				quiet.Reset(w.quietFor(len(pending)))
				if deadline == nil {
					deadline = time.After(100 * w.opts.Quiet)
				}
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// The kernel dropped events: which paths changed is not
				// known any more, so the batch says everything may have.
				pending[Everything] = true
				quiet.Reset(w.quietFor(len(pending)))
				continue
			}
			w.report(limitErr(err))
		case <-quiet.C:
			flush = true
		case <-deadline:
			flush = true
		}
		if !flush || len(pending) == 0 {
			continue
		}
		quiet.Stop()
		deadline = nil
		batch := make([]string, 0, len(pending))
		for p := range pending {
			batch = append(batch, p)
		}
		slices.Sort(batch)
		clear(pending)
		select {
		case w.batches <- batch:
		case <-w.done:
			return
		}
	}
}

// bigBatch is the number of paths from which a batch is taken for a bulk
// change (a checkout, a copy) rather than a save.
const bigBatch = 8

// quietFor is the quiet period wanted after an event, with n paths pending.
func (w *Watcher) quietFor(n int) time.Duration {
	if n >= bigBatch {
		return 5 * w.opts.Quiet
	}
	return w.opts.Quiet
}

// handle records one event in pending and reports whether it counts.
func (w *Watcher) handle(ev fsnotify.Event, pending map[string]bool) bool {
	if ev.Op == fsnotify.Chmod || ev.Op == 0 {
		return false // touch, chmod, Spotlight: the content did not change
	}
	rel, err := filepath.Rel(w.opts.Root, ev.Name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return false
	}
	rel = filepath.ToSlash(rel)
	if !w.wanted(rel) {
		return false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.drop(rel)
	}
	// Stat after the event: a create or write may have been undone by the
	// time we look (a temporary file renamed away), and a new folder must
	// be watched with what is already in it.
	if fi, err := os.Lstat(filepath.Join(w.opts.Root, filepath.FromSlash(rel))); err == nil && fi.IsDir() {
		files, err := w.addTree(rel)
		if err != nil {
			w.report(err)
		}
		for _, f := range files {
			if w.wanted(f) {
				pending[f] = true
			}
		}
	}
	pending[rel] = true
	return true
}

func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default: // nobody reads errors fast enough; the next batch still comes
	}
}

// limitErr explains the watch limit and how to raise it.
func limitErr(err error) error {
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) {
		return fmt.Errorf("%w (%v): raise it, e.g. on Linux: sudo sysctl fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=1024", ErrWatchLimit, err)
	}
	return err
}
