package build

import (
	"slices"
	"testing"
)

// TestGuessName reads names that are not UTF-8 in the Polish code pages:
// the one reading made only of Polish letters wins, and a name that no
// page reads as Polish gets no guess.
func TestGuessName(t *testing.T) {
	cases := []struct {
		in, want string
		pages    []string
	}{
		{"content/sp\xa2\x88ka.md", "content/spółka.md", []string{"CP852"}},
		{"static/\xa5\x86\xa9\x88\xe4\xa2\x98\xab\xbe.txt", "static/ąćęłńóśźż.txt", []string{"CP852"}},
		{"content/za\xbf\xf3\xb3\xe6.md", "content/zażółć.md", []string{"Windows-1250", "ISO-8859-2"}},
		{"content/\x9cl\xb9sk.md", "content/śląsk.md", []string{"Windows-1250"}},
		{"content/\xb6l\xb1sk.md", "content/śląsk.md", []string{"ISO-8859-2"}},
		{"content/ok/\xa3\xf3d\xbc.md", "content/ok/Łódź.md", []string{"ISO-8859-2"}},
		{"content/caf\xe9\xe9\xe9.md", "", nil},
		{"content/\x81\x81.md", "", nil},
	}
	for _, c := range cases {
		got, pages := guessName(c.in)
		if got != c.want || !slices.Equal(pages, c.pages) {
			t.Errorf("guessName(%q) = %q %v, want %q %v", c.in, got, pages, c.want, c.pages)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"content/a b.md":      `$'content/a b.md'`,
		"content/it's\xbf.md": `$'content/it\'s\xbf.md'`,
		"content/x\\y\x1b.md": `$'content/x\\y\x1b.md'`,
		"content/zażółć.md":   `$'content/zażółć.md'`,
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
