package build_test

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/corpus"
	"github.com/lubuskie-es/sitegen/internal/output"
)

// TestCacheEqualsClean is the invariant of incremental builds: after any
// sequence of changes, a build with a warm Cache gives byte for byte what
// a clean build of the same files gives – the same files, the same
// problems. Each seed runs a random sequence of edits (body, title, slug,
// which moves a page and so its links from other pages; stylesheet;
// template), adds (pages linking to others, static files), deletes,
// renames, breakages and restores on a generated site.
func TestCacheEqualsClean(t *testing.T) {
	seeds, steps := []uint64{1, 2, 3}, 40
	if testing.Short() {
		seeds, steps = seeds[:1], 20
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			c, err := corpus.New(corpus.Options{Pages: 40, Seed: int64(seed)})
			if err != nil {
				t.Fatal(err)
			}
			e := &editor{fsys: c.FS(), r: rand.New(rand.NewPCG(seed, 99)), graveyard: map[string][]byte{}}
			cache := build.NewCache()
			opts := build.Options{Now: corpus.Now()}
			good := 0
			for step := range steps {
				what := e.step(step)
				warm := build.Run(e.fsys, build.Options{Now: opts.Now, Cache: cache})
				clean := build.Run(e.fsys, build.Options{Now: opts.Now})
				if diff := compare(clean, warm); diff != "" {
					t.Fatalf("step %d (%s): the cached build differs from a clean one: %s", step, what, diff)
				}
				if !clean.Problems.HasErrors() {
					good++
				}
				if step == 0 && warm.Stats.Parsed == 0 {
					t.Fatal("nothing parsed at the first step")
				}
			}
			if good < steps/3 {
				t.Fatalf("only %d of %d steps built without errors: the test checks too little", good, steps)
			}
		})
	}
}

