package search_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/corpus"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/render"
	"github.com/lubuskie-es/sitegen/internal/search"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// Budget is the most the index of a language may weigh, gzipped file by
// file as a static host serves it, as a share of what it indexes: the
// text of the language's pages (title, summary, body), gzipped page by
// page as visitors read it. Measured on a generated site, where the
// per-index overhead no longer counts. The index is what a query reads
// to find and rank documents (manifest, postings, positions, doc chunks,
// sectors); the documents' texts, read only for the results shown, are
// the text itself and weigh at most TextBudget of it.
const (
	Budget     = 0.65
	TextBudget = 1.1
)

var sampleNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

func buildSite(t *testing.T, src func() (*build.Result, error)) *build.Result {
	t.Helper()
	res, err := src()
	if err != nil {
		t.Fatal(err)
	}
	if res.Problems.Len() > 0 {
		var b strings.Builder
		res.Problems.Print(&b)
		t.Fatalf("build:\n%s", b.String())
	}
	return res
}

func sampleSite(t *testing.T) *build.Result {
	return buildSite(t, func() (*build.Result, error) {
		return build.Run(os.DirFS("../.."), build.Options{Now: sampleNow}), nil
	})
}

// langIndex is one language's index as a build wrote it.
type langIndex struct {
	manifest search.Manifest
	docs     [][6]string
	terms    map[string]string    // term → postings
	places   map[string]string    // term → positions
	texts    map[string][2]string // text file → front matter, body
	files    []output.File        // every file of the index
}

func readIndex(t *testing.T, res *build.Result, l *site.Lang) *langIndex {
	t.Helper()
	byPath := map[string][]byte{}
	for _, f := range res.Files {
		byPath[f.Path] = f.Data
	}
	dir := strings.TrimPrefix(l.SearchPage.URL, "/")
	ix := &langIndex{terms: map[string]string{}, places: map[string]string{}, texts: map[string][2]string{}}
	get := func(name string, v any) {
		t.Helper()
		data, ok := byPath[dir+name]
		if !ok {
			t.Fatalf("%s%s was not built", dir, name)
		}
		ix.files = append(ix.files, output.File{Path: dir + name, Data: data})
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatalf("%s%s: %v", dir, name, err)
		}
	}
	get(search.ManifestName, &ix.manifest)
	for _, name := range ix.manifest.Chunks {
		var chunk [][6]string
		get(name, &chunk)
		ix.docs = append(ix.docs, chunk...)
		for _, d := range chunk {
			var text [2]string
			get(d[5], &text)
			ix.texts[d[5]] = text
		}
	}
	for _, name := range ix.manifest.Shards {
		var shard map[string]string
		get(name, &shard)
		for term, p := range shard {
			ix.terms[term] = p
		}
	}
	for _, name := range ix.manifest.Places {
		var shard map[string]string
		get(name, &shard)
		for term, p := range shard {
			ix.places[term] = p
		}
	}
	var sectors map[string]string
	get(ix.manifest.Sectors, &sectors)
	return ix
}

// lookup returns the URLs of the documents holding term, with the best
// field of each (0 body … 3 title), decoding postings as the script does.
func (ix *langIndex) lookup(term string) map[string]int {
	out := map[string]int{}
	doc, n := -1, 0
	const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
	p := ix.terms[term]
	for i := range len(p) {
		v := strings.IndexByte(digits, p[i])
		n = n*32 + v&31
		if v < 32 {
			doc += n>>2 + 1
			out[ix.docs[doc][1]] = n & 3
			n = 0
		}
	}
	return out
}

func gzipped(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}

// size is the weight of the index, raw and gzipped, and of the texts,
// gzipped.
func (ix *langIndex) size() (raw, gz, texts int) {
	for _, f := range ix.files {
		if strings.Contains(f.Path, "/x.") {
			texts += gzipped(f.Data)
			continue
		}
		raw += len(f.Data)
		gz += gzipped(f.Data)
	}
	return raw, gz, texts
}

