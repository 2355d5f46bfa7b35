package build_test

import (
	"bytes"
	"flag"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/htmlx"
	"github.com/lubuskie-es/sitegen/internal/output"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// sampleNow is a fixed "now" for the sample site, so that its upcoming and
// past meetings never change with the calendar.
var sampleNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// buildSample builds the repository's own site in memory.
func buildSample(t *testing.T) map[string][]byte {
	t.Helper()
	res := build.Run(os.DirFS("../.."), build.Options{Now: sampleNow})
	if res.Problems.Len() > 0 {
		var b strings.Builder
		res.Problems.Print(&b)
		t.Fatalf("the sample site has problems:\n%s", b.String())
	}
	files := make(map[string][]byte, len(res.Files))
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	return files
}

// TestSampleGolden compares key pages of the sample site whole, so that any
// change to them shows up in review. Run with -update to accept changes.
func TestSampleGolden(t *testing.T) {
	files := buildSample(t)
	for _, p := range []string{
		"index.html",
		"en/index.html",
		"spotkania/2015/spotkanie-sygnatariuszy/index.html",
		"en/meetings/2015/signatories-meeting/index.html",
		"partnerzy/index.html",
		"partnerzy/lubuska-wk-ohp/index.html",
		"en/partners/wup-zielona-gora/index.html",
		"ekonomia-spoleczna/index.html",
		"404.html",
	} {
		got, ok := files[p]
		if !ok {
			t.Errorf("%s was not written", p)
			continue
		}
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(p, "/", "__"))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./internal/build -run TestSampleGolden -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run with -update and review the diff)", p, golden)
		}
	}
}

// TestSampleStructure checks every page of the sample site: one h1, the
// right html lang, no skipped heading levels, every internal link and
// asset present in the output, reciprocal hreflang alternates.
func TestSampleStructure(t *testing.T) {
	files := buildSample(t)
	alternates := map[string][]string{} // page URL → its alternate URLs
	pages := 0
	for p, data := range files {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		wantLang := "pl"
		if strings.HasPrefix(p, "en/") {
			wantLang = "en"
		}
		var h1s int
		lastLevel := 0
		htmlx.Walk(doc, func(n *html.Node) {
			switch n.DataAtom {
			case atom.Html:
				if got := htmlx.Attr(n, "lang"); got != wantLang {
					t.Errorf("%s: <html lang=%q>, want %q", p, got, wantLang)
				}
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				level := int(n.Data[1] - '0')
				if level == 1 {
					h1s++
				}
				if level > lastLevel+1 {
					t.Errorf("%s: <%s> after <h%d> skips a level", p, n.Data, lastLevel)
				}
				lastLevel = level
			case atom.A, atom.Link, atom.Img, atom.Script:
				ref := htmlx.Attr(n, "href")
				if n.DataAtom == atom.Img || n.DataAtom == atom.Script {
					ref = htmlx.Attr(n, "src")
				}
				checkRef(t, files, p, ref)
				if n.DataAtom == atom.Link && htmlx.Attr(n, "rel") == "alternate" && htmlx.Attr(n, "hreflang") != "" {
					self := "/" + strings.TrimSuffix(p, "index.html")
					alternates[self] = append(alternates[self], localPath(htmlx.Attr(n, "href")))
				}
			}
		})
		if h1s != 1 {
			t.Errorf("%s has %d h1 elements, want 1", p, h1s)
		}
	}
	for page, alts := range alternates {
		for _, alt := range alts {
			if !slices.Contains(alternates[alt], page) {
				t.Errorf("%s names %s as its translation, but not the other way round", page, alt)
			}
		}
	}
	if pages < 30 {
		t.Errorf("only %d HTML pages; the sample site should have both languages complete", pages)
	}
}

const siteOrigin = "https://partnerstwo-es.example.org"

func localPath(ref string) string { return strings.TrimPrefix(ref, siteOrigin) }

// checkRef fails when an internal link does not lead to a written file.
func checkRef(t *testing.T, files map[string][]byte, from, ref string) {
	t.Helper()
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "mailto:") {
		return
	}
	ref = localPath(ref)
	if strings.Contains(ref, "://") {
		return
	}
	ref, _, _ = strings.Cut(ref, "#")
	if !strings.HasPrefix(ref, "/") {
		ref = path.Join("/", path.Dir(from), ref)
	}
	target := strings.TrimPrefix(ref, "/")
	if target == "" || strings.HasSuffix(target, "/") {
		target += "index.html"
	}
	if _, ok := files[target]; !ok {
		t.Errorf("%s links to %s, which was not written", from, ref)
	}
}

// TestReproducible builds twice and expects byte-identical trees.
func TestReproducible(t *testing.T) {
	a, b := buildSample(t), buildSample(t)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// TestWrittenTwiceIdentical writes the sample site twice with output.Write
// and compares the trees on disk, file by file.
func TestWrittenTwiceIdentical(t *testing.T) {
	dir := t.TempDir()
	var trees [2]map[string][]byte
	for i := range trees {
		res := build.Run(os.DirFS("../.."), build.Options{Now: sampleNow})
		dest := filepath.Join(dir, "public")
		if err := output.Write(dest, res.Files); err != nil {
			t.Fatal(err)
		}
		trees[i] = readTree(t, dest)
	}
	if len(trees[0]) != len(trees[1]) {
		t.Fatalf("%d files, then %d", len(trees[0]), len(trees[1]))
	}
	for p, data := range trees[0] {
		if !bytes.Equal(data, trees[1][p]) {
			t.Errorf("%s differs", p)
		}
	}
}

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
