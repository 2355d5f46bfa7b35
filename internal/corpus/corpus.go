// Package corpus is test support: it generates a large, deterministic
// site for benchmarks and tests, and measures their CPU time (CPUTime).
// The sitegen command never links it (internal/architecture_test.go).
// A site is the real site's site.yaml, templates/ and static/, plus thousands
// of generated Polish and English meetings, partners and pages that use
// every front matter key, link to each other and build without errors.
//
// The same Options always give byte-identical files: all randomness comes
// from math/rand/v2 generators seeded from Options.Seed, nothing depends on
// map iteration order or on the clock.
//
//	c, err := corpus.New(corpus.Options{Pages: 1000, Seed: 1})
//	res := build.Run(c.FS(), build.Options{Now: corpus.Now()})
//
// or, to include reading from disk, c.Write(dir) and os.DirFS(dir).
package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
	"time"
)

// Options say what to generate.
type Options struct {
	// Pages is the number of content files, all languages together:
	// Pages/2 translation pairs (pl and en), about 70% meetings, 20%
	// partners and 10% pages. An odd count adds one Polish page without a
	// translation. At least MinPages.
	Pages int
	// Seed selects the text; the same seed gives the same files.
	Seed int64
	// Site holds the site.yaml, templates/ and static/ to copy into the
	// corpus, so that the real templates are built. Nil means the
	// repository's own site, found by RepoRoot from the working directory.
	Site fs.FS
}

// MinPages is the smallest Options.Pages: room for the fixed pages, a
// partner of every sector and at least one meeting.
const MinPages = 2 * (minPartners + minPages + 1)

const (
	minPartners = 7 // the leader, the secretariat, one of each sector
	minPages    = 5 // home text, accessibility statement, about, social economy, contact
)

// Corpus is a generated site.
type Corpus struct {
	// Files maps slash paths relative to the site root ("site.yaml",
	// "content/meetings/2015-05-14-x.pl.md") to their contents.
	Files map[string][]byte
	// Content files of each kind, all languages together.
	Meetings, Partners, Pages int
	// DraftMeetings is the number of meeting files with draft: true, which
	// a build without --drafts leaves out.
	DraftMeetings int
	// ContentBytes is the size of all files under content/.
	ContentBytes int64
}

// Now is the moment builds of a corpus should treat as the present, so that
// the same meetings are upcoming in every run: meetings are dated from 2008
// to 2027, and about a tenth of them come after Now.
func Now() time.Time { return time.Date(2026, time.January, 15, 12, 0, 0, 0, time.UTC) }

// New generates a corpus in memory.
func New(opts Options) (*Corpus, error) {
	if opts.Pages < MinPages {
		return nil, fmt.Errorf("corpus: Pages is %d; it must be at least %d", opts.Pages, MinPages)
	}
	site := opts.Site
	if site == nil {
		root, err := RepoRoot()
		if err != nil {
			return nil, err
		}
		site = os.DirFS(root)
	}
	c := &Corpus{Files: map[string][]byte{}}
	if err := c.copySite(site); err != nil {
		return nil, err
	}
	g := newGenerator(opts, c)
	g.plan()
	g.emit()
	for p, data := range c.Files {
		if strings.HasPrefix(p, "content/") {
			c.ContentBytes += int64(len(data))
		}
	}
	return c, nil
}

// Generate writes a corpus into dir, which it creates if needed.
func Generate(dir string, opts Options) error {
	c, err := New(opts)
	if err != nil {
		return err
	}
	return c.Write(dir)
}

// FS generates a corpus as an in-memory file system.
func FS(opts Options) (fstest.MapFS, error) {
	c, err := New(opts)
	if err != nil {
		return nil, err
	}
	return c.FS(), nil
}

// FS returns the files as an in-memory file system. The files share their
// data with c.Files.
func (c *Corpus) FS() fstest.MapFS {
	m := make(fstest.MapFS, len(c.Files))
	for p, data := range c.Files {
		m[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return m
}

// Paths returns the paths of all files, sorted.
func (c *Corpus) Paths() []string {
	ps := make([]string, 0, len(c.Files))
	for p := range c.Files {
		ps = append(ps, p)
	}
	slices.Sort(ps)
	return ps
}

// ContentPaths returns the paths of the files under content/, sorted.
func (c *Corpus) ContentPaths() []string {
	var ps []string
	for _, p := range c.Paths() {
		if strings.HasPrefix(p, "content/") {
			ps = append(ps, p)
		}
	}
	return ps
}

// Write writes the files into dir, creating folders as needed. Files that
// are already in dir and not in the corpus are left alone.
func (c *Corpus) Write(dir string) error {
	made := map[string]bool{}
	for _, p := range c.Paths() {
		name := filepath.Join(dir, filepath.FromSlash(p))
		if d := filepath.Dir(name); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("corpus: %w", err)
			}
			made[d] = true
		}
		if err := os.WriteFile(name, c.Files[p], 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	return nil
}

// copySite copies site.yaml and everything under templates/ and static/
// (but hidden files) from the real site.
func (c *Corpus) copySite(site fs.FS) error {
	data, err := fs.ReadFile(site, "site.yaml")
	if err != nil {
		return fmt.Errorf("corpus: the site to copy: %w", err)
	}
	c.Files["site.yaml"] = data
	for _, dir := range []string{"templates", "static"} {
		err := fs.WalkDir(site, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == dir && dir == "static" && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && p != dir {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			data, err := fs.ReadFile(site, p)
			if err != nil {
				return err
			}
			c.Files[p] = data
			return nil
		})
		if err != nil {
			return fmt.Errorf("corpus: copying the site's %s/: %w", dir, err)
		}
	}
	return nil
}

// modulePath identifies the repository's go.mod.
const modulePath = "github.com/lubuskie-es/sitegen"

// RepoRoot finds the repository root (the folder of the sitegen go.mod)
// from the working directory upwards; go test runs in the package's folder.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("corpus: %w", err)
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && isModule(data) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("corpus: no go.mod of " + modulePath + " above the working directory; set Options.Site")
		}
		dir = parent
	}
}

func isModule(gomod []byte) bool {
	for line := range bytes.SplitSeq(gomod, []byte("\n")) {
		f := strings.Fields(string(line))
		if len(f) == 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`) == modulePath
		}
	}
	return false
}

// rel is the relative link from a file in folder dir (under content/,
// "" for content/ itself) to the file target (also under content/).
func rel(dir, target string) string {
	var from []string
	if dir != "" {
		from = strings.Split(dir, "/")
	}
	to := strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}

// folder is the folder of a path under content/, "" at the top.
func folder(p string) string {
	d := path.Dir(p)
	if d == "." {
		return ""
	}
	return d
}
