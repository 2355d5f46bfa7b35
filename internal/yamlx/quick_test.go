package yamlx

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/lubuskie-es/sitegen/internal/corpus"
)

// checkQuick fails when quickParse gives a tree for src that is not the
// one yaml.v3 gives; it reports whether quickParse gave one.
func checkQuick(t *testing.T, src string) bool {
	t.Helper()
	got := quickParse([]byte(src))
	if got == nil {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatalf("%q: quickParse gives a tree, yaml.v3 an error: %v", src, err)
	}
	if len(doc.Content) != 1 || !reflect.DeepEqual(got, doc.Content[0]) {
		t.Fatalf("%q:\n got %s\nwant %s", src, dump(got), dump(&doc))
	}
	return true
}

func dump(n *yaml.Node) string {
	var b strings.Builder
	var rec func(n *yaml.Node, depth int)
	rec = func(n *yaml.Node, depth int) {
		fmt.Fprintf(&b, "\n%s%+v", strings.Repeat("  ", depth), *n)
		for _, c := range n.Content {
			rec(c, depth+1)
		}
	}
	rec(n, 0)
	return b.String()
}

// quickPieces are lines and values of front matter, plain and tricky.
var (
	quickKeys   = []string{"title", "date", "menu", "tags", "yes", "On", "a-b_c", "x1", "1x", "key with space", "\"q\"", "é"}
	quickValues = []string{
		"O nas", "Żary i Żagań", "2015-05-14", "2015-02-30", "2015-5-14", "2015-05-14T10:00:00Z", "10", "0", "007", "08",
		"123456789", "1234567890", "-5", "+5", "1.5", "1e3", "0x1F", ".inf", "true", "True", "no", "null", "~", "y", "N",
		`"quoted, with: colon"`, `"a" b`, `""`, `''`, `'it''s'`, `'single'`, `"“Szansa” Social"`, "https://example.org/a?b=c",
		"a: b", "a:", "a :b", "a,b", "a, b", "[a, b]", "[a, \"b, c\", 'd']", "[ a , b ]", "[a,b]", "[]", "[a, [b]]", "[a, b] x",
		"[http://x.pl]", "[2015-05-14, 3, yes]", "{a: b}", "ul. Chrobrego 118", "x # comment", "a\tb", "- a", "&anchor x", "*alias",
		"!!str 5", "|", ">", "@x", "`x`", "%x", "?x", "word ", "  lead", "żółć: x", "\u00a0nbsp", "a\u2028b", "\ufeffbom",
		`Dom "Pod Dębem"`, "a [b] {c}", "it's", "a, b: c", "a ,b", "Żary, Żagań", "x:y", "[a:b, c]", "2008-01-12T13:30:00+01:00", "2008-01-12T13:30:00Z", "2008-01-12T25:30:00Z",
		"2008-01-12t13:30:00Z", "2008-01-12 13:30", "2008-01-12T13:30", "2008-01-12T13:30:00.5Z", "2008-01-12T13:30:00+1:00", "[a: b]", "[\"a\": b]",
	}
)

// randomFrontMatter writes a document of quickKeys and quickValues in
// mappings, lists and flow collections nested at random, with some
// indentation off.
func randomFrontMatter(r *rand.Rand) string {
	var b strings.Builder
	randomMapping(r, &b, 0, 0)
	return b.String()
}

func randomValue(r *rand.Rand) string {
	switch r.IntN(6) {
	case 0:
		return "[" + randomScalars(r, 1+r.IntN(3), false) + "]"
	case 1:
		return "{" + randomScalars(r, 1+r.IntN(3), true) + "}"
	}
	return quickValues[r.IntN(len(quickValues))]
}

