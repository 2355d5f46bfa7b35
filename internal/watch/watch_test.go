package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// start watches a fresh site folder with content/ and templates/.
func start(t *testing.T) (string, *Watcher) {
	t.Helper()
	return startQuiet(t, 200*time.Millisecond)
}

// startQuiet is start with a given quiet period. The tests' periods are
// longer than serve's so that a loaded machine (CI, two cores) pausing
// the writing goroutine does not split a burst.
func startQuiet(t *testing.T, quiet time.Duration) (string, *Watcher) {
	t.Helper()
	root := t.TempDir()
	for _, d := range []string{"content/meetings", "templates"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, root, "site.yaml", "x")
	w, err := New(Options{Root: root, Paths: []string{"site.yaml", "content", "templates", "static"}, Quiet: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return root, w
}

func write(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// next waits for one batch.
func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case b := <-w.Batches:
		return b
	case <-time.After(30 * time.Second):
		t.Fatal("no batch within 30 s")
		return nil
	}
}

// none checks that no batch comes for a while.
func none(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case b := <-w.Batches:
		t.Fatalf("unexpected batch %v", b)
	case <-time.After(800 * time.Millisecond):
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"a.md": false, "site.yaml": false, "4913": true, "a.md.swp": true, ".a.md.swx": true,
		"a.md~": true, ".#a.md": true, "#a.md#": true, ".DS_Store": true, "a.tmp": true,
		"a.md___jb_tmp___": true, "style.css": false,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestBurst: 500 files written at once (a git checkout) give one batch
// naming all of them.
func TestBurst(t *testing.T) {
	root, w := startQuiet(t, time.Second)
	var want []string
	for i := range 500 {
		rel := fmt.Sprintf("content/meetings/m%03d.pl.md", i)
		write(t, root, rel, "x")
		want = append(want, rel)
	}
	got := next(t, w)
	if !slices.Equal(got, want) {
		t.Fatalf("batch has %d paths, want the 500 files (first %v)", len(got), got[:min(3, len(got))])
	}
	none(t, w)
}

// TestEditorSaves: vim (swap file, 4913, backup~, write), and
// write-temp-then-rename (atomic save) each give one batch naming only the
// real file; scratch files alone give none.
func TestEditorSaves(t *testing.T) {
	root, w := start(t)
	write(t, root, "content/a.pl.md", "one")
	if got := next(t, w); !slices.Equal(got, []string{"content/a.pl.md"}) {
		t.Fatalf("plain write: %v", got)
	}

	// vim: swap file, write test, backup, then the file itself.
	write(t, root, "content/.a.pl.md.swp", "swap")
	write(t, root, "content/4913", "")
	os.Remove(filepath.Join(root, "content", "4913"))
	if err := os.Rename(filepath.Join(root, "content/a.pl.md"), filepath.Join(root, "content/a.pl.md~")); err != nil {
		t.Fatal(err)
	}
	write(t, root, "content/a.pl.md", "two")
	os.Remove(filepath.Join(root, "content/a.pl.md~"))
	if got := next(t, w); !slices.Equal(got, []string{"content/a.pl.md"}) {
		t.Fatalf("vim save: %v", got)
	}

	// Atomic save: write a temporary file, rename it over the real one.
	write(t, root, "content/.a.pl.md.tmp", "three")
	if err := os.Rename(filepath.Join(root, "content/.a.pl.md.tmp"), filepath.Join(root, "content/a.pl.md")); err != nil {
		t.Fatal(err)
	}
	if got := next(t, w); !slices.Equal(got, []string{"content/a.pl.md"}) {
		t.Fatalf("write-temp-then-rename: %v", got)
	}
	// site.yaml replaced by a rename is seen through the root's watch.
	write(t, root, "site.yaml.tmp", "y")
	if err := os.Rename(filepath.Join(root, "site.yaml.tmp"), filepath.Join(root, "site.yaml")); err != nil {
		t.Fatal(err)
	}
	if got := next(t, w); !slices.Equal(got, []string{"site.yaml"}) {
		t.Fatalf("site.yaml renamed over: %v", got)
	}

	// Scratch files only, chmod only, files outside the watched paths
	// (public/, the build's output): nothing.
	write(t, root, "content/.#a.pl.md", "lock")
	write(t, root, "content/x.swp", "swap")
	write(t, root, "public/index.html", "out")
	if err := os.Chmod(filepath.Join(root, "content/a.pl.md"), 0o600); err != nil {
		t.Fatal(err)
	}
	none(t, w)
}

// TestFolders: a folder created, filled, moved in from outside, renamed
// and removed is followed; the old name's watch does not linger.
func TestFolders(t *testing.T) {
	root, w := start(t)
	write(t, root, "content/new/deep/a.md", "x")
	got := next(t, w)
	if !slices.Contains(got, "content/new/deep/a.md") {
		t.Fatalf("new folder: %v", got)
	}
	write(t, root, "content/new/deep/b.md", "x")
	if got := next(t, w); !slices.Equal(got, []string{"content/new/deep/b.md"}) {
		t.Fatalf("file in new folder: %v", got)
	}

	outside := t.TempDir()
	write(t, outside, "moved/c.md", "x")
	if err := os.Rename(filepath.Join(outside, "moved"), filepath.Join(root, "content/moved")); err != nil {
		t.Skipf("cannot move across folders here: %v", err)
	}
	if got := next(t, w); !slices.Equal(got, []string{"content/moved", "content/moved/c.md"}) {
		t.Fatalf("folder moved in: %v", got)
	}

	if err := os.Rename(filepath.Join(root, "content/moved"), filepath.Join(root, "content/renamed")); err != nil {
		t.Fatal(err)
	}
	got = next(t, w)
	if !slices.Contains(got, "content/moved") || !slices.Contains(got, "content/renamed/c.md") {
		t.Fatalf("folder renamed: %v", got)
	}
	write(t, root, "content/renamed/d.md", "x")
	if got := next(t, w); !slices.Equal(got, []string{"content/renamed/d.md"}) {
		t.Fatalf("file in renamed folder: %v (a ghost of the old name?)", got)
	}

	if err := os.RemoveAll(filepath.Join(root, "content/new")); err != nil {
		t.Fatal(err)
	}
	got = next(t, w)
	if !slices.Contains(got, "content/new") {
		t.Fatalf("folder removed: %v", got)
	}
	// static/ did not exist at the start; created later, it is watched.
	write(t, root, "static/css/site.css", "a{}")
	got = next(t, w)
	if !slices.Contains(got, "static/css/site.css") {
		t.Fatalf("static/ created: %v", got)
	}
	write(t, root, "static/css/site.css", "b{}")
	if got := next(t, w); !slices.Equal(got, []string{"static/css/site.css"}) {
		t.Fatalf("edit in new static/: %v", got)
	}
}

func TestCloseEndsBatches(t *testing.T) {
	_, w := start(t)
	w.Close()
	if _, ok := <-w.Batches; ok {
		t.Fatal("Batches still open after Close")
	}
}

// TestOverflow: when the kernel's queue of events overflows, which paths
// changed is lost, and a batch says so with Everything rather than
// leaving changes out. The watcher is kept from reading events (nobody
// takes its batches) while two files are written in turn more times than
// the queue holds (fs.inotify.max_queued_events, 16384 by default).
func TestOverflow(t *testing.T) {
	root, w := startQuiet(t, 20*time.Millisecond)
	limit := 16384
	if data, err := os.ReadFile("/proc/sys/fs/inotify/max_queued_events"); err == nil {
		fmt.Sscan(string(data), &limit)
	}
	if limit > 200000 {
		t.Skipf("the event queue holds %d events: too many to overflow quickly", limit)
	}
	// Fill the batch channel and block the watcher's loop on the next send.
	for i := range 2 {
		write(t, root, fmt.Sprintf("content/wypelniacz-%d.md", i), "x")
		time.Sleep(200 * time.Millisecond)
	}
	a := filepath.Join(root, "content", "a.md")
	b := filepath.Join(root, "content", "b.md")
	for i := range limit {
		f := a
		if i%2 == 1 {
			f = b
		}
		if err := os.WriteFile(f, []byte{byte(i)}, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.After(30 * time.Second)
	for {
		select {
		case batch := <-w.Batches:
			if slices.Contains(batch, Everything) {
				return
			}
		case <-deadline:
			t.Fatal("no batch with Everything after the queue overflowed")
		}
	}
}

// TestLimitErr: running out of inotify watches or instances gives an
// error that is ErrWatchLimit and says how to raise the limit; other
// errors pass through as they are.
func TestLimitErr(t *testing.T) {
	for _, tc := range []struct {
		err   error
		limit bool
	}{
		{syscall.ENOSPC, true},
		{fmt.Errorf("add /site/content: %w", syscall.ENOSPC), true},
		{syscall.EMFILE, true},
		{syscall.EACCES, false},
		{os.ErrNotExist, false},
	} {
		got := limitErr(tc.err)
		if errors.Is(got, ErrWatchLimit) != tc.limit {
			t.Errorf("limitErr(%v) = %v: is ErrWatchLimit %v, want %v", tc.err, got, !tc.limit, tc.limit)
			continue
		}
		if tc.limit && !strings.Contains(got.Error(), "sudo sysctl fs.inotify.max_user_watches=") {
			t.Errorf("limitErr(%v) = %q: no fix given", tc.err, got)
		}
		if !tc.limit && got != tc.err {
			t.Errorf("limitErr(%v) = %v, want it unchanged", tc.err, got)
		}
	}
}
