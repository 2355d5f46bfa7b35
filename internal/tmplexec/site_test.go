package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"sync"
	"testing"
	"time"
)

// A template set shaped like the site's (templates/): a base layout with
// blocks, partials called with {{template}} and through a caching
// function, a View with pointer fields, slices of structs, times and
// template.HTML content, in every escaping context the site uses.

type sitePage struct {
	Kind, Title, URL, Summary, Location string
	Date                                time.Time
	HasTime                             bool
	Content                             template.HTML
	Host                                *sitePage
	Participants, Tags, Items           []*sitePage
	Guests                              []siteGuest
	Translations                        []*sitePage
	Lang                                *siteLang
	Paginate                            *sitePager
}

type siteGuest struct{ Name, Role string }

type sitePager struct {
	Number, Total int
	Prev, Next    *sitePage
}

type siteLang struct {
	Code, Name, Title, Locale string
	Home, MeetingsIndex       *sitePage
	Accessibility             string
	Menu                      []*sitePage
	Meetings                  []*sitePage
	Years                     []int
}

type siteCrumb struct {
	Title string
	Page  *sitePage
}

type siteAlternate struct{ Code, URL string }

type siteView struct {
	Page                 *sitePage
	Lang                 *siteLang
	Title, Description   string
	Breadcrumbs          []siteCrumb
	Section              *sitePage
	IsHome, Described    bool
	Article              bool
	AbsURL, ImageURL     string
	Alternates           []siteAlternate
	XDefault             string
	SectionCurrent       string
	Languages            []*siteLang
	Upcoming, NoUpcoming bool
}

// Like the site's schema.org description: marshalled to JSON in a script.
type siteJSONLD struct {
	Context string `json:"@context"`
	Type    string `json:"@type"`
	Name    string `json:"name"`
	URL     string `json:"url"`
	Date    string `json:"startDate,omitempty"`
}

