package e2e_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/search"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// Queries made from a built site the same way every time, for recall@10
// and MRR (here and in TestSearchPagefind, which runs the same queries
// through Pagefind), from pages spread evenly over the site:
//
//   - deep: a word found only in the second half of a page's text, the
//     one of them fewest pages have;
//   - ascii: such a word with Polish letters, typed without them;
//   - inflected: such a word in another form, one the site writes
//     elsewhere (the same index term, another folded word);
//   - phrase: two words next to each other in the second half, in quotes.
//
// The relevant pages of a query are the pages whose text (title, front
// matter, summary, body) holds it, found by plain comparison of words,
// not by either engine's rules: the word as written, in any case (deep);
// any word that is the query with Polish letters (ascii); the query's form
// or the page's (inflected); the two words one after the other (phrase).
// In a generated site most words are on many pages, so recall@10 is the
// share of the first ten results that are relevant, out of at most ten:
// |relevant ∩ first ten| / min(10, |relevant|).

// recallQuery is one query, the page it was made from, and its relevant
// pages.
type recallQuery struct {
	Kind string
	Lang string
	Q    string
	Want string
	Rel  map[string]bool
}

// recallKinds are the kinds of query, in the order reported.
var recallKinds = []string{"deep", "ascii", "inflected", "phrase"}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}\p{M}]+`)

// recallQueries makes up to per queries of each kind for a language,
// from pages spread evenly over the site.
func recallQueries(t *testing.T, res *build.Result, lang string, per int) []recallQuery {
	t.Helper()
	l := res.Site.Lang(lang)
	r, err := search.LoadRules(lang)
	if err != nil {
		t.Fatal(err)
	}
	term := func(w string) string {
		var out string
		r.Terms(w, func(t string) { out = t })
		return out
	}
	var pages []*site.Page
	for _, p := range res.Site.Pages {
		if p.Lang == l.Config && p.Doc != nil && p.Text != "" {
			pages = append(pages, p)
		}
	}
	// Each page's whole text, lower case, and the pages of each word in
	// lower case and folded.
	texts := make([]string, len(pages))
	byLower := map[string][]int{}
	byFold := map[string][]int{}
	for i, p := range pages {
		texts[i] = strings.ToLower(wholeText(p))
		seen := map[string]bool{}
		for _, w := range wordRE.FindAllString(texts[i], -1) {
			if !seen[w] {
				seen[w] = true
				byLower[w] = append(byLower[w], i)
				if f := r.Fold(w); f != w {
					byFold[f] = append(byFold[f], i)
				}
			}
		}
	}
	rel := func(lists ...[]int) map[string]bool {
		out := map[string]bool{}
		for _, l := range lists {
			for _, i := range l {
				out[pages[i].URL] = true
			}
		}
		return out
	}
	// df counts the pages each term is in; forms lists the folded words
	// that give it.
	df := map[string]int{}
	forms := map[string][]string{}
	for _, p := range pages {
		seen := map[string]bool{}
		for _, w := range wordRE.FindAllString(p.Title()+" "+p.Text, -1) {
			tm := term(w)
			if tm == "" {
				continue
			}
			if f := r.Fold(w); !slices.Contains(forms[tm], f) {
				forms[tm] = append(forms[tm], f)
			}
			if !seen[tm] {
				seen[tm] = true
				df[tm]++
			}
		}
	}
	var out []recallQuery
	count := map[string]int{}
	step := max(1, len(pages)/(per*2))
	for i := 0; i < len(pages); i += step {
		p := pages[i]
		ws := wordRE.FindAllString(p.Text, -1)
		first := map[string]bool{}
		for _, w := range wordRE.FindAllString(p.Title()+" "+p.Summary, -1) {
			first[term(w)] = true
		}
		for _, w := range ws[:len(ws)/2] {
			first[term(w)] = true
		}
		// The second half's words, rarest first.
		var cands []string
		for _, w := range ws[len(ws)/2:] {
			if tm := term(w); tm != "" && !first[tm] && utf8.RuneCountInString(w) >= 4 && !slices.Contains(cands, w) {
				cands = append(cands, w)
			}
		}
		slices.SortStableFunc(cands, func(a, b string) int { return df[term(a)] - df[term(b)] })
		add := func(kind, q string, rel map[string]bool) {
			if count[kind] < per {
				count[kind]++
				out = append(out, recallQuery{kind, lang, q, p.URL, rel})
			}
		}
		if len(cands) > 0 {
			w := strings.ToLower(cands[0])
			add("deep", cands[0], rel(byLower[w]))
		}
		for _, w := range cands {
			if f := r.Fold(w); f != strings.ToLower(w) {
				add("ascii", f, rel(byFold[f], byLower[f]))
				break
			}
		}
		for _, w := range cands {
			if i := slices.IndexFunc(forms[term(w)], func(f string) bool { return f != r.Fold(w) }); i >= 0 {
				g := forms[term(w)][i]
				add("inflected", g, rel(byLower[strings.ToLower(w)], byFold[g], byLower[g]))
				break
			}
		}
		best, bestDF := "", 0
		half := ws[len(ws)/2:]
		for j := 0; j+1 < len(half); j++ {
			a, b := term(half[j]), term(half[j+1])
			if a == "" || b == "" || utf8.RuneCountInString(half[j]) < 3 || utf8.RuneCountInString(half[j+1]) < 3 {
				continue
			}
			// Words next to each other in the words' list may be apart in
			// the text (across a heading, a link, a full stop).
			if !strings.Contains(p.Text, half[j]+" "+half[j+1]) {
				continue
			}
			if d := df[a] + df[b]; best == "" || d < bestDF {
				best, bestDF = `"`+half[j]+" "+half[j+1]+`"`, d
			}
		}
		if best != "" {
			phrase := strings.ToLower(strings.Trim(best, `"`))
			var with []int
			for i, text := range texts {
				if strings.Contains(text, phrase) {
					with = append(with, i)
				}
			}
			add("phrase", best, rel(with))
		}
	}
	return out
}

