package output

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// staged returns the new tree a Writer is filling next to dest.
func staged(t *testing.T, dest string) string {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".sitegen-new-*"))
	if err != nil || len(matches) != 1 {
		t.Fatalf("new trees next to %s: %v, %v", dest, matches, err)
	}
	return matches[0]
}

func TestWriterWritesAsFilesComeAndSwapsOnCommit(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, siteA()); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	var wg sync.WaitGroup
	for _, f := range siteB() {
		wg.Go(func() {
			if err := w.Add(f); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	// The files are on disk before Commit, and dest is untouched.
	checkTree(t, staged(t, dest), siteB())
	if got := tree(t, dest); !maps.Equal(got, before) {
		t.Errorf("dest changed before Commit: %v", got)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	checkTree(t, dest, siteB())
	noSiblings(t, dest)
	if err := w.Abort(); err != nil {
		t.Errorf("Abort after Commit: %v", err)
	}
	checkTree(t, dest, siteB())
}

func TestWriterAbortLeavesDestAsItWas(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, siteA()); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(siteB()[2]); err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, dest); !maps.Equal(got, before) {
		t.Errorf("dest changed: %v", got)
	}
	noSiblings(t, dest)
	if err := w.Add(siteB()[0]); err == nil {
		t.Error("Add after Abort: no error")
	}
	if err := w.Commit(); err == nil {
		t.Error("Commit after Abort: no error")
	}
	noSiblings(t, dest)
}

func TestWriterRefusesBadAdds(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []File
		want  string
	}{
		{"climbs", []File{{Path: "../x.html"}}, `"../x.html": ".." segment`},
		{"absolute", []File{{Path: "/etc/x"}}, "absolute path"},
		{"twice", []File{{Path: "a/b.html"}, {Path: "a/b.html"}}, "output: writing a/b.html: "},
		{"file then folder", []File{{Path: "a"}, {Path: "a/b.html"}}, "output: "},
		{"folder then file", []File{{Path: "a/b.html"}, {Path: "a"}}, "output: writing a: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			w, err := Begin(dest)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Abort()
			last := tc.files[len(tc.files)-1]
			for _, f := range tc.files[:len(tc.files)-1] {
				if err := w.Add(f); err != nil {
					t.Fatal(err)
				}
			}
			err = w.Add(last)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Add(%q) = %v, want an error with %q", last.Path, err, tc.want)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(dest), "x.html")); err == nil {
				t.Error("a file was written outside the tree")
			}
		})
	}
}

func TestWriterHoldsTheLockUntilCommit(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	w, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	second := make(chan *Writer)
	go func() {
		w2, err := Begin(dest)
		if err != nil {
			t.Error(err)
		}
		second <- w2
	}()
	select {
	case <-second:
		t.Fatal("a second Begin did not wait for the first Writer")
	case <-time.After(50 * time.Millisecond):
	}
	for _, f := range siteA() {
		if err := w.Add(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	w2 := <-second
	if w2 == nil {
		return
	}
	// The first tree is in place while the second is written.
	checkTree(t, dest, siteA())
	if err := w2.Abort(); err != nil {
		t.Fatal(err)
	}
	checkTree(t, dest, siteA())
	noSiblings(t, dest)
}
