package e2e_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/corpus"
	"github.com/lubuskie-es/sitegen/internal/htmlx"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/search"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The search page (templates/layouts/search.html, static/js/search.js,
// internal/search) in a real browser: the shared table of normalisation
// cases, queries on the sample site, the keyboard, axe-core with results
// shown, and the time from the last keystroke to the results on a
// generated site (2,000 pages; SITEGEN_BENCH_PAGES sets how many).

// hit is one result as the page shows it.
type hit struct {
	URL   string   `json:"url"`
	Title string   `json:"title"`
	Meta  string   `json:"meta"`
	Date  string   `json:"date"`
	Text  string   `json:"text"`
	Marks []string `json:"marks"`
}

const readHits = `[...document.querySelectorAll('#search-results > li')].map(li => ({
	url: li.querySelector('h2 a').getAttribute('href'),
	title: li.querySelector('h2').textContent,
	meta: li.querySelector('.meta').textContent,
	date: li.querySelector('time')?.getAttribute('datetime') || '',
	text: li.querySelector('p:last-child').textContent,
	marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
}))`

// typeQuery types q into the search field of the page open in ctx, key by
// key, and waits for the results of the whole query (the script puts the
// query in the address once it has shown them).
func typeQuery(t *testing.T, ctx context.Context, q string) []hit {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Focus(chromedp.ID("search-q"))); err != nil {
		t.Fatal(err)
	}
	eval[chromedp.Void](t, ctx, `(() => { const i = document.getElementById('search-q'); i.value = ''; })()`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(q)); err != nil {
		t.Fatal(err)
	}
	return waitHits(t, ctx, q)
}

func waitHits(t *testing.T, ctx context.Context, q string) []hit {
	t.Helper()
	wait := fmt.Sprintf(`new URLSearchParams(location.search).get('q') === %q && document.getElementById('search-q').value === %[1]q`, strings.TrimSpace(q))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](wait, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("no results for %q: %v", q, err)
	}
	return eval[[]hit](t, ctx, readHits)
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func urlsOf(hits []hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.URL)
	}
	return out
}