func siteTemplates() map[string]string {
	return map[string]string{
		"base.html": `<!DOCTYPE html>
<html lang="{{.Lang.Code}}">
<head>
<meta charset="utf-8">
<title>{{if .IsHome}}{{.Title}}{{else}}{{.Title}} – {{.Lang.Title}}{{end}}</title>
<meta name="description" content="{{.Description}}">
{{block "head" .}}<link rel="canonical" href="{{.AbsURL}}">
{{- range .Alternates}}
<link rel="alternate" hreflang="{{.Code}}" href="{{.URL}}">{{end}}
{{- with .XDefault}}
<link rel="alternate" hreflang="x-default" href="{{.}}">{{end}}{{end}}
{{template "head-meta" .}}
{{- partialCached "head-end" .}}
{{template "header" .}}
{{- if .Breadcrumbs}}{{template "breadcrumbs" .}}{{end}}
<main id="main" tabindex="-1">
{{block "main" .}}{{end}}
</main>
{{partialCached "footer" .}}
</body>
</html>`,
		"partials/head.html": `{{define "head-end"}}
{{- with .Lang.Accessibility}}
<meta name="deklaracja-dostępności" content="{{absURL .}}">
{{- end}}
<link rel="stylesheet" href="{{asset "css/site.css"}}" integrity="{{integrity "css/site.css"}}">
</head>
<body>
<a class="skip-link" href="#main">{{t "skip_to_content"}}</a>
{{- end}}
{{define "head-meta"}}
{{- if .Described}}
<meta property="og:type" content="{{if .Article}}article{{else}}website{{end}}">
<meta property="og:site_name" content="{{.Lang.Title}}">
<meta property="og:title" content="{{.Title}}">
<meta property="og:description" content="{{.Description}}">
<meta property="og:url" content="{{.AbsURL}}">
{{- with .Lang.Locale}}
<meta property="og:locale" content="{{.}}">
{{- end}}
{{- range .Page.Translations}}{{with .Lang.Locale}}
<meta property="og:locale:alternate" content="{{.}}">
{{- end}}{{end}}
{{- with .ImageURL}}
<meta property="og:image" content="{{.}}">
{{- end}}
<meta name="twitter:title" content="{{.Title}}">
{{- with jsonLD .}}
<script type="application/ld+json">{{.}}</script>
{{- end}}
{{- end}}
{{partialCached "feed-links" .}}
{{- with eventPath .Lang .Page}}
<link rel="alternate" type="text/calendar" href="{{absURL .}}" title="{{t "add_to_calendar"}}">
{{- end}}
{{end}}
{{define "feed-links"}}<link rel="alternate" type="application/atom+xml" href="{{absURL (feedPath .Lang)}}" title="{{t "meetings_feed"}}">{{end}}`,
		"partials/header.html": `{{define "header"}}
<header class="site-header">
<a class="site-title" href="{{url .Lang.Home}}"{{if .IsHome}} aria-current="page"{{end}}>{{template "site-mark"}}<span>{{.Lang.Title}}</span></a>
{{template "language-switcher" .}}
<nav class="main-menu" aria-label="{{t "main_menu"}}">
<ul>
{{- range .Lang.Menu}}
<li><a href="{{url .}}"{{if eq . $.Section}} aria-current="{{$.SectionCurrent}}"{{end}}>{{if eq .Kind "meetings"}}{{t "meetings"}}{{else}}{{.Title}}{{end}}</a></li>
{{- end}}
</ul>
</nav>
</header>
{{end}}
{{define "site-mark"}}<svg class="site-mark" viewBox="0 0 40 40" aria-hidden="true"><circle cx="14" cy="15" r="10"/></svg>{{end}}
{{define "language-switcher"}}
<nav class="language-switcher" aria-label="{{t "language_switcher"}}"><ul>
{{- range .Languages}}<li>{{if eq .Code $.Lang.Code}}<span aria-current="true" lang="{{.Code}}">{{.Name}}</span>{{else}}<a href="{{url .Home}}" hreflang="{{.Code}}" lang="{{.Code}}">{{.Name}}</a>{{end}}</li>{{end}}
</ul></nav>
{{end}}
{{define "breadcrumbs"}}
<nav class="breadcrumbs wrap" aria-label="{{t "breadcrumbs"}}">
<ol>
{{- range .Breadcrumbs}}
<li><a href="{{url .Page}}">{{.Title}}</a></li>
{{- end}}
<li><span aria-current="page">{{.Title}}</span></li>
</ol>
</nav>
{{end}}
{{define "footer"}}
{{- $lang := .Lang.Code}}
<footer class="site-footer"><p class="footer-title">{{.Lang.Title}}</p><p>{{t "footer_about"}}</p>
<ul>{{range .Lang.Menu}}<li><a href="{{url .}}"{{if ne .Lang.Code $lang}} hreflang="{{.Lang.Code}}"{{end}}>{{.Title}}</a></li>{{end}}</ul>
</footer>
{{end}}`,
		"partials/meetings.html": `{{define "meeting-list"}}
<ul class="meeting-list">
{{- range .Items}}{{template "meeting-item" dict "Page" . "Level" $.Level}}{{end}}
</ul>
{{end}}
{{define "meeting-item"}}
<li class="meeting-item">
{{if eq .Level 2}}<h2 class="meeting-item-title">{{else}}<h3 class="meeting-item-title">{{end}}<a href="{{url .Page}}">{{.Page.Title}}</a>{{if eq .Level 2}}</h2>{{else}}</h3>{{end}}
<p class="meta"><time datetime="{{isoDate .Page.Date .Page.HasTime}}">{{date .Page.Date}}</time> · {{.Page.Location}}</p>
{{- with .Page.Summary}}
<p>{{.}}</p>
{{- end}}
</li>
{{end}}
{{define "year-nav"}}
{{- if .Lang.Years}}
<nav class="year-nav" aria-label="{{t "archive_by_year"}}">
<ul>
{{- range .Lang.Years}}<li>{{if eq . $.Page.Date.Year}}<span aria-current="page">{{.}}</span>{{else}}<a href="/meetings/{{.}}/">{{.}} <span class="count">· {{n "meetings_count" (add . 1)}}</span></a>{{end}}</li>{{end}}
</ul>
</nav>
{{- end}}
{{end}}
{{define "pagination"}}
{{- with .Page.Paginate}}{{if gt .Total 1}}
<nav class="pagination" aria-label="{{t "pagination"}}">
<ul>
{{- with .Prev}}
<li><a href="{{url .}}" rel="prev">{{t "previous_page"}}</a></li>
{{- end}}
<li>{{tf "page_n_of_m" "page" .Number "pages" .Total}}</li>
{{- with .Next}}
<li><a href="{{url .}}" rel="next">{{t "next_page"}}</a></li>
{{- end}}
</ul>
</nav>
{{- end}}{{end}}
{{end}}`,
		"layouts/meeting.html": `{{define "main"}}
{{- $d := .Page}}
<article class="wrap">
<header class="page-head">
<p class="kicker">{{t "meeting"}}</p>
<h1>{{.Title}}</h1>
</header>
<dl class="facts">
<dt>{{t "date"}}</dt>
<dd><time datetime="{{isoDate $d.Date $d.HasTime}}">{{date $d.Date}}</time></dd>
{{- if $d.HasTime}}
<dt>{{t "time"}}</dt>
<dd>{{$d.Date.Format "15:04"}}</dd>
{{- end}}
<dt>{{t "location"}}</dt>
<dd>{{$d.Location}}</dd>
{{- with .Page.Host}}
<dt>{{t "host"}}</dt>
<dd>{{partialCached "page-link" . .}}</dd>
{{- end}}
{{- with .Page.Participants}}
<dt>{{t "participants"}}</dt>
<dd><ul class="plain-list">{{range .}}<li><a href="{{url .}}">{{.Title}}</a></li>{{end}}</ul></dd>
{{- end}}
{{- with $d.Guests}}
<dt>{{t "guests"}}</dt>
<dd><ul class="plain-list">{{range .}}<li>{{.Name}}{{with .Role}}, {{.}}{{end}}</li>{{end}}</ul></dd>
{{- end}}
{{- with .Page.Tags}}
<dt>{{t "topics"}}</dt>
<dd><ul class="tag-list">{{range $i, $t := .}}{{if $i}} {{end}}<li><a href="{{url $t}}" rel="tag">#{{$t.Title}}</a></li>{{end}}</ul></dd>
{{- end}}
</dl>
<div class="prose">{{html .Page.Content}}</div>
</article>
{{end}}
{{define "page-link"}}<a href="{{url .}}">{{.Title}}</a>{{end}}`,
		"layouts/meetings.html": `{{define "main"}}
<div class="wrap">
<h1>{{.Title}}</h1>
<p class="lead">{{n "meetings_count" (len .Lang.Meetings)}}{{if .Upcoming}} · <a href="{{url .Lang.MeetingsIndex}}?upcoming">{{t "upcoming_meetings"}}</a>{{end}}</p>
{{- template "year-nav" .}}
{{template "meeting-list" dict "Items" .Page.Items "Level" 2}}
{{template "pagination" .}}
</div>
{{end}}`,
	}
}

