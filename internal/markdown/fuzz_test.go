package markdown

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	htmllex "github.com/tdewolff/parse/v2/html"
)

// allowedTags are all the elements that goldmark and its extensions write
// for Markdown. Without Unsafe, anything else in the output could only
// have come from raw HTML that slipped through.
var allowedTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"a": true, "img": true, "em": true, "strong": true, "code": true, "pre": true,
	"blockquote": true, "ul": true, "ol": true, "li": true, "hr": true, "br": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"del": true, "sup": true, "div": true, "input": true,
}

// allowedAttrs are the attributes goldmark writes, plus id and class from
// heading attributes.
var allowedAttrs = map[string]bool{
	"id": true, "class": true, "href": true, "src": true, "alt": true, "title": true,
	"style": true, "role": true, "checked": true, "disabled": true, "type": true, "start": true,
}

func FuzzConvert(f *testing.F) {
	for _, tc := range htmlCases {
		f.Add(tc.src)
	}
	f.Add("<script>alert(1)</script>")
	f.Add("[x](java\tscript:alert(1)) [y](<\x01javascript:alert(1)>)")
	f.Add("# t {onclick=\"alert(1)\" #x}\n\n![a](javascript:x \"t\")")
	f.Add("![[x](javascript:alert(1))](data:image/png,x)")
	f.Add("<svg onload=alert(1)>\n\n<a href=\"javascript:x\">y</a>")

	safe, open := New(polish), New(unsafe)
	f.Fuzz(func(t *testing.T, src string) {
		r := safe.Convert([]byte(src), testResolver)
		checkSafeHTML(t, src, r.HTML)
		checkProblems(t, src, r.Problems)
		// Unsafe output is the writer's own HTML; it only must not panic.
		checkProblems(t, src, open.Convert([]byte(src), testResolver).Problems)
	})
}

// checkSafeHTML lexes out as a browser would and fails on any element,
// attribute or URL that raw HTML or a refused URL could have brought in.
func checkSafeHTML(t *testing.T, src string, out []byte) {
	t.Helper()
	if bytes.Contains(bytes.ToLower(out), []byte("<script")) {
		t.Fatalf("output of %q contains <script: %q", src, out)
	}
	l := htmllex.NewLexer(parse.NewInputBytes(out))
	for {
		tt, data := l.Next()
		switch tt {
		case htmllex.ErrorToken:
			return
		case htmllex.StartTagToken, htmllex.EndTagToken:
			if name := strings.ToLower(string(l.Text())); !allowedTags[name] {
				t.Fatalf("output of %q has element %q: %q", src, name, out)
			}
		case htmllex.AttributeToken:
			key := strings.ToLower(string(l.AttrKey()))
			val := html.UnescapeString(unquote(string(l.AttrVal())))
			if !allowedAttrs[key] {
				t.Fatalf("output of %q has attribute %q: %q", src, key, out)
			}
			if (key == "href" || key == "src") && scriptURL(val) {
				t.Fatalf("output of %q has %s=%q: %q", src, key, val, out)
			}
			if key == "style" && !strings.HasPrefix(val, "text-align:") {
				t.Fatalf("output of %q has style=%q: %q", src, val, out)
			}
		case htmllex.TextToken, htmllex.StartTagCloseToken, htmllex.StartTagVoidToken:
		default:
			t.Fatalf("output of %q has %s %q: %q", src, tt, data, out)
		}
	}
}

// scriptURL is written independently of dangerousScheme on purpose: it
// follows the URL standard's preprocessing (strip leading and trailing C0
// controls and spaces, remove tabs and newlines anywhere).
// unquote removes the quotes around an attribute value as the lexer gives
// it, and only those: an apostrophe inside double quotes is part of the
// value ("'data:" is a relative address, not a data: one).
func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

func scriptURL(u string) bool {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.ToLower(strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"+
		"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
	for _, s := range []string{"javascript:", "vbscript:", "data:"} {
		if strings.HasPrefix(u, s) {
			return true
		}
	}
	return false
}

func checkProblems(t *testing.T, src string, ps []Problem) {
	t.Helper()
	lines := strings.Count(src, "\n") + 1
	for _, p := range ps {
		if p.Line < 0 || p.Line > lines || p.Col < 0 || (p.Line == 0) != (p.Col == 0) || p.Message == "" {
			t.Fatalf("bad problem for %q: %+v", src, p)
		}
	}
}