// TestSearchCases runs internal/search/testdata/cases.json through the
// functions of the script that the page loaded, with the rules of the
// index the build wrote: the browser agrees with Go on every case.
func TestSearchCases(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(root, "internal", "search", "testdata", "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := tab(t, 1280, "light")
	run := func(page string) map[string]any {
		navigate(t, ctx, page)
		js := `(async cases => {
			const s = await import(document.querySelector('script[type=module]').src);
			const index = await fetch(document.getElementById('search-form').dataset.index).then(r => r.json());
			const rules = lang => lang === index.lang ? index.rules : {...index.rules, min: 0, ext: 0, steps: [], stop: []};
			const finds = (c) => {
				const r = rules(c.lang), f = s.fold(c.query, r);
				return s.terms(c.text, r).some(t => s.match(f, s.stem(f, r), t, r) > 0);
			};
			const mine = c => c.lang === index.lang || (c.lang !== 'pl' && c.lang !== 'en' && index.lang === 'pl');
			const bad = [];
			let n = 0;
			for (const c of cases.terms.filter(mine)) for (const w of c.words) {
				n++;
				const got = s.terms(w, rules(c.lang));
				if (got.length !== 1 || got[0] !== c.term) bad.push(c.lang + ': ' + w + ' gives ' + JSON.stringify(got) + ', want ' + c.term);
			}
			for (const c of cases.texts.filter(mine)) {
				n++;
				const got = JSON.stringify(s.terms(c.text, rules(c.lang)));
				if (got !== JSON.stringify(c.terms)) bad.push(c.lang + ': ' + c.text + ' gives ' + got);
			}
			for (const c of cases.finds.filter(mine)) { n++; if (!finds(c)) bad.push(c.lang + ': ' + c.query + ' does not find ' + c.text); }
			for (const c of cases.misses.filter(mine)) { n++; if (finds(c)) bad.push(c.lang + ': ' + c.query + ' finds ' + c.text); }
			return {n, bad};
		})(` + string(data) + `)`
		return eval[map[string]any](t, ctx, js)
	}
	total := 0
	for _, page := range []string{"/szukaj/", "/en/search/"} {
		res := run(page)
		for _, b := range res["bad"].([]any) {
			t.Errorf("%s: %s", page, b)
		}
		total += int(res["n"].(float64))
	}
	t.Logf("%d cases checked in the browser", total)
}

// TestSearchSample types queries into the search pages of the sample site
// and reads the results.
func TestSearchSample(t *testing.T) {
	const meetingPL = "/spotkania/2015/spotkanie-sygnatariuszy/"
	cases := []struct {
		page, q string
		want    []string // among the results
		first   string   // the first result, when it matters
		mark    string   // a highlighted word
	}{
		// case and diacritics; two pages have it in their title, so they
		// come first, before the pages that have it in their text
		{"/szukaj/", "spoleczna", []string{meetingPL, "/ekonomia-spoleczna/", "/partnerzy/lubuska-wk-ohp/"}, "/ekonomia-spoleczna/ " + meetingPL, "społecznej"},
		{"/szukaj/", "SPOŁECZNEJ", []string{meetingPL}, "/ekonomia-spoleczna/ " + meetingPL, ""},
		// Polish endings: the page says "spółdzielnie"
		{"/szukaj/", "spółdzielnia", []string{"/ekonomia-spoleczna/"}, "", "spółdzielnie"},
		{"/szukaj/", "spoldzielni", []string{"/ekonomia-spoleczna/"}, "", ""},
		// a prefix, as typed
		{"/szukaj/", "wojew", []string{"/partnerzy/lubuska-wk-ohp/", "/partnerzy/wup-zielona-gora/"}, "", ""},
		// two words, a town in another case: the meeting took place "w Zielonej Górze"
		{"/szukaj/", "Zielona Góra", []string{meetingPL, "/partnerzy/lubuska-wk-ohp/"}, "", "Zielonej"},
		// a guest's name, a tag
		{"/szukaj/", "gawlik", []string{meetingPL}, meetingPL, "Gawlik"},
		{"/szukaj/", "wup", []string{"/partnerzy/wup-zielona-gora/"}, "/partnerzy/wup-zielona-gora/", ""},
		// deep in a body: the fourth paragraph of the meeting's report
		{"/szukaj/", "perspektywie", []string{meetingPL}, meetingPL, "perspektywie"},
		{"/szukaj/", "poznawac", []string{meetingPL, "/partnerzy/lubuska-wk-ohp/"}, "", "poznawać"},
		// inflected forms: the partner is "Marszałek Województwa Lubuskiego",
		// the guest a "Wicemarszałek", the page speaks of "spółdzielnie"
		{"/szukaj/", "Marszałka", []string{"/partnerzy/marszalek-wojewodztwa-lubuskiego/", meetingPL}, "/partnerzy/marszalek-wojewodztwa-lubuskiego/", "Marszałek"},
		{"/szukaj/", "wicemarszalka", []string{meetingPL}, meetingPL, "wicemarszałek"},
		{"/szukaj/", "spółdzielniach", []string{"/ekonomia-spoleczna/"}, "", "spółdzielnie"},
		{"/szukaj/", "perspektywa finansowanie", []string{meetingPL}, meetingPL, "finansowania"},
		// phrases: the words next to each other, in that order
		{"/szukaj/", `"społecznej odpowiedzialności"`, []string{meetingPL}, meetingPL, "odpowiedzialności"},
		{"/szukaj/", `"nowej perspektywie"`, []string{meetingPL}, meetingPL, "perspektywie"},
		{"/szukaj/", `"perspektywie nowej"`, nil, "", ""},
		// English as English
		{"/en/search/", "meetings", []string{"/en/meetings/2015/signatories-meeting/"}, "/en/meetings/2015/signatories-meeting/", ""},
		{"/en/search/", "cooperative", []string{"/en/social-economy/"}, "", "cooperatives"},
		{"/en/search/", "zary", nil, "", ""},
	}
	ctx := tab(t, 1280, "light")
	for _, c := range cases {
		navigate(t, ctx, c.page)
		hits := typeQuery(t, ctx, c.q)
		got := urlsOf(hits)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s %q: no %s among %q", c.page, c.q, w, got)
			}
		}
		if first := strings.Fields(c.first); len(first) > 0 && (len(got) < len(first) || !sameSet(got[:len(first)], first)) {
			t.Errorf("%s %q: results %q, want first %s", c.page, c.q, got, c.first)
		}
		if c.want == nil && len(hits) > 0 {
			t.Errorf("%s %q: results %q, want none", c.page, c.q, got)
		}
		if c.mark != "" {
			found := false
			for _, h := range hits {
				found = found || slices.Contains(h.Marks, c.mark)
			}
			if !found {
				t.Errorf("%s %q: %q is not highlighted in %+v", c.page, c.q, c.mark, hits)
			}
		}
		for _, h := range hits {
			if h.Meta == "" || (strings.Contains(h.URL, "/2015/") && h.Date != "2015-05-14") {
				t.Errorf("%s %q: %s shows kind %q and date %q", c.page, c.q, h.URL, h.Meta, h.Date)
			}
			if len(h.Marks) == 0 || h.Text == "" {
				t.Errorf("%s %q: %s has no words marked or no excerpt: %+v", c.page, c.q, h.URL, h)
			}
		}
	}

	// The meeting shows its kind and date as the site writes them.
	navigate(t, ctx, "/szukaj/")
	hits := typeQuery(t, ctx, "sygnatariuszy")
	if len(hits) == 0 || hits[0].URL != meetingPL || hits[0].Meta != "Spotkanie · 14 maja 2015 r." {
		t.Errorf("sygnatariuszy: %+v", hits)
	}
	// The count is announced in the polite status region once typing stops.
	status := fmt.Sprintf(`document.getElementById('search-status').textContent === %q`, fmt.Sprintf("Znaleziono %d wyniki", len(hits)))
	if len(hits) == 1 || len(hits) >= 5 {
		status = `/^Znaleziono \d+ wynik/.test(document.getElementById('search-status').textContent)`
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](status, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("the status does not announce %d results: %q", len(hits), eval[string](t, ctx, `document.getElementById('search-status').textContent`))
	}
	if role := eval[string](t, ctx, `document.getElementById('search-status').getAttribute('role')`); role != "status" {
		t.Errorf("the status has role %q", role)
	}
	// Nothing found, said politely.
	if hits := typeQuery(t, ctx, "qwzx"); len(hits) != 0 {
		t.Errorf("qwzx: %+v", hits)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('search-status').textContent.startsWith('Nic nie znaleziono dla „qwzx”')`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("no message for no results: %v", err)
	}

	// A link to a search: ?q= fills the field and searches.
	navigate(t, ctx, "/en/search/?q=Zielona%20G%C3%B3ra")
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('#search-results > li').length > 0`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("/en/search/?q=Zielona Góra shows nothing")
	}
	if v := eval[string](t, ctx, `document.getElementById('search-q').value`); v != "Zielona Góra" {
		t.Errorf("/en/search/?q=Zielona Góra: the field holds %q", v)
	}
	// The form is a GET form: submitting it with Enter keeps working.
	navigate(t, ctx, "/szukaj/")
	if _, err := chromedp.Run(ctx, chromedp.SendKeys(chromedp.ID("search-q"), "ekonomia"+kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if hits := waitHits(t, ctx, "ekonomia"); len(hits) < 3 {
		t.Errorf("ekonomia + Enter: %+v", hits)
	}
}

// waitAddress waits until the page's address is search (?q=…&…) and
// returns the results then shown.
func waitAddress(t *testing.T, ctx context.Context, search string) []hit {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`location.search === %q`, search), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the address is %q, want %q", eval[string](t, ctx, `location.search`), search)
	}
	eval[chromedp.Void](t, ctx, `new Promise(r => setTimeout(r, 100))`)
	return eval[[]hit](t, ctx, readHits)
}

