package markdown

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestScriptWarningWhenUnsafe: a site that lets raw HTML through still hears
// about a <script>, wherever and however it is written; the HTML itself is
// kept, as the site asked.
func TestScriptWarningWhenUnsafe(t *testing.T) {
	const warning = "warning: raw HTML has a <script> element, which runs in every reader's browser"
	for _, c := range []struct {
		name, src string
		problems  []string
	}{
		{"script block", "Tekst\n\n<script>alert(1)</script>\n", []string{"3:1: " + warning}},
		{"upper case, attributes", "<SCRIPT src=\"https://evil.example/x.js\"></SCRIPT>", []string{"1:1: " + warning}},
		{"inline in a paragraph", "Zobacz <script>alert(1)</script> tutaj.", []string{"1:8: " + warning}},
		{"after a letter on its line", "Zażółć <script>x()</script>", []string{"1:8: " + warning}},
		{"inside a div block", "<div>\n  <p>x</p>\n  <script type=module>x()</script>\n</div>", []string{"3:3: " + warning}},
		{"inside svg", "<svg><script>alert(1)</script></svg>", []string{"1:6: " + warning}},
		{"self-closing", "<div><script/></div>", []string{"1:6: " + warning}},
		{"tag name at the end of a line", "<div><script\nsrc=x></script></div>", []string{"1:6: " + warning}},
		{"two blocks, two warnings", "<script>a()</script>\n\nTekst\n\n<script>b()</script>", []string{"1:1: " + warning, "5:1: " + warning}},
		{"in a comment: no warning", "<!-- <script>alert(1)</script> -->", nil},
		{"other elements: no warning", "<div class=\"x\"><iframe src=\"https://mapa\"></iframe></div>", nil},
		{"<scripts> is another tag", "<scripts>x</scripts>", nil},
		{"text about scripts: no warning", "Kod `<script>` w tekście i \\<script>.", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := New(unsafe).Convert([]byte(c.src), nil)
			if got := problemStrings(r.Problems); !slices.Equal(got, c.problems) {
				t.Errorf("problems:\n got %q\nwant %q", got, c.problems)
			}
			for _, p := range r.Problems {
				if !p.Warning {
					t.Errorf("an error, not a warning: %+v", p)
				}
			}
			if c.problems != nil && !bytes.Contains(bytes.ToLower(r.HTML), []byte("<script")) {
				t.Errorf("the script was dropped, though the site opted in: %q", r.HTML)
			}
		})
	}
	// Without the opt-in the script is dropped with the usual warning.
	r := New(polish).Convert([]byte("<script>alert(1)</script>"), nil)
	if got := problemStrings(r.Problems); !slices.Equal(got, []string{"1:1: warning: raw HTML is ignored"}) || len(r.HTML) != 0 {
		t.Errorf("safe: problems %q, HTML %q", got, r.HTML)
	}
}

