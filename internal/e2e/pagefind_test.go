package e2e_test

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/corpus"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/search"
)

// The comparison with Pagefind (issue 16), as a test that can be rerun
// whenever search changes: the site is built and written twice, once as
// it is and once indexed by Pagefind (tools/pagefind, pinned; the pages
// the site's own search finds are marked data-pagefind-body, so both
// index the same pages' main text), and both are searched in Chromium
// with the same queries (recallQueries). It reports recall@10 and MRR by
// kind of query, the bytes of index fetched by a first query and by each
// further one, index sizes and times, and fails when the site's search
// finds less than Pagefind on any kind of query, or fetches more for a
// first query.
//
// It runs on the sample site; SITEGEN_BENCH_PAGES=10000 runs it on a
// generated site of that many pages as well.

// pagefindBin is the Pagefind command installed by npm ci in tools/pagefind.
func pagefindBin() (string, error) {
	p := filepath.Join(root, "tools", "pagefind", "node_modules", ".bin", "pagefind")
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%s is missing (run npm ci --ignore-scripts in tools/pagefind)", p)
	}
	return p, nil
}

// counter serves a folder and counts the bytes of the index files it
// sends with status 200, raw and gzipped as a static host would send them
// (Pagefind's files are gzipped already, so theirs are counted as they
// are).
type counter struct {
	dir   string
	index func(path string) bool
	mu    sync.Mutex
	raw   int
	gz    int
	files int
	sizes map[string][2]int
}

