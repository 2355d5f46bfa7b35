package feeds_test

import (
	"encoding/xml"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/site"
)

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
		Lastmod string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 lastmod"`
		Links   []struct {
			Rel      string `xml:"rel,attr"`
			Hreflang string `xml:"hreflang,attr"`
			Href     string `xml:"href,attr"`
		} `xml:"http://www.w3.org/1999/xhtml link"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 url"`
}

// xmllint finds the validator. In CI (CI=true) a missing xmllint fails the
// test: .ci/run installs it, so its absence is a broken CI. Elsewhere the
// test is skipped, saying what was not checked.
func xmllint(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint is not installed, so the sitemap cannot be checked against its schema (.ci/run installs libxml2-utils)")
		}
		t.Skip("xmllint not found: the sitemap was NOT validated against its XSD (apt-get install libxml2-utils)")
	}
	return p
}

// validate runs xmllint with the sitemap schema on data.
func validate(t *testing.T, lint, name string, data []byte) error {
	t.Helper()
	f := filepath.Join(t.TempDir(), "sitemap.xml")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(lint, "--noout", "--nonet", "--schema", filepath.Join("testdata", "xsd", "sitemap-all.xsd"), f).CombinedOutput()
	if err != nil {
		return &lintError{name, string(out)}
	}
	return nil
}

type lintError struct{ name, out string }

func (e *lintError) Error() string { return e.name + ": xmllint: " + e.out }

// TestSitemapSchema validates the sitemaps against the sitemaps.org schema
// and the xhtml:link schema, and checks that the validation is not vacuous:
// a sitemap with a bad date and a link without hreflang must fail.
func TestSitemapSchema(t *testing.T) {
	lint := xmllint(t)
	sample := buildSample(t, sampleNow)
	for name, data := range map[string][]byte{
		"sample":           sample.files["sitemap.xml"],
		"sample announced": buildSample(t, announceNow).files["sitemap.xml"],
		"fixture":          buildFS(t, fixture(t), buildOpts(fixtureNow)).files["sitemap.xml"],
	} {
		if err := validate(t, lint, name, data); err != nil {
			t.Error(err)
		}
	}
	bad := strings.Replace(string(sample.files["sitemap.xml"]), `hreflang="pl" `, "", 1)
	bad = strings.Replace(bad, "<lastmod>2015-05-14", "<lastmod>14.05.2015", 1)
	if err := validate(t, lint, "broken", []byte(bad)); err == nil {
		t.Error("xmllint accepted a sitemap with a link without hreflang and a bad lastmod: the schema checks nothing")
	} else if !strings.Contains(err.Error(), "hreflang") || !strings.Contains(err.Error(), "lastmod") {
		t.Errorf("xmllint did not name both faults: %v", err)
	}
}

// TestSitemap reads the sitemap with encoding/xml and checks it against the
// site and the pages: every indexable page listed once, alternates equal to
// each page's own hreflang links and reciprocal, lastmod only for meetings
// that have taken place.
func TestSitemap(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    built
	}{
		{"sample", buildSample(t, sampleNow)},
		{"sample announced", buildSample(t, announceNow)},
		{"fixture", buildFS(t, fixture(t), buildOpts(fixtureNow))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkSitemap(t, tc.b)
		})
	}
}

