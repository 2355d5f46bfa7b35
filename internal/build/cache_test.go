package build_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/corpus"
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
				clean := build.Run(e.fsys, opts)
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
		for to := range e.renamed {
			delete(e.fsys, to)
		}
		clear(e.renamed)
		for p, data := range e.graveyard {
			e.set(p, data)
		}
		clear(e.graveyard)
		return "restore"
	}
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
