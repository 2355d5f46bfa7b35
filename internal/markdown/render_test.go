package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// isDangerousURL must answer as goldmark's html.IsDangerousURL, which
// decides whether a link keeps its href.
func TestIsDangerousURL(t *testing.T) {
	for _, u := range dangerousURLCases {
		if got, want := isDangerousURL([]byte(u)), html.IsDangerousURL([]byte(u)); got != want {
			t.Errorf("isDangerousURL(%q) = %v, want %v", u, got, want)
		}
	}
}

var dangerousURLCases = []string{
	"", "d", "data:", "DATA:", "data:image/", "data:image/png;base64,x", "Data:Image/PNG;x",
	"data:image/svg+xml,x", "data:image/jpeg;", "data:image/webp;", "data:image/gif", "data:text/html,x",
	"javascript:alert(1)", "JavaScript:x", "javascript", "vbscript:x", "VBSCRIPT:", "file:///etc", "FILE:x",
	"https://example.org/", "/pl/o-nas/", "mailto:a@b.pl", "%6Aavascript:x", "\u212aavascript:", "javascr\u0130pt:",
	"\xffjavascript:", "javascript\xff:", "data:image/\xffpng;", "data:image/p\u212ang;", "İ", "tel:+48",
}

func FuzzIsDangerousURL(f *testing.F) {
	for _, u := range dangerousURLCases {
		f.Add(u)
	}
	f.Fuzz(func(t *testing.T, u string) {
		if got, want := isDangerousURL([]byte(u)), html.IsDangerousURL([]byte(u)); got != want {
			t.Errorf("isDangerousURL(%q) = %v, want %v", u, got, want)
		}
	})
}

// FuzzGoldmarkShortcuts renders any Markdown with goldmark as configured
// by extension.GFM and html.Renderer alone, and with this package's
// shortcuts (quickLinkify in gfm, linkRenderer, htmlBuffer): the HTML
// must be the same.
func FuzzGoldmarkShortcuts(f *testing.F) {
	for _, s := range []string{benchPage, "see www.example.org, http://x.pl/a_(b) and a.b@c.pl *x@y.pl*",
		"[a](javascript:x) [b](DATA:image/png;x \"t\") [c](file:x){.k}", "~www.x.pl~ (https://x.pl) _ftp://x.pl_"} {
		f.Add(s)
	}
	plain := func(unsafe bool) goldmark.Markdown {
		var o []renderer.Option
		if unsafe {
			o = append(o, html.WithUnsafe())
		}
		return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
			goldmark.WithParserOptions(parser.WithHeadingAttribute()), goldmark.WithRendererOptions(o...))
	}
	quick := func(unsafe bool) goldmark.Markdown {
		o := []renderer.Option{renderer.WithNodeRenderers(util.Prioritized(linkRenderer{unsafe: unsafe}, linkRendererPriority))}
		if unsafe {
			o = append(o, html.WithUnsafe())
		}
		return goldmark.New(goldmark.WithExtensions(gfm{}, extension.Footnote, extension.Typographer),
			goldmark.WithParserOptions(parser.WithHeadingAttribute()), goldmark.WithRendererOptions(o...))
	}
	mds := [2][2]goldmark.Markdown{{plain(false), quick(false)}, {plain(true), quick(true)}}
	f.Fuzz(func(t *testing.T, src string) {
		for _, pair := range mds {
			var want bytes.Buffer
			var got htmlBuffer
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

// referenceWrite is plainText.write as first written, a byte at a time.
func referenceWrite(t *plainText, p []byte) {
	for len(p) > 0 {
		if asciiSpace[p[0]] {
			t.pending = true
			p = p[1:]
			continue
		}
		end := 1
		for end < len(p) {
			if !asciiSpace[p[end]] {
				end++
			} else if p[end] == ' ' && end+1 < len(p) && !asciiSpace[p[end+1]] {
				end += 2
			} else {
				break
			}
		}
		if t.pending && t.b.Len() > 0 {
			t.b.WriteByte(' ')
		}
		t.pending = false
		t.b.Write(p[:end])
		p = p[end:]
	}
}

func FuzzPlainTextWrite(f *testing.F) {
	for _, s := range []string{benchPage, "", " ", "a  b", "a \tb", "ab \x01cd\x00 e\x7f\x80\xff ", "  za żółć  gęślą\u00a0jaźń \n"} {
		f.Add(s, s[len(s)/2:])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var got, want plainText
		got.write([]byte(a))
		got.space()
		got.write([]byte(b))
		referenceWrite(&want, []byte(a))
		want.space()
		referenceWrite(&want, []byte(b))
		if got.String() != want.String() || got.pending != want.pending {
			t.Errorf("%q, %q: got %q, want %q", a, b, got.String(), want.String())
		}
	})
}