// TestPositionsMatchCounting: the line index gives the same places as
// counting from the start, asked in order (as the walk asks) or not.
func TestPositionsMatchCounting(t *testing.T) {
	src := []byte("Zażółć gęślą\n\n# Łódź [x](y)\r\nźdźbło\n" + strings.Repeat("ą", 50) + "\nkoniec")
	naive := func(off int) (int, int) {
		if off < 0 || off > len(src) {
			return 0, 0
		}
		start := bytes.LastIndexByte(src[:off], '\n') + 1
		return bytes.Count(src[:start], []byte{'\n'}) + 1, utf8.RuneCount(src[start:off]) + 1
	}
	var offs []int
	for off := -2; off <= len(src)+2; off++ {
		offs = append(offs, off)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	shuffled := slices.Clone(offs)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	for _, order := range [][]int{offs, shuffled} {
		p := positions{src: src}
		for _, off := range order {
			l, c := p.at(off)
			if wl, wc := naive(off); l != wl || c != wc {
				t.Fatalf("at(%d) = %d:%d, want %d:%d", off, l, c, wl, wc)
			}
		}
	}
}

// TestConvertManyPlacesLinear: a big file with a place to record for every
// few bytes (headings, links, problems), on many lines or on one, converts
// in time that grows with its size, not with its square: eight times the
// text may take at most 32 times as long (a square would take 64 times).
// Counting lines from the start of the file for each place made a 3 MB
// file of such lines take minutes.
func TestConvertManyPlacesLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("converts megabytes of Markdown")
	}
	const small = 128 << 10
	fastest := func(src []byte, runs int) time.Duration {
		best := time.Duration(1<<63 - 1)
		for range runs {
			start := time.Now()
			New(polish).Convert(src, testResolver)
			best = min(best, time.Since(start))
		}
		return best
	}
	for _, c := range []struct{ name, unit string }{
		{"headings", "# Rozdział\n"},
		{"images without alt", "![](a.png)\n"},
		{"links on one line", "[a](https://example.org/) "},
		{"refused links", "[a](javascript:x)\n"},
		{"raw HTML", "<b>x</b>\n\n"},
	} {
		t1 := fastest([]byte(strings.Repeat(c.unit, small/len(c.unit))), 3)
		t8 := fastest([]byte(strings.Repeat(c.unit, 8*small/len(c.unit))), 2)
		t.Logf("%s: %d kB in %v, %d kB in %v", c.name, small>>10, t1, 8*small>>10, t8)
		if t8 > 32*t1 && t8 > 100*time.Millisecond {
			t.Errorf("%s: 8 times the text took %.0f times as long", c.name, float64(t8)/float64(t1))
		}
	}
}

// TestLimits: Markdown nested deeper than maxDepth, or with more than
// maxBrackets '[' in one block, is refused before goldmark, whose work
// grows with the square of either, sees it: at once, with the line, and
// nothing rendered. Pages as people write them, and code that merely
// starts with spaces, pass.
func TestLimits(t *testing.T) {
	deepList := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- punkt\n")
		}
		return b.String()
	}
	for _, c := range []struct {
		name, src string
		problem   string // "" when it converts
	}{
		{"quotes on one line", "Wstęp\n\n" + strings.Repeat(">", 50000) + " x\n", "3:1: lists or quotes nested 50000 levels deep; at most 64 are allowed"},
		{"quotes with spaces", strings.Repeat("> ", 65) + "x", "1:1: lists or quotes nested 65 levels deep; at most 64 are allowed"},
		{"lists by indentation", deepList(2000), "65:1: lists or quotes nested 65 levels deep; at most 64 are allowed"},
		{"numbered lists", strings.Repeat("1. ", 70) + "x", "1:1: lists or quotes nested 70 levels deep; at most 64 are allowed"},
		{"64 quotes", strings.Repeat(">", 64) + " x", ""},
		{"lists as people nest them", deepList(6) + "\n> cytat\n>> w cytacie\n", ""},
		{"deeply indented code", "```\n" + strings.Repeat(" ", 400) + "kod\n```\n", ""},
		{"a rule", "- - - - -\n\n* * *\n", ""},
		{"unclosed links", "Wstęp\n\n" + strings.Repeat("[a](", 80000), "3:1: this paragraph has more than 5000 [ (links, footnotes or brackets)"},
		{"brackets over lines", "a\n\n" + strings.Repeat("[[[[[\n", 1001) + "\nb", "3:1: this paragraph has more than 5000 [ (links, footnotes or brackets)"},
		{"many links in many paragraphs", strings.Repeat("[a](https://example.org/) [c](https://example.org/c)\n\n", 4000), ""},
		{"5000 in a paragraph", strings.Repeat("[a] ", 5000), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			r := New(polish).Convert([]byte(c.src), testResolver)
			if took := time.Since(start); took > time.Second {
				t.Errorf("took %v", took)
			}
			got := problemStrings(r.Problems)
			if c.problem == "" {
				if len(got) > 0 || len(r.HTML) == 0 {
					t.Fatalf("refused: %d problems (first %q), %d bytes of HTML", len(got), got[:min(1, len(got))], len(r.HTML))
				}
				return
			}
			if len(got) != 1 || got[0] != c.problem || len(r.HTML) != 0 {
				t.Fatalf("problems %q, want %q; HTML %d bytes, want none", got, c.problem, len(r.HTML))
			}
		})
	}
}
