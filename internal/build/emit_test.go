package build_test

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/output"
)

// emitted collects what a build hands to Options.Emit.
type emitted struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (e *emitted) emit(f output.File) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, dup := e.files[f.Path]; dup {
		return errors.New("emitted twice: " + f.Path)
	}
	e.files[f.Path] = f.Data
	return nil
}

// TestEmitGivesTheSameFiles: a build that hands its files over as they
// are made gives every file of an in-memory build, byte for byte, and
// keeps none; also from a Cache, where the second build renders nothing.
func TestEmitGivesTheSameFiles(t *testing.T) {
	src := os.DirFS("../..")
	want := map[string][]byte{}
	for _, f := range build.Run(src, build.Options{Now: sampleNow}).Files {
		want[f.Path] = f.Data
	}
	cache := build.NewCache()
	for _, run := range []string{"clean", "cached", "cached again"} {
		opts := build.Options{Now: sampleNow}
		if run != "clean" {
			opts.Cache = cache
		}
		got := &emitted{files: map[string][]byte{}}
		opts.Emit = got.emit
		res := build.Run(src, opts)
		if res.Problems.Len() > 0 {
			t.Fatalf("%s: %v", run, res.Problems.Items())
		}
		if len(res.Files) != 0 {
			t.Errorf("%s: %d files kept in Result.Files", run, len(res.Files))
		}
		if !maps.EqualFunc(got.files, want, bytes.Equal) {
			t.Errorf("%s: emitted %d files, differing from the %d of a build in memory", run, len(got.files), len(want))
		}
	}
}

// TestEmitFailureIsAProblem: a file that cannot be handed over fails the
// build, and the message is the same however the goroutines ran.
func TestEmitFailureIsAProblem(t *testing.T) {
	for range 3 {
		res := build.Run(os.DirFS("../.."), build.Options{Now: sampleNow, Emit: func(f output.File) error {
			if strings.HasPrefix(f.Path, "en/") || strings.HasSuffix(f.Path, ".css") {
				return errors.New("disk full: " + f.Path)
			}
			return nil
		}})
		items := res.Problems.Items()
		if len(items) != 1 || !res.Problems.HasErrors() || !strings.HasPrefix(items[0].Message, "disk full: css/") {
			t.Fatalf("problems %v, want one for the first failing path", items)
		}
	}
}

// TestEmitIntoAWriter is what `sitegen build` does: the tree written file
// by file and committed equals the tree output.Write makes of an
// in-memory build.
func TestEmitIntoAWriter(t *testing.T) {
	dir := t.TempDir()
	src := os.DirFS("../..")
	res := build.Run(src, build.Options{Now: sampleNow})
	if err := output.Write(filepath.Join(dir, "a"), res.Files); err != nil {
		t.Fatal(err)
	}
	w, err := output.Begin(filepath.Join(dir, "b"))
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if res := build.Run(src, build.Options{Now: sampleNow, Emit: w.Add}); res.Problems.HasErrors() {
		t.Fatal(res.Problems.Items())
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	a, b := readTree(t, filepath.Join(dir, "a")), readTree(t, filepath.Join(dir, "b"))
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Errorf("the trees differ: %d and %d files", len(a), len(b))
		for _, p := range slices.Sorted(maps.Keys(a)) {
			if !bytes.Equal(a[p], b[p]) {
				t.Errorf("%s differs", p)
			}
		}
	}
}