// siteFuncs are the site's template functions over fake data; partial
// caching executes tmpl (set once parsed), as the site's does.
func siteFuncs(tmpl **template.Template) template.FuncMap {
	var mu sync.Mutex
	cache := map[string]template.HTML{}
	urlOf := func(x any) (string, error) {
		switch x := x.(type) {
		case *sitePage:
			if x == nil {
				return "", errors.New("no page")
			}
			return x.URL, nil
		case string:
			return x, nil
		}
		return "", fmt.Errorf("no URL for %T", x)
	}
	return template.FuncMap{
		"t": func(key string) (string, error) { return "«" + key + "»", nil },
		"n": func(key string, n int) (string, error) { return fmt.Sprintf("%d %s", n, key), nil },
		"tf": func(key string, pairs ...any) (string, error) {
			return fmt.Sprint(append([]any{key}, pairs...)...), nil
		},
		"date": func(t time.Time) string { return t.Format("2 January 2006") },
		"isoDate": func(t time.Time, withTime bool) string {
			if withTime {
				return t.Format(time.RFC3339)
			}
			return t.Format("2006-01-02")
		},
		"url":       urlOf,
		"absURL":    func(x any) (string, error) { u, err := urlOf(x); return "https://example.org" + u, err },
		"asset":     func(name string) (string, error) { return "/" + name + "?v=1", nil },
		"integrity": func(name string) (string, error) { return "sha384-" + strings.Repeat("x", 16), nil },
		"html":      func(s string) template.HTML { return template.HTML(s) },
		"dict":      dict,
		"add":       func(a, b int) int { return a + b },
		"feedPath":  func(l *siteLang) string { return "/" + l.Code + "/feed.xml" },
		"eventPath": func(l *siteLang, p *sitePage) string {
			if p.Kind != "meeting" {
				return ""
			}
			return p.URL + "event.ics"
		},
		"jsonLD": func(v *siteView) *siteJSONLD {
			if v.Page.Kind != "meeting" {
				return nil
			}
			return &siteJSONLD{"https://schema.org", "Event", v.Title, v.AbsURL, v.Page.Date.Format("2006-01-02")}
		},
		"partialCached": func(name string, data any, variant ...any) (template.HTML, error) {
			key := fmt.Sprint(name, variant)
			mu.Lock()
			defer mu.Unlock()
			if h, ok := cache[key]; ok {
				return h, nil
			}
			var b strings.Builder
			if err := (*tmpl).ExecuteTemplate(&b, name, data); err != nil {
				return "", err
			}
			cache[key] = template.HTML(b.String())
			return cache[key], nil
		},
	}
}