func (c *counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := &statusWriter{ResponseWriter: w, status: 200}
	http.FileServer(http.Dir(c.dir)).ServeHTTP(rec, r)
	if rec.status != 200 || !c.index(r.URL.Path) {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	size, ok := c.sizes[r.URL.Path]
	if !ok {
		data, err := os.ReadFile(filepath.Join(c.dir, filepath.FromSlash(r.URL.Path)))
		if err != nil {
			return
		}
		size = [2]int{len(data), len(data)}
		if !strings.HasPrefix(r.URL.Path, "/pagefind/") || strings.HasSuffix(r.URL.Path, ".js") || strings.HasSuffix(r.URL.Path, ".json") {
			size[1] = gzipSize(data)
		}
		c.sizes[r.URL.Path] = size
	}
	c.raw += size[0]
	c.gz += size[1]
	c.files++
}

// take returns the bytes counted since the last take.
func (c *counter) take() (raw, gz, files int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	raw, gz, files = c.raw, c.gz, c.files
	c.raw, c.gz, c.files = 0, 0, 0
	return raw, gz, files
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

// engine is one of the two searches under comparison.
type engine struct {
	name  string
	dir   string
	index func(path string) bool
	// find runs a query in a tab open on the search page and returns the
	// addresses of the first ten results, how many of them show marked
	// words, and the milliseconds from the query to the results shown.
	find func(t *testing.T, ctx context.Context, q string) (urls []string, marked int, ms float64)
}

// ourFind submits the query in the search form and waits for the results
// with their excerpts (the address changes once they are shown).
func ourFind(t *testing.T, ctx context.Context, q string) ([]string, int, float64) {
	r := eval[struct {
		MS     float64 `json:"ms"`
		Marked int     `json:"marked"`
	}](t, ctx, fmt.Sprintf(`new Promise(done => {
		const form = document.getElementById('search-form'), q = %q;
		const t0 = performance.now();
		form.elements.q.value = q;
		form.requestSubmit();
		const check = () => new URLSearchParams(location.search).get('q') === q.trim()
			? done({ms: performance.now() - t0, marked: [...document.querySelectorAll('#search-results > li')].filter(li => li.querySelector('mark')).length})
			: setTimeout(check, 1);
		check();
	})`, q))
	return urlsOf(eval[[]hit](t, ctx, readHits)), r.Marked, r.MS
}

// pagefindFind asks Pagefind's API, as its UI does, for the results and
// the data (address, excerpt) of the first ten.
func pagefindFind(t *testing.T, ctx context.Context, q string) ([]string, int, float64) {
	r := eval[struct {
		MS     float64  `json:"ms"`
		URLs   []string `json:"urls"`
		Marked int      `json:"marked"`
	}](t, ctx, fmt.Sprintf(`(async q => {
		window.pf ||= await import('/pagefind/pagefind.js');
		const t0 = performance.now();
		const r = await pf.search(q);
		const d = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
		return {ms: performance.now() - t0, urls: d.map(x => x.url), marked: d.filter(x => x.excerpt.includes('<mark>')).length};
	})(%q)`, q))
	return r.URLs, r.Marked, r.MS
}

// benchSite builds a site, writes it for each engine and returns the
// engines with their folders and the build.
func benchSite(t *testing.T, res *build.Result) []*engine {
	t.Helper()
	bin, err := pagefindBin()
	need(t, "Pagefind", err)
	ours := filepath.Join(t.TempDir(), "ours")
	theirs := filepath.Join(t.TempDir(), "pagefind")
	if err := output.Write(ours, res.Files); err != nil {
		t.Fatal(err)
	}
	// The same pages as the site's search, their <main> as the body.
	docs := map[string]bool{}
	for _, l := range res.Site.Langs {
		for _, p := range res.Site.Pages {
			if p.Lang == l.Config && p.Doc != nil {
				docs[p.URL] = true
			}
		}
	}
	files := slices.Clone(res.Files)
	for i, f := range files {
		u := "/" + strings.TrimSuffix(f.Path, "index.html")
		if docs[u] && strings.HasSuffix(f.Path, "index.html") {
			files[i].Data = bytes.Replace(f.Data, []byte("<main"), []byte("<main data-pagefind-body"), 1)
		}
	}
	if err := output.Write(theirs, files); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	out, err := exec.Command(bin, "--site", theirs).CombinedOutput()
	if err != nil {
		t.Fatalf("pagefind: %v\n%s", err, out)
	}
	pfTime := time.Since(start)
	start = time.Now()
	if _, problems := search.Files(res.Site, nil); problems.Len() > 0 {
		t.Fatal(problems)
	}
	t.Logf("index time: sitegen's search %v (both languages, in the build); Pagefind %v (its own run over the written site)",
		time.Since(start).Round(time.Millisecond), pfTime.Round(time.Millisecond))
	searchDirs := []string{}
	for _, l := range res.Site.Langs {
		searchDirs = append(searchDirs, l.SearchPage.URL)
	}
	isOurs := func(p string) bool {
		return strings.HasPrefix(p, "/js/search.") || slices.ContainsFunc(searchDirs, func(d string) bool {
			return strings.HasPrefix(p, d) && strings.HasSuffix(p, ".json")
		})
	}
	isTheirs := func(p string) bool { return strings.HasPrefix(p, "/pagefind/") }
	for _, e := range []struct {
		name string
		dir  string
		in   func(string) bool
	}{{"sitegen", ours, isOurs}, {"Pagefind", filepath.Join(theirs, "pagefind"), func(string) bool { return true }}} {
		raw, gz, n := 0, 0, 0
		filepath.WalkDir(e.dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel := filepath.ToSlash(strings.TrimPrefix(p, ours))
			if e.name == "sitegen" && !e.in(rel) {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			n++
			raw += len(data)
			if e.name == "sitegen" || strings.HasSuffix(p, ".js") || strings.HasSuffix(p, ".json") {
				gz += gzipSize(data)
			} else {
				gz += len(data)
			}
			return nil
		})
		t.Logf("%s index: %d files, %d bytes, %d as served gzipped", e.name, n, raw, gz)
	}
	return []*engine{
		{name: "sitegen", dir: ours, index: isOurs, find: ourFind},
		{name: "Pagefind", dir: theirs, index: isTheirs, find: pagefindFind},
	}
}

// compare runs every query through both engines and checks the targets.
func compare(t *testing.T, label string, res *build.Result, per int) {
	engines := benchSite(t, res)
	scores := map[string]map[string]*recallScore{}
	first := map[string]int{}
	for _, e := range engines {
		for _, lang := range []string{"pl", "en"} {
			qs := recallQueries(t, res, lang, per)
			page := res.Site.Lang(lang).SearchPage.URL
			var ctx context.Context
			var c *counter
			var times, further []float64
			var marked, shown, firstGz, firstRaw int
			done := 0
			s := scoreRecall(qs, func(q recallQuery) []string {
				// A new server, so a new origin and nothing cached, for
				// the first query of each tab; a tab lives a minute.
				fresh := done%20 == 0
				if fresh {
					c = &counter{dir: e.dir, index: e.index, sizes: map[string][2]int{}}
					srv := httptest.NewServer(c)
					t.Cleanup(srv.Close)
					ctx = tab(t, 1280, "light")
					if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+page)); err != nil {
						t.Fatal(err)
					}
				} else {
					c.take()
				}
				done++
				urls, m, ms := e.find(t, ctx, q.Q)
				raw, gz, _ := c.take()
				if fresh && done == 1 {
					firstRaw, firstGz = raw, gz
				} else if !fresh {
					further = append(further, float64(gz))
				}
				times = append(times, ms)
				marked += m
				shown += min(len(urls), 10)
				return urls
			})
			scores[e.name+" "+lang] = s
			slices.Sort(times)
			slices.Sort(further)
			if len(further) == 0 {
				further = []float64{0}
			}
			first[e.name+" "+lang] = firstGz
			t.Logf("%s, %s %s: first query %d bytes (%d gzipped); further queries a median %.0f bytes gzipped, at most %.0f; results in a median %.1f ms, p95 %.1f ms; %d of %d results with marked words",
				label, e.name, lang, firstRaw, firstGz, percentile(further, 0.5), further[len(further)-1], percentile(times, 0.5), percentile(times, 0.95), marked, shown)
			reportRecall(t, label+", "+e.name+" "+lang, s)
			if e.name == "sitegen" && marked != shown {
				t.Errorf("%s %s: %d of %d results have no marked words", label, lang, shown-marked, shown)
			}
		}
	}
	for _, lang := range []string{"pl", "en"} {
		ours, theirs := scores["sitegen "+lang], scores["Pagefind "+lang]
		for _, k := range recallKinds {
			if ours[k] != nil && theirs[k] != nil && ours[k].Recall < theirs[k].Recall {
				t.Errorf("%s %s, %s queries: recall@10 %.3f, Pagefind's %.3f", label, lang, k, ours[k].Recall, theirs[k].Recall)
			}
		}
		if first["sitegen "+lang] >= first["Pagefind "+lang] {
			t.Errorf("%s %s: the first query fetched %d bytes gzipped, Pagefind's %d", label, lang, first["sitegen "+lang], first["Pagefind "+lang])
		}
	}
}

// TestSearchPagefind compares the sample site's search with Pagefind's,
// and a generated site's when SITEGEN_BENCH_PAGES says how many pages.
func TestSearchPagefind(t *testing.T) {
	compare(t, "sample", built(t), 20)
	if n, _ := strconv.Atoi(os.Getenv("SITEGEN_BENCH_PAGES")); n > 0 {
		c, err := corpus.New(corpus.Options{Pages: n, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		res := build.Run(c.FS(), build.Options{Now: corpus.Now()})
		if res.Problems.HasErrors() {
			t.Fatal(res.Problems)
		}
		compare(t, strconv.Itoa(n)+" pages", res, 25)
	}
}