// TestCacheEqualsCleanOnDisk is the same invariant on real files, with
// Defer, which leaves feeds and the search index to Result.Deferred: Files
// and Deferred together must equal a clean build. A warm build does not
// read a file that has not changed: "stamps" knows it by its stamp (inode,
// size, change times), "changed" by Options.Changed, the paths a watcher
// would report. Edits land within a second of the build before them, so
// for "stamps" the window in which stamps are not trusted is shortened to
// 20 ms, and each build waits that long after its edit.
func TestCacheEqualsCleanOnDisk(t *testing.T) {
	for _, mode := range []string{"stamps", "changed"} {
		t.Run(mode, func(t *testing.T) {
			if mode == "stamps" && runtime.GOOS != "linux" {
				t.Skip("file stamps are used on Linux only")
			}
			steps := 40
			if testing.Short() {
				steps = 15
			}
			c, err := corpus.New(corpus.Options{Pages: 40, Seed: 4})
			if err != nil {
				t.Fatal(err)
			}
			e := &editor{fsys: c.FS(), r: rand.New(rand.NewPCG(4, 99)), graveyard: map[string][]byte{}}
			dir := t.TempDir()
			syncDisk(t, dir, nil, e.fsys)
			cache := build.NewCache()
			build.SetRacyWindow(cache, 20*time.Millisecond)
			opts := build.Options{Now: corpus.Now()}
			files := len(e.fsys)
			fewReads := 0
			for step := range steps {
				before := maps.Clone(e.fsys)
				what := e.step(step)
				changed := syncDisk(t, dir, before, e.fsys)
				warmOpts := build.Options{Now: opts.Now, Cache: cache, Defer: true}
				if mode == "changed" {
					warmOpts.Changed = changed
				} else {
					time.Sleep(25 * time.Millisecond)
				}
				warm := build.Run(os.DirFS(dir), warmOpts)
				if warm.Deferred != nil {
					later, problems := warm.Deferred()
					warm.Files = append(warm.Files, later...)
					slices.SortFunc(warm.Files, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
					warm.Problems.Merge(problems)
				}
				clean := build.Run(e.fsys, build.Options{Now: opts.Now})
				if diff := compare(clean, warm); diff != "" {
					t.Fatalf("step %d (%s): the cached build differs from a clean one: %s", step, what, diff)
				}
				if warm.Stats.Read < files/4 {
					fewReads++
				}
			}
			if fewReads < steps/2 {
				t.Fatalf("only %d of %d warm builds read fewer than a quarter of the files: unchanged files are read again", fewReads, steps)
			}
		})
	}
}

// syncDisk writes the files of now that differ from before into dir and
// removes those gone, leaving the others (and their stamps) alone. It
// returns the paths it wrote or removed.
func syncDisk(t *testing.T, dir string, before, now fstest.MapFS) []string {
	t.Helper()
	changed := []string{}
	for p, f := range now {
		if old, ok := before[p]; ok && bytes.Equal(old.Data, f.Data) {
			continue
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		changed = append(changed, p)
	}
	for p := range before {
		if _, ok := now[p]; !ok {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
				t.Fatal(err)
			}
			changed = append(changed, p)
		}
	}
	return changed
}

// TestCacheWork: editing one file's body parses, converts and renders that
// file alone; a rebuild with no change does none of that again.
func TestCacheWork(t *testing.T) {
	c, err := corpus.New(corpus.Options{Pages: 60, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	fsys := c.FS()
	cache := build.NewCache()
	opts := build.Options{Now: corpus.Now(), Cache: cache}
	first := build.Run(fsys, opts)
	if first.Problems.HasErrors() {
		t.Fatal(first.Problems.Items())
	}
	again := build.Run(fsys, opts)
	if again.Stats.Parsed != 0 || again.Stats.Converted != 0 || again.Stats.Rendered != 0 {
		t.Fatalf("no change: %+v", again.Stats)
	}
	p := c.ContentPaths()[5]
	fsys[p] = &fstest.MapFile{Data: append(slices.Clip(fsys[p].Data), "\nDopisany akapit.\n"...)}
	edited := build.Run(fsys, opts)
	if edited.Stats.Parsed != 1 || edited.Stats.Converted != 1 || edited.Stats.Rendered != 1 {
		t.Fatalf("one body edited: %+v", edited.Stats)
	}
	if diff := compare(build.Run(fsys, build.Options{Now: corpus.Now()}), edited); diff != "" {
		t.Fatal(diff)
	}
}

func compare(clean, warm *build.Result) string {
	cp, wp := problemLines(clean), problemLines(warm)
	if !slices.Equal(cp, wp) {
		return fmt.Sprintf("problems:\nclean %q\nwarm  %q", cp, wp)
	}
	if len(clean.Files) != len(warm.Files) {
		return fmt.Sprintf("%d files, clean build %d", len(warm.Files), len(clean.Files))
	}
	for i := range clean.Files {
		a, b := clean.Files[i], warm.Files[i]
		if a.Path != b.Path {
			return fmt.Sprintf("file %d is %s, clean build %s", i, b.Path, a.Path)
		}
		if !bytes.Equal(a.Data, b.Data) {
			return fmt.Sprintf("%s differs", a.Path)
		}
	}
	return ""
}

func problemLines(r *build.Result) []string {
	var out []string
	for _, p := range r.Problems.Items() {
		out = append(out, p.String())
	}
	slices.Sort(out)
	return out
}

// editor changes a site in memory, as a person or a git checkout would.
type editor struct {
	fsys      fstest.MapFS
	r         *rand.Rand
	graveyard map[string][]byte // deleted, renamed-away or broken files, to restore
	renamed   map[string]string // new name → old name
}

func (e *editor) contentPaths() []string {
	var out []string
	for p := range e.fsys {
		if strings.HasPrefix(p, "content/") && strings.HasSuffix(p, ".md") {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

func (e *editor) pick() string {
	ps := e.contentPaths()
	return ps[e.r.IntN(len(ps))]
}

func (e *editor) set(p string, data []byte) { e.fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644} }

// step makes one random change and says what it was.
func (e *editor) step(n int) string {
	if e.renamed == nil {
		e.renamed = map[string]string{}
	}
	switch op := e.r.IntN(11); op {
	case 0, 1: // edit a body
		p := e.pick()
		e.set(p, append(slices.Clip(e.fsys[p].Data), fmt.Sprintf("\nAkapit %d dopisany „w podglądzie”.\n", n)...))
		return "edit body of " + p
	case 2: // edit a title
		p := e.pick()
		data := replaceLine(e.fsys[p].Data, "title: ", fmt.Sprintf("title: Tytuł zmieniony %d", n))
		e.set(p, data)
		return "edit title of " + p
	case 3: // move a page by its slug: pages linking to it must follow
		p := e.pick()
		if !strings.Contains(p, "/meetings/") {
			return "nothing"
		}
		data := e.fsys[p].Data
		if bytes.Contains(data, []byte("\nslug: ")) {
			data = replaceLine(data, "slug: ", fmt.Sprintf("slug: przeniesione-%d", n))
		} else {
			data = bytes.Replace(data, []byte("\ntitle: "), fmt.Appendf(nil, "\nslug: przeniesione-%d\ntitle: ", n), 1)
		}
		e.set(p, data)
		return "new slug for " + p
	case 4: // add a page that links to another
		target := strings.TrimPrefix(e.pick(), "content/")
		p := fmt.Sprintf("content/dodane-%d.pl.md", n)
		e.set(p, fmt.Appendf(nil, "---\ntitle: Dodana strona %d\n---\n\nZobacz [tę stronę](%s).\n", n, target))
		return "add " + p + " linking to " + target
	case 5: // delete, or rename a file
		// A link that names a language (x.pl.md) is an error once its
		// file is gone, as it should be; one missing file at a time keeps
		// enough steps building without errors to compare.
		e.restore()
		p := e.pick()
		e.graveyard[p] = e.fsys[p].Data
		if e.r.IntN(2) == 0 {
			delete(e.fsys, p)
			return "delete " + p
		}
		stem := strings.TrimSuffix(p, ".md")
		to := stem + fmt.Sprintf("-r%d.md", n)
		if i := strings.LastIndexByte(stem, '.'); i > strings.LastIndexByte(stem, '/') {
			to = stem[:i] + fmt.Sprintf("-r%d", n) + stem[i:] + ".md"
		}
		e.set(to, e.fsys[p].Data)
		delete(e.fsys, p)
		e.renamed[to] = p
		return "rename " + p + " to " + to
	case 6: // break front matter
		p := e.pick()
		e.graveyard[p] = e.fsys[p].Data
		e.set(p, append([]byte("---\nnieznany: klucz\n"), e.fsys[p].Data[4:]...))
		return "break " + p
	case 7: // static files: a stylesheet edit, a new image
		if e.r.IntN(2) == 0 {
			p := "static/css/site.css"
			e.set(p, append(slices.Clip(e.fsys[p].Data), fmt.Sprintf("\n.edit-%d{color:#%06x}\n", n, n)...))
			return "edit " + p
		}
		p := fmt.Sprintf("static/images/dodany-%d.svg", n)
		e.set(p, []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`))
		return "add " + p
	case 8: // a template edit re-renders every page
		p := "templates/layouts/base.html"
		e.set(p, []byte(strings.Replace(string(e.fsys[p].Data), `<main id="main"`, fmt.Sprintf(`<main data-edit="%d" id="main"`, n), 1)))
		return "edit " + p
	default: // restore everything deleted, renamed or broken
		e.restore()
		return "restore"
	}
}

// restore brings back everything deleted, renamed or broken.
func (e *editor) restore() {
	for to := range e.renamed {
		delete(e.fsys, to)
	}
	clear(e.renamed)
	for p, data := range e.graveyard {
		e.set(p, data)
	}
	clear(e.graveyard)
}

// replaceLine replaces the first line starting with prefix.
func replaceLine(data []byte, prefix, line string) []byte {
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			lines[i] = line
			break
		}
	}
	return []byte(strings.Join(lines, "\n"))
}

// TestChangedEverything: "." among the changed paths (the watcher lost
// count of events) means any file may have changed, and a folder among
// them covers the files under it; a file left out is taken as it was.
func TestChangedEverything(t *testing.T) {
	c, err := corpus.New(corpus.Options{Pages: 30, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := c.Write(dir); err != nil {
		t.Fatal(err)
	}
	src := os.DirFS(dir)
	cache := build.NewCache()
	opts := build.Options{Now: corpus.Now(), Cache: cache}
	if res := build.Run(src, opts); res.Problems.HasErrors() {
		t.Fatal(res.Problems.Items())
	}
	p := c.ContentPaths()[3]
	edit := func(n int) {
		data := append(slices.Clip(c.Files[p]), fmt.Sprintf("\nDopisek numer %d.\n", n)...)
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(p)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for n, changed := range [][]string{{"."}, {"content"}, {path.Dir(p)}, {p}} {
		edit(n)
		opts.Changed = changed
		res := build.Run(src, opts)
		if res.Stats.Parsed != 1 {
			t.Errorf("changed %q: %d files parsed, want the edited one", changed, res.Stats.Parsed)
		}
	}
	edit(99)
	opts.Changed = []string{"static/css/site.css"}
	if res := build.Run(src, opts); res.Stats.Parsed != 0 || res.Stats.Read != 1 {
		t.Errorf("the stylesheet changed: %+v, want it read alone", res.Stats)
	}
}
