package editor

import "testing"

func TestRelLink(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{"meetings/a.pl.md", "partners/b.pl.md", "../partners/b.pl.md"},
		{"meetings/a.pl.md", "meetings/c.pl.md", "c.pl.md"},
		{"o-nas.pl.md", "partners/b.pl.md", "partners/b.pl.md"},
		{"meetings/a.pl.md", "kontakt.pl.md", "../kontakt.pl.md"},
		{"a/b/c.md", "a/d/e.md", "../d/e.md"},
	} {
		if got := relLink(c.from, c.to); got != c.want {
			t.Errorf("relLink(%q, %q) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
}