func checkSitemap(t *testing.T, b built) {
	t.Helper()
	base := b.site.Config.BaseURL
	var sm urlset
	dec := xml.NewDecoder(strings.NewReader(string(b.files["sitemap.xml"])))
	dec.Strict = true
	if err := dec.Decode(&sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	past := map[*site.Page]bool{}
	for _, l := range b.site.Langs {
		for _, m := range l.Past {
			past[m] = true
		}
	}
	want := map[string]*site.Page{}
	for _, p := range b.site.Pages {
		if p.Kind != site.Alias {
			want[base+strings.TrimPrefix(p.URL, "/")] = p
		}
	}
	alts := map[string]map[string]string{} // loc → hreflang → href
	pairs := 0
	for _, u := range sm.URLs {
		p, ok := want[u.Loc]
		if !ok {
			t.Errorf("sitemap lists %s, which is no indexable page", u.Loc)
			continue
		}
		if alts[u.Loc] != nil {
			t.Errorf("sitemap lists %s twice", u.Loc)
		}
		alts[u.Loc] = map[string]string{}
		for _, k := range u.Links {
			if k.Rel != "alternate" || !strings.HasPrefix(k.Href, base) {
				t.Errorf("%s: link %+v", u.Loc, k)
			}
			alts[u.Loc][k.Hreflang] = k.Href
			pairs++
		}
		wantMod := ""
		if past[p] {
			wantMod = p.Doc.Date.Format(time.DateOnly)
		}
		if u.Lastmod != wantMod {
			t.Errorf("%s: lastmod %q, want %q", u.Loc, u.Lastmod, wantMod)
		}
		// The page's head must name the same alternates.
		file := outputOf(p)
		head := readHead(parseHTML(t, file, b.files[file]))
		if !maps.Equal(head.alternates, alts[u.Loc]) {
			t.Errorf("%s: sitemap alternates %v, page head %v", u.Loc, alts[u.Loc], head.alternates)
		}
	}
	for loc := range want {
		if alts[loc] == nil {
			t.Errorf("sitemap leaves out %s", loc)
		}
	}
	// Reciprocity: if A names B as its version in B's language, B names A
	// as its version in A's language, and both agree on x-default.
	for loc, m := range alts {
		self := want[loc].Lang.Code
		if m[self] != loc {
			t.Errorf("%s does not name itself for %s", loc, self)
		}
		for lang, href := range m {
			if lang == "x-default" {
				continue
			}
			back, ok := alts[href]
			if !ok {
				t.Errorf("%s names %s (%s), which the sitemap does not list", loc, href, lang)
				continue
			}
			if back[self] != loc {
				t.Errorf("%s names %s as its %s version, but not the other way round", loc, href, lang)
			}
			if back["x-default"] != m["x-default"] {
				t.Errorf("%s and %s disagree on x-default", loc, href)
			}
		}
		if def := b.site.Config.Default().Code; m[def] != "" && m["x-default"] != m[def] {
			t.Errorf("%s: x-default %q, want the %s version %q", loc, m["x-default"], def, m[def])
		}
	}
	t.Logf("%d URLs, %d hreflang links", len(sm.URLs), pairs)
	if len(sm.URLs) < 30 {
		t.Errorf("only %d URLs in the sitemap", len(sm.URLs))
	}
	locs := make([]string, 0, len(sm.URLs))
	for _, u := range sm.URLs {
		locs = append(locs, u.Loc)
	}
	if !slices.IsSorted(locs) {
		t.Error("sitemap URLs are not in order")
	}
}

// TestRobots: robots.txt allows everything and names the sitemap by its
// absolute address, which is written.
func TestRobots(t *testing.T) {
	b := buildSample(t, sampleNow)
	robots := string(b.files["robots.txt"])
	var sitemaps []string
	for _, line := range strings.Split(robots, "\n") {
		if v, ok := strings.CutPrefix(line, "Sitemap: "); ok {
			sitemaps = append(sitemaps, v)
		}
	}
	if len(sitemaps) != 1 || sitemaps[0] != sampleBase+"sitemap.xml" {
		t.Fatalf("robots.txt names sitemaps %q", sitemaps)
	}
	if _, ok := b.files[localFile(sampleBase, sitemaps[0])]; !ok {
		t.Errorf("%s is not written", sitemaps[0])
	}
	if !strings.HasPrefix(robots, "User-agent: *\nDisallow:\n") {
		t.Errorf("robots.txt does not allow every agent everything:\n%s", robots)
	}
}
