package e2e_test

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/htmlx"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// These tests read the built HTML without a browser, so they always run.

// statementIDs are the machine-readable ids of the ministry's structure of
// an accessibility statement that a website's statement carries.
var statementIDs = []string{
	"a11y-wstep", "a11y-podmiot", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja",
	"a11y-status", "a11y-data-sporzadzenie", "a11y-data-przeglad", "a11y-kontakt",
	"a11y-osoba", "a11y-email", "a11y-telefon", "a11y-procedura", "a11y-architektura", "a11y-aplikacje",
}

var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// TestStatementStructure: the statement in every language has each a11y-*
// id once, a11y-url is the site's address, and the dates that are given
// are <time> elements with a YYYY-MM-DD datetime and text.
func TestStatementStructure(t *testing.T) {
	for _, p := range []string{"deklaracja-dostepnosci/index.html", "en/accessibility-statement/index.html"} {
		doc := parse(t, p)
		byID := map[string][]*html.Node{}
		htmlx.Walk(doc, func(n *html.Node) {
			if id := htmlx.Attr(n, "id"); strings.HasPrefix(id, "a11y-") {
				byID[id] = append(byID[id], n)
			}
		})
		for _, id := range statementIDs {
			if len(byID[id]) != 1 {
				t.Errorf("%s: %d elements with id %s, want 1", p, len(byID[id]), id)
			}
		}
		if n := byID["a11y-url"]; len(n) == 1 && (n[0].DataAtom != atom.A || !strings.HasPrefix(htmlx.Attr(n[0], "href"), "https://")) {
			t.Errorf("%s: #a11y-url is not a link to the site's address", p)
		}
		for _, id := range []string{"a11y-data-sporzadzenie", "a11y-data-przeglad"} {
			n := byID[id]
			if len(n) != 1 {
				continue
			}
			if dt := htmlx.Attr(n[0], "datetime"); n[0].DataAtom != atom.Time || !isoDay.MatchString(dt) || htmlx.Text(n[0]) != dt {
				t.Errorf("%s: #%s is not <time datetime=YYYY-MM-DD>YYYY-MM-DD</time>", p, id)
			}
		}
	}
}

// TestStatementLinked: every page names the statement in its language with
// <meta name="deklaracja-dostępności"> and links to it from its footer.
func TestStatementLinked(t *testing.T) {
	const origin = "https://partnerstwo-es.example.org"
	for _, p := range sample.html {
		want := "/deklaracja-dostepnosci/"
		if strings.HasPrefix(p, "en/") {
			want = "/en/accessibility-statement/"
		}
		doc := parse(t, p)
		var meta, footer bool
		htmlx.Walk(doc, func(n *html.Node) {
			if n.DataAtom == atom.Meta && htmlx.Attr(n, "name") == "deklaracja-dostępności" {
				meta = htmlx.Attr(n, "content") == origin+want
			}
			if n.DataAtom == atom.Footer {
				htmlx.Walk(n, func(a *html.Node) { footer = footer || (a.DataAtom == atom.A && htmlx.Attr(a, "href") == want) })
			}
		})
		if !meta {
			t.Errorf("%s: no <meta name=deklaracja-dostępności content=%s>", p, origin+want)
		}
		if !footer {
			t.Errorf("%s: the footer does not link to %s", p, want)
		}
	}
}

