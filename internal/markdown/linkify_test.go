package markdown

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestLinkifyStarts(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []int
	}{
		{"", nil},
		{"Zwykły tekst: bez adresów. Godzina 14:00.", nil},
		{"http://a.pl https://b.pl ftp://c.pl", []int{0, 12, 25}},
		{"see www.x.pl", []int{4}},
		{"(www.x.pl) *http://y.pl*", []int{1, 12}},
		{"<https://x.pl> [a](https://y.pl)", []int{1, 19}},
		// After a letter or digit, or in a word, Linkify never starts.
		{"xhttp://a.pl 1www.b.pl żwww.c.pl", nil},
		{"shttps://a.pl", nil},
		// E-mail addresses: every letter or digit after punctuation in
		// the local part, up to 64 bytes before the @.
		{"jan.kowalski@x.pl", []int{0, 4}},
		{"[biuro@x.pl](mailto:biuro@x.pl)", []int{1, 20}},
		{"a@", []int{0}},
		{"@x", nil},
		{"-.@x", nil},
		{"ąb@x", nil},
		{"(" + strings.Repeat("a", 64) + "@y", []int{1}},
		{"(" + strings.Repeat("a", 65) + "@y", nil},
	} {
		if got := linkifyStarts([]byte(tc.src)); !slices.Equal(got, tc.want) {
			t.Errorf("linkifyStarts(%q) = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// TestConvertWithoutLinkify checks which documents are parsed without
// Linkify, and that those that need it are not.
func TestConvertWithoutLinkify(t *testing.T) {
	c := New(polish)
	for _, tc := range []struct {
		src  string
		ok   bool // the parse without Linkify stands
		want string
	}{
		{"Tekst bez adresów.", true, "<p>Tekst bez adresów.</p>"},
		{"[OWES](https://owes.example.pl/oferta) i <https://www.x.pl/>", true,
			`<p><a href="https://owes.example.pl/oferta">OWES</a> i <a href="https://www.x.pl/">https://www.x.pl/</a></p>`},
		{"[biuro@x.pl](mailto:biuro@x.pl)", true, `<p><a href="mailto:biuro@x.pl">biuro@x.pl</a></p>`},
		{"`curl https://x.pl`", true, "<p><code>curl https://x.pl</code></p>"},
		{"Zobacz www.lubuskie.pl.", false, `<p>Zobacz <a href="http://www.lubuskie.pl">www.lubuskie.pl</a>.</p>`},
		{"Pisz: biuro@x.pl", false, `<p>Pisz: <a href="mailto:biuro@x.pl">biuro@x.pl</a></p>`},
		// Linkify also runs right after an inline element.
		{"`kod`http://x.pl", false, `<p><code>kod</code><a href="http://x.pl">http://x.pl</a></p>`},
		{"**a**www.x.pl", false, `<p><strong>a</strong><a href="http://www.x.pl">www.x.pl</a></p>`},
		// Linkify does nothing after a [ that may still open a link;
		// the check is not that precise, and parses again.
		{"[zob. https://x.pl", false, `<p>[zob. https://x.pl</p>`},
	} {
		src := []byte(tc.src)
		_, ok := c.convert(src, testResolver, c.withoutLinkify, linkifyStarts(src))
		if ok != tc.ok {
			t.Errorf("%q: parse without Linkify stands: %v, want %v", tc.src, ok, tc.ok)
		}
		if got := string(c.Convert(src, testResolver).HTML); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

// FuzzLinkify: wherever the parse without Linkify stands (and Convert
// would try it: no line ends in blanks, see trailingBlanks), it gives
// what the parse with it gives, and Convert always does.
func FuzzLinkify(f *testing.F) {
	for _, tc := range htmlCases {
		f.Add(tc.src)
	}
	for _, s := range []string{
		benchPage, "see www.example.org, http://x.pl/a_(b) and a.b@c.pl *x@y.pl*",
		"[a www.x.pl](b) [c](https://x.pl) <https://x.pl> `www.x.pl` ![www.x.pl](i.png)",
		"[a [b](c) http://x.pl](d) [unclosed http://u.pl", "<b>http://x.pl</b> <!-- c -->www.c.pl",
		"- [ ] www.t.pl\n\n| http://t.pl | x@y.pl |\n|---|---|\n\n[^1]\n\n[^1]: http://fn.pl",
		"O'brien@x.pl \"www.q.pl\" \\*http://x &amp;http://e.pl x&#x40;y.pl",
		"> www.q.pl\n>http://r.pl\n\n# www.h.pl\n\n    http://code\n\n```\nwww.f.pl\n```",
	} {
		f.Add(s)
	}
	convs := []*Converter{New(polish), New(unsafe)}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		if _, over := overLimits(src); over {
			return // Convert refuses it before parsing (limits.go)
		}
		for _, c := range convs {
			want, _ := c.convert(src, testResolver, c.md.Parser(), nil)
			if trailingBlanks(src) {
				// Not tried without Linkify; Convert must still agree.
			} else if got, ok := c.convert(src, testResolver, c.withoutLinkify, linkifyStarts(src)); ok && !reflect.DeepEqual(got, want) {
				t.Fatalf("%q parsed without Linkify:\n got %+v\nwant %+v", s, got, want)
			}
			if got := c.Convert(src, testResolver); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q:\n got %+v\nwant %+v", s, got, want)
			}
		}
	})
}

func TestTrailingBlanks(t *testing.T) {
	for src, want := range map[string]bool{
		"a\nb": false, "a \nb": true, "a  \nb": true, "a\t \nb": true, "a \t\r\nb": true, "a\r\nb": true,
		"0\r \n0": true, "a  b\n": false, "a   ": true, "a ": true, "": false, "  \n": true, "a\fb": false,
	} {
		if got := trailingBlanks([]byte(src)); got != want {
			t.Errorf("trailingBlanks(%q) = %v", src, got)
		}
	}
}
