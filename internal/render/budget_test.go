package render_test

import (
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/i18n"
	"github.com/lubuskie-es/sitegen/internal/render"
)

// TestEndlessTemplatesRefused: the two ways to write a template that never
// ends are refused before any page runs, at their file, line and column.
func TestEndlessTemplatesRefused(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		want  string // the one problem, or "" for none
	}{
		{"a range over a huge number",
			map[string]string{"templates/layouts/meeting.html": "{{define \"main\"}}\n{{range 1000000000000}}{{end}}{{end}}"},
			"templates/layouts/meeting.html:2:8: range over 1000000000000: a template may range over at most 10000"},
		{"a range over a big number in a partial",
			map[string]string{"templates/partials/x.html": "{{define \"x\"}}{{range 20000}}.{{end}}{{end}}"},
			"templates/partials/x.html:1:22: range over 20000: a template may range over at most 10000"},
		{"a small range is fine",
			map[string]string{"templates/layouts/meeting.html": `{{define "main"}}{{range 5}}.{{end}}{{end}}`}, ""},
		{"a template that calls itself",
			map[string]string{"templates/partials/x.html": "{{define \"x\"}}\n{{template \"x\" .}}{{end}}"},
			`templates/partials/x.html:2:11: template "x" calls itself (x → x): a page would never end`},
		{"through another",
			map[string]string{"templates/partials/x.html": "{{define \"x\"}}{{template \"y\" .}}{{end}}\n{{define \"y\"}}{{if .}}{{template \"x\" .}}{{end}}{{end}}"},
			`templates/partials/x.html:2:33: template "x" calls itself (x → y → x): a page would never end`},
		{"a fan-out of the layout's main",
			map[string]string{"templates/layouts/page.html": "{{define \"main\"}}{{range 5}}{{template \"main\" $}}{{end}}{{end}}"},
			`templates/layouts/page.html:1:39: template "main" calls itself (main → main): a page would never end`},
		{"calling a partial twice is fine",
			map[string]string{"templates/partials/x.html": `{{define "x"}}{{template "y" .}}{{template "y" .}}{{end}}{{define "y"}}y{{end}}`}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, msgs := setup(t, "https://example.org/", layouts(c.files))
			var want []string
			if c.want != "" {
				want = []string{c.want}
			}
			if len(msgs) != len(want) || (len(want) == 1 && !strings.HasPrefix(msgs[0], want[0])) {
				t.Errorf("got %q\nwant %q", msgs, want)
			}
		})
	}
}

// TestPageTimeout: a page whose templates run past the budget is given up
// on with an error naming its layout and page; the next fails at once,
// until Reset.
func TestPageTimeout(t *testing.T) {
	_, s, _ := setup(t, "https://example.org/", layouts(nil))
	cfg, _ := config.Parse([]byte("baseURL: https://example.org/\nlanguages:\n  - code: pl\n    title: Partnerstwo\n    sections: {meetings: spotkania}\n"))
	cat, _ := i18n.Parse("templates/i18n/pl.yaml", "pl", []byte(catalogPL))
	// The number is worked out while the page runs, so no parse tree shows it.
	r, ps := render.New(layouts(map[string]string{"templates/layouts/meeting.html": `{{define "main"}}{{range (add 1000000000000 0)}}{{end}}{{end}}`}),
		cfg, map[string]*i18n.Catalog{"pl": cat}, nil, render.Options{Timeout: 100 * time.Millisecond})
	if ps.Len() > 0 {
		t.Fatal(ps.Items())
	}
	p := s.ByURL("/spotkania/2015/spotkanie/")
	start := time.Now()
	_, err := r.Page(s, p)
	if took := time.Since(start); err == nil || took > 5*time.Second {
		t.Fatalf("got %v after %s, want an error after about 100ms", err, took)
	}
	if got := err.Error(); !strings.HasPrefix(got, "templates/layouts/meeting.html: rendering /spotkania/2015/spotkanie/ took longer than 100ms: a template may never end") {
		t.Errorf("error %q", got)
	}
	start = time.Now()
	_, err = r.Page(s, s.ByURL("/"))
	if err == nil || !strings.Contains(err.Error(), "ran out of time on another page") || time.Since(start) > 50*time.Millisecond {
		t.Errorf("the next page: %v after %s, want an error at once", err, time.Since(start))
	}
	r.Reset()
	if _, err := r.Page(s, s.ByURL("/")); err != nil {
		t.Errorf("after Reset the home page fails: %v", err)
	}
}