// TestSampleIndex reads the sample site's index back: every meeting,
// partner and content page is in it, in the order ties are shown, with
// an address the build wrote; terms lead to the right pages in the right
// fields.
func TestSampleIndex(t *testing.T) {
	res := sampleSite(t)
	built := map[string]bool{}
	for _, f := range res.Files {
		built[f.Path] = true
	}
	for _, l := range res.Site.Langs {
		ix := readIndex(t, res, l)
		m := ix.manifest
		if m.Lang != l.Config.Code || m.Version != search.Version || m.Rules == nil || len(m.Rules.Steps) == 0 {
			t.Errorf("%s: manifest %+v", l.Config.Code, m)
		}
		if len(m.Shards) != 1 || m.Shards[""] == "" || len(m.Places) != 1 || m.Places[""] == "" || len(m.Chunks) != 1 {
			t.Errorf("%s: the sample's index should be one shard of each and one chunk: %v %v %v", l.Config.Code, m.Shards, m.Places, m.Chunks)
		}
		var want []string
		for _, p := range res.Site.Pages {
			if p.Lang == l.Config && p.Doc != nil && (p.Kind == site.Article || p.Kind == site.Home) {
				want = append(want, p.URL)
			}
		}
		want = append(urls(l.Partners), want...)
		want = append(want, urls(l.Meetings)...)
		var got []string
		for _, d := range ix.docs {
			got = append(got, d[1])
			if !built[render.OutputPath(d[1])] {
				t.Errorf("%s: %s is not a page of the site", l.Config.Code, d[1])
			}
			if d[0] == "m" && (d[3] == "" || d[4] == "") {
				t.Errorf("%s: meeting %s has no date", l.Config.Code, d[1])
			}
		}
		if m.Docs != len(ix.docs) || !slices.Equal(got, want) {
			t.Errorf("%s: documents\n\t%q, want\n\t%q", l.Config.Code, got, want)
		}
	}

	pl := readIndex(t, res, res.Site.Lang("pl"))
	en := readIndex(t, res, res.Site.Lang("en"))
	const (
		body = iota
		summary
		names
		title
	)
	for _, c := range []struct {
		ix    *langIndex
		term  string
		url   string
		field int
	}{
		{pl, "spoleczn", "/spotkania/2015/spotkanie-sygnatariuszy/", title},
		{pl, "spoldzieln", "/ekonomia-spoleczna/", body},
		{pl, "wup", "/partnerzy/wup-zielona-gora/", title},
		{pl, "gawlik", "/spotkania/2015/spotkanie-sygnatariuszy/", names},        // a guest
		{pl, "dyrektor", "/spotkania/2015/spotkanie-sygnatariuszy/", names},      // a guest's role
		{pl, "perspektyw", "/spotkania/2015/spotkanie-sygnatariuszy/", body},     // deep in the body
		{pl, "poznawac", "/spotkania/2015/spotkanie-sygnatariuszy/", body},       // its last paragraph
		{pl, "marszalk", "/spotkania/2015/spotkanie-sygnatariuszy/", names},      // a participant: Marszałek
		{pl, "ohp", "/spotkania/2015/spotkanie-sygnatariuszy/", names},           // the host's short name
		{pl, "programow", "/spotkania/2015/spotkanie-sygnatariuszy/", names},     // a tag: Rada Programowa
		{pl, "sygnatariusz", "/partnerzy/lubuska-wk-ohp/", summary},              // the first paragraph
		{pl, "zielon", "/partnerzy/lubuska-wk-ohp/", body},                       // "w Zielonej Górze"
		{pl, "gor", "/spotkania/2015/spotkanie-sygnatariuszy/", names},           // location: Zielona Góra
		{en, "meet", "/en/meetings/2015/signatories-meeting/", title},            // Signatories' meeting
		{en, "cooperativ", "/en/social-economy/", body},                          // cooperatives
		{en, "lubuski", "/en/partners/marszalek-wojewodztwa-lubuskiego/", title}, // Marshal of the Lubuskie…
	} {
		got, ok := c.ix.lookup(c.term)[c.url]
		if !ok {
			t.Errorf("%q does not lead to %s (it leads to %v)", c.term, c.url, c.ix.lookup(c.term))
		} else if got != c.field {
			t.Errorf("%q is in field %d of %s, want %d", c.term, got, c.url, c.field)
		}
	}
	for _, stop := range []string{"na", "sie", "w", "i"} {
		if _, ok := pl.terms[stop]; ok {
			t.Errorf("stop word or letter %q is indexed", stop)
		}
	}
}

