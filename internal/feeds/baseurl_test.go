package feeds_test

import (
	"encoding/json"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/feeds"
)

// TestBaseURL builds the sample site for a preview deployment under a path
// (--base-url) and expects every absolute URL to follow: feeds, calendars,
// sitemap, robots.txt, canonical links, og:url and JSON-LD. Not one file
// may still name the configured host.
func TestBaseURL(t *testing.T) {
	const preview = "https://preview.example.net/pr-7/"
	b := buildFS(t, os.DirFS("../.."), build.Options{Now: announceNow, BaseURL: preview})
	if b.site.Config.BaseURL != preview {
		t.Fatalf("base URL %q", b.site.Config.BaseURL)
	}
	oldHost := hostOf(sampleBase)
	for p, data := range b.files {
		switch path.Ext(p) {
		case ".html", ".xml", ".ics", ".txt", ".json", ".css", ".js", ".svg":
			if strings.Contains(string(data), oldHost) {
				t.Errorf("%s still names %s", p, oldHost)
			}
		}
	}
	if want := "Sitemap: " + preview + "sitemap.xml\n"; !strings.HasSuffix(string(b.files["robots.txt"]), want) {
		t.Errorf("robots.txt:\n%s\nwant the line %q", b.files["robots.txt"], want)
	}
	// The structural checks take the base from the build, so they now
	// expect the preview's addresses everywhere.
	checkSitemap(t, b)
	for _, l := range b.site.Langs {
		checkAtom(t, b, l)
		p := strings.TrimPrefix(feeds.CalendarPath(l), "/")
		cal := parseCalendar(t, p, b.files[p])
		for i, m := range l.Meetings {
			checkEvent(t, b, p, cal.Comps[i], m)
		}
	}
	urls := 0
	for _, p := range b.site.Pages {
		checkPageMeta(t, b, p)
		file := outputOf(p)
		head := readHead(parseHTML(t, file, b.files[file]))
		for _, ld := range head.ldJSON {
			var v any
			if err := json.Unmarshal([]byte(ld), &v); err != nil {
				t.Fatal(err)
			}
			eachString(v, func(s string) {
				if strings.HasPrefix(s, "http") && !strings.HasPrefix(s, "https://schema.org") {
					urls++
					if !strings.HasPrefix(s, preview) {
						t.Errorf("%s: JSON-LD URL %s is not under %s", file, s, preview)
					}
				}
			})
		}
	}
	if urls == 0 {
		t.Error("no URL found in JSON-LD")
	}
	t.Logf("%d JSON-LD URLs under the preview base", urls)
}

// eachString calls fn for every string in a decoded JSON value.
func eachString(v any, fn func(string)) {
	switch v := v.(type) {
	case string:
		fn(v)
	case []any:
		for _, e := range v {
			eachString(e, fn)
		}
	case map[string]any:
		for _, e := range v {
			eachString(e, fn)
		}
	}
}