// formValues reads the search form's field and filters.
func formValues(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `['q', 'kind', 'year', 'sector'].map(n => n + '=' + document.getElementById('search-form').elements[n].value).join(' ')`)
}

// TestSearchFilters: the kind, year and sector filters narrow the
// results, are set with the keyboard, are in the address (a link opens
// the same search) and in the history (the back button returns to the
// search before).
func TestSearchFilters(t *testing.T) {
	const (
		meetingPL = "/spotkania/2015/spotkanie-sygnatariuszy/"
		ohp       = "/partnerzy/lubuska-wk-ohp/"
		marshal   = "/partnerzy/marszalek-wojewodztwa-lubuskiego/"
		wup       = "/partnerzy/wup-zielona-gora/"
	)
	ctx := tab(t, 1280, "light")
	for _, c := range []struct {
		address string
		want    []string // exactly these results, in any order
	}{
		{"?q=sygnatariuszy&kind=partners", []string{ohp, marshal}},
		{"?q=sygnatariuszy&kind=meetings", []string{meetingPL}},
		{"?q=sygnatariuszy&year=2015", []string{meetingPL}},
		{"?q=sygnatariuszy&year=2016", nil},
		{"?year=2015", []string{meetingPL}},
		// a sector finds its partners and the meetings they took part in
		{"?sector=government", []string{ohp, meetingPL}},
		{"?q=zielonej&sector=jst", []string{wup, marshal, meetingPL}},
		{"?kind=partners&sector=jst", []string{wup, marshal}},
	} {
		navigate(t, ctx, "/szukaj/"+c.address)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('search-status').textContent !== ''`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Errorf("%s: nothing announced", c.address)
			continue
		}
		got := urlsOf(eval[[]hit](t, ctx, readHits))
		if !sameSet(got, c.want) {
			t.Errorf("%s: results %q, want %q", c.address, got, c.want)
		}
		if c.want == nil && !strings.HasPrefix(eval[string](t, ctx, `document.getElementById('search-status').textContent`), "Nic nie znaleziono") {
			t.Errorf("%s: no message for no results", c.address)
		}
	}

	// Content pages only: every one says so, the page on social economy
	// among them.
	navigate(t, ctx, "/szukaj/?q=ekonomii&kind=pages")
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById('search-status').textContent !== ''`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("?q=ekonomii&kind=pages: nothing announced")
	}
	pages := eval[[]hit](t, ctx, readHits)
	if !slices.Contains(urlsOf(pages), "/ekonomia-spoleczna/") {
		t.Errorf("?q=ekonomii&kind=pages: %q", urlsOf(pages))
	}
	for _, h := range pages {
		if h.Meta != "Strona" {
			t.Errorf("?q=ekonomii&kind=pages: %s is a %q", h.URL, h.Meta)
		}
	}

	// With the keyboard alone: type, move to the kind filter, choose
	// meetings with the arrow keys; the address follows.
	navigate(t, ctx, "/szukaj/")
	all := typeQuery(t, ctx, "sygnatariuszy")
	if len(all) < 3 {
		t.Fatalf("sygnatariuszy: %+v", all)
	}
	press(t, ctx, kb.Tab) // the button
	if f := press(t, ctx, kb.Tab); f.ID != "search-kind" {
		t.Fatalf("Tab went to %+v, want the kind filter", f)
	}
	press(t, ctx, kb.ArrowDown) // everything → meetings
	meetings := waitAddress(t, ctx, "?q=sygnatariuszy&kind=meetings")
	if !sameSet(urlsOf(meetings), []string{meetingPL}) {
		t.Errorf("kind=meetings: %q", urlsOf(meetings))
	}
	press(t, ctx, kb.ArrowDown) // meetings → partners
	partners := waitAddress(t, ctx, "?q=sygnatariuszy&kind=partners")
	if !sameSet(urlsOf(partners), []string{ohp, marshal}) {
		t.Errorf("kind=partners: %q", urlsOf(partners))
	}
	// Back: the meetings again, the filter as it was; back again: all.
	eval[chromedp.Void](t, ctx, `history.back()`)
	if got := urlsOf(waitAddress(t, ctx, "?q=sygnatariuszy&kind=meetings")); !sameSet(got, []string{meetingPL}) {
		t.Errorf("back to kind=meetings: %q", got)
	}
	if v := formValues(t, ctx); v != "q=sygnatariuszy kind=meetings year= sector=" {
		t.Errorf("back to kind=meetings: the form holds %s", v)
	}
	eval[chromedp.Void](t, ctx, `history.back()`)
	if got := urlsOf(waitAddress(t, ctx, "?q=sygnatariuszy")); !sameSet(got, urlsOf(all)) {
		t.Errorf("back to no filter: %q, want %q", got, urlsOf(all))
	}
	eval[chromedp.Void](t, ctx, `history.forward()`)
	if got := urlsOf(waitAddress(t, ctx, "?q=sygnatariuszy&kind=meetings")); !sameSet(got, []string{meetingPL}) {
		t.Errorf("forward to kind=meetings: %q", got)
	}

	// A link to a filtered search fills the form.
	navigate(t, ctx, "/en/search/?q=partner&kind=partners&sector=jst")
	waitAddress(t, ctx, "?q=partner&kind=partners&sector=jst")
	if v := formValues(t, ctx); v != "q=partner kind=partners year= sector=jst" {
		t.Errorf("the form holds %s", v)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('#search-results > li').length === 2`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("/en/search/?q=partner&kind=partners&sector=jst: %q", urlsOf(eval[[]hit](t, ctx, readHits)))
	}
}

// TestSearchKeyboard: from the field, the down arrow goes through the
// results and up comes back; Escape returns to the field; Enter follows
// a result; Tab reaches the results too.
func TestSearchKeyboard(t *testing.T) {
	ctx := tab(t, 375, "light")
	navigate(t, ctx, "/szukaj/")
	// The field is reachable with Tab from the skip link onwards.
	found := false
	for range 30 {
		if f := press(t, ctx, kb.Tab); f.ID == "search-q" {
			found = f.Visible && f.Outlined
			break
		}
	}
	if !found {
		t.Fatal("Tab never reached the search field with a visible focus indicator")
	}
	hits := typeQuery(t, ctx, "partner")
	if len(hits) < 3 {
		t.Fatalf("partner: %d results", len(hits))
	}
	for i, key := range []string{kb.ArrowDown, kb.ArrowDown, kb.ArrowUp, kb.ArrowUp} {
		want := []string{hits[0].URL, hits[1].URL, hits[0].URL, ""}[i]
		f := press(t, ctx, key)
		if want == "" && f.ID != "search-q" || want != "" && f.Href != want {
			t.Errorf("key %d: focus on %+v, want %q", i, f, cmpOr(want, "the field"))
		}
		if !f.Visible || !f.Outlined {
			t.Errorf("key %d: %+v has no visible focus indicator", i, f)
		}
	}
	press(t, ctx, kb.ArrowDown)
	press(t, ctx, kb.ArrowDown)
	if f := press(t, ctx, kb.Escape); f.ID != "search-q" {
		t.Errorf("Escape focused %+v, want the field", f)
	}
	if f := press(t, ctx, kb.Tab); f.Tag != "button" {
		t.Errorf("Tab from the field went to %+v, want the search button", f)
	}
	for _, id := range []string{"search-kind", "search-year", "search-sector"} {
		if f := press(t, ctx, kb.Tab); f.ID != id || !f.Visible || !f.Outlined {
			t.Errorf("Tab went to %+v, want the filter %s with a visible focus indicator", f, id)
		}
	}
	if f := press(t, ctx, kb.Tab); f.Href != hits[0].URL {
		t.Errorf("Tab from the filters went to %+v, want the first result", f)
	}
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter))); err != nil {
		t.Fatal(err)
	}
	if got := eval[string](t, ctx, `location.pathname`); got != hits[0].URL {
		t.Errorf("Enter on the first result opened %s, want %s", got, hits[0].URL)
	}
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// TestSearchAxe: axe-core finds nothing on the search pages with results
// shown, highlighted, and the status announced, at both widths and in
// dark mode; nothing is wider than the window. Screenshots of the Polish
// page go to testdata/screenshots/search-*.png.
func TestSearchAxe(t *testing.T) {
	axePath, err := npmTool("axe-core/axe.min.js")
	need(t, "axe-core", err)
	axeSrc, err := os.ReadFile(axePath)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, r := range []struct {
		width  int64
		scheme string
	}{{375, "light"}, {1280, "light"}, {375, "dark"}} {
		ctx := tab(t, r.width, r.scheme)
		for _, c := range []struct{ page, q string }{{"/szukaj/", "partner"}, {"/en/search/", "meeting"}, {"/szukaj/?kind=meetings&year=2015", "sygnatariusz"}} {
			navigate(t, ctx, c.page)
			if hits := typeQuery(t, ctx, c.q); len(hits) == 0 {
				t.Fatalf("%s %q: no results", c.page, c.q)
			}
			eval[chromedp.Void](t, ctx, `new Promise(r => setTimeout(r, 700))`) // the status is written
			if w := eval[[]int](t, ctx, `[document.documentElement.scrollWidth, innerWidth]`); w[0] > w[1] {
				t.Errorf("%s at %d px: %d px wide", c.page, r.width, w[0])
			}
			if c.page == "/szukaj/" {
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("search-%d", r.width)
				if r.scheme == "dark" {
					name += "-dark"
				}
				writeScreenshot(t, name, png)
			}
			eval[chromedp.Void](t, ctx, string(axeSrc))
			vs := eval[[]violation](t, ctx, axeRun)
			total += len(vs)
			for _, v := range vs {
				t.Errorf("%s?q=%s at %d px (%s): %s (%s, %s)\n\t%s", c.page, c.q, r.width, r.scheme, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
			}
		}
	}
	t.Logf("axe-core on the search pages with results: %d violations", total)
}

// TestSearchPageHTML reads the built search pages without a browser: a
// labelled GET form, a polite status, the script loaded from this site
// with its integrity value and only on this page, and a <noscript>
// message with links to the meetings and the partners.
func TestSearchPageHTML(t *testing.T) {
	for _, c := range []struct{ page, meetings, partners string }{
		{"szukaj/index.html", "/spotkania/", "/partnerzy/"},
		{"en/search/index.html", "/en/meetings/", "/en/partners/"},
	} {
		doc := parse(t, c.page)
		var form, label, status, script, noscript bool
		var legend int
		labels := map[string]bool{}
		selects := map[string]int{}
		htmlx.Walk(doc, func(n *html.Node) {
			switch {
			case n.DataAtom == atom.Form:
				form = htmlx.Attr(n, "method") == "get" && htmlx.Attr(n, "role") == "search"
			case n.DataAtom == atom.Label:
				label = label || htmlx.Attr(n, "for") == "search-q"
				labels[htmlx.Attr(n, "for")] = true
			case n.DataAtom == atom.Legend && n.Parent.DataAtom == atom.Fieldset && htmlx.Text(n) != "":
				legend++
			case n.DataAtom == atom.Select:
				for o := n.FirstChild; o != nil; o = o.NextSibling {
					if o.DataAtom == atom.Option {
						selects[htmlx.Attr(n, "name")]++
					}
				}
				if !labels[htmlx.Attr(n, "id")] {
					t.Errorf("%s: select %s has no label before it", c.page, htmlx.Attr(n, "id"))
				}
			case htmlx.Attr(n, "id") == "search-status":
				status = htmlx.Attr(n, "role") == "status"
			case n.DataAtom == atom.Script && htmlx.Attr(n, "type") == "module":
				script = strings.HasPrefix(htmlx.Attr(n, "src"), "/js/search.") && strings.HasPrefix(htmlx.Attr(n, "integrity"), "sha384-")
			case n.DataAtom == atom.Noscript:
				// The parser keeps <noscript> as raw text when scripting is on.
				s := htmlx.Text(n)
				links := func(u string) bool {
					return strings.Contains(s, `href="`+u+`"`) || strings.Contains(s, "href="+u+">")
				}
				noscript = links(c.meetings) && links(c.partners) && strings.Contains(s, "JavaScript")
			}
		})
		if !form || !label || !status || !script || !noscript {
			t.Errorf("%s: form %v, label %v, status %v, script %v, noscript %v", c.page, form, label, status, script, noscript)
		}
		// The filters: a fieldset with its legend; every kind, "every
		// year" and 2015, "every sector" and the sample's two sectors.
		if legend != 1 || selects["kind"] != 4 || selects["year"] != 2 || selects["sector"] != 3 {
			t.Errorf("%s: %d legends, options %v", c.page, legend, selects)
		}
	}
	for _, p := range sample.html {
		if strings.HasPrefix(p, "szukaj/") || strings.HasPrefix(p, "en/search/") {
			continue
		}
		if bytes.Contains(file(t, p), []byte("/js/search.")) {
			t.Errorf("%s loads the search script", p)
		}
	}
}

// TestSearchScriptSize: the script, minified as the build writes it, is
// under 10 KB.
func TestSearchScriptSize(t *testing.T) {
	const limit = 10 << 10
	for _, f := range built(t).Files {
		if strings.HasPrefix(f.Path, "js/search.") {
			t.Logf("%s: %d bytes minified, %d gzipped", f.Path, len(f.Data), gzipSize(f.Data))
			if len(f.Data) > limit {
				t.Errorf("%s is %d bytes, more than %d", f.Path, len(f.Data), limit)
			}
			return
		}
	}
	t.Fatal("js/search.*.js was not built")
}

func gzipSize(data []byte) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return b.Len()
}

// corpusSite is a generated site, built and served.
type corpusSite struct {
	res *build.Result
	url string
}

func serveCorpus(t *testing.T, pages int) *corpusSite {
	t.Helper()
	start := time.Now()
	c, err := corpus.New(corpus.Options{Pages: pages, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	res := build.Run(c.FS(), build.Options{Now: corpus.Now()})
	if res.Problems.HasErrors() {
		var b strings.Builder
		res.Problems.Print(&b)
		t.Fatalf("the corpus has problems:\n%s", b.String())
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := output.Write(dir, res.Files); err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(http.FileServer(http.Dir(dir)))
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	t.Logf("%d pages generated, built and written in %v", pages, time.Since(start).Round(time.Second))
	return &corpusSite{res: res, url: srv.URL}
}

// measure types each query key by key, a little faster than people type,
// and returns the time from the last keystroke's input event to the
// results in the DOM, as the page measures it with performance.now().
const measureSetup = `(() => {
	window.__lat = [];
	let t0 = 0;
	const input = document.getElementById('search-q');
	document.addEventListener('input', () => { t0 = performance.now(); }, true);
	new MutationObserver(() => window.__lat.push({q: input.value, ms: performance.now() - t0}))
		.observe(document.getElementById('search-results'), {childList: true});
})()`

type latency struct {
	Q  string  `json:"q"`
	MS float64 `json:"ms"`
}

func typeMeasured(t *testing.T, ctx context.Context, q string) (float64, []hit) {
	t.Helper()
	eval[chromedp.Void](t, ctx, `(() => { const i = document.getElementById('search-q'); i.value = ''; window.__lat = []; i.focus(); })()`)
	for _, r := range q {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(string(r))); err != nil {
			t.Fatal(err)
		}
		time.Sleep(60 * time.Millisecond)
	}
	hits := waitHits(t, ctx, q)
	lat := eval[[]latency](t, ctx, `window.__lat`)
	for i := len(lat) - 1; i >= 0; i-- {
		if lat[i].Q == q {
			return lat[i].MS, hits
		}
	}
	t.Fatalf("%q: no render measured (%+v)", q, lat)
	return 0, nil
}

// TestSearchCorpus builds a generated site and searches it in the
// browser: the expected results come, the first query loads a small part
// of the index, and the time from the last keystroke to the results is
// reported (median and 95th percentile of 24 queries) as a benchmark
// figure, not asserted. The site has 2,000 pages, so that the test suite
// stays within minutes; SITEGEN_BENCH_PAGES=10000 runs it at the size the
// closing figures give.
func TestSearchCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 2,000 pages")
	}
	if _, err := chromiumPath(); err != nil {
		need(t, "Chromium", err)
	}
	pages := 2000
	if n, _ := strconv.Atoi(os.Getenv("SITEGEN_BENCH_PAGES")); n > 0 {
		pages = n
	}
	site := serveCorpus(t, pages)
	indexSizes(t, site.res)
	start := time.Now()
	if _, problems := search.Files(site.res.Site, nil); problems.Len() > 0 {
		t.Fatal(problems)
	}
	t.Logf("the search index of both languages alone: built in %v", time.Since(start).Round(time.Millisecond))

	ctx := tab(t, 1280, "light")
	open := func(path string) {
		if err := chromedp.Do(ctx, chromedp.Navigate(site.url+path)); err != nil {
			t.Fatal(err)
		}
		eval[chromedp.Void](t, ctx, measureSetup)
	}

	// The first query on a fresh page: what it downloads.
	open("/szukaj/")
	eval[chromedp.Void](t, ctx, `new Promise(r => setTimeout(r, 300))`) // index.json is loaded at start
	first, hits := typeMeasured(t, ctx, "Żary")
	loaded := eval[[][]any](t, ctx, `performance.getEntriesByType('resource').filter(e => e.name.endsWith('.json')).map(e => [e.name.replace(location.origin, ''), e.encodedBodySize])`)
	bytes := 0
	for _, e := range loaded {
		bytes += int(e[1].(float64))
	}
	t.Logf("first query %q: %d results in %.1f ms; it loaded %d index files, %d bytes (uncompressed: the test server does not gzip)", "Żary", len(hits), first, len(loaded), bytes)
	if bytes > 2<<20 {
		t.Errorf("the first query loaded %d bytes of index", bytes)
	}
	for _, h := range hits[:min(5, len(hits))] {
		if !strings.Contains(h.Title, "Żar") && !strings.Contains(h.Title, "żar") {
			t.Errorf("Żary: a top result without Żary in its title: %+v", h)
		}
	}

	queries := []struct{ page, q, inTitle string }{
		{"/szukaj/", "Zielona Góra", "Zielon"},
		{"/szukaj/", "spółdzielnia", "Spółdziel"},
		{"/szukaj/", "spoldzielni socjalnej", ""},
		{"/szukaj/", "Gorzów", "Gorz"},
		{"/szukaj/", "ekonomii społecznej", ""},
		{"/szukaj/", "Słubice", "Słubic"},
		{"/szukaj/", "stowarzyszenie", "Stowarzysz"},
		{"/szukaj/", "Nadzieja", "Nadziej"},
		{"/szukaj/", "wolontariat", ""},
		{"/szukaj/", "reintegracja zawodowa", ""},
		{"/szukaj/", "Krosno", "Kro"},
		{"/szukaj/", "fundacja", "Fundacj"},
		{"/szukaj/", "Nowak", ""},
		{"/en/search/", "social cooperative", ""},
		{"/en/search/", "meeting", "meeting"},
		{"/en/search/", "Zielona Gora", "Zielona"},
		{"/en/search/", "volunteering", ""},
		{"/en/search/", "labour office", ""},
		{"/en/search/", "foundation", "Foundation"},
		{"/en/search/", "disabilities", ""},
		{"/en/search/", "Lusatia", ""},
		{"/en/search/", "training", ""},
		{"/en/search/", "Swiebodzin", "Świebodzin"},
		{"/en/search/", "grants", ""},
	}
	var times []float64
	page := ""
	for _, c := range queries {
		if c.page != page {
			open(c.page)
			page = c.page
		}
		ms, hits := typeMeasured(t, ctx, c.q)
		times = append(times, ms)
		if len(hits) == 0 {
			t.Errorf("%s %q: no results", c.page, c.q)
			continue
		}
		if c.inTitle != "" && !strings.Contains(strings.ToLower(hits[0].Title), strings.ToLower(c.inTitle)) {
			t.Errorf("%s %q: the first result is %q", c.page, c.q, hits[0].Title)
		}
	}
	slices.Sort(times)
	t.Logf("last keystroke → results in the DOM, %d queries typed on %d pages: median %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms",
		len(times), pages, percentile(times, 0.5), percentile(times, 0.95), times[0], times[len(times)-1])

	ctx = tab(t, 1280, "light")

	// Ten results at a time; the button for more shows the next ten and
	// takes the focus to the first of them.
	open("/szukaj/")
	if hits := typeQuery(t, ctx, "spotkanie"); len(hits) != 10 {
		t.Errorf("spotkanie: %d results shown, want 10", len(hits))
	}
	eval[chromedp.Void](t, ctx, `document.getElementById('search-more').focus()`)
	press(t, ctx, kb.Enter)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('#search-results > li').length === 20`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("the button for more did not show 20 results")
	} else if f := eval[string](t, ctx, `document.activeElement === document.querySelectorAll('#search-results h2 a')[10] ? 'ok' : document.activeElement.outerHTML`); f != "ok" {
		t.Errorf("after more results, the focus is on %s, want the 11th result", f)
	}

	ctx = tab(t, 1280, "light") // a tab lives a minute

	// Cold: a whole query pasted into a freshly loaded page, so that its
	// shards and chunks all come from the server.
	var cold, loads []float64
	for _, c := range queries[:12] {
		open(c.page)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`performance.getEntriesByType('resource').some(e => e.name.endsWith('/index.json'))`)); err != nil {
			t.Fatal(err)
		}
		eval[chromedp.Void](t, ctx, `new Promise(r => setTimeout(r, 100))`)
		r := eval[[]float64](t, ctx, fmt.Sprintf(`new Promise(done => {
			const input = document.getElementById('search-q'), list = document.getElementById('search-results');
			const before = performance.getEntriesByType('resource').length;
			let t0;
			new MutationObserver((_, mo) => {
				mo.disconnect();
				const ms = performance.now() - t0;
				setTimeout(() => done([ms, performance.getEntriesByType('resource').slice(before).reduce((n, e) => n + e.encodedBodySize, 0)]), 50);
			}).observe(list, {childList: true});
			input.value = %q;
			t0 = performance.now();
			input.dispatchEvent(new Event('input', {bubbles: true}));
		})`, c.q))
		cold = append(cold, r[0])
		loads = append(loads, r[1])
	}
	slices.Sort(cold)
	slices.Sort(loads)
	t.Logf("a pasted query on a fresh page (index files fetched from the loopback server), %d queries: median %.1f ms, p95 %.1f ms; it fetched a median %.0f KB, at most %.0f KB (uncompressed)",
		len(cold), percentile(cold, 0.5), percentile(cold, 0.95), percentile(loads, 0.5)/1024, loads[len(loads)-1]/1024)

	// Recall: queries made from the pages, found among the first ten,
	// each tab of its own (the one above lives a minute).
	for _, lang := range []string{"pl", "en"} {
		qs := recallQueries(t, site.res, lang, 25)
		scores := scoreRecall(qs, recallTabs(t, site.url+site.res.Site.Lang(lang).SearchPage.URL, 20))
		if all := reportRecall(t, fmt.Sprintf("%d pages, %s", pages, lang), scores); all < 0.95 {
			t.Errorf("%s: recall@10 %.3f on %d pages, want at least 0.95", lang, all, pages)
		}
	}
}