func randomScalars(r *rand.Rand, n int, keys bool) string {
	var parts []string
	for range n {
		v := quickValues[r.IntN(len(quickValues))]
		if r.IntN(2) == 0 {
			v = quickValues[r.IntN(8)]
		}
		if keys {
			v = randomKey(r) + ": " + v
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, ", ")
}

func randomKey(r *rand.Rand) string {
	if r.IntN(4) > 0 {
		return quickKeys[r.IntN(3)]
	}
	return quickKeys[r.IntN(len(quickKeys))]
}

func jitter(r *rand.Rand, indent int) int {
	if r.IntN(12) == 0 {
		return max(0, indent+r.IntN(3)-1)
	}
	return indent
}

func randomMapping(r *rand.Rand, b *strings.Builder, indent, depth int) {
	for i := range 1 + r.IntN(4) {
		pad := strings.Repeat(" ", indent)
		if i > 0 {
			pad = strings.Repeat(" ", jitter(r, indent))
		}
		k := randomKey(r)
		switch n := r.IntN(10); {
		case n < 2 && depth < 3:
			b.WriteString(pad + k + ":\n")
			randomList(r, b, jitter(r, indent+1+r.IntN(2)), depth+1)
		case n < 3 && depth < 3:
			b.WriteString(pad + k + ":\n")
			randomMapping(r, b, jitter(r, indent+1+r.IntN(3)), depth+1)
		case n == 3:
			b.WriteString(pad + k + ":" + randomValue(r) + "\n")
		default:
			b.WriteString(pad + k + ":" + strings.Repeat(" ", 1+r.IntN(2)) + randomValue(r) + "\n")
		}
	}
}

func randomList(r *rand.Rand, b *strings.Builder, indent, depth int) {
	for range 1 + r.IntN(4) {
		pad := strings.Repeat(" ", jitter(r, indent))
		switch n := r.IntN(6); {
		case n == 0 && depth < 3:
			// A mapping in the list, its first key after the "- ".
			sp := 1 + r.IntN(2)
			b.WriteString(pad + "-" + strings.Repeat(" ", sp) + randomKey(r) + ": " + randomValue(r) + "\n")
			for range r.IntN(3) {
				b.WriteString(strings.Repeat(" ", jitter(r, len(pad)+1+sp)) + randomKey(r) + ": " + randomValue(r) + "\n")
			}
		case n == 1:
			b.WriteString(pad + "-" + randomValue(r) + "\n")
		default:
			b.WriteString(pad + "- " + randomValue(r) + "\n")
		}
	}
}

// TestQuickParse compares quickParse with yaml.v3 on many generated front
// matters, and checks that it takes the common ones.
func TestQuickParse(t *testing.T) {
	common := "title: Spotkanie w Żarach\ndate: 2015-05-14\nlocation: \"Urząd, sala 1\"\nmenu: 3\n" +
		"tags: [ekonomia społeczna, \"Żary, Żagań\"]\nparticipants:\n  - wup-zielona-gora\n  - ops-torzym\nslug: x-y\n" +
		"guests:\n  - name: Jan Kowalski\n    role: \"Wicemarszałek, Zielona Góra\"\n  - {name: \"Anna Nowak\", role: ekspert}\n" +
		"params:\n  photos: 38\n  documents:\n    - https://example.org/a.pdf\n"
	if !checkQuick(t, common) {
		t.Errorf("quickParse does not take %q", common)
	}
	r := rand.New(rand.NewPCG(1, 2))
	taken := 0
	for range 20000 {
		if checkQuick(t, randomFrontMatter(r)) {
			taken++
		}
	}
	t.Logf("quickParse took %d of 20000", taken)
	if taken < 500 {
		t.Errorf("quickParse took only %d of the generated documents", taken)
	}
}

func FuzzQuickParse(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		f.Add(randomFrontMatter(r))
	}
	f.Fuzz(func(t *testing.T, src string) { checkQuick(t, src) })
}

// TestQuickParseCorpus compares quickParse with yaml.v3 on the front
// matter of a generated site, whose variety is the point of it, and checks
// that it takes most of them.
func TestQuickParseCorpus(t *testing.T) {
	c, err := corpus.New(corpus.Options{Pages: 400, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	taken, files := 0, 0
	for _, p := range c.ContentPaths() {
		_, rest, _ := bytes.Cut(c.Files[p], []byte("\n"))
		end := bytes.Index(rest, []byte("\n---\n"))
		if end < 0 {
			continue
		}
		files++
		if checkQuick(t, string(rest[:end+1])) {
			taken++
		}
	}
	t.Logf("quickParse took %d of %d", taken, files)
	if taken < files*3/4 {
		t.Errorf("quickParse took only %d of %d front matters", taken, files)
	}
}
