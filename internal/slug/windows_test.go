package slug_test

import (
	"testing"

	"github.com/lubuskie-es/sitegen/internal/slug"
)

func TestUnportable(t *testing.T) {
	bad := []string{
		"CON", "con", "Con.html", "aux.txt", "NUL", "nul.tar.gz", "prn", "COM1", "com9.xml", "lpt1", "LPT9.csv", "com¹", "lpt³.txt", "con .txt",
		"a:b", "a<b", "a>b", `a"b`, "a|b", "a?b", "a*b", "a\x01b", "a\x7fb", "a\tb",
		"a.", "a ", "...", "index.html.",
	}
	for _, name := range bad {
		if slug.Unportable(name) == "" {
			t.Errorf("Unportable(%q) = \"\", want a reason", name)
		}
	}
	good := []string{"console", "conference.html", "com10", "com0", "lpt", "auxiliary", "nul-a", "a.con", "x-con", "index.html", "łódź", ".htaccess", "a b"}
	for _, name := range good {
		if why := slug.Unportable(name); why != "" {
			t.Errorf("Unportable(%q) = %q, want \"\"", name, why)
		}
	}
}
