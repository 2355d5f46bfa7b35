package diag_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/diag"
)

func TestProblemString(t *testing.T) {
	for _, c := range []struct {
		p    diag.Problem
		want string
	}{
		{diag.Problem{Path: "content/a.md", Line: 3, Col: 7, Message: "m"}, "content/a.md:3:7: m"},
		{diag.Problem{Path: "content/a.md", Line: 3, Message: "m"}, "content/a.md:3: m"},
		{diag.Problem{Path: "content/a.md", Message: "m"}, "content/a.md: m"},
		// A column without a line means nothing.
		{diag.Problem{Path: "content/a.md", Col: 7, Message: "m"}, "content/a.md: m"},
		{diag.Problem{Path: "content/a.md", Line: 3, Col: 7, Message: "m", Hint: "h"}, "content/a.md:3:7: m (h)"},
		{diag.Problem{Path: "content/a.md", Line: 3, Col: 7, Severity: diag.Warning, Message: "m"}, "content/a.md:3:7: warning: m"},
		{diag.Problem{Path: "content/a.md", Severity: diag.Warning, Message: "m", Hint: "h"}, "content/a.md: warning: m (h)"},
		{diag.Problem{Path: "site.yaml", Line: 1, Col: 1, Message: "baseURL is required", Hint: "add a line such as baseURL: https://example.org/"},
			"site.yaml:1:1: baseURL is required (add a line such as baseURL: https://example.org/)"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("%#v.String() = %q, want %q", c.p, got, c.want)
		}
	}
}

// list adds problems in a scrambled order, as parallel workers would.
func list() *diag.List {
	var l diag.List
	l.Warnf("content/b.md", 2, 1, "unused image %s", "x.png")
	l.Errorf("content/b.md", 10, 1, "second")
	l.Errorf("content/a.md", 3, 7, "late column")
	l.Errorf("content/b.md", 2, 1, "an error on the same spot")
	l.Errorf("content/a.md", 3, 2, "early column")
	l.Add(diag.Problem{Path: "content/a.md", Message: "no position"})
	l.Errorf("content/b.md", 10, 1, "second") // a duplicate: shown once
	return &l
}

func TestPrint(t *testing.T) {
	var b strings.Builder
	list().Print(&b)
	want := `content/a.md: no position
content/a.md:3:2: early column
content/a.md:3:7: late column
content/b.md:2:1: an error on the same spot
content/b.md:2:1: warning: unused image x.png
content/b.md:10:1: second
5 errors, 1 warning
`
	if b.String() != want {
		t.Errorf("Print wrote\n%s\nwant\n%s", b.String(), want)
	}
}

func TestPrintEmpty(t *testing.T) {
	var b strings.Builder
	var l diag.List
	l.Print(&b)
	if b.String() != "" {
		t.Errorf("empty list printed %q", b.String())
	}
}

func TestPrintOneError(t *testing.T) {
	var b strings.Builder
	var l diag.List
	l.Errorf("content/a.md", 1, 1, "the file is empty")
	l.Print(&b)
	if want := "content/a.md:1:1: the file is empty\n1 error\n"; b.String() != want {
		t.Errorf("Print wrote %q, want %q", b.String(), want)
	}
}

func TestSummary(t *testing.T) {
	for _, c := range []struct {
		errors, warnings int
		want             string
	}{
		{0, 0, "no problems"},
		{1, 0, "1 error"},
		{2, 0, "2 errors"},
		{0, 1, "1 warning"},
		{0, 3, "3 warnings"},
		{1, 1, "1 error, 1 warning"},
		{2, 1, "2 errors, 1 warning"},
		{11, 21, "11 errors, 21 warnings"},
	} {
		if got := diag.Summary(c.errors, c.warnings); got != c.want {
			t.Errorf("Summary(%d, %d) = %q, want %q", c.errors, c.warnings, got, c.want)
		}
	}
}

func TestListCounts(t *testing.T) {
	l := list()
	e, w := l.Counts()
	if e != 5 || w != 1 {
		t.Errorf("Counts() = %d, %d; want 5, 1 (duplicates count once)", e, w)
	}
	if l.Len() != 7 {
		t.Errorf("Len() = %d, want 7 (what was added)", l.Len())
	}
	if !l.HasErrors() {
		t.Error("HasErrors() = false")
	}
	var warn diag.List
	warn.Warnf("a", 1, 1, "w")
	if warn.HasErrors() {
		t.Error("a list of warnings HasErrors")
	}
	var zero diag.List
	if zero.HasErrors() || zero.Len() != 0 || len(zero.Items()) != 0 {
		t.Error("the zero List is not empty")
	}
}

func TestListMerge(t *testing.T) {
	var a, b diag.List
	a.Errorf("z.md", 1, 1, "z")
	b.Errorf("a.md", 1, 1, "a")
	b.Warnf("a.md", 2, 1, "w")
	a.Merge(b)
	var got []string
	for _, p := range a.Items() {
		got = append(got, p.String())
	}
	if want := "a.md:1:1: a|a.md:2:1: warning: w|z.md:1:1: z"; strings.Join(got, "|") != want {
		t.Errorf("merged = %q, want %q", strings.Join(got, "|"), want)
	}
	if b.Len() != 2 {
		t.Error("Merge changed its argument")
	}
}

func TestItemsDoesNotReorderList(t *testing.T) {
	l := list()
	_ = l.Items()
	var b strings.Builder
	l.Print(&b)
	if !strings.HasPrefix(b.String(), "content/a.md: no position\n") {
		t.Errorf("second Items() differs:\n%s", b.String())
	}
}

