package markdown

import (
	"bytes"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/diag"
)

var (
	polish  = Options{Quotes: [4]string{"„", "”", "‚", "’"}}
	english = Options{Quotes: [4]string{"“", "”", "‘", "’"}}
	unsafe  = Options{Quotes: polish.Quotes, Unsafe: true}
)

// converter is a fresh Converter for opts; TestConcurrentConvert checks
// that one is safe to share.
func converter(opts Options) *Converter { return New(opts) }

// testResolver knows three content files, as a site would.
func testResolver(path string) (string, bool) {
	switch path {
	case "partners/index.pl.md":
		return "/pl/partnerzy/", true
	case "../o-nas.pl.md", "./o-nas.pl.md":
		return "/pl/o-nas/", true
	case "moja strona.pl.md":
		return "/pl/moja-strona/", true
	}
	return "", false
}

// problemStrings formats problems as "line:col: [warning: ]message" for
// comparison; hints are checked separately.
func problemStrings(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		w := ""
		if p.Warning {
			w = "warning: "
		}
		out = append(out, fmt.Sprintf("%d:%d: %s%s", p.Line, p.Col, w, p.Message))
	}
	return out
}

type htmlCase struct {
	name     string
	opts     Options
	src      string
	want     string
	problems []string
}

var htmlCases = []htmlCase{
	// Typography.
	{name: "polish quotes", opts: polish, src: `"Partnerstwo"`, want: "<p>„Partnerstwo”</p>"},
	{name: "english quotes", opts: english, src: `"Partnerstwo"`, want: "<p>“Partnerstwo”</p>"},
	{name: "guillemets", opts: Options{Quotes: [4]string{"«", "»", "‹", "›"}}, src: `"Partnerstwo" i 'ono'`,
		want: "<p>«Partnerstwo» i ‹ono›</p>"},
	{name: "empty quotes fall back to english", opts: Options{}, src: `"a" 'b'`, want: "<p>“a” ‘b’</p>"},
	{name: "single quotes and apostrophe", opts: polish, src: `'cytat' i Kennedy'ego`, want: "<p>‚cytat’ i Kennedy’ego</p>"},
	{name: "dashes and ellipsis", opts: polish, src: "lata 2020--2021 --- i tak dalej...",
		want: "<p>lata 2020–2021 — i tak dalej…</p>"},
	{name: "no typography in code", opts: polish, src: "`\"a\" -- b...`", want: "<p><code>&quot;a&quot; -- b...</code></p>"},

	// Heading ids.
	{name: "polish heading id", opts: polish, src: "# Zakłady Aktywności Zawodowej",
		want: "<h1 id=\"zaklady-aktywnosci-zawodowej\">Zakłady Aktywności Zawodowej</h1>"},
	{name: "duplicate heading ids", opts: polish, src: "## Kontakt\n\n## Kontakt\n\n## Kontakt",
		want: "<h2 id=\"kontakt\">Kontakt</h2><h2 id=\"kontakt-1\">Kontakt</h2><h2 id=\"kontakt-2\">Kontakt</h2>"},
	{name: "heading id from visible text", opts: polish, src: "## [Partnerzy](partners/index.pl.md) &amp; *my*",
		want: "<h2 id=\"partnerzy-my\"><a href=\"/pl/partnerzy/\">Partnerzy</a> &amp; <em>my</em></h2>"},
	{name: "heading id of quotes only", opts: polish, src: `# "…"`, want: "<h1 id=\"section\">„…”</h1>"},
	{name: "setext heading id", opts: polish, src: "Łódź i okolice\n===",
		want: "<h1 id=\"lodz-i-okolice\">Łódź i okolice</h1>"},
	{name: "custom heading id", opts: polish, src: "## Wstęp {#intro}\n\n## Intro",
		want: "<h2 id=\"intro\">Wstęp</h2><h2 id=\"intro-1\">Intro</h2>"},
	{name: "custom heading id not a slug", opts: polish, src: "## Wstęp {#Mój_Wstęp}",
		want:     "<h2 id=\"moj-wstep\">Wstęp</h2>",
		problems: []string{`1:10: warning: heading id "Mój_Wstęp" is not a slug, "moj-wstep" is used instead`}},
	{name: "custom heading id used twice", opts: polish, src: "## Intro\n\n## Wstęp {#intro}",
		want:     "<h2 id=\"intro\">Intro</h2><h2 id=\"intro\">Wstęp</h2>",
		problems: []string{`3:10: warning: heading id "intro" is already used by an earlier heading`}},
	{name: "heading class kept, style dropped", opts: polish, src: "## Cel {.lead style=\"color:red\"}",
		want:     "<h2 class=\"lead\" id=\"cel\">Cel</h2>",
		problems: []string{`1:8: warning: heading attribute "style" is ignored`}},
	{name: "heading style kept when unsafe", opts: unsafe, src: "## Cel {style=\"color:red\"}",
		want: "<h2 style=\"color:red\" id=\"cel\">Cel</h2>\n"},

	// Links between content files.
	{name: "link rewritten", opts: polish, src: "[partnerzy](partners/index.pl.md)",
		want: "<p><a href=\"/pl/partnerzy/\">partnerzy</a></p>"},
	{name: "link rewritten with fragment", opts: polish, src: "[kontakt](partners/index.pl.md#kontakt)",
		want: "<p><a href=\"/pl/partnerzy/#kontakt\">kontakt</a></p>"},
	{name: "link rewritten with title", opts: polish, src: `[o nas](../o-nas.pl.md "O nas")`,
		want: "<p><a href=\"/pl/o-nas/\" title=\"O nas\">o nas</a></p>"},
	{name: "reference link rewritten", opts: polish, src: "[o nas][1]\n\n[1]: ./o-nas.pl.md#zespol",
		want: "<p><a href=\"/pl/o-nas/#zespol\">o nas</a></p>"},
	{name: "percent-encoded path", opts: polish, src: "[s](moja%20strona.pl.md) [t](<moja strona.pl.md>)",
		want: "<p><a href=\"/pl/moja-strona/\">s</a> <a href=\"/pl/moja-strona/\">t</a></p>"},
	{name: "missing link", opts: polish, src: "Wstęp.\n\n- punkt\n- zobacz [tu](../partners/nope.pl.md#x).",
		want:     "<p>Wstęp.</p><ul><li>punkt</li><li>zobacz <a href=\"../partners/nope.pl.md#x\">tu</a>.</li></ul>",
		problems: []string{"4:10: link to a missing file: ../partners/nope.pl.md"}},
	{name: "missing link after polish letters", opts: polish, src: "Zażółć gęślą [jaźń](jazn.md)",
		want:     "<p>Zażółć gęślą <a href=\"jazn.md\">jaźń</a></p>",
		problems: []string{"1:14: link to a missing file: jazn.md"}},
	{name: "links not to content files kept", opts: polish,
		src:  "[a](/pl/x.md) [b](https://example.com/x.md) [c](#x.md) [d](//host/x.md) [e](plik.pdf) [f](mailto:a@b.md)",
		want: "<p><a href=\"/pl/x.md\">a</a> <a href=\"https://example.com/x.md\">b</a> <a href=\"#x.md\">c</a> <a href=\"//host/x.md\">d</a> <a href=\"plik.pdf\">e</a> <a href=\"mailto:a@b.md\">f</a></p>"},
	{name: "image in a rewritten link", opts: polish, src: "[![Logo WUP](wup.png)](partners/index.pl.md)",
		want: "<p><a href=\"/pl/partnerzy/\"><img src=\"wup.png\" alt=\"Logo WUP\"></a></p>"},
	{name: "missing link with CRLF line ends", opts: polish, src: "Wstęp\r\n\r\n  [x](nope.md)\r\n",
		want:     "<p>Wstęp</p><p><a href=\"nope.md\">x</a></p>",
		problems: []string{"3:3: link to a missing file: nope.md"}},
	{name: "missing link in a footnote", opts: polish, src: "Tekst[^1].\n\n[^1]: Zob. [regulamin](regulamin.md).",
		want: "<p>Tekst<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>.</p>" +
			"<div class=\"footnotes\" role=\"doc-endnotes\"><hr><ol><li id=\"fn:1\">" +
			"<p>Zob. <a href=\"regulamin.md\">regulamin</a>.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p></li></ol></div>",
		problems: []string{"3:12: link to a missing file: regulamin.md"}},
	{name: "image of an md file not resolved", opts: polish, src: "![Schemat](partners/index.pl.md)",
		want: "<p><img src=\"partners/index.pl.md\" alt=\"Schemat\"></p>"},
	{name: "external link plain", opts: polish, src: "[RPO](https://rpo.lubuskie.pl/)",
		want: "<p><a href=\"https://rpo.lubuskie.pl/\">RPO</a></p>"},

	// Refused URLs.
	{name: "javascript link", opts: polish, src: "Kliknij [tutaj](javascript:alert(1)) teraz",
		want:     "<p>Kliknij tutaj teraz</p>",
		problems: []string{"1:9: link to a javascript: URL is not allowed"}},
	{name: "javascript link mixed case and spaces", opts: polish, src: "[a](<  JavaScript:alert(1)>)",
		want:     "<p>a</p>",
		problems: []string{"1:1: link to a javascript: URL is not allowed"}},
	{name: "javascript link through entities", opts: polish, src: "[a](javascript&colon;alert(1)) [b](&#106;avascript:alert(1))",
		want:     "<p>a b</p>",
		problems: []string{"1:1: link to a javascript: URL is not allowed", "1:32: link to a javascript: URL is not allowed"}},
	{name: "vbscript reference link", opts: polish, src: "[**a**][x]\n\n[x]: VBScript:msgbox",
		want:     "<p><strong>a</strong></p>",
		problems: []string{"1:1: link to a vbscript: URL is not allowed"}},
	{name: "data link", opts: polish, src: "[a](data:text/html;base64,PHNjcmlwdD4=)",
		want:     "<p>a</p>",
		problems: []string{"1:1: link to a data: URL is not allowed"}},
	{name: "data image", opts: polish, src: "Logo: ![Logo \"LES\"](data:image/svg+xml;base64,PHN2Zz4=)",
		want:     "<p>Logo: Logo „LES”</p>",
		problems: []string{"1:7: image from a data: URL is not allowed"}},
	{name: "javascript image", opts: polish, src: "![x](javascript:alert(1))",
		want:     "<p>x</p>",
		problems: []string{"1:1: image from a javascript: URL is not allowed"}},
	{name: "refused image hides the link in its alt text", opts: polish, src: "![[x](javascript:alert(1))](data:image/png,x)",
		want:     "<p>x</p>",
		problems: []string{"1:1: image from a data: URL is not allowed"}},
	{name: "javascript link in a heading", opts: polish, src: "## [Kliknij](javascript:void(0))",
		want:     "<h2 id=\"kliknij\">Kliknij</h2>",
		problems: []string{"1:4: link to a javascript: URL is not allowed"}},
	{name: "javascript autolink", opts: polish, src: "Adres: <javascript:alert(1)>",
		want:     "<p>Adres: javascript:alert(1)</p>",
		problems: []string{"1:8: link to a javascript: URL is not allowed"}},
	{name: "vbscript autolink", opts: polish, src: "<VBSCRIPT:msgbox(\"x\")>",
		want:     "<p>VBSCRIPT:msgbox(&quot;x&quot;)</p>",
		problems: []string{"1:1: link to a vbscript: URL is not allowed"}},
	{name: "javascript link unsafe", opts: unsafe, src: "[a](javascript:alert(1))",
		want: "<p><a href=\"javascript:alert(1)\">a</a></p>\n"},
	{name: "data image unsafe", opts: unsafe, src: "![Logo](data:image/png;base64,AAAA)",
		want: "<p><img src=\"data:image/png;base64,AAAA\" alt=\"Logo\"></p>\n"},
	{name: "javascript autolink unsafe", opts: unsafe, src: "<javascript:alert(1)>",
		want: "<p><a href=\"javascript:alert(1)\">javascript:alert(1)</a></p>\n"},
	{name: "look-alike schemes kept", opts: polish, src: "[a](javascripts:x) [b](data-sheet.pdf) [c](https://x.pl/?q=javascript:1)",
		want: "<p><a href=\"javascripts:x\">a</a> <a href=\"data-sheet.pdf\">b</a> <a href=\"https://x.pl/?q=javascript:1\">c</a></p>"},

	// Raw HTML.
	{name: "html block dropped", opts: polish, src: "Przed\n\n<div class=\"x\">\n<script>alert(1)</script>\n</div>\n\nPo",
		want:     "<p>Przed</p><p>Po</p>",
		problems: []string{"3:1: warning: raw HTML is ignored"}},
	{name: "inline html dropped once per block", opts: polish, src: "Tekst <span style=\"x\">ważny</span> i <b>gruby</b>.",
		want:     "<p>Tekst ważny i gruby.</p>",
		problems: []string{"1:7: warning: raw HTML is ignored"}},
	{name: "html-only paragraph dropped", opts: polish, src: "A\n\n<img src=x onerror=alert(1)>\n\nB",
		want:     "<p>A</p><p>B</p>",
		problems: []string{"3:1: warning: raw HTML is ignored"}},
	{name: "comments dropped silently", opts: polish, src: "<!-- notatka -->\n\nTekst <!-- inna -->",
		want: "<p>Tekst </p>"},
	{name: "html kept when unsafe", opts: unsafe, src: "<div class=\"x\">\n<iframe src=\"https://mapa\"></iframe>\n</div>\n\nTekst <b>gruby</b> <!-- c -->",
		want: "<div class=\"x\">\n<iframe src=\"https://mapa\"></iframe>\n</div>\n<p>Tekst <b>gruby</b> <!-- c --></p>\n"},

	// Images.
	{name: "image alt", opts: polish, src: `![Mapa "powiatów"](mapa.png "Mapa")`,
		want: "<p><img src=\"mapa.png\" alt=\"Mapa „powiatów”\" title=\"Mapa\"></p>"},
	{name: "image without alt", opts: polish, src: "Tekst\n\n  ![](mapa.png)",
		want:     "<p>Tekst</p><p><img src=\"mapa.png\" alt=\"\"></p>",
		problems: []string{"3:3: image without alt text"}},
	{name: "image with blank alt", opts: polish, src: "![ ](mapa.png)",
		want:     "<p><img src=\"mapa.png\" alt=\" \"></p>",
		problems: []string{"1:1: image without alt text"}},
	{name: "decorative image", opts: polish, src: "![-](ozdobnik.svg)",
		want: "<p><img src=\"ozdobnik.svg\" alt=\"\"></p>"},

	// GitHub extensions and footnotes.
	{name: "table", opts: polish, src: "| Powiat | Liczba |\n|:---|---:|\n| żarski | 12 |",
		want: "<table><thead><tr><th style=\"text-align:left\">Powiat</th><th style=\"text-align:right\">Liczba</th></tr></thead>" +
			"<tbody><tr><td style=\"text-align:left\">żarski</td><td style=\"text-align:right\">12</td></tr></tbody></table>"},
	{name: "strikethrough", opts: polish, src: "~~stare~~ nowe", want: "<p><del>stare</del> nowe</p>"},
	{name: "extended autolink", opts: polish, src: "Zobacz www.lubuskie.pl.",
		want: "<p>Zobacz <a href=\"http://www.lubuskie.pl\">www.lubuskie.pl</a>.</p>"},
	{name: "task list", opts: polish, src: "- [x] zrobione\n- [ ] do zrobienia",
		want: "<ul><li><input checked=\"\" disabled=\"\" type=\"checkbox\"> zrobione</li><li><input disabled=\"\" type=\"checkbox\"> do zrobienia</li></ul>"},
	{name: "footnote", opts: polish, src: "Zdanie.[^1]\n\n[^1]: Przypis.",
		want: "<p>Zdanie.<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup></p>" +
			"<div class=\"footnotes\" role=\"doc-endnotes\"><hr><ol><li id=\"fn:1\">" +
			"<p>Przypis.&#160;<a href=\"#fnref:1\" class=\"footnote-backref\" role=\"doc-backlink\">&#x21a9;&#xfe0e;</a></p></li></ol></div>"},
}

