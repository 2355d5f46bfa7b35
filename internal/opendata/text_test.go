package opendata

import (
	"slices"
	"strings"
	"testing"
)

func TestBlocks(t *testing.T) {
	for _, c := range []struct {
		html string
		want []string
	}{
		{"<h2>Kim jesteśmy</h2><p>Jesteśmy\nPartnerstwem.</p>", []string{"Kim jesteśmy", "Jesteśmy Partnerstwem."}},
		{"<ul><li>gminy,</li><li>firmy.</li></ul>", []string{"– gminy,", "– firmy."}},
		{"<p>A<br>B <a href=x>link</a> &amp; <strong>C</strong></p>", []string{"A B link & C"}},
		{"<blockquote><p>Cytat</p></blockquote><p>Dalej</p>", []string{"Cytat", "Dalej"}},
		{"", nil},
	} {
		if got := blocks(c.html); !slices.Equal(got, c.want) {
			t.Errorf("blocks(%q) = %q, want %q", c.html, got, c.want)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		text  string
		width int
		want  []string
	}{
		{"Ala ma kota", 76, []string{"Ala ma kota"}},
		{"Ala ma kota", 6, []string{"Ala ma", "kota"}},
		{"żółć żółć żółć", 9, []string{"żółć żółć", "żółć"}}, // runes, not bytes
		{"Konstantynopolitańczykowianeczka a", 5, []string{"Konstantynopolitańczykowianeczka", "a"}},
		{"  ", 10, nil},
	} {
		got := wrap(c.text, c.width)
		if !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.text, c.width, got, c.want)
		}
		for _, l := range got {
			if n := len([]rune(l)); n > c.width && !strings.Contains(c.text, l) {
				t.Errorf("line %q is %d long", l, n)
			}
		}
	}
}
