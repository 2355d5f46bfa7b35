package output

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// tree reads the folder root as path → content, with "path/" → "" for every
// folder, so that one comparison checks both files and folders.
func tree(t *testing.T, root string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, root+string(filepath.Separator)))
		switch {
		case d.IsDir():
			got[rel+"/"] = ""
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			got[rel] = string(b)
			return err
		default:
			return fmt.Errorf("%s: unexpected %v", p, d.Type())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// want is what tree returns for a folder that holds exactly files.
func want(files []File) map[string]string {
	m := map[string]string{}
	for _, f := range files {
		m[f.Path] = string(f.Data)
		for i := range len(f.Path) {
			if f.Path[i] == '/' {
				m[f.Path[:i+1]] = ""
			}
		}
	}
	return m
}

func checkTree(t *testing.T, root string, files []File) {
	t.Helper()
	if got, w := tree(t, root), want(files); !maps.Equal(got, w) {
		t.Errorf("%s holds\n%v\nwant\n%v", root, got, w)
	}
}

// noSiblings fails when the parent of dest holds anything but dest and keep.
func noSiblings(t *testing.T, dest string, keep ...string) {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != filepath.Base(dest) && !slices.Contains(keep, e.Name()) {
			t.Errorf("left next to dest: %s", e.Name())
		}
	}
}

func siteA() []File {
	return []File{
		{Path: "index.html", Data: []byte("<p>A</p>")},
		{Path: "css/site.css", Data: []byte("a{}")},
		{Path: "spotkania/2015/x/index.html", Data: []byte("x")},
		{Path: "spotkania/2015/y/index.html", Data: []byte("y")},
		{Path: "stale.html", Data: []byte("only in A")},
		{Path: "old/deep/page.html", Data: []byte("only in A")},
		{Path: "empty.txt", Data: nil},
	}
}

func siteB() []File {
	return []File{
		{Path: "index.html", Data: []byte("<p>B</p>")},
		{Path: "css/site.css", Data: []byte("b{}")},
		{Path: "spotkania/2016/z/index.html", Data: []byte("z")},
	}
}

func TestWriteFreshDest(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "out", "public") // parent missing too
	if err := Write(dest, siteA()); err != nil {
		t.Fatal(err)
	}
	checkTree(t, dest, siteA())
	noSiblings(t, dest)
	checkModes(t, dest)
}

// checkModes allows for any umask but no more than 0644 and 0755.
func checkModes(t *testing.T, root string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return
	}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, walkErr error) error {
		if walkErr != nil {
			return walkErr
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		limit := fs.FileMode(0o644)
		if d.IsDir() {
			limit = 0o755
		}
		if perm := fi.Mode().Perm(); perm&^limit != 0 || perm&0o600 != 0o600 {
			t.Errorf("%s: mode %v", p, perm)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestWriteReplacesDestAndDropsStaleFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	// A dest made by hand, with files no build ever wrote.
	os.MkdirAll(filepath.Join(dest, "by", "hand"), 0o755)
	os.WriteFile(filepath.Join(dest, "by", "hand", "x"), []byte("x"), 0o644)
	for _, site := range [][]File{siteA(), siteB(), siteA(), nil} {
		if err := Write(dest, site); err != nil {
			t.Fatal(err)
		}
		checkTree(t, dest, site)
		noSiblings(t, dest)
	}
}

func TestWriteNeighboursAreUntouched(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	os.WriteFile(filepath.Join(parent, "public.txt"), []byte("n"), 0o644)
	os.Mkdir(filepath.Join(parent, "public2"), 0o755)
	for range 2 {
		if err := Write(dest, siteB()); err != nil {
			t.Fatal(err)
		}
	}
	noSiblings(t, dest, "public.txt", "public2")
}

// failAfter returns a putFunc that writes n files and then fails.
func failAfter(n int64) putFunc {
	var count atomic.Int64
	return func(name string, data []byte) error {
		if count.Add(1) > n {
			return errors.New("disk full (simulated)")
		}
		return createFile(name, data)
	}
}

func TestWriteFailureLeavesDestAsItWas(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Write(dest, siteA()); err != nil {
		t.Fatal(err)
	}
	before := tree(t, dest)
	for _, n := range []int64{0, 1, 2} {
		err := write(dest, siteB(), failAfter(n))
		if err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Fatalf("failAfter(%d): err = %v", n, err)
		}
		if !strings.Contains(err.Error(), "output: writing ") {
			t.Errorf("error does not name the file: %v", err)
		}
		if got := tree(t, dest); !maps.Equal(got, before) {
			t.Errorf("failAfter(%d): dest changed to %v", n, got)
		}
		noSiblings(t, dest)
	}
}

func TestWriteFailureLeavesNoDest(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := write(dest, siteA(), failAfter(3)); err == nil {
		t.Fatal("no error")
	}
	if _, err := os.Lstat(dest); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("dest exists after a failed first build: %v", err)
	}
	noSiblings(t, dest)
}