func TestConvertHTML(t *testing.T) {
	for _, tc := range htmlCases {
		t.Run(tc.name, func(t *testing.T) {
			r := converter(tc.opts).Convert([]byte(tc.src), testResolver)
			if got := string(r.HTML); got != tc.want {
				t.Errorf("HTML of %q\n got: %q\nwant: %q", tc.src, got, tc.want)
			}
			if got := problemStrings(r.Problems); !slices.Equal(got, tc.problems) {
				t.Errorf("problems of %q\n got: %q\nwant: %q", tc.src, got, tc.problems)
			}
			for _, p := range r.Problems {
				if p.Hint == "" {
					t.Errorf("problem %q has no hint", p.Message)
				}
			}
		})
	}
}

func TestNilResolverLeavesLinks(t *testing.T) {
	r := converter(polish).Convert([]byte("[a](nope.md#x)"), nil)
	if want := "<p><a href=\"nope.md#x\">a</a></p>"; string(r.HTML) != want {
		t.Errorf("got %q, want %q", r.HTML, want)
	}
	if len(r.Problems) != 0 {
		t.Errorf("problems: %v", r.Problems)
	}
}

func TestResolverGetsDecodedPath(t *testing.T) {
	var got []string
	resolve := func(path string) (string, bool) {
		got = append(got, path)
		return "/x/", true
	}
	converter(polish).Convert([]byte(`[a](a\_b.md?v=1#f) [b](c%C5%82.MD) [c](d&amp;e.md)`), resolve)
	if want := []string{"a_b.md", "cł.MD", "d&e.md"}; !slices.Equal(got, want) {
		t.Errorf("resolver got %q, want %q", got, want)
	}
}