// percentile of sorted values, nearest rank.
func percentile(sorted []float64, q float64) float64 {
	return sorted[int(q*float64(len(sorted)-1)+0.5)]
}

// indexSizes reports each language's index and checks its budget: at most
// a quarter of the language's text, gzipped page by page.
func indexSizes(t *testing.T, res *build.Result) {
	t.Helper()
	for _, l := range res.Site.Langs {
		dir := strings.TrimPrefix(l.SearchPage.URL, "/")
		var raw, gz, shards, places, chunks, maxShard, maxChunk, manifest, texts, textsGz int
		for _, f := range res.Files {
			if !strings.HasPrefix(f.Path, dir) || !strings.HasSuffix(f.Path, ".json") {
				continue
			}
			name := strings.TrimPrefix(f.Path, dir)
			if strings.HasPrefix(name, "x.") {
				texts++
				textsGz += gzipSize(f.Data)
				continue
			}
			raw += len(f.Data)
			gz += gzipSize(f.Data)
			switch {
			case strings.HasPrefix(name, "w."):
				places++
			case strings.HasPrefix(name, "t."):
				shards++
				maxShard = max(maxShard, len(f.Data))
			case strings.HasPrefix(name, "d."):
				chunks++
				maxChunk = max(maxChunk, len(f.Data))
			default:
				manifest = len(f.Data)
			}
		}
		var text, oneStream int
		var all bytes.Buffer
		for _, p := range res.Site.Pages {
			if p.Lang == l.Config && p.Doc != nil {
				s := p.Title() + "\n" + p.Summary + "\n" + p.Text + "\n"
				text += gzipSize([]byte(s))
				all.WriteString(s)
			}
		}
		oneStream = gzipSize(all.Bytes())
		t.Logf("%s index: %d bytes, %d gzipped; manifest %d bytes, %d term shards (largest %d), %d position shards, %d doc chunks (largest %d); "+
			"%.1f%% of the text gzipped page by page (%d), %.1f%% of the text gzipped as one stream (%d); %d texts for excerpts, %d bytes gzipped",
			l.Config.Code, raw, gz, manifest, shards, maxShard, places, chunks, maxChunk,
			100*float64(gz)/float64(text), text, 100*float64(gz)/float64(oneStream), oneStream, texts, textsGz)
		if float64(gz) > 0.65*float64(text) {
			t.Errorf("%s: the index (%d gzipped) is more than 65%% of the text (%d gzipped page by page)", l.Config.Code, gz, text)
		}
	}
}