func TestWriteErrorNamesTheLowestFailingFile(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	put := func(name string, data []byte) error {
		if strings.Contains(name, "spotkania") {
			return errors.New("boom")
		}
		return createFile(name, data)
	}
	for range 5 { // the same message however the goroutines run
		err := write(dest, siteA(), put)
		if err == nil || !strings.HasPrefix(err.Error(), "output: writing spotkania/2015/x/index.html: boom") {
			t.Fatalf("err = %v", err)
		}
	}
}

func TestValidatePaths(t *testing.T) {
	bad := []string{
		"", "/index.html", "../x", "a/../b", "a/..", "..", ".", "./a", "a/./b", "a/.",
		"a//b", "a/", "/", `a\b`, `\\srv\x`, "C:/x", "c:x", "Z:", "a\x00b",
		"1:x", "ab:c", "...", // what Windows cannot hold: windows_test.go
	}
	for _, p := range bad {
		err := Validate([]File{{Path: "ok.html"}, {Path: p}})
		if err == nil {
			t.Errorf("Validate accepts %q", p)
		} else if !strings.Contains(err.Error(), fmt.Sprintf("%q", p)) {
			t.Errorf("error for %q does not name it: %v", p, err)
		}
	}
	good := []string{
		"index.html", ".htaccess", ".well-known/security.txt", "a..b", "a/...b",
		"zażółć/gęślą.html", "C", "a b/c d.html",
	}
	for _, p := range good {
		if err := Validate([]File{{Path: p}}); err != nil {
			t.Errorf("Validate rejects %q: %v", p, err)
		}
	}
}

func TestValidateConflicts(t *testing.T) {
	tests := []struct {
		paths []string
		want  string
	}{
		{[]string{"a.html", "b.html", "a.html"}, `"a.html": two files have this path`},
		{[]string{"a", "a/b"}, `"a" is a file, but "a/b" needs it to be a folder`},
		{[]string{"x/y/z", "x/y"}, `"x/y" is a file, but "x/y/z" needs it to be a folder`},
		{[]string{"x/y/z/w", "x"}, `"x" is a file, but "x/y/z/w" needs it to be a folder`},
	}
	for _, tt := range tests {
		var files []File
		for _, p := range tt.paths {
			files = append(files, File{Path: p})
		}
		if err := Validate(files); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %q", tt.paths, err, tt.want)
		}
	}
	// Siblings that merely share a prefix are fine.
	if err := Validate([]File{{Path: "a"}, {Path: "ab/c"}, {Path: "a.d/e"}, {Path: "a-b"}}); err != nil {
		t.Error(err)
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	err := Validate([]File{{Path: "../a"}, {Path: "ok"}, {Path: "/b"}, {Path: "ok"}})
	for _, p := range []string{`"../a"`, `"/b"`, `"ok"`} {
		if err == nil || !strings.Contains(err.Error(), p) {
			t.Errorf("error lacks %s: %v", p, err)
		}
	}
}

func TestWriteRejectsBadPathsBeforeWritingAnything(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	for _, files := range [][]File{
		{{Path: "ok.html"}, {Path: "../escape.html"}},
		{{Path: "a"}, {Path: "a/b"}},
		{{Path: "a"}, {Path: "a"}},
	} {
		if err := Write(dest, files); err == nil {
			t.Errorf("%v: no error", files)
		}
	}
	noSiblings(t, dest)
	if _, err := os.Lstat(dest); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("dest created: %v", err)
	}
	if _, err := os.Lstat(filepath.Join(filepath.Dir(dest), "escape.html")); err == nil {
		t.Error("escaped the destination")
	}
}

func TestWriteRefusesBadDest(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("keep"), 0o644)
	for _, dest := range []string{"", "/", file} {
		if err := Write(dest, siteB()); err == nil {
			t.Errorf("Write(%q) succeeded", dest)
		}
	}
	if b, _ := os.ReadFile(file); string(b) != "keep" {
		t.Errorf("file changed to %q", b)
	}
}

func TestWriteRefusesSymlinkDest(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := Write(real, siteA()); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "public")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	err := Write(link, siteB())
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("err = %v", err)
	}
	checkTree(t, real, siteA())
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("link replaced: %v %v", fi, err)
	}
}

func TestWriteRefusesTheWorkingFolder(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "site")
	os.MkdirAll(filepath.Join(work, "content"), 0o755)
	os.WriteFile(filepath.Join(work, "content", "index.md"), []byte("# hi"), 0o644)
	t.Chdir(work)
	for _, dest := range []string{".", "..", work, "./", "content/.."} {
		err := Write(dest, siteB())
		if err == nil || !strings.Contains(err.Error(), "working folder") {
			t.Errorf("Write(%q): err = %v", dest, err)
		}
	}
	if b, err := os.ReadFile(filepath.Join(work, "content", "index.md")); string(b) != "# hi" {
		t.Errorf("sources changed: %q %v", b, err)
	}
	// A folder inside the working folder is the normal case.
	if err := Write("public", siteB()); err != nil {
		t.Fatal(err)
	}
	checkTree(t, filepath.Join(work, "public"), siteB())
}

