package render_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/i18n"
	"github.com/lubuskie-es/sitegen/internal/render"
	"github.com/lubuskie-es/sitegen/internal/site"
)

const catalogPL = `
dates:
  months: [styczeń, luty, marzec, kwiecień, maj, czerwiec, lipiec, sierpień, wrzesień, październik, listopad, grudzień]
  months_genitive: [stycznia, lutego, marca, kwietnia, maja, czerwca, lipca, sierpnia, września, października, listopada, grudnia]
  long: "{day} {month_genitive} {year} r."
  month_year: "{month} {year}"
  short: "{dd}.{mm}.{year}"
strings:
  home: Strona główna
  meetings: Spotkania
  partners: Partnerzy
  tags: Tagi
  meetings_count:
    one: "{n} spotkanie"
    few: "{n} spotkania"
    many: "{n} spotkań"
    other: "{n} spotkania"
`

// layouts gives every kind a trivial layout, with overrides.
func layouts(overrides map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"templates/layouts/base.html": {Data: []byte(`{{block "main" .}}{{end}}`)},
	}
	for _, k := range []string{"home", "meeting", "partner", "page", "meetings", "year", "upcoming", "partners", "tag", "tags", "search", "alias", "404"} {
		fsys["templates/layouts/"+k+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{.Title}}{{end}}`)}
	}
	for name, src := range overrides {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

func setup(t *testing.T, baseURL string, fsys fstest.MapFS) (*render.Renderer, *site.Site, []string) {
	t.Helper()
	cfg, ps := config.Parse([]byte("baseURL: " + baseURL + "\nlanguages:\n  - code: pl\n    title: Partnerstwo\n    sections: {meetings: spotkania}\n"))
	if ps.HasErrors() {
		t.Fatal(ps.Items())
	}
	cat, ps := i18n.Parse("templates/i18n/pl.yaml", "pl", []byte(catalogPL))
	if ps.HasErrors() {
		t.Fatal(ps.Items())
	}
	doc, ps := content.Parse("meetings/2015-05-14-spotkanie.md",
		[]byte("---\ntitle: Spotkanie\ndate: 2015-05-14\nlocation: Zielona Góra\n---\n"), content.Options{Languages: []string{"pl"}, Location: time.UTC})
	if ps.HasErrors() {
		t.Fatal(ps.Items())
	}
	s, ps := site.Build(cfg, []*content.Doc{doc}, site.Options{Now: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
	if ps.HasErrors() {
		t.Fatal(ps.Items())
	}
	r, ps := render.New(fsys, cfg, map[string]*i18n.Catalog{"pl": cat}, map[string]render.Asset{"css/site.css": {Path: "/css/site.abc.css", Integrity: "sha384-x"}}, render.Options{})
	var msgs []string
	for _, p := range ps.Items() {
		msgs = append(msgs, p.String())
	}
	return r, s, msgs
}

func TestTemplateParseErrorNamesFileAndLine(t *testing.T) {
	_, _, msgs := setup(t, "https://example.org/", layouts(map[string]string{
		"templates/layouts/meeting.html": "{{define \"main\"}}\n<p>\n{{.Title}\n{{end}}",
	}))
	want := []string{`templates/layouts/meeting.html:3: bad character U+007D '}'`}
	if !slices.Equal(msgs, want) {
		t.Errorf("got %q, want %q", msgs, want)
	}
}

func TestMissingLayout(t *testing.T) {
	fsys := layouts(nil)
	delete(fsys, "templates/layouts/partner.html")
	_, _, msgs := setup(t, "https://example.org/", fsys)
	want := []string{"templates/layouts/partner.html: the layout for partner pages is missing"}
	if !slices.Equal(msgs, want) {
		t.Errorf("got %q, want %q", msgs, want)
	}
}

func TestExecutionErrorNamesFileLineAndColumn(t *testing.T) {
	r, s, msgs := setup(t, "https://example.org/", layouts(map[string]string{
		"templates/layouts/meeting.html": "{{define \"main\"}}\n<p>{{.L.T \"no_such_key\"}}</p>\n{{end}}",
	}))
	if len(msgs) > 0 {
		t.Fatal(msgs)
	}
	_, err := r.Page(s, s.ByURL("/spotkania/2015/spotkanie/"))
	pe, ok := err.(*render.ProblemError)
	if !ok {
		t.Fatalf("error %v is not a *render.ProblemError", err)
	}
	got := pe.Problem.String()
	if !strings.HasPrefix(got, "templates/layouts/meeting.html:2:8: ") || !strings.Contains(got, `unknown string "no_such_key"`) {
		t.Errorf("got %q", got)
	}
}

func TestFunctions(t *testing.T) {
	cases := []struct{ base, tmpl, want string }{
		{"https://example.org/", `{{url .Page}}`, "/spotkania/2015/spotkanie/"},
		{"https://example.org/preview/", `{{url .Page}}`, "/preview/spotkania/2015/spotkanie/"},
		{"https://example.org/preview/", `{{absURL .Page}}`, "https://example.org/preview/spotkania/2015/spotkanie/"},
		{"https://example.org/", `{{asset "css/site.css"}} {{integrity "/css/site.css"}}`, "/css/site.abc.css sha384-x"},
		{"https://example.org/", `{{.L.Date .Page.Doc.Date}} / {{.L.MonthYear .Page.Doc.Date}}`, "14 maja 2015 r. / maj 2015"},
		{"https://example.org/", `<time datetime="{{isoDate .Page.Doc.Date .Page.Doc.HasTime}}">`, `<time datetime="2015-05-14">`},
		{"https://example.org/", `{{.L.N "meetings_count" 1}}, {{.L.N "meetings_count" 3}}, {{.L.N "meetings_count" 5}}, {{.L.N "meetings_count" 22}}`, "1 spotkanie, 3 spotkania, 5 spotkań, 22 spotkania"},
		{"https://example.org/", `{{range .Breadcrumbs}}{{.Title}}>{{end}}`, "Strona główna>Spotkania>2015>Spotkanie>"},
		{"https://example.org/", `{{.Page.Doc.Location}}<a title="{{.Page.Doc.Title}}">`, `Zielona Góra<a title="Spotkanie">`},
	}
	for _, c := range cases {
		r, s, msgs := setup(t, c.base, layouts(map[string]string{
			"templates/layouts/meeting.html": `{{define "main"}}` + c.tmpl + `{{end}}`,
		}))
		if len(msgs) > 0 {
			t.Fatalf("%s: %v", c.tmpl, msgs)
		}
		got, err := r.Page(s, s.ByURL("/spotkania/2015/spotkanie/"))
		if err != nil {
			t.Fatalf("%s: %v", c.tmpl, err)
		}
		if string(got) != c.want {
			t.Errorf("%s with base %s:\n got %s\nwant %s", c.tmpl, c.base, got, c.want)
		}
	}
}

func TestOutputPath(t *testing.T) {
	for url, want := range map[string]string{
		"/":                       "index.html",
		"/en/":                    "en/index.html",
		"/spotkania/2015/x/":      "spotkania/2015/x/index.html",
		"/aktualnosci/stara.html": "aktualnosci/stara.html",
	} {
		if got := render.OutputPath(url); got != want {
			t.Errorf("OutputPath(%q) = %q, want %q", url, got, want)
		}
	}
}

// TestPreparedErrorsNameLinesAsWritten checks that errors in prepared
// (here: flattened onto one line) templates are reported at the line the
// writer sees, both when parsing and when executing.
func TestPreparedErrorsNameLinesAsWritten(t *testing.T) {
	flatten := func(_ string, src []byte) ([]byte, error) {
		return []byte(strings.ReplaceAll(string(src), "\n", " ")), nil
	}
	cfg, ps := config.Parse([]byte("baseURL: https://example.org/\nlanguages:\n  - code: pl\n    title: Partnerstwo\n    sections: {meetings: spotkania}\n"))
	if ps.HasErrors() {
		t.Fatal(ps.Items())
	}
	cat, _ := i18n.Parse("templates/i18n/pl.yaml", "pl", []byte(catalogPL))
	catalogs := map[string]*i18n.Catalog{"pl": cat}

	_, ps = render.New(layouts(map[string]string{"templates/layouts/page.html": "{{define \"main\"}}\n\n{{.Title}\n{{end}}"}), cfg, catalogs, nil, render.Options{Prepare: flatten})
	if got := ps.Items(); len(got) != 1 || got[0].Line != 3 {
		t.Errorf("parse error reported as %v, want line 3", got)
	}

	_, s, _ := setup(t, "https://example.org/", layouts(nil))
	r, ps := render.New(layouts(map[string]string{"templates/layouts/meeting.html": "{{define \"main\"}}\n<p>\n{{.L.T \"no_such_key\"}}</p>\n{{end}}"}), cfg, catalogs, nil, render.Options{Prepare: flatten})
	if ps.Len() > 0 {
		t.Fatal(ps.Items())
	}
	_, err := r.Page(s, s.ByURL("/spotkania/2015/spotkanie/"))
	pe, ok := err.(*render.ProblemError)
	if !ok || pe.Problem.Path != "templates/layouts/meeting.html" || pe.Problem.Line != 3 {
		t.Errorf("execution error reported as %v, want templates/layouts/meeting.html line 3", err)
	}
}

// TestCachedPartialsSeeOnlyTheirKey checks that a cached partial is run
// with the value it is keyed by and nothing else: it cannot read the page
// that asked for it first, so it cannot show that page's data on others.
func TestCachedPartialsSeeOnlyTheirKey(t *testing.T) {
	cases := []struct{ name, tmpl, want string }{
		{"chrome has the language", `{{define "main"}}{{partialCached "x" .Chrome}}{{end}}{{define "x"}}{{.Lang.Config.Code}} {{.L.T "home"}}{{end}}`, "pl Strona główna"},
		{"page as its own key", `{{define "main"}}{{partialCached "x" .Page}}{{end}}{{define "x"}}{{.Doc.Title}}{{end}}`, "Spotkanie"},
		{"chrome has no page", `{{define "main"}}{{partialCached "x" .Chrome}}{{end}}{{define "x"}}{{.Page.Doc.Title}}{{end}}`, "error: can't evaluate field Page"},
		{"menu has no title", `{{define "main"}}{{partialCached "x" .Menu}}{{end}}{{define "x"}}{{.Title}}{{end}}`, "error: can't evaluate field Title"},
		{"a map cannot key", `{{define "main"}}{{partialCached "x" (dict "Page" .Page)}}{{end}}{{define "x"}}{{end}}`, "error: cannot key a fragment"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, s, msgs := setup(t, "https://example.org/", layouts(map[string]string{"templates/layouts/meeting.html": c.tmpl}))
			if len(msgs) > 0 {
				t.Fatal(msgs)
			}
			got, err := r.Page(s, s.ByURL("/spotkania/2015/spotkanie/"))
			if want, ok := strings.CutPrefix(c.want, "error: "); ok {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("error %v, want one saying %q", err, want)
				}
				return
			}
			if err != nil || string(got) != c.want {
				t.Errorf("got %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

// TestCachedPartialsAreShared checks that a cached partial runs once per
// key: a second page of the same language gets the first one's fragment,
// and Reset forgets it.
func TestCachedPartialsAreShared(t *testing.T) {
	r, s, msgs := setup(t, "https://example.org/", layouts(map[string]string{
		"templates/layouts/meeting.html": `{{define "main"}}{{partialCached "x" .Chrome}}{{end}}{{define "x"}}{{len .Lang.Meetings}}{{end}}`,
	}))
	if len(msgs) > 0 {
		t.Fatal(msgs)
	}
	p := s.ByURL("/spotkania/2015/spotkanie/")
	first, err := r.Page(s, p)
	if err != nil || string(first) != "1" {
		t.Fatalf("got %q, %v", first, err)
	}
	l := s.Lang("pl")
	saved := l.Meetings
	l.Meetings = append(l.Meetings, p)
	defer func() { l.Meetings = saved }()
	if again, _ := r.Page(s, p); string(again) != "1" {
		t.Errorf("second render gave %q: the fragment was not reused", again)
	}
	r.Reset()
	if fresh, _ := r.Page(s, p); string(fresh) != "2" {
		t.Errorf("after Reset gave %q, want the site as it is now (2)", fresh)
	}
}

// TestTemplateErrorsAtLineAndColumn checks that each kind of template
// error is reported at the innermost template's file, line and column
// where html/template gives them: an execution error in a partial (not
// at the layout that called it), an escaping error at a node, an
// escaping error that names only a template (at its definition), and a
// parse error, for which text/template gives only the line.
func TestTemplateErrorsAtLineAndColumn(t *testing.T) {
	meeting := `{{define "main"}}{{template "x" .}}{{partialCached "y" .Page}}{{end}}`
	cases := []struct{ name, partial, want string }{
		{"execution in a partial", "{{define \"x\"}}\n<p>  {{.Nope}}</p>{{end}}",
			`templates/partials/x.html:2:8: executing "x" at <.Nope>: can't evaluate field Nope in type *render.View`},
		{"call in a partial", "{{define \"x\"}}\n\n  {{index .Title 50}}{{end}}",
			`templates/partials/x.html:3:5: executing "x" at <index .Title 50>: error calling index: index out of range: 50`},
		{"no such template", "{{define \"x\"}}\n<p>  {{template \"zz\"}}</p>{{end}}",
			`templates/partials/x.html:2:17: no such template "zz"`},
		{"branches differ", "{{define \"x\"}}\n<p>{{if .Title}}<b x=\"{{end}}</p>{{end}}",
			`templates/partials/x.html:2:9: {{if}} branches end in different contexts`},
		{"only the template named", "{{define \"x\"}}{{end}}\n{{define \"y\"}}<script>var a = \"{{.URL}}</script>{{end}}",
			`templates/partials/x.html:2:15: in template "y": ends in a non-text context`},
		{"output ends in a script", "{{define \"x\"}}<script>var a = \"{{.Title}}{{end}}",
			`templates/layouts/base.html:1:1: in template "templates/layouts/base.html": ends in a non-text context`},
		{"parse error", "{{define \"x\"}}\n\n<p>{{nofunc}}</p>{{end}}",
			`templates/partials/x.html:3: function "nofunc" not defined`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, s, msgs := setup(t, "https://example.org/", layouts(map[string]string{
				"templates/layouts/meeting.html": meeting,
				"templates/partials/x.html":      c.partial,
			}))
			got := strings.Join(msgs, "\n")
			if len(msgs) == 0 {
				_, err := r.Page(s, s.ByURL("/spotkania/2015/spotkanie/"))
				if err == nil {
					t.Fatal("no error")
				}
				got = err.Error()
			}
			if !strings.HasPrefix(got, c.want) {
				t.Errorf("got  %s\nwant %s…", got, c.want)
			}
		})
	}
}