func TestSuggest(t *testing.T) {
	frontKeys := []string{"date", "location", "host", "participants", "guests", "tags", "title", "summary", "slug", "draft", "aliases", "params"}
	sectors := []string{"jst", "ngo", "business", "government", "education"}
	roles := []string{"leader", "secretariat", "signatory"}
	for _, c := range []struct {
		word       string
		candidates []string
		want       string
	}{
		// Typos are found.
		{"titel", frontKeys, "title"},
		{"Title", frontKeys, "title"},
		{"TITLE", frontKeys, "title"},
		{"partcipants", frontKeys, "participants"},
		{"participant", frontKeys, "participants"},
		{"tag", frontKeys, "tags"},
		{"lokation", frontKeys, "location"},
		{"sumary", frontKeys, "summary"},
		{"alias", frontKeys, "aliases"},
		{"NGO", sectors, "ngo"},
		{"ngos", sectors, "ngo"},
		{"goverment", sectors, "government"},
		{"buisness", sectors, "business"},
		{"lider", roles, "leader"},
		{"signatary", roles, "signatory"},
		{"baseUrl", []string{"baseURL", "languages", "menu"}, "baseURL"},
		{"wup-zielona-gra", []string{"wup-zielona-gora", "lubuska-wk-ohp"}, "wup-zielona-gora"},
		{"spółka", []string{"spolka"}, "spolka"},
		// Unrelated words are not.
		{"autor", frontKeys, ""},
		{"kategoria", frontKeys, ""},
		{"menu", []string{"date", "end", "location"}, ""},
		{"fwe", []string{"one", "few", "many", "other"}, "few"},
		{"ent", []string{"end"}, "end"},
		{"nd", []string{"end"}, "end"},
		{"colour", frontKeys, ""},
		{"x", sectors, ""},
		{"fundacja", sectors, ""},
		{"member", roles, ""},
		{"", sectors, ""},
		{"title", nil, ""},
		// Ties go to the alphabetically first candidate.
		{"ab", []string{"ac", "aa"}, "aa"},
	} {
		if got := diag.Suggest(c.word, c.candidates); got != c.want {
			t.Errorf("Suggest(%q, %v) = %q, want %q", c.word, c.candidates, got, c.want)
		}
	}
}

// TestErrors: the errors alone, sorted and without duplicates, as Items
// gives them; none for a list of warnings.
func TestErrors(t *testing.T) {
	var l diag.List
	l.Errorf("b.md", 2, 1, "second")
	l.Warnf("a.md", 1, 1, "a warning")
	l.Errorf("a.md", 3, 1, "first")
	l.Errorf("a.md", 3, 1, "first")
	var got []string
	for _, p := range l.Errors() {
		got = append(got, p.String())
	}
	if want := []string{"a.md:3:1: first", "b.md:2:1: second"}; !slices.Equal(got, want) {
		t.Errorf("Errors() = %q, want %q", got, want)
	}
	var warn diag.List
	warn.Warnf("a", 1, 1, "w")
	if errs := warn.Errors(); len(errs) != 0 {
		t.Errorf("a list of warnings has errors: %v", errs)
	}
}

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"content/spotkania/żary.pl.md", "content/spotkania/żary.pl.md"},
		{"Łódź — „cudzysłów”, emoji 🎉, CJK 漢字", "Łódź — „cudzysłów”, emoji 🎉, CJK 漢字"},
		{`a\b`, `a\b`}, // backslashes stay: Windows hints quote paths with them
		// ESC sequences: CSI (clear screen, colours), OSC (window title, links).
		{"x\x1b[2J\x1b[Hy", `x\x1b[2J\x1b[Hy`},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"\x1b]0;pwned\x07", `\x1b]0;pwned\x07`},
		{"\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\", `\x1b]8;;https://evil.example\x1b\link\x1b]8;;\x1b\`},
		{"\x1bP+q\x1b\\", `\x1bP+q\x1b\`}, // DCS
		// Other C0 controls, tab and newline (a message is one line), DEL.
		{"a\x00b\x07c\x08d", `a\x00b\x07c\x08d`},
		{"line\nsite.yaml:1:1: forged", `line\nsite.yaml:1:1: forged`},
		{"back\roverwrite", `back\roverwrite`},
		{"tab\there", `tab\there`},
		{"del\x7f", `del\x7f`},
		// C1 controls, as UTF-8 and as bare bytes (not UTF-8).
		{"csi\u009b2J", `csi\u009b2J`},
		{"osc\u009d0;t\u009c", `osc\u009d0;t\u009c`},
		{"raw\x9b2J", `raw\x9b2J`},
		{"bad\xff\xfe", `bad\xff\xfe`},
		// Bidirectional controls that reorder what is shown.
		{"gnp.\u202eexe", `gnp.\u202eexe`},
		{"\u202a\u202b\u202c\u202d", `\u202a\u202b\u202c\u202d`},
		{"\u2066a\u2067b\u2068c\u2069", `\u2066a\u2067b\u2068c\u2069`},
		{"\u200bzero\u200ewidth\u200f\u061c", `\u200bzero\u200ewidth\u200f\u061c`},
		{"line\u2028sep\u2029\ufeff", `line\u2028sep\u2029\ufeff`},
	} {
		if got := diag.Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestStringEscapes: every part of a problem is escaped when printed.
func TestStringEscapes(t *testing.T) {
	p := diag.Problem{Path: "content/\x1b[2Jx.md", Line: 2, Col: 3,
		Message: "link \"\x1b]0;title\x07\" not found", Hint: "check \u202eit"}
	want := `content/\x1b[2Jx.md:2:3: link "\x1b]0;title\x07" not found (check \u202eit)`
	if got := p.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	var l diag.List
	l.Add(p)
	var b strings.Builder
	l.Print(&b)
	if strings.ContainsAny(b.String(), "\x1b\x07\u202e") {
		t.Errorf("Print wrote a control character: %q", b.String())
	}
}