func TestWriteCleansUpAfterAnInterruptedRun(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := Write(dest, siteA()); err != nil {
		t.Fatal(err)
	}
	ours := []string{
		".public.sitegen-new-0123456789abcdef",
		".public.sitegen-old-fedcba9876543210",
	}
	for _, name := range ours {
		os.MkdirAll(filepath.Join(parent, name, "half", "built"), 0o755)
		os.WriteFile(filepath.Join(parent, name, "half", "x.html"), []byte("x"), 0o644)
	}
	// Names this package would never make are not its to remove.
	notOurs := []string{
		".public.sitegen-new-xyz",
		".public.sitegen-new-0123456789ABCDEF",
		".public.sitegen-new-0123456789abcdef0",
		".other.sitegen-new-0123456789abcdef",
		".public.sitegen-tmp-0123456789abcdef",
		"public.sitegen-new-0123456789abcdef",
	}
	for _, name := range notOurs {
		os.MkdirAll(filepath.Join(parent, name), 0o755)
	}
	// A file or link with one of our names is not a folder we made either.
	os.WriteFile(filepath.Join(parent, ".public.sitegen-new-aaaaaaaaaaaaaaaa"), nil, 0o644)
	os.Symlink(dest, filepath.Join(parent, ".public.sitegen-old-bbbbbbbbbbbbbbbb"))
	notOurs = append(notOurs, ".public.sitegen-new-aaaaaaaaaaaaaaaa", ".public.sitegen-old-bbbbbbbbbbbbbbbb")

	if err := Write(dest, siteB()); err != nil {
		t.Fatal(err)
	}
	checkTree(t, dest, siteB())
	noSiblings(t, dest, notOurs...)
	for _, name := range notOurs {
		if _, err := os.Lstat(filepath.Join(parent, name)); err != nil {
			t.Errorf("removed %s: %v", name, err)
		}
	}
}

// A run killed between its two renames left no dest and the old tree aside.
// The next Write puts the old tree back first, so that its own failure still
// leaves dest as it was before the interrupted run.
func TestWriteRestoresATreeMovedAside(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := Write(dest, siteA()); err != nil {
		t.Fatal(err)
	}
	aside := filepath.Join(parent, ".public.sitegen-old-0123456789abcdef")
	if err := os.Rename(dest, aside); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(parent, ".public.sitegen-new-0123456789abcdef", "css"), 0o755)

	if err := write(dest, siteB(), failAfter(1)); err == nil {
		t.Fatal("no error")
	}
	checkTree(t, dest, siteA())
	noSiblings(t, dest)

	os.Rename(dest, aside)
	if err := Write(dest, siteB()); err != nil {
		t.Fatal(err)
	}
	checkTree(t, dest, siteB())
	noSiblings(t, dest)
}

func TestSwapByRenames(t *testing.T) {
	dir := t.TempDir()
	dest, fresh, aside := filepath.Join(dir, "public"), filepath.Join(dir, "fresh"), filepath.Join(dir, "aside")
	if err := Write(dest, siteA()); err != nil {
		t.Fatal(err)
	}
	// The new tree is missing: the second rename fails and dest goes back.
	if err := swapByRenames(dest, fresh, aside); err == nil {
		t.Fatal("no error")
	}
	checkTree(t, dest, siteA())
	if _, err := os.Lstat(aside); err == nil {
		t.Error("old tree left aside")
	}
	if err := Write(fresh, siteB()); err != nil {
		t.Fatal(err)
	}
	if err := swapByRenames(dest, fresh, aside); err != nil {
		t.Fatal(err)
	}
	checkTree(t, dest, siteB())
	checkTree(t, aside, siteA())
}

func TestExchange(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	Write(a, siteA())
	Write(b, siteB())
	err := exchange(a, b)
	if errors.Is(err, errors.ErrUnsupported) {
		t.Skip("no one-step exchange on", runtime.GOOS, runtime.GOARCH)
	}
	if err != nil {
		t.Fatal(err)
	}
	checkTree(t, a, siteB())
	checkTree(t, b, siteA())
}

func TestConcurrentWritesTakeTurns(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			site := siteA()
			if i%2 == 1 {
				site = siteB()
			}
			for range 5 {
				if err := Write(dest, site); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	got := tree(t, dest)
	if !maps.Equal(got, want(siteA())) && !maps.Equal(got, want(siteB())) {
		t.Errorf("dest is a mix: %v", got)
	}
	noSiblings(t, dest)
}

func BenchmarkWrite10kFiles(b *testing.B) {
	files := make([]File, 10_000)
	page := typicalPage(4 << 10)
	for i := range files {
		files[i] = File{Path: fmt.Sprintf("spotkania/%d/%d/index.html", 2000+i%25, i), Data: page}
	}
	dest := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(dest, files); err != nil {
			b.Fatal(err)
		}
	}
}