func TestSummary(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"first paragraph", "# Tytuł\n\nPierwszy   akapit\nw dwóch liniach.\n\nDrugi.", "Pierwszy akapit w dwóch liniach."},
		{"typography", `"Partnerstwo" -- to podstawa...`, "„Partnerstwo” – to podstawa…"},
		{"footnote reference dropped", "Zdanie[^a] dalej.\n\n[^a]: Przypis.", "Zdanie dalej."},
		{"inline markup flattened", "**Zakłady** *Aktywności* `Zawodowej` [link](https://x.pl) &amp; \\*", "Zakłady Aktywności Zawodowej link & *"},
		{"image only paragraph skipped", "![Logo](logo.png)\n\nTreść.", "Treść."},
		{"top level preferred", "- punkt listy\n\n  w akapicie\n\nAkapit główny.", "Akapit główny."},
		{"list paragraph as fallback", "> Cytat w ramce.", "Cytat w ramce."},
		{"footnotes never", "# Tytuł\n\nx[^1]\n\n[^1]: Przypis.", "x"},
		{"none", "# Tylko tytuł", ""},
		{"raw html left out", "<b>Ważne</b>: termin.", "Ważne: termin."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := converter(polish).Convert([]byte(tc.src), testResolver).Summary; got != tc.want {
				t.Errorf("summary of %q = %q, want %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestText(t *testing.T) {
	src := "# Nabór 2024\n\nWnioski -- do *30 czerwca*.\n\n| Powiat | Kwota |\n|---|---|\n| żarski | 10 zł |\n\n" +
		"- pierwszy\n- drugi\n\n```\nkod  programu\n```\n\n![Mapa](m.png) Koniec[^1].\n\n[^1]: Przypis <b>ważny</b>."
	want := "Nabór 2024 Wnioski – do 30 czerwca. Powiat Kwota żarski 10 zł pierwszy drugi kod programu Koniec. Przypis ważny."
	if got := converter(polish).Convert([]byte(src), testResolver).Text; got != want {
		t.Errorf("text\n got: %q\nwant: %q", got, want)
	}
}

func TestHeadings(t *testing.T) {
	src := "# Zakłady Aktywności Zawodowej\n\nTekst.\n\n## \"Cele\" projektu\n\n### Cele projektu\n\n## Kontakt {#kontakt-lgd}\n\n> ## W cytacie"
	want := []Heading{
		{1, "zaklady-aktywnosci-zawodowej", "Zakłady Aktywności Zawodowej", 1, 1},
		{2, "cele-projektu", "„Cele” projektu", 5, 1},
		{3, "cele-projektu-1", "Cele projektu", 7, 1},
		{2, "kontakt-lgd", "Kontakt", 9, 1},
		{2, "w-cytacie", "W cytacie", 11, 3},
	}
	got := converter(polish).Convert([]byte(src), testResolver).Headings
	if !slices.Equal(got, want) {
		t.Errorf("headings\n got: %+v\nwant: %+v", got, want)
	}
}

// TestLinks checks that links, autolinks and images are listed as
// rendered, with where they start, and refused ones are not.
func TestLinks(t *testing.T) {
	src := "Zob. [partnerów](partners/index.pl.md#kontakt) i [\"tu\"](<https://example.org/a b>).\n\n" +
		"- ![Mapa powiatów](</img/mapa ż.png>) ![-](o.svg)\n- <https://example.org/x> <biuro@example.org>\n\n" +
		"[zły](javascript:alert(1)) [brak](brak.md) [](#kontakt)"
	want := []Link{
		{Dest: "/pl/partnerzy/#kontakt", Text: "partnerów", Line: 1, Col: 6},
		{Dest: "https://example.org/a%20b", Text: "„tu”", Line: 1, Col: 50},
		{Dest: "/img/mapa%20%C5%BC.png", Text: "Mapa powiatów", Image: true, Line: 3, Col: 3},
		{Dest: "o.svg", Text: "-", Image: true, Line: 3, Col: 39},
		{Dest: "https://example.org/x", Text: "https://example.org/x", Line: 4, Col: 3},
		{Dest: "mailto:biuro@example.org", Text: "biuro@example.org", Line: 4, Col: 27},
		{Dest: "brak.md", Text: "brak", Line: 6, Col: 28},
		{Dest: "#kontakt", Text: "", Line: 6, Col: 44},
	}
	got := converter(polish).Convert([]byte(src), testResolver).Links
	if !slices.Equal(got, want) {
		t.Errorf("links\n got: %+v\nwant: %+v", got, want)
	}
}

// TestIDsPerDocument guards against ids leaking from one conversion to the
// next, which would make a page's anchors depend on build order.
func TestIDsPerDocument(t *testing.T) {
	c := converter(polish)
	for range 3 {
		if h := c.Convert([]byte("# Kontakt"), nil).Headings; h[0].ID != "kontakt" {
			t.Fatalf("id = %q, want kontakt", h[0].ID)
		}
	}
}

func TestProblemHints(t *testing.T) {
	r := converter(polish).Convert([]byte("<b>x</b> [a](javascript:x) ![](a.png)"), testResolver)
	hints := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		hints[i] = p.Hint
	}
	all := strings.Join(hints, "\n")
	for _, want := range []string{"markdown: {unsafe: true}", "![-](", "site.yaml"} {
		if !strings.Contains(all, want) {
			t.Errorf("hints %q do not mention %q", all, want)
		}
	}
}

func TestProblemDiag(t *testing.T) {
	p := Problem{Line: 3, Col: 7, Warning: true, Message: "raw HTML is ignored", Hint: "h"}
	got := p.Diag("content/o-nas.pl.md", 5)
	want := diag.Problem{Path: "content/o-nas.pl.md", Line: 8, Col: 7, Severity: diag.Warning, Message: "raw HTML is ignored", Hint: "h"}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := (Problem{Message: "m"}).Diag("a.md", 5); got.Line != 0 || got.Severity != diag.Error {
		t.Errorf("unknown place: got %+v", got)
	}
}

func TestPosition(t *testing.T) {
	src := []byte("ab\nżółw x\n\nz")
	cases := []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {10, 2, 5}, {14, 4, 1}, {15, 4, 2}, {-1, 0, 0}, {99, 0, 0},
	}
	for _, tc := range cases {
		if l, c := position(src, tc.off); l != tc.line || c != tc.col {
			t.Errorf("position(%d) = %d:%d, want %d:%d", tc.off, l, c, tc.line, tc.col)
		}
	}
}