// wholeText is what the site's search indexes of a page, as plain text.
func wholeText(p *site.Page) string {
	d := p.Doc
	parts := []string{d.Title, d.Short, d.Location, d.Address, p.Summary, p.Text}
	parts = append(parts, d.Tags...)
	for _, g := range d.Guests {
		parts = append(parts, g.Name, g.Role)
	}
	for _, partner := range append([]*site.Page{p.Host}, p.Participants...) {
		if partner != nil {
			parts = append(parts, partner.Doc.Title, partner.Doc.Short)
		}
	}
	return strings.Join(parts, "\n")
}

// recallScore is recall@10 and MRR of one kind of query.
type recallScore struct {
	N       int
	Recall  float64
	MRR     float64
	Missing []string
}

// scoreRecall runs the queries through find, which returns the addresses
// of the first ten results, and scores them by kind.
func scoreRecall(qs []recallQuery, find func(q recallQuery) []string) map[string]*recallScore {
	out := map[string]*recallScore{}
	for _, q := range qs {
		s := out[q.Kind]
		if s == nil {
			s = &recallScore{}
			out[q.Kind] = s
		}
		s.N++
		top := find(q)
		top = top[:min(10, len(top))]
		found := 0
		for i, u := range top {
			if q.Rel[u] {
				if found == 0 {
					s.MRR += 1 / float64(i+1)
				}
				found++
			}
		}
		s.Recall += float64(found) / float64(min(10, len(q.Rel)))
		if found < min(10, len(q.Rel)) && len(s.Missing) < 5 {
			s.Missing = append(s.Missing, fmt.Sprintf("%s: %d of %d", q.Q, found, min(10, len(q.Rel))))
		}
	}
	for _, s := range out {
		s.Recall /= float64(s.N)
		s.MRR /= float64(s.N)
	}
	return out
}

// searchTop puts q into the search field of the page open in ctx, as if
// pasted, and returns the addresses of the results shown.
func searchTop(t *testing.T, ctx context.Context, q string) []string {
	t.Helper()
	eval[chromedp.Void](t, ctx, fmt.Sprintf(`(() => { const i = document.getElementById('search-q'); i.value = %q; i.dispatchEvent(new Event('input', {bubbles: true})); })()`, q))
	wait := fmt.Sprintf(`new URLSearchParams(location.search).get('q') === %q`, strings.TrimSpace(q))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](wait, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("no results for %q: %v", q, err)
	}
	return urlsOf(eval[[]hit](t, ctx, readHits))
}

// recallTabs returns a find for scoreRecall that searches the page at
// url, in a new tab every n queries: a tab lives a minute.
func recallTabs(t *testing.T, url string, n int) func(q recallQuery) []string {
	var ctx context.Context
	done := 0
	return func(q recallQuery) []string {
		if done%n == 0 {
			ctx = tab(t, 1280, "light")
			if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
				t.Fatal(err)
			}
		}
		done++
		return searchTop(t, ctx, q.Q)
	}
}

// reportRecall logs the scores and returns the overall recall@10.
func reportRecall(t *testing.T, who string, scores map[string]*recallScore) float64 {
	t.Helper()
	n, found := 0, 0.0
	for _, k := range recallKinds {
		s := scores[k]
		if s == nil {
			continue
		}
		t.Logf("%s, %s: %d queries, recall@10 %.3f, MRR %.3f; missed e.g. %q", who, k, s.N, s.Recall, s.MRR, s.Missing)
		n += s.N
		found += s.Recall * float64(s.N)
	}
	return found / float64(max(n, 1))
}

// TestSearchRecallSample makes the queries of every kind from the sample
// site's pages and finds each page among the first ten results, in both
// languages.
func TestSearchRecallSample(t *testing.T) {
	res := built(t)
	for _, lang := range []string{"pl", "en"} {
		qs := recallQueries(t, res, lang, 20)
		if len(qs) < 10 {
			t.Fatalf("%s: only %d queries", lang, len(qs))
		}
		scores := scoreRecall(qs, recallTabs(t, pageURL(res.Site.Lang(lang).SearchPage.URL), 40))
		if all := reportRecall(t, "sample "+lang, scores); all < 0.95 {
			t.Errorf("%s: recall@10 %.3f, want at least 0.95", lang, all)
		}
	}
}
