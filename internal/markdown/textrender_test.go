package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
)

// FuzzWriteHTML: writeHTML and rawWriteHTML write what goldmark's
// html.DefaultWriter writes.
func FuzzWriteHTML(f *testing.F) {
	for _, s := range []string{"", "Zażółć gęślą jaźń", "a &amp; b &#x41; &#65; &bogus; &", `a\*b\\c\`, "<x> \"q\" \x00",
		"tekst \\\n", "&#xFFFFFFF; &#99999999;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var got, want htmlBuffer
		writeHTML(&got, []byte(s))
		html.DefaultWriter.Write(&want, []byte(s))
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("writeHTML(%q) = %q, want %q", s, got.Bytes(), want.Bytes())
		}
		got.Reset()
		want.Reset()
		rawWriteHTML(&got, []byte(s))
		html.DefaultWriter.RawWrite(&want, []byte(s))
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("rawWriteHTML(%q) = %q, want %q", s, got.Bytes(), want.Bytes())
		}
	})
}

// FuzzNodeRenderers renders any Markdown with goldmark's html.Renderer
// alone and with this package's nodeRenderers ahead of it: the HTML must
// be the same.
func FuzzNodeRenderers(f *testing.F) {
	for _, s := range []string{benchPage, "a  \nb\\\nc `x<y` \\*&amp;&#65;\x00 <b>\"q\"</b>",
		"[a](javascript:x) [b](DATA:image/png;x \"t\") [c](file:x){.k} [d](a%20b&amp;c)"} {
		f.Add(s)
	}
	md := func(unsafe, ours bool) goldmark.Markdown {
		var o []renderer.Option
		if ours {
			o = append(o, renderer.WithNodeRenderers(nodeRenderers(unsafe)...))
		}
		if unsafe {
			o = append(o, html.WithUnsafe())
		}
		return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
			goldmark.WithParserOptions(parser.WithHeadingAttribute()), goldmark.WithRendererOptions(o...))
	}
	mds := [2][2]goldmark.Markdown{{md(false, false), md(false, true)}, {md(true, false), md(true, true)}}
	f.Fuzz(func(t *testing.T, src string) {
		for _, pair := range mds {
			var want, got bytes.Buffer
			if err := pair[0].Convert([]byte(src), &want); err != nil {
				t.Fatal(err)
			}
			if err := pair[1].Convert([]byte(src), &got); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("%q:\n got %q\nwant %q", src, got.Bytes(), want.Bytes())
			}
		}
	})
}