// TestConcurrentConvert shares one Converter per language between many
// goroutines, as a build does; run it with -race.
func TestConcurrentConvert(t *testing.T) {
	convs := map[Options]*Converter{}
	want := make([]Result, len(htmlCases))
	for i, tc := range htmlCases {
		if convs[tc.opts] == nil {
			convs[tc.opts] = New(tc.opts)
		}
		want[i] = convs[tc.opts].Convert([]byte(tc.src), testResolver)
	}
	const workers, rounds = 8, 20
	var wg sync.WaitGroup
	errs := make(chan string, workers)
	for g := range workers {
		wg.Go(func() {
			for r := range rounds {
				// Each worker walks the cases in its own order so that
				// different documents are in flight at once.
				for k := range htmlCases {
					i := (k*(g+1) + r) % len(htmlCases)
					tc := htmlCases[i]
					got := convs[tc.opts].Convert([]byte(tc.src), testResolver)
					if !bytes.Equal(got.HTML, want[i].HTML) || got.Text != want[i].Text ||
						!slices.Equal(got.Headings, want[i].Headings) || !slices.Equal(got.Problems, want[i].Problems) {
						errs <- fmt.Sprintf("%s: concurrent result differs: %q vs %q", tc.name, got.HTML, want[i].HTML)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestBasePath(t *testing.T) {
	c := New(Options{BasePath: "/preview/"})
	cases := []struct{ src, want string }{
		{"![Logo](/images/logo.svg)", `<p><img src="/preview/images/logo.svg" alt="Logo"></p>`},
		{"[Kontakt](/kontakt/)", `<p><a href="/preview/kontakt/">Kontakt</a></p>`},
		{"[Inny](//example.org/x)", `<p><a href="//example.org/x">Inny</a></p>`},
		{"[Względny](images/x.png)", `<p><a href="images/x.png">Względny</a></p>`},
		{"[WWW](https://example.org/)", `<p><a href="https://example.org/">WWW</a></p>`},
	}
	for _, tc := range cases {
		got := strings.TrimSpace(string(c.Convert([]byte(tc.src), nil).HTML))
		if got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
	root := New(Options{BasePath: ""})
	if got := strings.TrimSpace(string(root.Convert([]byte("[K](/kontakt/)"), nil).HTML)); got != `<p><a href="/kontakt/">K</a></p>` {
		t.Errorf("at the root: %s", got)
	}
}

// TestWithoutLinks: leaving the links unrecorded changes nothing else,
// for every case above and with links, images and autolinks of all kinds.
func TestWithoutLinks(t *testing.T) {
	srcs := []string{"[a](x.pl.md) ![b](/i.png) <https://x.example> www.x.example a@b.example [c](javascript:x) ![](y.png) [d](missing.md)"}
	opts := []Options{polish}
	for _, tc := range htmlCases {
		srcs = append(srcs, tc.src)
		opts = append(opts, tc.opts)
	}
	recorded := 0
	for i, src := range srcs {
		with := New(opts[i]).Convert([]byte(src), testResolver)
		o := opts[i]
		o.WithoutLinks = true
		without := New(o).Convert([]byte(src), testResolver)
		recorded += len(with.Links)
		if without.Links != nil {
			t.Errorf("%q: links recorded: %v", src, without.Links)
		}
		with.Links = nil
		if !reflect.DeepEqual(with, without) {
			t.Errorf("%q: results differ beyond the links:\nwith:    %+v\nwithout: %+v", src, with, without)
		}
	}
	if recorded == 0 {
		t.Fatal("no case has a link: the test compares nothing")
	}
}

// TestConvertWithImages: an image the resolver knows is written as its
// published form; others stay as written.
func TestConvertWithImages(t *testing.T) {
	c := New(Options{})
	images := func(p string) (Image, bool) {
		if p != "sala obrad.jpg" {
			return Image{}, false
		}
		return Image{Src: "/s/sala-800w.ab.jpg", Srcset: "/s/sala-480w.cd.jpg 480w, /s/sala-800w.ab.jpg 800w",
			Sizes: "(min-width: 50rem) 50rem, 100vw", Width: 800, Height: 533}, true
	}
	r := c.ConvertWithImages([]byte("![Sala](sala%20obrad.jpg) ![Inna](inna.png) ![Zdalna](https://example.org/x.jpg)\n"), nil, images)
	want := `<p><img src="/s/sala-800w.ab.jpg" alt="Sala" srcset="/s/sala-480w.cd.jpg 480w, /s/sala-800w.ab.jpg 800w" sizes="(min-width: 50rem) 50rem, 100vw" width="800" height="533" loading="lazy" decoding="async"> <img src="inna.png" alt="Inna"> <img src="https://example.org/x.jpg" alt="Zdalna"></p>`
	if got := string(r.HTML); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