func urls(ps []*site.Page) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.URL)
	}
	return out
}

// TestSampleSize: on a site as small as the sample, every language's
// index is one small request, far lighter than the pages it indexes.
func TestSampleSize(t *testing.T) {
	res := sampleSite(t)
	for _, l := range res.Site.Langs {
		ix := readIndex(t, res, l)
		raw, gz, texts := ix.size()
		html := 0
		for _, f := range res.Files {
			if strings.HasSuffix(f.Path, ".html") && strings.HasPrefix("/"+f.Path, l.Home.URL) && (l.Home.URL != "/" || !strings.HasPrefix(f.Path, "en/")) {
				html += gzipped(f.Data)
			}
		}
		t.Logf("%s: index %d bytes, %d gzipped; texts %d gzipped; %d files; its HTML pages %d gzipped", l.Config.Code, raw, gz, texts, len(ix.files), html)
		if gz > 16<<10 || float64(gz) > Budget*float64(html) {
			t.Errorf("%s: the index weighs %d bytes gzipped, the pages %d", l.Config.Code, gz, html)
		}
	}
}

// TestCorpusIndex builds a generated site of 1,000 pages: each language's
// index stays within Budget, is split into shards no larger than
// ShardBytes, and every page's terms are where the manifest says.
func TestCorpusIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated site of 1,000 pages")
	}
	res := buildSite(t, func() (*build.Result, error) {
		c, err := corpus.New(corpus.Options{Pages: 1000, Seed: 7})
		if err != nil {
			return nil, err
		}
		return build.Run(c.FS(), build.Options{Now: corpus.Now()}), nil
	})
	for _, l := range res.Site.Langs {
		ix := readIndex(t, res, l)
		text := 0
		for _, p := range res.Site.Pages {
			if p.Lang == l.Config && p.Doc != nil {
				text += gzipped([]byte(p.Title() + "\n" + p.Summary + "\n" + p.Text))
			}
		}
		raw, gz, texts := ix.size()
		t.Logf("%s: %d documents; index %d bytes, %d gzipped (%.1f%% of the text, %d gzipped page by page); texts %d gzipped; %d term shards, %d position shards, %d chunks",
			l.Config.Code, len(ix.docs), raw, gz, 100*float64(gz)/float64(text), text, texts, len(ix.manifest.Shards), len(ix.manifest.Places), len(ix.manifest.Chunks))
		if float64(gz) > Budget*float64(text) {
			t.Errorf("%s: the index is %d bytes gzipped, more than %.0f%% of the text's %d", l.Config.Code, gz, 100*Budget, text)
		}
		if float64(texts) > TextBudget*float64(text) {
			t.Errorf("%s: the texts are %d bytes gzipped, more than %.0f%% of the text's %d", l.Config.Code, texts, 100*TextBudget, text)
		}
		for _, f := range ix.files {
			if strings.Contains(f.Path, "/t.") && len(f.Data) > search.ShardBytes+4<<10 {
				t.Errorf("%s: %d bytes", f.Path, len(f.Data))
			}
		}
		if len(ix.docs) < 400 {
			t.Errorf("%s: only %d documents", l.Config.Code, len(ix.docs))
		}
	}
	start := time.Now()
	if _, problems := search.Files(res.Site, nil); problems.Len() > 0 {
		t.Fatal(problems)
	}
	t.Logf("search.Files: %v for both languages", time.Since(start))
	pl := readIndex(t, res, res.Site.Lang("pl"))
	if len(pl.manifest.Shards) < 2 {
		t.Errorf("the Polish index of 1,000 pages is not sharded")
	}
}

// BenchmarkFiles indexes a generated site of 1,000 pages, both languages.
func BenchmarkFiles(b *testing.B) {
	c, err := corpus.New(corpus.Options{Pages: 1000, Seed: 7})
	if err != nil {
		b.Fatal(err)
	}
	res := build.Run(c.FS(), build.Options{Now: corpus.Now()})
	if res.Problems.HasErrors() {
		b.Fatal(res.Problems)
	}
	b.ReportAllocs()
	b.SetBytes(c.ContentBytes)
	b.ResetTimer()
	for range b.N {
		search.Files(res.Site, nil)
	}
}