const siteBase = "base.html"

// parseSite parses the set as the site does: base and partials, then a
// clone per layout.
func parseSite(t testing.TB, funcs template.FuncMap, tmpl **template.Template, layout string) *template.Template {
	t.Helper()
	src := siteTemplates()
	root := template.Must(template.New(siteBase).Funcs(funcs).Parse(src[siteBase]))
	for _, p := range []string{"partials/head.html", "partials/header.html", "partials/meetings.html"} {
		template.Must(root.New(p).Parse(src[p]))
	}
	set := template.Must(root.Clone())
	template.Must(set.New(layout).Parse(src[layout]))
	*tmpl = set
	return set
}

// siteData builds a site of n meetings, and views of a meeting page and
// of the meetings index.
func siteData(n int) (meeting, index *siteView) {
	pl := &siteLang{Code: "pl", Name: "Polski", Title: "Partnerstwo Lubuskie", Locale: "pl_PL", Accessibility: "/deklaracja/", Years: []int{2022, 2023, 2024}}
	en := &siteLang{Code: "en", Name: "English", Title: "Lubuskie Partnership", Locale: "en_GB"}
	pl.Home = &sitePage{Kind: "home", Title: "Start", URL: "/", Lang: pl}
	en.Home = &sitePage{Kind: "home", Title: "Home", URL: "/en/", Lang: en}
	pl.MeetingsIndex = &sitePage{Kind: "meetings", Title: "Spotkania", URL: "/spotkania/", Lang: pl}
	pl.Menu = []*sitePage{pl.MeetingsIndex, {Kind: "page", Title: "O nas & partnerzy", URL: "/o-nas/", Lang: pl}, {Kind: "partners", Title: "Partnerzy", URL: "/partnerzy/", Lang: en}}
	var partners []*sitePage
	for i := range 8 {
		partners = append(partners, &sitePage{Kind: "partner", Title: fmt.Sprintf("Urząd Gminy Łęknica %d „Ąę”", i), URL: fmt.Sprintf("/partnerzy/gmina-%d/", i), Lang: pl})
	}
	tags := []*sitePage{{Kind: "tag", Title: "rynek-pracy", URL: "/tagi/rynek-pracy/"}, {Kind: "tag", Title: "edukacja", URL: "/tagi/edukacja/"}}
	start := time.Date(2024, 5, 14, 10, 0, 0, 0, time.UTC)
	for i := range n {
		p := &sitePage{
			Kind: "meeting", Title: fmt.Sprintf("Spotkanie nr %d: „Rynek pracy” <w Zielonej Górze> & Gorzowie", i),
			URL: fmt.Sprintf("/spotkania/2024/spotkanie-%d/", i), Summary: "Omówiliśmy plan działań na rok 2025, w tym szkolenia i staże.",
			Location: "Zielona Góra, ul. Podgórna 7", Date: start.AddDate(0, 0, -7*i), HasTime: i%2 == 0,
			Content: template.HTML(strings.Repeat("<p>Treść sprawozdania ze spotkania: <strong>ważne</strong> ustalenia &amp; wnioski.</p>\n", 6)),
			Host:    partners[i%len(partners)], Participants: partners[:5], Tags: tags, Lang: pl,
			Guests: []siteGuest{{"Jan Kowalski", "wojewoda"}, {"Anna Nowak", ""}, {"Łukasz Żółć", "dyrektor „WUP”"}},
		}
		pl.Meetings = append(pl.Meetings, p)
	}
	m := pl.Meetings[0]
	m.Translations = []*sitePage{{Kind: "meeting", Title: "Meeting", URL: "/en/meetings/x/", Lang: en}}
	meeting = &siteView{
		Page: m, Lang: pl, Title: m.Title, Description: m.Summary,
		Breadcrumbs: []siteCrumb{{"Start", pl.Home}, {"Spotkania", pl.MeetingsIndex}},
		Section:     pl.MeetingsIndex, SectionCurrent: "true", Described: true, Article: true,
		AbsURL: "https://example.org" + m.URL, ImageURL: "https://example.org/logo.png",
		Alternates: []siteAlternate{{"pl", "https://example.org" + m.URL}, {"en", "https://example.org/en/meetings/x/"}},
		XDefault:   "https://example.org" + m.URL, Languages: []*siteLang{pl, en},
	}
	pl.MeetingsIndex.Items = pl.Meetings[:min(10, n)]
	pl.MeetingsIndex.Paginate = &sitePager{Number: 1, Total: 3, Next: &sitePage{URL: "/spotkania/2/"}}
	pl.MeetingsIndex.Date = start
	index = &siteView{
		Page: pl.MeetingsIndex, Lang: pl, Title: "Spotkania", Description: "Wszystkie spotkania partnerstwa",
		Breadcrumbs: []siteCrumb{{"Start", pl.Home}}, Section: pl.MeetingsIndex, SectionCurrent: "page",
		Described: true, AbsURL: "https://example.org/spotkania/", Languages: []*siteLang{pl, en}, Upcoming: true,
	}
	return meeting, index
}

