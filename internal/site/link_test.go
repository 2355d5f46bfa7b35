package site

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzLinker: the shortcut for plain paths gives what url.URL gives.
func FuzzLinker(f *testing.F) {
	for _, c := range [][2]string{
		{"https://x.example/", "/spotkania/2015/a/"}, {"https://x.example/preview/", "/en/"}, {"http://x.example", "/a b/"},
		{"https://x.example/a%20b/", "/x/"}, {"https://u@x.example/", "/x/"}, {"https://x.example/?q=1", "/x/"},
		{"https://x.example:8080/p", "/ą/"}, {"https://x.example/", "x"}, {"https://x.example/", "/a:b/"}, {"https://x.example/", "//x"},
		{"//0", "/"}, {"https://X.example/a;b/", "/$&+,:;=@/"},
	} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, base, path string) {
		u, err := url.Parse(base)
		if err != nil {
			return
		}
		slow := *u
		slow.Path = strings.TrimSuffix(u.Path, "/") + path
		if got, want := NewLinker(u).Abs(path), slow.String(); got != want {
			t.Errorf("base %q, path %q: %q, url.URL gives %q", base, path, got, want)
		}
	})
}

func TestLinkerShortcut(t *testing.T) {
	u, _ := url.Parse("https://x.example/preview/")
	k := NewLinker(u)
	if k.prefix != "https://x.example/preview" {
		t.Errorf("no shortcut for a plain base: %q", k.prefix)
	}
	if got := k.Abs("/spotkania/"); got != "https://x.example/preview/spotkania/" {
		t.Errorf("Abs = %q", got)
	}
}
