package render

import (
	"os"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/i18n"
)

// TestSize: file sizes as each language writes them.
func TestSize(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int64
		want string
	}{
		{"pl", 512, "512 B"},
		{"pl", 340_000, "340 kB"},
		{"pl", 999_499, "999 kB"},
		{"pl", 1_234_567, "1,2 MB"},
		{"en", 1_234_567, "1.2 MB"},
		{"pl", 2_000_000, "2 MB"},
		{"pl", 12_345_678, "12 MB"},
	} {
		data, err := os.ReadFile("../../templates/i18n/" + c.lang + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		cat, problems := i18n.Parse(c.lang+".yaml", c.lang, data)
		if problems.HasErrors() {
			t.Fatal(problems.Items())
		}
		got, err := (&Locale{Code: c.lang, cat: cat}).Size(c.n)
		if err != nil || got != c.want {
			t.Errorf("%s Size(%d) = %q, %v; want %q", c.lang, c.n, got, err, c.want)
		}
	}
}
