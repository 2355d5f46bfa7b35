package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/util"
)

var urlCases = []string{
	"", "https://example.org/a_(b)?x=1&y=2#c", "/pl/o-nas/", "o-nas.pl.md#kontakt", "mailto:a@b.pl",
	"a%20b", "a%2", "a%zz", "%", "a b", "ż", "a\\_b", "a&amp;b", "&#106;avascript:x", "a\"b", "a<b>", "\xff", "~!$'()*+,;=:@",
}

func TestURLAsIs(t *testing.T) {
	for _, u := range urlCases {
		for _, resolve := range []bool{true, false} {
			escaped := util.URLEscape([]byte(u), resolve)
			if urlAsIs([]byte(u)) && !bytes.Equal(escaped, []byte(u)) {
				t.Errorf("urlAsIs(%q), but util.URLEscape gives %q", u, escaped)
			}
		}
	}
	for _, u := range []string{"https://example.org/a_(b)?x=1#c", "/pl/o-nas/", "a%20b", "mailto:a@b.pl"} {
		if !urlAsIs([]byte(u)) {
			t.Errorf("urlAsIs(%q) = false", u)
		}
	}
}

// FuzzURLEscape: urlEscape answers as util.URLEscape.
func FuzzURLEscape(f *testing.F) {
	for _, u := range urlCases {
		f.Add(u, true)
	}
	f.Fuzz(func(t *testing.T, u string, resolve bool) {
		if got, want := urlEscape([]byte(u), resolve), util.URLEscape([]byte(u), resolve); !bytes.Equal(got, want) {
			t.Errorf("urlEscape(%q, %v) = %q, want %q", u, resolve, got, want)
		}
		if got, want := refusedScheme([]byte(u), resolve), dangerousScheme(util.URLEscape([]byte(u), resolve)); want != "" && got != want {
			t.Errorf("refusedScheme(%q, %v) = %q, want %q", u, resolve, got, want)
		}
	})
}
