package site_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/site"
)

const siteYAML = `
baseURL: https://example.org/
timezone: Europe/Warsaw
pagination: 2
languages:
  - code: pl
    title: Partnerstwo
    sections: {meetings: spotkania, partners: partnerzy, tags: tagi, upcoming: nadchodzace, page: strona}
  - code: en
    title: Partnership
menu:
  meetings: 20
`

var now = time.Date(2020, 6, 1, 12, 0, 0, 0, time.UTC)

// build parses files (path under content/ → source) and resolves them.
func build(t testing.TB, files map[string]string) (*site.Site, diag.List) {
	t.Helper()
	cfg, problems := config.Parse([]byte(siteYAML))
	if problems.HasErrors() {
		t.Fatalf("config: %v", problems.Items())
	}
	var docs []*content.Doc
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		d, ps := content.Parse(p, []byte(files[p]), content.Options{Languages: cfg.Codes(), Location: cfg.Location})
		if ps.HasErrors() {
			t.Fatalf("parse %s: %v", p, ps.Items())
		}
		docs = append(docs, d)
	}
	return site.Build(cfg, docs, site.Options{Now: now, AccessibilityKey: "deklaracja"})
}

func meeting(title, date string, extra ...string) string {
	return "---\ntitle: " + title + "\ndate: " + date + "\nlocation: Zielona Góra\n" + strings.Join(extra, "\n") + "\n---\nTekst.\n"
}

func partner(title, sector string) string {
	return "---\ntitle: " + title + "\nsector: " + sector + "\nrole: signatory\n---\nOpis.\n"
}

func page(title string, extra ...string) string {
	return "---\ntitle: " + title + "\n" + strings.Join(extra, "\n") + "\n---\nTreść.\n"
}

func messages(l diag.List) []string {
	var out []string
	for _, p := range l.Items() {
		out = append(out, p.String())
	}
	return out
}

func urls(pages []*site.Page) []string {
	out := make([]string, len(pages))
	for i, p := range pages {
		out[i] = p.URL
	}
	return out
}

func TestURLs(t *testing.T) {
	s, problems := build(t, map[string]string{
		"meetings/2015-05-14-spotkanie-sygnatariuszy.pl.md": meeting("Spotkanie", "2015-05-14"),
		"meetings/2015-05-14-spotkanie-sygnatariuszy.en.md": meeting("Meeting", "2015-05-14", "slug: signatories-meeting"),
		"partners/wup-zielona-gora.pl.md":                   partner("WUP", "jst"),
		"partners/wup-zielona-gora.en.md":                   partner("WUP", "jst"),
		"o-partnerstwie.pl.md":                              page("O partnerstwie"),
		"o-partnerstwie.en.md":                              page("About", "slug: about"),
		"o-nas/Zespół Główny.md":                            page("Zespół"),
		"o-nas/index.md":                                    page("O nas"),
	})
	if problems.HasErrors() {
		t.Fatal(messages(problems))
	}
	for _, want := range []string{
		"/spotkania/2015/spotkanie-sygnatariuszy/",
		"/en/meetings/2015/signatories-meeting/",
		"/partnerzy/wup-zielona-gora/",
		"/en/partners/wup-zielona-gora/",
		"/o-partnerstwie/",
		"/en/about/",
		"/o-nas/zespol-glowny/",
		"/o-nas/",
		"/spotkania/", "/spotkania/2015/", "/spotkania/nadchodzace/", "/partnerzy/",
		"/en/meetings/", "/en/meetings/2015/", "/en/meetings/upcoming/", "/en/partners/",
		"/", "/en/",
	} {
		if s.ByURL(want) == nil {
			t.Errorf("no page at %s; have %v", want, urls(s.Pages))
		}
	}
	m := s.ByURL("/spotkania/2015/spotkanie-sygnatariuszy/")
	if len(m.Translations) != 1 || m.Translations[0].URL != "/en/meetings/2015/signatories-meeting/" {
		t.Errorf("translations of the meeting: %v", urls(m.Translations))
	}
	if got := s.ByURL("/o-nas/"); len(got.Translations) != 0 {
		t.Errorf("untranslated page has translations %v", urls(got.Translations))
	}
	if idx := s.ByURL("/spotkania/"); len(idx.Translations) != 1 || idx.Translations[0].URL != "/en/meetings/" {
		t.Errorf("meetings index translations: %v", urls(idx.Translations))
	}
}

