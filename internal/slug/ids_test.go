package slug

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// IDs must keep satisfying goldmark's interface; checked here rather than
// in the package so the package itself need not import goldmark/parser.
var _ parser.IDs = (*IDs)(nil)

func TestIDsGenerate(t *testing.T) {
	g := NewIDs()
	inputs := []string{
		"Wstęp", "Wstęp", "wstep", "Wstęp 1", "Wstęp",
		"🎉", "", "Łódź", "section",
	}
	want := []string{
		"wstep", "wstep-1", "wstep-2", "wstep-1-1", "wstep-3",
		"section", "section-1", "lodz", "section-2",
	}
	for i, in := range inputs {
		if got := string(g.Generate([]byte(in), ast.KindHeading)); got != want[i] {
			t.Errorf("Generate #%d (%q) = %q, want %q", i, in, got, want[i])
		}
	}
}

func TestIDsPut(t *testing.T) {
	var g IDs // the zero value must work
	g.Put([]byte("program"))
	g.Put([]byte("program-1"))
	if got := string(g.Generate([]byte("Program"), ast.KindHeading)); got != "program-2" {
		t.Errorf("Generate after Put = %q, want program-2", got)
	}
}

// TestIDsWithGoldmark checks the generator in the place it is used: a
// goldmark parse with automatic heading ids.
func TestIDsWithGoldmark(t *testing.T) {
	md := goldmark.New(goldmark.WithParserOptions(
		parser.WithAutoHeadingID(),
		parser.WithAttribute(),
	))
	// goldmark calls Put for an explicit id only when it reaches that
	// heading, so only explicit ids above a heading are avoided.
	src := "## Własne {#zielona-gora-1}\n\n# Zielona Góra\n\n## Zielona Góra\n\n## 🎉\n"
	var out bytes.Buffer
	ctx := parser.NewContext(parser.WithIDs(NewIDs()))
	if err := md.Convert([]byte(src), &out, parser.WithContext(ctx)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<h1 id="zielona-gora">`,
		`<h2 id="zielona-gora-2">`, // -1 was taken by the explicit id above
		`<h2 id="zielona-gora-1">Własne</h2>`,
		`<h2 id="section">`,
	} {
		if !bytes.Contains(out.Bytes(), []byte(want)) {
			t.Errorf("output lacks %s:\n%s", want, out.String())
		}
	}
}

// TestIDsStrings: the string methods share the state of the []byte ones
// and give the same ids.
func TestIDsStrings(t *testing.T) {
	var a, b IDs
	a.Put([]byte("kontakt"))
	b.PutString("kontakt")
	for _, in := range []string{"Kontakt", "Wstęp", "Wstęp", "🎉", "kontakt-1"} {
		want := string(a.Generate([]byte(in), ast.KindHeading))
		if got := b.GenerateString(in); got != want {
			t.Errorf("GenerateString(%q) = %q, Generate gives %q", in, got, want)
		}
	}
}
