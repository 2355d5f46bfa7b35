package site_test

import (
	"path"
	"strings"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/site"
)

// fuzzFiles are content files at several depths and in both languages, so
// that links can go up, down and sideways, and be tried from every page.
var fuzzFiles = map[string]string{
	"index.pl.md":                      page("Strona główna"),
	"o-nas.pl.md":                      page("O nas"),
	"o-nas.en.md":                      page("About", "slug: about"),
	"projekty/index.md":                page("Projekty"),
	"projekty/2015/zary.pl.md":         page("Żary"),
	"meetings/2015-05-14-a.pl.md":      meeting("A", "2015-05-14"),
	"meetings/2015-05-14-a.en.md":      meeting("A", "2015-05-14", "slug: a-en"),
	"meetings/2016/2016-01-10-b.pl.md": meeting("B", "2016-01-10"),
	"partners/wup.pl.md":               partner("WUP", "jst"),
	"partners/tylko-pl.md":             partner("Tylko", "ngo"),
}

// FuzzResolveLink: whatever a writer puts in a link, ResolveLink does not
// panic, never answers with a page for a path that climbs out of content/,
// and answers only with the page of the content file the path names (in
// some language), never with a generated page such as a list or the home
// page of a language without content/index.
func FuzzResolveLink(f *testing.F) {
	for _, seed := range []string{
		"../partners/wup.pl.md", "../partners/wup.md", "../../etc/passwd.md", "o-nas.md",
		"../o-nas.en.md", "./././o-nas.md", "projekty/../o-nas.md", "projekty/2015/zary.md",
		"..", "../..", "/", "", ".md", "..md", "../../content/o-nas.md", "a/../../o-nas.md",
		"index.md", "../index.pl.md", "@home.md", "@partners.md", "alias:/x.md", "..\\..\\x.md",
		"%2e%2e/x.md", "projekty/index.md", "projekty.md", "//o-nas.md", "o-nas.pl.en.md",
	} {
		for from := range uint8(4) {
			f.Add(from, seed)
		}
	}
	s, problems := build(f, fuzzFiles)
	if problems.HasErrors() {
		f.Fatal(messages(problems))
	}
	var from []*site.Page
	keys := map[string]bool{}
	for _, p := range s.Pages {
		if p.Doc != nil {
			from = append(from, p)
			keys[p.Doc.Key] = true
		}
	}
	f.Fuzz(func(t *testing.T, i uint8, dest string) {
		p := from[int(i)%len(from)]
		got, ok := s.ResolveLink(p, dest)
		if !ok {
			if got != nil {
				t.Fatalf("ResolveLink(%s, %q) = %s, false", p.Doc.Path, dest, got.URL)
			}
			// A plain path down from the linking file to a file that
			// exists must be found.
			if want := targetKey(s, p, dest); !strings.Contains(dest, "..") && keys[want] && strings.HasSuffix(dest, ".md") &&
				!strings.Contains(dest, "//") {
				t.Fatalf("ResolveLink(%s, %q) found nothing; content/%s exists", p.Doc.Path, dest, want)
			}
			return
		}
		if got == nil || got.Doc == nil {
			t.Fatalf("ResolveLink(%s, %q) = %v, a page without a content file", p.Doc.Path, dest, got)
		}
		// The same path, resolved independently: the folder of the
		// linking file joined with dest, from the root of the disk.
		abs := path.Join("/"+path.Dir(p.Doc.Path), dest)
		if !strings.HasPrefix(abs, "/content/") {
			t.Fatalf("ResolveLink(%s, %q) = %s, but %s is outside content/", p.Doc.Path, dest, got.Doc.Path, abs)
		}
		if want := targetKey(s, p, dest); got.Doc.Key != want {
			t.Fatalf("ResolveLink(%s, %q) = %s (key %q), want the file with key %q", p.Doc.Path, dest, got.Doc.Path, got.Doc.Key, want)
		}
	})
}

// targetKey is the translation key that dest, relative to the file of p,
// names: its path under content/ without .md and a language suffix.
func targetKey(s *site.Site, p *site.Page, dest string) string {
	abs := path.Join("/"+path.Dir(p.Doc.Path), dest)
	key := strings.TrimSuffix(strings.TrimPrefix(abs, "/content/"), ".md")
	if ext := path.Ext(key); ext != "" && s.Config.Language(ext[1:]) != nil {
		key = strings.TrimSuffix(key, ext)
	}
	// A bundle's index file is keyed by its folder.
	if k, ok := strings.CutSuffix(key, "/index"); ok && k != "meetings" && k != "partners" {
		key = k
	}
	return key
}

// TestResolveLinkContentFilesOnly pins what FuzzResolveLink found: the home
// page's file was not found by its name (the page is keyed @home), and a
// link named after a generated page's key led to that page.
func TestResolveLinkContentFilesOnly(t *testing.T) {
	s, problems := build(t, fuzzFiles)
	if problems.HasErrors() {
		t.Fatal(messages(problems))
	}
	from := s.ByURL("/o-nas/")
	for _, c := range []struct{ dest, want string }{
		{"index.md", "/"},
		{"index.pl.md", "/"},
		{"projekty/index.md", "/projekty/"},
		{"@home.md", ""},
		{"@partners.md", ""},
		{"@meetings.md", ""},
		{"projekty/../@home.md", ""},
	} {
		p, ok := s.ResolveLink(from, c.dest)
		got := ""
		if ok {
			got = p.URL
		}
		if got != c.want {
			t.Errorf("ResolveLink(%q) = %q, want %q", c.dest, got, c.want)
		}
	}
}
