package feeds_test

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/feeds"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/site"
)

type sitemapindex struct {
	XMLName  xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []struct {
		Loc string `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 loc"`
	} `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemap"`
}

// locsOf reads the addresses of a sitemap.
func locsOf(t *testing.T, data []byte) []string {
	t.Helper()
	var u urlset
	if err := xml.Unmarshal(data, &u); err != nil {
		t.Fatal(err)
	}
	locs := make([]string, len(u.URLs))
	for i, e := range u.URLs {
		locs[i] = e.Loc
	}
	return locs
}

// readIndex checks that sitemap.xml is an index naming sitemap-1.xml …
// in order, each written, within urls addresses and bytes bytes, and
// returns the addresses they list, in order.
func readIndex(t *testing.T, base string, files map[string][]byte, urls, bytes int) []string {
	t.Helper()
	var idx sitemapindex
	if err := xml.Unmarshal(files["sitemap.xml"], &idx); err != nil {
		t.Fatalf("sitemap.xml is not a sitemap index: %v\n%.300s", err, files["sitemap.xml"])
	}
	var all []string
	for i, s := range idx.Sitemaps {
		if want := fmt.Sprintf("%ssitemap-%d.xml", base, i+1); s.Loc != want {
			t.Fatalf("sitemap %d is %s, want %s", i+1, s.Loc, want)
		}
		part, ok := files[localFile(base, s.Loc)]
		if !ok {
			t.Fatalf("%s is not written", s.Loc)
		}
		locs := locsOf(t, part)
		if len(locs) == 0 || len(locs) > urls || len(part) > bytes {
			t.Errorf("%s has %d addresses in %d bytes; want 1 to %d in at most %d", s.Loc, len(locs), len(part), urls, bytes)
		}
		all = append(all, locs...)
	}
	if len(files) != len(idx.Sitemaps)+2 {
		t.Errorf("%d files for %d sitemaps, the index and robots.txt", len(files), len(idx.Sitemaps))
	}
	return all
}

func filesByPath(fs []output.File) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range fs {
		m[f.Path] = f.Data
	}
	return m
}

// TestSitemapIndex splits the sample's sitemap by a small number of
// addresses and by a small size: the parts, in order, list what the one
// sitemap does; at exactly the one sitemap's size and count it is
// written as it is, byte for byte.
func TestSitemapIndex(t *testing.T) {
	b := buildSample(t, sampleNow)
	single := b.files["sitemap.xml"]
	want := locsOf(t, single)
	if len(want) < 10 {
		t.Fatalf("the sample has only %d pages", len(want))
	}
	entry := len(single) / len(want)
	for _, lim := range []struct {
		name        string
		urls, bytes int
	}{
		{"one address each", 1, feeds.MaxSitemapBytes},
		{"three addresses", 3, feeds.MaxSitemapBytes},
		{"all but one address", len(want) - 1, feeds.MaxSitemapBytes},
		{"a few entries' bytes", feeds.MaxSitemapURLs, 300 + 3*entry},
		{"one byte short", feeds.MaxSitemapURLs, len(single) - 1},
	} {
		t.Run(lim.name, func(t *testing.T) {
			files, problems := feeds.MachineFiles(b.site, lim.urls, lim.bytes)
			if problems.Len() > 0 {
				t.Fatal(problems.Items())
			}
			m := filesByPath(files)
			got := readIndex(t, sampleBase, m, lim.urls, lim.bytes)
			if !slices.Equal(got, want) {
				t.Errorf("the parts list %d addresses, the one sitemap %d (or in another order)", len(got), len(want))
			}
			if !bytes.Contains(m["robots.txt"], []byte("Sitemap: "+sampleBase+"sitemap.xml\n")) {
				t.Errorf("robots.txt does not name the index:\n%s", m["robots.txt"])
			}
		})
	}
	files, _ := feeds.MachineFiles(b.site, len(want), len(single))
	if m := filesByPath(files); !bytes.Equal(m["sitemap.xml"], single) || len(m) != 2 {
		t.Errorf("at the limits exactly, the sitemap is not the one sitemap (%d files)", len(m))
	}
}

// TestSitemapIndexSchema validates an index and its parts against the
// sitemaps.org schemas, and checks that the index schema is not vacuous.
func TestSitemapIndexSchema(t *testing.T) {
	lint := xmllint(t)
	b := buildSample(t, sampleNow)
	files, _ := feeds.MachineFiles(b.site, 4, feeds.MaxSitemapBytes)
	m := filesByPath(files)
	if err := validateWith(t, lint, "siteindex.xsd", "index", m["sitemap.xml"]); err != nil {
		t.Error(err)
	}
	for p, data := range m {
		if strings.HasPrefix(p, "sitemap-") {
			if err := validate(t, lint, p, data); err != nil {
				t.Error(err)
			}
		}
	}
	bad := bytes.Replace(m["sitemap.xml"], []byte("<loc>"), []byte("<lok>"), 1)
	if err := validateWith(t, lint, "siteindex.xsd", "broken index", bad); err == nil {
		t.Error("xmllint accepted an index with a <lok>: the schema checks nothing")
	}
}

func validateWith(t *testing.T, lint, schema, name string, data []byte) error {
	t.Helper()
	f := filepath.Join(t.TempDir(), "sitemap.xml")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(lint, "--noout", "--nonet", "--schema", filepath.Join("testdata", "xsd", schema), f).CombinedOutput()
	if err != nil {
		return &lintError{name, string(out)}
	}
	return nil
}

// TestSitemapIndexAtTheRealLimit gives the sitemap 100,001 pages: an
// index of three sitemaps of 50,000, 50,000 and 1 addresses.
func TestSitemapIndexAtTheRealLimit(t *testing.T) {
	cfg, ps := config.Parse([]byte("baseURL: https://example.org/\nlanguages:\n  - code: pl\n    title: Partnerstwo\n"))
	if ps.HasErrors() {
		t.Fatal(ps.Items())
	}
	s := &site.Site{Config: cfg}
	for i := range 100_001 {
		s.Pages = append(s.Pages, &site.Page{Kind: site.Article, Lang: &cfg.Languages[0], URL: fmt.Sprintf("/strona-%06d/", i)})
	}
	files, problems := feeds.MachineFiles(s, feeds.MaxSitemapURLs, feeds.MaxSitemapBytes)
	if problems.Len() > 0 {
		t.Fatal(problems.Items())
	}
	m := filesByPath(files)
	var idx sitemapindex
	if err := xml.Unmarshal(m["sitemap.xml"], &idx); err != nil || len(idx.Sitemaps) != 3 || len(m) != 5 {
		t.Fatalf("want an index of 3 sitemaps and robots.txt; got %d files, index %v", len(m), err)
	}
	for i, want := range []int{50_000, 50_000, 1} {
		part := m[fmt.Sprintf("sitemap-%d.xml", i+1)]
		if n := bytes.Count(part, []byte("<url>")); n != want || len(part) > feeds.MaxSitemapBytes {
			t.Errorf("sitemap-%d.xml has %d addresses in %d bytes, want %d", i+1, n, len(part), want)
		}
	}
}