// TestLightAndPrivate: every page with its stylesheet and scripts weighs
// less than 60 KB, and nothing is loaded from another site: no fonts,
// scripts, styles or images from elsewhere.
func TestLightAndPrivate(t *testing.T) {
	const limit = 60 << 10
	res := built(t)
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	heaviest, heaviestPage := 0, ""
	for _, p := range sample.html {
		size := len(files[p])
		htmlx.Walk(parse(t, p), func(n *html.Node) {
			var ref string
			switch {
			case n.DataAtom == atom.Link && (htmlx.Attr(n, "rel") == "stylesheet" || htmlx.Attr(n, "rel") == "icon" || htmlx.Attr(n, "rel") == "preload"):
				ref = htmlx.Attr(n, "href")
			case n.DataAtom == atom.Script || n.DataAtom == atom.Img || n.DataAtom == atom.Iframe || n.DataAtom == atom.Video || n.DataAtom == atom.Source:
				ref = htmlx.Attr(n, "src")
			}
			if ref == "" {
				return
			}
			if !strings.HasPrefix(ref, "/") || strings.HasPrefix(ref, "//") {
				t.Errorf("%s loads %s from elsewhere", p, ref)
				return
			}
			if n.DataAtom == atom.Link && htmlx.Attr(n, "rel") == "stylesheet" || n.DataAtom == atom.Script {
				size += len(files[strings.TrimPrefix(ref, "/")])
			}
		})
		if size > limit {
			t.Errorf("%s: %d bytes of HTML, CSS and JS, more than %d", p, size, limit)
		}
		if size > heaviest {
			heaviest, heaviestPage = size, p
		}
	}
	for p, data := range files {
		if path.Ext(p) == ".css" && regexp.MustCompile(`@import|url\(\s*["']?(https?:)?//`).Match(data) {
			t.Errorf("%s imports or loads something from elsewhere", p)
		}
	}
	t.Logf("heaviest page: %s, %d bytes with its CSS and JS", heaviestPage, heaviest)
}

// TestAccessibilitySlots adds the easy-to-read text and the Polish Sign
// Language page to a copy of the sample site: both are linked from the
// home page and every footer, the first is set larger, the second shows
// its video with captions, with its size written.
func TestAccessibilitySlots(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"content", "templates", "static"} {
		sub, err := fs.Sub(os.DirFS(root), d)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.CopyFS(filepath.Join(dir, d), sub); err != nil {
			t.Fatal(err)
		}
	}
	extra := map[string]string{
		"site.yaml":                             string(mustRead(t, filepath.Join(root, "site.yaml"))),
		"content/tekst-latwy-do-czytania.pl.md": "---\ntitle: Tekst łatwy do czytania\n---\nTo jest strona Partnerstwa.\n",
		"content/jezyk-migowy.pl.md":            "---\ntitle: Informacja w polskim języku migowym\nparams:\n  video: video/pjm.mp4\n  captions: video/pjm.vtt\n---\nNa nagraniu tłumacz PJM mówi o Partnerstwie.\n",
		"static/video/pjm.mp4":                  "not really a video",
		"static/video/pjm.vtt":                  "WEBVTT\n",
	}
	for name, data := range extra {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Without an English sign-language page, English pages link to the
	// Polish one.
	if err := os.Remove(filepath.Join(dir, "content", "jezyk-migowy.en.md")); err != nil {
		t.Fatal(err)
	}
	res := build.Run(os.DirFS(dir), build.Options{Now: sampleNow})
	if res.Problems.HasErrors() {
		var b strings.Builder
		res.Problems.Print(&b)
		t.Fatalf("build:\n%s", b.String())
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	for _, c := range []struct{ page, want string }{
		{"index.html", `<a href=/tekst-latwy-do-czytania/>Tekst łatwy do czytania (ETR)</a>`},
		{"en/index.html", `<a href=/en/easy-read/>Easy-to-read text</a>`},
		{"index.html", `<a href=/jezyk-migowy/>Informacja w polskim języku migowym (PJM)</a>`},
		{"partnerzy/index.html", `<a href=/tekst-latwy-do-czytania/>`},
		// English pages link to the Polish versions, saying so.
		{"en/index.html", `<a href=/jezyk-migowy/ hreflang=pl>Information in Polish Sign Language (PJM)</a>`},
		{"tekst-latwy-do-czytania/index.html", `<article class="wrap easy-read">`},
		{"jezyk-migowy/index.html", `<video controls preload=none width=1280 height=720><source src=/video/pjm.mp4><track kind=captions src=/video/pjm.vtt srclang=pl label=Napisy default>`},
	} {
		// Whether an attribute value is quoted is the minifier's choice.
		page := unquoteAttrs.ReplaceAll(files[c.page], []byte("=$1"))
		if !bytes.Contains(page, []byte(c.want)) {
			t.Errorf("%s lacks %s", c.page, c.want)
		}
	}
}

// unquoteAttrs matches attribute values that need no quotes.
var unquoteAttrs = regexp.MustCompile(`="([^"\s>=']*)"`)

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func parse(t *testing.T, p string) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(file(t, p)))
	if err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	return doc
}