type siteSet struct {
	ref, tm *template.Template // html/template alone, and under the Set
	s       *Set
}

func newSiteSet(t testing.TB, layout string, opts Options) siteSet {
	var refTmpl, tmTmpl *template.Template
	ref := parseSite(t, siteFuncs(&refTmpl), &refTmpl, layout)
	funcs := siteFuncs(&tmTmpl)
	tm := parseSite(t, funcs, &tmTmpl, layout)
	return siteSet{ref, tm, New(tm, funcs, opts)}
}

func TestSite(t *testing.T) {
	meeting, index := siteData(12)
	noHost := *meeting
	page := *meeting.Page
	page.Host, page.HasTime, page.Guests, page.Translations = nil, true, nil, nil
	noHost.Page, noHost.ImageURL, noHost.XDefault = &page, "", ""
	for _, c := range []struct {
		layout string
		views  []*siteView
	}{
		{"layouts/meeting.html", []*siteView{meeting, &noHost}},
		{"layouts/meetings.html", []*siteView{index}},
	} {
		t.Run(c.layout, func(t *testing.T) {
			ss := newSiteSet(t, c.layout, Options{Verify: true})
			for pass := range 2 {
				for i, v := range c.views {
					var got, want bytes.Buffer
					if err := ss.ref.ExecuteTemplate(&want, siteBase, v); err != nil {
						t.Fatal(err)
					}
					if err := ss.s.Execute(&got, siteBase, v); err != nil {
						t.Fatalf("pass %d, view %d: %v", pass, i, err)
					}
					if got.String() != want.String() {
						t.Fatalf("pass %d, view %d: output differs", pass, i)
					}
				}
			}
			if !ss.s.Compiled(siteBase) {
				v, _ := ss.s.entries.Load(siteBase)
				t.Fatalf("the site's base layout did not compile: %s", v.(*entry).why)
			}
			if n := ss.s.fallbacks.Load(); n != 0 {
				t.Fatalf("%d executions fell back: %v", n, ss.s.lastFallback.Load())
			}
		})
	}
}

