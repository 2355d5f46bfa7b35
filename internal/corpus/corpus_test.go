package corpus_test

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/corpus"
	"github.com/lubuskie-es/sitegen/internal/site"
	"github.com/lubuskie-es/sitegen/internal/slug"
)

func newCorpus(t *testing.T, pages int, seed int64) *corpus.Corpus {
	t.Helper()
	c, err := corpus.New(corpus.Options{Pages: pages, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestGeneratedCorpusBuilds builds a generated site, read from disk as a
// real build reads it, with the real templates: no problems at all, and
// every meeting that is not a draft has its page in both languages.
func TestGeneratedCorpusBuilds(t *testing.T) {
	c := newCorpus(t, 200, 1)
	dir := t.TempDir()
	if err := c.Write(dir); err != nil {
		t.Fatal(err)
	}
	res := build.Run(os.DirFS(dir), build.Options{Now: corpus.Now()})
	if res.Problems.Len() > 0 {
		var b bytes.Buffer
		res.Problems.Print(&b)
		t.Fatalf("the build reported problems:\n%s", b.String())
	}
	counts := map[site.Kind]int{}
	for _, p := range res.Site.Pages {
		counts[p.Kind]++
	}
	if want := c.Meetings - c.DraftMeetings; counts[site.Meeting] != want {
		t.Errorf("%d meeting pages, want %d (%d meeting files, %d drafts)", counts[site.Meeting], want, c.Meetings, c.DraftMeetings)
	}
	if counts[site.Partner] != c.Partners {
		t.Errorf("%d partner pages, want %d", counts[site.Partner], c.Partners)
	}
	// Pages: every content page but the home text, which is the home page.
	if counts[site.Article] != c.Pages-2 {
		t.Errorf("%d content pages, want %d", counts[site.Article], c.Pages-2)
	}
	if c.Meetings+c.Partners+c.Pages != 200 {
		t.Errorf("%d+%d+%d content files, want 200", c.Meetings, c.Partners, c.Pages)
	}
	for _, l := range res.Site.Langs {
		if len(l.Upcoming) == 0 || len(l.Past) == 0 {
			t.Errorf("%s: %d upcoming and %d past meetings; want some of each", l.Config.Code, len(l.Upcoming), len(l.Past))
		}
		if len(l.Sectors) != 5 {
			t.Errorf("%s: %d sectors, want all 5", l.Config.Code, len(l.Sectors))
		}
	}

	// The in-memory file system builds the same site.
	mem := build.Run(c.FS(), build.Options{Now: corpus.Now()})
	if mem.Problems.Len() > 0 || len(mem.Files) != len(res.Files) {
		t.Errorf("from memory: %d problems, %d files; from disk %d files", mem.Problems.Len(), len(mem.Files), len(res.Files))
	}
}

// TestOddPages: an odd count adds one page without a translation.
func TestOddPages(t *testing.T) {
	c := newCorpus(t, corpus.MinPages+1, 3)
	if n := len(c.ContentPaths()); n != corpus.MinPages+1 {
		t.Errorf("%d content files, want %d", n, corpus.MinPages+1)
	}
	res := build.Run(c.FS(), build.Options{Now: corpus.Now()})
	if res.Problems.Len() > 0 {
		var b bytes.Buffer
		res.Problems.Print(&b)
		t.Fatalf("the build reported problems:\n%s", b.String())
	}
	if _, err := corpus.New(corpus.Options{Pages: corpus.MinPages - 1}); err == nil {
		t.Error("New accepted fewer than MinPages pages")
	}
}

func TestDeterministic(t *testing.T) {
	a, b := newCorpus(t, 400, 7), newCorpus(t, 400, 7)
	if !maps.EqualFunc(a.Files, b.Files, bytes.Equal) {
		t.Fatal("the same options gave different files")
	}
	c := newCorpus(t, 400, 8)
	if maps.EqualFunc(a.Files, c.Files, bytes.Equal) {
		t.Fatal("another seed gave the same files")
	}
	d1, d2 := t.TempDir(), t.TempDir()
	if err := corpus.Generate(d1, corpus.Options{Pages: 400, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	if err := a.Write(d2); err != nil {
		t.Fatal(err)
	}
	for _, p := range a.Paths() {
		x, err1 := os.ReadFile(d1 + "/" + p)
		y, err2 := os.ReadFile(d2 + "/" + p)
		if err1 != nil || err2 != nil || !bytes.Equal(x, y) || !bytes.Equal(x, a.Files[p]) {
			t.Fatalf("%s differs on disk (%v, %v)", p, err1, err2)
		}
	}
}

// TestProportions checks the mix of kinds and the size of meeting bodies.
func TestProportions(t *testing.T) {
	c := newCorpus(t, 1000, 1)
	if len(c.ContentPaths()) != 1000 {
		t.Fatalf("%d content files, want 1000", len(c.ContentPaths()))
	}
	if c.Meetings != 700 || c.Partners != 200 || c.Pages != 100 {
		t.Errorf("meetings %d, partners %d, pages %d; want 700, 200, 100", c.Meetings, c.Partners, c.Pages)
	}
	words := []int{}
	for _, p := range c.ContentPaths() {
		if !strings.HasPrefix(p, "content/meetings/") {
			continue
		}
		data := c.Files[p]
		_, body, _ := strings.Cut(strings.TrimPrefix(string(data), "---"), "\n---")
		words = append(words, len(strings.Fields(body)))
	}
	slices.Sort(words)
	if lo, hi := words[0], words[len(words)-1]; lo < 280 || hi > 1700 {
		t.Errorf("meeting bodies have %d to %d words, want about 300 to 1500", lo, hi)
	}
}

// TestEveryKey checks that the generated front matter uses every key of
// the schema, and the Markdown every construct the brief asks for.
func TestEveryKey(t *testing.T) {
	c := newCorpus(t, 1000, 1)
	keys := map[string]map[string]bool{"meetings": {}, "partners": {}, "pages": {}}
	all := map[string]string{}
	keyRE := regexp.MustCompile(`(?m)^([a-z]+):`)
	for _, p := range c.ContentPaths() {
		data := string(c.Files[p])
		data = strings.TrimPrefix(strings.ReplaceAll(data, "\r\n", "\n"), "\ufeff")
		front, body, _ := strings.Cut(strings.TrimPrefix(data, "---\n"), "\n---\n")
		kind := "pages"
		if strings.HasPrefix(p, "content/meetings/") {
			kind = "meetings"
		} else if strings.HasPrefix(p, "content/partners/") {
			kind = "partners"
		}
		for _, m := range keyRE.FindAllStringSubmatch(front, -1) {
			keys[kind][m[1]] = true
		}
		all[p] = body
	}
	want := map[string][]string{
		"meetings": {"title", "date", "location", "host", "participants", "guests", "tags", "summary", "slug", "draft", "aliases", "params"},
		"partners": {"title", "short", "sector", "role", "joined", "website", "logo", "address", "aliases", "params"},
		"pages":    {"title", "summary", "slug", "menu", "aliases", "params"},
	}
	for kind, ks := range want {
		for _, k := range ks {
			if !keys[kind][k] {
				t.Errorf("no %s uses the key %s", kind, k)
			}
		}
	}
	var text strings.Builder
	for _, p := range slices.Sorted(maps.Keys(all)) {
		text.WriteString(all[p])
	}
	for _, construct := range []string{"\n## ", "\n### ", "\n- ", "\n1. ", "\n> ", "| ---: |", "](../partners/", "**", "*", "[^1]", "![", "- [x] ", "<https://", "ą", "ł", "ż", "Ś"} {
		if !strings.Contains(text.String(), construct) {
			t.Errorf("no content file contains %q", construct)
		}
	}
	// Tag spellings that slug alike.
	spellings := map[string]map[string]bool{}
	for _, p := range c.ContentPaths() {
		if !strings.HasPrefix(p, "content/meetings/") || !strings.HasSuffix(p, ".pl.md") {
			continue
		}
		_, tagsOn, ok := strings.Cut(string(c.Files[p]), "\ntags:\n")
		if !ok {
			continue
		}
		for _, line := range strings.Split(tagsOn, "\n") {
			name, ok := strings.CutPrefix(line, "  - ")
			if !ok {
				break
			}
			name = strings.Trim(name, `"`)
			s := slug.Make(name)
			if spellings[s] == nil {
				spellings[s] = map[string]bool{}
			}
			spellings[s][name] = true
		}
	}
	variants := 0
	for _, names := range spellings {
		if len(names) > 1 {
			variants++
		}
	}
	if variants < 5 {
		t.Errorf("%d tags have several spellings, want many", variants)
	}
}

// TestSiteCopied: the real site.yaml, templates and static files are in the
// corpus as they are.
func TestSiteCopied(t *testing.T) {
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	c := newCorpus(t, corpus.MinPages, 1)
	src := os.DirFS(root)
	for _, dir := range []string{"templates", "static"} {
		err := fs.WalkDir(src, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return err
			}
			data, _ := fs.ReadFile(src, p)
			if !bytes.Equal(c.Files[p], data) {
				t.Errorf("%s is not copied as it is", p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