func TestCollisionsNameBothFiles(t *testing.T) {
	_, problems := build(t, map[string]string{
		"meetings/2015-05-14-spotkanie.pl.md": meeting("A", "2015-05-14"),
		"meetings/2015-06-01-spotkanie.pl.md": meeting("B", "2015-06-01"),
		"spotkania.pl.md":                     page("Spotkania"),
		"stare.pl.md":                         page("Stare", "aliases: [/o-nas/]"),
		"o-nas.pl.md":                         page("O nas"),
	})
	got := messages(problems)
	want := []string{
		"content/meetings/2015-06-01-spotkanie.pl.md: content/meetings/2015-05-14-spotkanie.pl.md and content/meetings/2015-06-01-spotkanie.pl.md would both be written at /spotkania/2015/spotkanie/ (give one of them another slug)",
		"content/spotkania.pl.md: content/spotkania.pl.md and the meetings page would both be written at /spotkania/ (give one of them another slug)",
		"content/stare.pl.md:3:11: content/o-nas.pl.md and content/stare.pl.md:3:11 (alias) would both be written at /o-nas/ (give one of them another slug)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestPartnerReferences(t *testing.T) {
	_, problems := build(t, map[string]string{
		"meetings/2015-05-14-a.pl.md":  meeting("A", "2015-05-14", "host: wup-zielona-gra", "participants: [ohp, ohp, nikt-taki-nie-istnieje]"),
		"partners/wup-zielona-gora.md": partner("WUP", "jst"),
		"partners/ohp.md":              partner("OHP", "government"),
		"partners/szkic.md":            partner("Szkic", "ngo") + "",
	})
	got := messages(problems)
	want := []string{
		`content/meetings/2015-05-14-a.pl.md:5:7: partner "wup-zielona-gra" does not exist (did you mean "wup-zielona-gora"?)`,
		`content/meetings/2015-05-14-a.pl.md:6:21: participant "ohp" is listed twice`,
		`content/meetings/2015-05-14-a.pl.md:6:26: partner "nikt-taki-nie-istnieje" does not exist (a partner id is the file name in content/partners/ without the language and .md)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDraftPartnerReference(t *testing.T) {
	files := map[string]string{
		"meetings/2015-05-14-a.md": meeting("A", "2015-05-14", "host: szkic"),
		"partners/szkic.md":        "---\ntitle: Szkic\nsector: ngo\nrole: signatory\ndraft: true\n---\n",
	}
	_, problems := build(t, files)
	want := []string{`content/meetings/2015-05-14-a.md:5:7: partner "szkic" is a draft (publish it (remove draft: true) or build with --drafts)`}
	if got := messages(problems); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRelationsAndOrder(t *testing.T) {
	s, problems := build(t, map[string]string{
		"meetings/2014-01-10-a.md": meeting("A", "2014-01-10", "host: lagow", "tags: [ekonomia społeczna]"),
		"meetings/2015-03-01-b.md": meeting("B", "2015-03-01", "host: lagow", "participants: [zary]", "tags: [ekonomia spoleczna, CIS]"),
		"meetings/2015-09-09-c.md": meeting("C", "2015-09-09", "participants: [lagow]", "tags: [ekonomia społeczna]"),
		"meetings/2020-06-01-d.md": meeting("D", "2020-06-01", "tags: [Ekonomia społeczna]"), // today: upcoming
		"meetings/2021-01-01-e.md": meeting("E", "2021-01-01"),
		"partners/lagow.md":        partner("Łagów", "jst"),
		"partners/lubsko.md":       partner("Lubsko", "jst"),
		"partners/zary.md":         partner("Żary", "jst"),
		"partners/zielona.md":      partner("Zielona Góra", "jst"),
		"partners/swiebodzin.md":   partner("Świebodzin", "ngo"),
		"partners/sulechow.md":     partner("Sulechów", "ngo"),
	})
	if problems.HasErrors() {
		t.Fatal(messages(problems))
	}
	pl := s.Lang("pl")
	titles := func(ps []*site.Page) string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Doc.Title)
		}
		return strings.Join(out, ", ")
	}
	checks := []struct{ what, got, want string }{
		{"meetings newest first", titles(pl.Meetings), "E, D, C, B, A"},
		{"upcoming soonest first", titles(pl.Upcoming), "D, E"},
		{"past newest first", titles(pl.Past), "C, B, A"},
		{"partners in Polish order", titles(pl.Partners), "Lubsko, Łagów, Sulechów, Świebodzin, Zielona Góra, Żary"},
		{"hosted by Łagów", titles(s.ByURL("/partnerzy/lagow/").Hosted), "B, A"},
		{"attended by Łagów", titles(s.ByURL("/partnerzy/lagow/").Attended), "C"},
		{"attended by Żary", titles(s.ByURL("/partnerzy/zary/").Attended), "B"},
		{"page 1 of the index", titles(s.ByURL("/spotkania/").Items), "E, D"},
		{"page 3 of the index", titles(s.ByURL("/spotkania/strona/3/").Items), "A"},
		{"year 2015", titles(s.ByURL("/spotkania/2015/").Items), "C, B"},
		{"tag merged by slug", titles(s.ByURL("/tagi/ekonomia-spoleczna/").Items), "D, C, B, A"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.what, c.got, c.want)
		}
	}
	var groups []string
	for _, g := range pl.Sectors {
		groups = append(groups, g.Sector+":"+titles(g.Partners))
	}
	if got := strings.Join(groups, " | "); got != "jst:Lubsko, Łagów, Zielona Góra, Żary | ngo:Sulechów, Świebodzin" {
		t.Errorf("sector groups: %s", got)
	}
	if tag := s.ByURL("/tagi/ekonomia-spoleczna/").TagInfo; tag.Name != "ekonomia społeczna" {
		t.Errorf("tag shown as %q, want the most frequent spelling", tag.Name)
	}
	idx := s.ByURL("/spotkania/strona/2/").Paginate
	if idx.Number != 2 || idx.Total != 3 || idx.Prev.URL != "/spotkania/" || idx.Next.URL != "/spotkania/strona/3/" {
		t.Errorf("pager: %+v", idx)
	}
	var menu []string
	for _, m := range pl.Menu {
		menu = append(menu, m.Page.URL)
	}
	if got := strings.Join(menu, " "); got != "/spotkania/" {
		t.Errorf("menu: %s", got)
	}
}

func TestResolveLink(t *testing.T) {
	s, problems := build(t, map[string]string{
		"meetings/2015-05-14-a.pl.md": meeting("A", "2015-05-14"),
		"meetings/2015-05-14-a.en.md": meeting("A", "2015-05-14", "slug: a-en"),
		"partners/wup.pl.md":          partner("WUP", "jst"),
		"partners/wup.en.md":          partner("WUP", "jst"),
		"partners/tylko-pl.pl.md":     partner("Tylko", "jst"),
		"partners/tylko-en.en.md":     partner("Only", "jst"),
		"o-nas.pl.md":                 page("O nas"),
		"nowa-nazwa.pl.md":            page("Nowa"),
		"stara-nazwa.en.md":           page("Old name"), // its Polish original was renamed
		"bez-sufiksu.md":              page("Bez"),      // the default language, pl
		// Names saved decomposed (NFD): "żary" as z + U+0307, "łąka"'s ą
		// as a + U+0328.
		"z\u0307ary.pl.md": page("Żary"),
		"ła\u0328ka.en.md": page("Meadow"),
		"łąka.pl.md":       page("Łąka"),
	})
	if problems.HasErrors() {
		t.Fatal(messages(problems))
	}
	en := s.ByURL("/en/meetings/2015/a-en/")
	pl := s.ByURL("/o-nas/")
	cases := []struct {
		from       *site.Page
		dest, want string
	}{
		// Without a suffix: the linking page's language, else the first
		// language that has the page.
		{en, "../partners/wup.md", "/en/partners/wup/"},
		{pl, "partners/wup.md", "/partnerzy/wup/"},
		{en, "../partners/tylko-pl.md", "/partnerzy/tylko-pl/"},
		{pl, "partners/tylko-en.md", "/en/partners/tylko-en/"},
		{en, "../o-nas.md", "/o-nas/"},
		// A suffix names the language: that page or nothing, never another
		// language's page.
		{en, "../partners/wup.pl.md", "/partnerzy/wup/"},
		{en, "../partners/wup.en.md", "/en/partners/wup/"},
		{pl, "partners/wup.en.md", "/en/partners/wup/"},
		{pl, "partners/wup.pl.md", "/partnerzy/wup/"},
		{en, "../partners/tylko-pl.pl.md", "/partnerzy/tylko-pl/"},
		{en, "../partners/tylko-pl.en.md", ""},
		{pl, "partners/tylko-en.pl.md", ""},
		{pl, "stara-nazwa.pl.md", ""}, // renamed: not the English page left behind
		{en, "../stara-nazwa.pl.md", ""},
		{pl, "nowa-nazwa.en.md", ""},
		{pl, "bez-sufiksu.pl.md", "/bez-sufiksu/"}, // no suffix is the default language
		{pl, "bez-sufiksu.en.md", ""},
		{en, "2015-05-14-a.pl.md", "/spotkania/2015/a/"},
		{en, "2015-05-14-a.md", "/en/meetings/2015/a-en/"},
		{en, "../partners/nie-ma.md", ""},
		{en, "../partners/nie-ma.pl.md", ""},
		{en, "../../etc/passwd.md", ""},
		// Links and names compare in NFC, whichever form either is in.
		{pl, "żary.pl.md", "/zary/"},
		{pl, "z\u0307ary.pl.md", "/zary/"},
		{pl, "żary.md", "/zary/"},
		{pl, "łąka.en.md", "/en/laka/"},
		{pl, "ła\u0328ka.pl.md", "/laka/"},
		{pl, "żary.en.md", ""},
	}
	for _, c := range cases {
		p, ok := s.ResolveLink(c.from, c.dest)
		got := ""
		if ok {
			got = p.URL
		}
		if got != c.want {
			t.Errorf("ResolveLink(from %s, %q) = %q, want %q", c.from.URL, c.dest, got, c.want)
		}
	}
	// NFD and NFC twins are translations of each other.
	if tr := s.ByURL("/laka/").Translations; len(tr) != 1 || tr[0].URL != "/en/laka/" {
		t.Errorf("łąka.pl.md (NFC) and ła\u0328ka.en.md (NFD) are not paired: %v", tr)
	}
}

// TestNormalizationTwins: two files whose names differ only in Unicode
// normalization are one page to the site; the collision says how they
// differ, and a name that is not NFC is warned about.
func TestNormalizationTwins(t *testing.T) {
	for _, c := range []struct{ nfc, nfd string }{
		{"żary.pl.md", "z\u0307ary.pl.md"},
		{"meetings/2015-05-14-łąka.md", "meetings/2015-05-14-ła\u0328ka.md"},
		{"partners/gmina-żagań.pl.md", "partners/gmina-z\u0307agan\u0301.pl.md"},
	} {
		files := map[string]string{c.nfc: page("A"), c.nfd: page("B")}
		if strings.HasPrefix(c.nfc, "meetings/") {
			files = map[string]string{c.nfc: meeting("A", "2015-05-14"), c.nfd: meeting("B", "2015-05-14")}
		}
		if strings.HasPrefix(c.nfc, "partners/") {
			files = map[string]string{c.nfc: partner("A", "jst"), c.nfd: partner("B", "jst")}
		}
		_, problems := build(t, files)
		msgs := strings.Join(messages(problems), "\n")
		if !strings.Contains(msgs, "differ in Unicode normalization") || !strings.Contains(msgs, "is NFD (decomposed)") ||
			!strings.Contains(msgs, "delete one of the two files") {
			t.Errorf("%s and %s:\n%s", c.nfc, c.nfd, msgs)
		}
		_, ps := content.Parse(c.nfd, []byte(files[c.nfd]), content.Options{Languages: []string{"pl", "en"}})
		if w := strings.Join(messages(ps), "\n"); !strings.Contains(w, "warning: the file name is not in Unicode NFC form") {
			t.Errorf("%s: no warning: %s", c.nfd, w)
		}
		if _, ps := content.Parse(c.nfc, []byte(files[c.nfc]), content.Options{Languages: []string{"pl", "en"}}); ps.Len() != 0 {
			t.Errorf("%s: %v", c.nfc, messages(ps))
		}
	}
}

// TestPartnerIDsInNFC: a partner id names a file, and compares in NFC
// whichever form the file name or the reference is in.
func TestPartnerIDsInNFC(t *testing.T) {
	s, problems := build(t, map[string]string{
		"partners/gmina-z\u0307ary.pl.md": partner("Gmina Żary", "jst"), // NFD file name
		"partners/łagów.pl.md":            partner("Łagów", "jst"),
		"partners/sława.pl.md":            partner("Sława", "jst"),
		"meetings/2015-05-14-a.pl.md": meeting("A", "2015-05-14", "host: gmina-żary",
			"participants: [\"łago\u0301w\", sława]"), // NFC, NFD, NFC
	})
	if problems.HasErrors() {
		t.Fatal(messages(problems))
	}
	m := s.ByURL("/spotkania/2015/a/")
	if m.Host == nil || m.Host.URL != "/partnerzy/gmina-zary/" || len(m.Participants) != 2 {
		t.Errorf("host %v, participants %v", m.Host, m.Participants)
	}
}

// TestBundles: a folder with index files is one meeting, partner or page,
// named by the folder; its translations pair by the folder, and links from
// inside it are relative to the index file.
func TestBundles(t *testing.T) {
	s, problems := build(t, map[string]string{
		"meetings/2015-05-14-spotkanie/index.pl.md": meeting("Spotkanie", "2015-05-14", "summary: Zobacz [WUP](../../partners/wup/index.md) i [B](../2016-01-02-b.md)."),
		"meetings/2015-05-14-spotkanie/index.en.md": meeting("Meeting", "2015-05-14", "slug: signatories"),
		"meetings/2016-01-02-b.pl.md":               meeting("B", "2016-01-02"),
		"partners/wup/index.pl.md":                  partner("WUP", "jst"),
		"o-nas/index.pl.md":                         page("O nas"),
	})
	if problems.HasErrors() {
		t.Fatal(messages(problems))
	}
	m := s.ByURL("/spotkania/2015/spotkanie/")
	if m == nil {
		t.Fatalf("no bundle meeting at /spotkania/2015/spotkanie/; have %v", urls(s.Pages))
	}
	if m.Doc.Bundle != "meetings/2015-05-14-spotkanie" || m.Key != "meetings/2015-05-14-spotkanie" {
		t.Errorf("Bundle %q, Key %q", m.Doc.Bundle, m.Key)
	}
	if len(m.Translations) != 1 || m.Translations[0].URL != "/en/meetings/2015/signatories/" {
		t.Errorf("translations of the bundle: %v", urls(m.Translations))
	}
	if s.ByURL("/partnerzy/wup/") == nil || s.ByURL("/o-nas/") == nil {
		t.Errorf("bundle partner or page missing; have %v", urls(s.Pages))
	}
	b := s.ByURL("/spotkania/2016/b/")
	for _, c := range []struct {
		from       *site.Page
		dest, want string
	}{
		{m, "../../partners/wup/index.md", "/partnerzy/wup/"},
		{m, "../../partners/wup/", "/partnerzy/wup/"},
		{m, "../2016-01-02-b.md", "/spotkania/2016/b/"},
		{m, "index.en.md", "/en/meetings/2015/signatories/"},
		{b, "2015-05-14-spotkanie/index.pl.md", "/spotkania/2015/spotkanie/"},
		{b, "2015-05-14-spotkanie/", "/spotkania/2015/spotkanie/"},
		{b, "2015-05-14-spotkanie/index.md", "/spotkania/2015/spotkanie/"},
	} {
		p, ok := s.ResolveLink(c.from, c.dest)
		got := ""
		if ok {
			got = p.URL
		}
		if got != c.want {
			t.Errorf("ResolveLink(from %s, %q) = %q, want %q", c.from.URL, c.dest, got, c.want)
		}
	}
}

// TestBundleMediaFallback: a translation that gives no text for a file of
// the default language gets that language's, marked with its code.
func TestBundleMediaFallback(t *testing.T) {
	s, problems := build(t, map[string]string{
		"meetings/2015-05-14-x/index.pl.md": meeting("Spotkanie", "2015-05-14",
			"photos:\n  - {file: a.jpg, alt: Sala, caption: Obrady, credit: Anna}\n  - {file: b.jpg, alt: Stół}\ncover: b.jpg",
			"documents:\n  - {file: p.pdf, title: Program}\n  - {file: e.pdf, title: Agenda, lang: en}"),
		"meetings/2015-05-14-x/index.en.md": meeting("Meeting", "2015-05-14", "photos:\n  - {file: a.jpg, alt: Hall}"),
	})
	if problems.HasErrors() {
		t.Fatal(messages(problems))
	}
	en := s.ByURL("/en/meetings/2015/x/")
	got := fmt.Sprint(en.Photos[0].Alt, "|", en.Photos[0].AltLang, "|", en.Photos[0].Caption, "|", en.Photos[0].CaptionLang, "|", en.Photos[0].Credit, ";",
		en.Photos[1].Alt, "|", en.Photos[1].AltLang, ";", en.Cover)
	if want := "Hall||Obrady|pl|Anna;Stół|pl;b.jpg"; got != want {
		t.Errorf("English photos %s, want %s", got, want)
	}
	var docs []string
	for _, d := range en.Documents {
		docs = append(docs, d.File+"|"+d.Title+"|"+d.Lang+"|"+d.TitleLang)
	}
	// p.pdf is in Polish, e.pdf in English, the page's language.
	if got, want := strings.Join(docs, ";"), "p.pdf|Program|pl|pl;e.pdf|Agenda||pl"; got != want {
		t.Errorf("English documents %s, want %s", got, want)
	}
	if pl := s.ByURL("/spotkania/2015/x/"); pl.Photos[0].AltLang != "" || len(pl.Photos) != 2 {
		t.Errorf("Polish photos %+v", pl.Photos)
	}
}