// TestConcurrent runs a Set from many goroutines from the start, on
// several templates of the namespace, so that compilation races with
// html/template escaping and executing the others (go test -race).
func TestConcurrent(t *testing.T) {
	meeting, _ := siteData(12)
	item := map[string]any{"Page": meeting.Page, "Level": 3}
	jobs := []struct {
		name string
		data any
	}{
		{siteBase, meeting}, {"meeting-item", item}, {"header", meeting}, {"breadcrumbs", meeting}, {"page-link", meeting.Page},
	}
	ss := newSiteSet(t, "layouts/meeting.html", Options{})
	want := make([]string, len(jobs))
	for i, j := range jobs {
		var b bytes.Buffer
		if err := ss.ref.ExecuteTemplate(&b, j.name, j.data); err != nil {
			t.Fatal(err)
		}
		want[i] = b.String()
	}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for g := range errs {
		wg.Go(func() {
			for n := range 40 {
				i := (g + n) % len(jobs)
				var b bytes.Buffer
				if err := ss.s.Execute(&b, jobs[i].name, jobs[i].data); err != nil {
					errs[g] = err
					return
				}
				if b.String() != want[i] {
					errs[g] = fmt.Errorf("%s: output differs", jobs[i].name)
					return
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		if !ss.s.Compiled(j.name) {
			t.Errorf("%s not compiled", j.name)
		}
	}
	if n := ss.s.fallbacks.Load(); n != 0 {
		t.Fatalf("%d executions fell back: %v", n, ss.s.lastFallback.Load())
	}
}

// FuzzExecute puts random strings in the view's fields.
func FuzzExecute(f *testing.F) {
	for _, seed := range [][4]string{
		{"Tytuł", "Opis", "https://example.org/x", "<p>x</p>"},
		{`"'<>&`, "\x00\xff\xfe", "javascript:alert(1)", "<b>unclosed"},
		{"\u2028\u2029", "ą ł Ł", " JavaScript:x", "&amp; &lt;"},
		{"{{.}}", "%zz", "data:text/html,x", "<script>x</script>"},
		{"", "", "", ""},
		{"#", "?a=b&c", "mailto:x@y", "a+b"},
	} {
		f.Add(seed[0], seed[1], seed[2], seed[3])
	}
	meeting, _ := siteData(3)
	ss := newSiteSet(f, "layouts/meeting.html", Options{})
	var warm bytes.Buffer
	if err := ss.s.Execute(&warm, siteBase, meeting); err != nil || !ss.s.Compiled(siteBase) {
		f.Fatalf("not compiled: %v", err)
	}
	f.Fuzz(func(t *testing.T, title, desc, link, content string) {
		v := *meeting
		p := *meeting.Page
		v.Page = &p
		v.Title, v.Description, v.AbsURL, v.ImageURL = title, desc, link, link
		p.Title, p.Location, p.URL, p.Content = desc, title, link, template.HTML(content)
		p.Guests = []siteGuest{{title, desc}, {content, ""}}
		v.Alternates = []siteAlternate{{title, link}}
		var got, want bytes.Buffer
		wantErr := ss.ref.ExecuteTemplate(&want, siteBase, &v)
		gotErr := ss.s.Execute(&got, siteBase, &v)
		if errText(gotErr) != errText(wantErr) {
			t.Fatalf("error %v, want %v", gotErr, wantErr)
		}
		if got.String() != want.String() {
			t.Fatal(mismatch(siteBase, got.Bytes(), want.Bytes()))
		}
		if wantErr == nil && ss.s.fallbacks.Load() != 0 {
			t.Fatalf("fell back: %v", ss.s.lastFallback.Load())
		}
	})
}

func BenchmarkExecute(b *testing.B) {
	meeting, _ := siteData(30)
	ss := newSiteSet(b, "layouts/meeting.html", Options{})
	var out bytes.Buffer
	for range 2 {
		out.Reset()
		if err := ss.s.Execute(&out, siteBase, meeting); err != nil {
			b.Fatal(err)
		}
	}
	if !ss.s.Compiled(siteBase) {
		b.Fatal("not compiled")
	}
	size := int64(out.Len())
	b.Run("html-template", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size)
		var w bytes.Buffer
		for b.Loop() {
			w.Reset()
			if err := ss.tm.ExecuteTemplate(&w, siteBase, meeting); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("tmplexec", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size)
		var w bytes.Buffer
		for b.Loop() {
			w.Reset()
			if err := ss.s.Execute(&w, siteBase, meeting); err != nil {
				b.Fatal(err)
			}
		}
	})
	if n := ss.s.fallbacks.Load(); n != 0 {
		b.Fatalf("%d executions fell back: %v", n, ss.s.lastFallback.Load())
	}
}
