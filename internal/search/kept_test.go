package search

import (
	"strings"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/site"
)

// TestKeptText: the index reads the same body from the kept start of a
// text as from the whole text, and nothing past it is kept.
func TestKeptText(t *testing.T) {
	words := func(n int, sep string) string {
		w := make([]string, n)
		for i := range w {
			w[i] = "słowo"
		}
		return strings.Join(w, sep)
	}
	for _, tc := range []struct {
		name, text, summary string
		keepAll             bool // the whole text is needed
	}{
		{name: "empty", text: "", keepAll: true},
		{name: "short", text: "Spotkanie w Żarach.", keepAll: true},
		{name: "summary only", text: "Krótko.", summary: "Krótko.", keepAll: true},
		{name: "summary first", text: "Krótko.\n\n" + words(100, " "), summary: "Krótko."},
		{name: "summary elsewhere", text: words(100, " ") + " Krótko.", summary: "Krótko."},
		{name: "summary twice", text: "A. A. " + words(100, " "), summary: "A."},
		{name: "exactly enough words", text: words(BodyWords, " "), keepAll: true},
		{name: "one word more", text: words(BodyWords+1, " ")},
		{name: "punctuation", text: words(BodyWords+5, ", ") + "!"},
		{name: "spaces around", text: " \u00a0\t" + words(BodyWords+5, "\n") + "  "},
		{name: "no-break spaces", text: "Krótko.\u00a0" + words(BodyWords+5, "\u00a0"), summary: "Krótko."},
		{name: "trailing space", text: words(3, " ") + " \n", keepAll: false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			kept := KeptText(tc.text, tc.summary)
			if !strings.HasPrefix(tc.text, kept) {
				t.Fatalf("kept %q is not the start of the text", kept)
			}
			whole := bodyText(&site.Page{Text: tc.text, Summary: tc.summary})
			if got := bodyText(&site.Page{Text: kept, Summary: tc.summary}); got != whole {
				t.Errorf("body from the kept text %q, from the whole text %q", got, whole)
			}
			if tc.keepAll != (kept == tc.text) {
				t.Errorf("kept %d of %d bytes", len(kept), len(tc.text))
			}
		})
	}
}
