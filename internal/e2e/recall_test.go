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

// Queries whose answer is known, made from a built site the same way
// every time, for recall@10 and MRR (here and in tools/pagefind, which
// runs the same queries through Pagefind):
//
//   - deep: a word found only in the second half of a page's text, the
//     one of them fewest pages have;
//   - ascii: such a word with Polish letters, typed without them;
//   - inflected: such a word in another form, one the site writes
//     elsewhere (the same index term, another folded word);
//   - phrase: two words next to each other in the second half, in quotes.
//
// The page they come from is the answer.

// recallQuery is one query and the address of its page.
type recallQuery struct {
	Kind string `json:"kind"`
	Lang string `json:"lang"`
	Q    string `json:"q"`
	Want string `json:"want"`
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
		add := func(kind, q string) {
			if count[kind] < per {
				count[kind]++
				out = append(out, recallQuery{kind, lang, q, p.URL})
			}
		}
		if len(cands) > 0 {
			add("deep", cands[0])
		}
		for _, w := range cands {
			if r.Fold(w) != strings.ToLower(w) {
				add("ascii", r.Fold(w))
				break
			}
		}
		for _, w := range cands {
			if i := slices.IndexFunc(forms[term(w)], func(f string) bool { return f != r.Fold(w) }); i >= 0 {
				add("inflected", forms[term(w)][i])
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
			add("phrase", best)
		}
	}
	return out
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
		if i := slices.Index(find(q), q.Want); i >= 0 && i < 10 {
			s.Recall++
			s.MRR += 1 / float64(i+1)
		} else if len(s.Missing) < 5 {
			s.Missing = append(s.Missing, q.Q+" → "+q.Want)
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
