package newdoc

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/content"
)

const siteYAML = `baseURL: https://example.org/strona/
timezone: Europe/Warsaw
languages:
  - code: pl
    title: Partnerstwo
    sections: {meetings: spotkania, partners: partnerzy}
  - code: en
    title: Partnership
`

func testConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, problems := config.Parse([]byte(siteYAML))
	if problems.HasErrors() {
		t.Fatal(problems.Items())
	}
	return cfg
}

// 23:30 UTC on 11 March is already 12 March in Warsaw: a meeting is dated
// by the site's calendar, not the machine's.
var now = time.Date(2026, 3, 11, 23, 30, 0, 0, time.UTC)

func TestMake(t *testing.T) {
	cases := []struct {
		kind, title, lang string
		path, url         string
	}{
		{"meeting", "Spotkanie sygnatariuszy w Żarach", "", "content/meetings/2026-03-12-spotkanie-sygnatariuszy-w-zarach.pl.md",
			"https://example.org/strona/spotkania/2026/spotkanie-sygnatariuszy-w-zarach/"},
		{"meeting", "Signatories' meeting", "en", "content/meetings/2026-03-12-signatories-meeting.en.md",
			"https://example.org/strona/en/meetings/2026/signatories-meeting/"},
		{"partner", "Fundacja „Łączy nas praca”", "pl", "content/partners/fundacja-laczy-nas-praca.pl.md",
			"https://example.org/strona/partnerzy/fundacja-laczy-nas-praca/"},
		{"partner", "Labour Office", "en", "content/partners/labour-office.en.md",
			"https://example.org/strona/en/partners/labour-office/"},
		{"page", "Regulamin: zasady #1", "pl", "content/regulamin-zasady-1.pl.md",
			"https://example.org/strona/regulamin-zasady-1/"},
		{"page", "Rules", "en", "content/rules.en.md", "https://example.org/strona/en/rules/"},
	}
	cfg := testConfig(t)
	for _, tc := range cases {
		t.Run(tc.kind+" "+tc.title, func(t *testing.T) {
			d, err := Make(cfg, Request{Kind: tc.kind, Title: tc.title, Lang: tc.lang, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if d.Path != tc.path || d.URL != tc.url {
				t.Errorf("got %s at %s\nwant %s at %s", d.Path, d.URL, tc.path, tc.url)
			}
			doc, problems := content.Parse(strings.TrimPrefix(d.Path, "content/"), d.Data, content.Options{Languages: cfg.Codes(), Location: cfg.Location})
			// A meeting's place cannot be guessed: the file builds, with a
			// warning that the placeholder is still there.
			var want []string
			if tc.kind == "meeting" {
				want = []string{d.Path + ":12:11: warning: location is still the placeholder that sitegen new wrote (write the venue and the town)"}
			}
			var got []string
			for _, p := range problems.Items() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("problems of the new file:\n got %q\nwant %q\n%s", got, want, d.Data)
			}
			if doc.Title != strings.TrimSpace(tc.title) {
				t.Errorf("title %q, want %q", doc.Title, tc.title)
			}
			comment := "# Linie zaczynające się od #"
			if tc.lang == "en" {
				comment = "# Lines starting with #"
			}
			if !strings.Contains(string(d.Data), comment) {
				t.Errorf("comments are not in the file's language:\n%s", d.Data)
			}
		})
	}
}

// keys lists every front matter key of each kind, as docs/content.md
// does.
var keys = map[string][]string{
	"meeting": {"title", "date", "location", "host", "participants", "guests", "tags", "summary", "slug", "draft", "aliases", "params"},
	"partner": {"title", "short", "sector", "role", "joined", "website", "logo", "address", "draft", "aliases", "params"},
	"page":    {"title", "summary", "slug", "menu", "draft", "aliases", "params"},
}

// TestEveryKeyUncommented: every key of the kind is in the file, each
// with a comment above it, and deleting the # before the commented-out
// ones still gives a valid file, so the examples in it are right.
func TestEveryKeyUncommented(t *testing.T) {
	cfg := testConfig(t)
	for _, kind := range Kinds() {
		for _, lang := range []string{"pl", "en"} {
			d, err := Make(cfg, Request{Kind: kind, Title: "Próba", Lang: lang, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(d.Data), "\n")
			for i, l := range lines {
				if strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "# ") {
					lines[i] = l[1:]
				}
			}
			all := strings.Join(lines, "\n")
			for _, k := range keys[kind] {
				i := strings.Index(all, "\n"+k+":")
				if i < 0 {
					t.Errorf("%s %s: no key %s", kind, lang, k)
					continue
				}
				prev := all[strings.LastIndex(all[:i], "\n")+1 : i]
				if !strings.HasPrefix(prev, "# ") {
					t.Errorf("%s %s: key %s has no comment above it (%q)", kind, lang, k, prev)
				}
			}
			_, problems := content.Parse(strings.TrimPrefix(d.Path, "content/"), []byte(all), content.Options{Languages: cfg.Codes(), Location: cfg.Location})
			for _, p := range problems.Items() {
				if !strings.Contains(p.Message, "placeholder") { // the place, which TestMake checks
					t.Errorf("%s %s uncommented: %v\n%s", kind, lang, p, all)
				}
			}
		}
	}
}

func TestBadRequests(t *testing.T) {
	cfg := testConfig(t)
	for _, req := range []Request{
		{Kind: "news", Title: "x"},
		{Kind: "page", Title: "   "},
		{Kind: "page", Title: "dwie\nlinie"},
		{Kind: "page", Title: "🎉🎉"},
		{Kind: "page", Title: "Seite", Lang: "de"},
	} {
		_, err := Make(cfg, req)
		var bad *BadRequest
		if !errors.As(err, &bad) {
			t.Errorf("%+v: err %v, want a BadRequest", req, err)
		}
	}
}

func TestShorten(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"krotki", 10, "krotki"},
		{"dokladnie-dziesiec", 18, "dokladnie-dziesiec"},
		{"spotkanie-sygnatariuszy-w-zarach", 25, "spotkanie-sygnatariuszy-w"},
		{"spotkanie-sygnatariuszy-w-zarach", 24, "spotkanie-sygnatariuszy"},
		{"spotkanie-sygnatariuszy-w-zarach", 23, "spotkanie-sygnatariuszy"},
		{"spotkanie-sygnatariuszy-w-zarach", 22, "spotkanie"},
		{"konstantynopolitanczykowianeczka-x", 10, "konstantyn"}, // one long word: cut within it
		{"a--b", 2, "a"},
	} {
		if got := shorten(c.in, c.n); got != c.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

// TestMakeLongTitle: a title of any length gives a file name of at most
// MaxNameBytes, cut at a word, that parses and keeps its full title.
func TestMakeLongTitle(t *testing.T) {
	cfg := testConfig(t)
	long := strings.Repeat("Sprawozdanie z posiedzenia Komitetu Sterującego Partnerstwa ", 20)
	oneWord := strings.Repeat("Bardzodługiesłowo", 30)
	for _, tc := range []struct{ kind, title, lang string }{
		{"meeting", long, "pl"},
		{"partner", long, "en"},
		{"page", long, ""},
		{"page", oneWord, "pl"},
		{"meeting", "Żółć " + strings.Repeat("ąę ", 200), "pl"},
	} {
		d, err := Make(cfg, Request{Kind: tc.kind, Title: tc.title, Lang: tc.lang, Now: now})
		if err != nil {
			t.Fatalf("%s %.30q: %v", tc.kind, tc.title, err)
		}
		name := d.Path[strings.LastIndexByte(d.Path, '/')+1:]
		base := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(name, ".md"), ".pl"), ".en")
		if len(name) > MaxNameBytes || len(name) < MaxNameBytes-30 || strings.HasSuffix(base, "-") || strings.Contains(base, "--") {
			t.Errorf("%s %.30q: file name %q (%d bytes)", tc.kind, tc.title, name, len(name))
		}
		if tc.title == long && !strings.HasSuffix(base, "-sterujacego") && !strings.HasSuffix(base, "-partnerstwa") &&
			!strings.HasSuffix(base, "-komitetu") && !strings.HasSuffix(base, "-posiedzenia") && !strings.HasSuffix(base, "-z") &&
			!strings.HasSuffix(base, "-sprawozdanie") {
			t.Errorf("%s: %q is not cut at a word", tc.kind, base)
		}
		if !strings.Contains(string(d.Data), strings.TrimSpace(tc.title)[:40]) {
			t.Errorf("%s: the title is not in the file", tc.kind)
		}
	}
}
