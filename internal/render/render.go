package render

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/feeds"
	"github.com/lubuskie-es/sitegen/internal/i18n"
	"github.com/lubuskie-es/sitegen/internal/jsonld"
	"github.com/lubuskie-es/sitegen/internal/opendata"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// Asset is a static file as the templates link it: its public path
// (fingerprinted for CSS and JS) and its Subresource Integrity value.
type Asset struct {
	Path      string
	Integrity string
}

// Renderer executes the site's templates. It is safe for concurrent use
// once made: templates are only executed, never changed.
type Renderer struct {
	cfg *config.Config
	// basePath is the base URL's path without its final slash, which every
	// link starts with; links makes absolute addresses.
	basePath string
	links    site.Linker
	// set is the templates as prepared (minified) for execution; plain
	// the sources as written, parsed only when an error needs their
	// positions (plainSet).
	set       *templateSet
	prepare   Prepare
	fsys      fs.FS
	plainOnce sync.Once
	plain     *templateSet
	locales   map[string]*Locale
	assets    map[string]Asset
	timeout   time.Duration
	// stalled is set once a page ran out of time: its goroutine cannot be
	// stopped (html/template has no way to), so later pages are not
	// started on the same templates.
	stalled atomic.Pointer[ProblemError]
	// bufs holds page buffers between pages: a page is written into one
	// already grown to a page's size, then copied out at its own size,
	// rather than into a new buffer grown (cleared and copied) step by
	// step on every page.
	bufs sync.Pool
}

// Options are the choices New leaves to its caller.
type Options struct {
	// Prepare, when not nil, is applied to every template source (the
	// build minifies them).
	Prepare Prepare
	// Timeout is how long one page's templates may run (DefaultTimeout
	// when 0): past it the page is given up on with an error naming its
	// layout, and every later page fails at once, so that a template that
	// never ends costs a build one Timeout, not one per page.
	Timeout time.Duration
}

// DefaultTimeout is a page's budget unless site.yaml sets one: a page
// takes about a millisecond.
const DefaultTimeout = 10 * time.Second

// New parses the templates, once for every language: the language a page
// speaks is on its View (View.L), not bound into the functions. Positions
// in prepared sources mean nothing to a writer, so the sources as written
// are parsed too, but only when there is an error to report.
func New(fsys fs.FS, cfg *config.Config, catalogs map[string]*i18n.Catalog, assets map[string]Asset, opts Options) (*Renderer, diag.List) {
	base, _ := url.Parse(cfg.BaseURL)
	r := &Renderer{cfg: cfg, fsys: fsys, assets: assets, prepare: opts.Prepare, locales: map[string]*Locale{},
		timeout: cmp.Or(opts.Timeout, DefaultTimeout)}
	r.basePath = strings.TrimSuffix(base.Path, "/")
	r.links = site.NewLinker(base)
	for _, l := range cfg.Languages {
		if c := catalogs[l.Code]; c != nil {
			r.locales[l.Code] = &Locale{Code: l.Code, cat: c}
		}
	}
	var problems diag.List
	r.set, problems = r.parse(opts.Prepare)
	if problems.Len() > 0 {
		if opts.Prepare != nil {
			if _, plain := r.parse(nil); plain.Len() > 0 {
				problems = plain
			}
		}
		return nil, problems
	}
	return r, problems
}

// parse parses the templates, passing each source through prepare. Each
// kind's namespace gets functions bound to a fragment cache of its own,
// which runs its partials in that namespace: a layout may define, or
// redefine, a partial it caches.
func (r *Renderer) parse(prepare Prepare) (*templateSet, diag.List) {
	set, problems := parseTemplates(r.fsys, r.funcs(newFragments()), prepare)
	if set == nil {
		return nil, problems
	}
	if loops := loopProblems(set); loops.Len() > 0 {
		return nil, loops
	}
	set.frags = make(map[string]*fragments, len(set.kinds))
	for kind, t := range set.kinds {
		frags := newFragments()
		frags.tmpl = t
		t.Funcs(r.funcs(frags))
		set.frags[kind] = frags
	}
	return set, problems
}

// plainSet gives the templates parsed as written, parsing them the first
// time an error needs their positions.
func (r *Renderer) plainSet() *templateSet {
	r.plainOnce.Do(func() {
		if r.prepare == nil {
			r.plain = r.set
			return
		}
		r.plain, _ = r.parse(nil)
	})
	return r.plain
}

// Page renders one page to HTML.
func (r *Renderer) Page(s *site.Site, p *site.Page) ([]byte, error) {
	l := s.Lang(p.Lang.Code)
	v := &View{Page: p, Lang: l, Site: s, L: r.locales[p.Lang.Code]}
	if v.L == nil {
		return nil, errorf("no UI strings for language %q", p.Lang.Code)
	}
	var err error
	if v.Title, err = r.title(v.L, p, l); err != nil {
		return nil, err
	}
	v.Description = r.description(p, l)
	v.Languages = r.switcher(s, p)
	v.Breadcrumbs, err = r.crumbs(v.L, p, l, v.Title)
	if err != nil {
		return nil, err
	}
	v.Section, v.SectionCurrent = section(p, l, v.Breadcrumbs)
	if err := r.derive(v); err != nil {
		return nil, err
	}
	return r.execute(string(p.Kind), v)
}

// NotFound renders 404.html in the default language; its template links
// to every language's home itself.
func (r *Renderer) NotFound(s *site.Site) ([]byte, error) {
	l := s.Langs[0]
	loc := r.locales[l.Config.Code]
	if loc == nil {
		return nil, errorf("no UI strings for language %q", l.Config.Code)
	}
	title, err := loc.T("not_found_title")
	if err != nil {
		return nil, err
	}
	v := &View{Page: &site.Page{Kind: notFound, Lang: l.Config, URL: "/404.html"}, Lang: l, Site: s, L: loc, Title: title}
	for _, ol := range s.Langs {
		v.Languages = append(v.Languages, LangLink{Lang: ol.Config, L: r.locales[ol.Config.Code], Page: ol.Home, Current: ol == l})
	}
	if err := r.derive(v); err != nil {
		return nil, err
	}
	return r.execute(notFound, v)
}

func (r *Renderer) execute(kind string, v *View) ([]byte, error) {
	if stalled := r.stalled.Load(); stalled != nil {
		return nil, &ProblemError{Problem: diag.Problem{Path: stalled.Problem.Path,
			Message: "not rendered: the templates ran out of time on another page (" + stalled.Problem.Message + ")"}}
	}
	buf, _ := r.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = bytes.NewBuffer(make([]byte, 0, 32<<10))
	}
	buf.Reset()
	done := make(chan error, 1)
	go func() { done <- r.set.kinds[kind].ExecuteTemplate(buf, Dir+"/layouts/base.html", v) }()
	timer := time.NewTimer(r.timeout)
	defer timer.Stop()
	var err error
	select {
	case err = <-done:
	case <-timer.C:
		// The goroutine goes on, writing into buf: it is not put back.
		p := &ProblemError{Problem: diag.Problem{Path: Dir + "/layouts/" + kind + ".html",
			Message: fmt.Sprintf("rendering %s took longer than %s: a template may never end", v.Page.URL, r.timeout),
			Hint:    "look for a range over a huge number or a template that calls itself; site.yaml's templates.timeout sets the budget"}}
		r.stalled.CompareAndSwap(nil, p)
		return nil, p
	}
	defer r.bufs.Put(buf)
	if err == nil {
		return bytes.Clone(buf.Bytes()), nil
	}
	// Positions in prepared (minified) sources mean nothing to a writer:
	// run the page again on the sources as written to name the real line.
	failed := r.set
	if plain := r.plainSet(); plain != nil && plain != r.set {
		if plainErr := plain.kinds[kind].ExecuteTemplate(io.Discard, Dir+"/layouts/base.html", v); plainErr != nil {
			err, failed = plainErr, plain
		}
	}
	return nil, &ProblemError{Problem: templateProblem(err, Dir+"/layouts/"+kind+".html", failed.defined[kind])}
}

// ProblemError carries a template problem with its position.
type ProblemError struct{ Problem diag.Problem }

func (e *ProblemError) Error() string { return e.Problem.String() }

// title gives a page its heading: the content's title, or for generated
// pages a UI string.
func (r *Renderer) title(c *Locale, p *site.Page, l *site.Lang) (string, error) {
	switch p.Kind {
	case site.Home:
		return l.Config.Title, nil
	case site.Meetings:
		return c.T("meetings")
	case site.Year:
		s, err := c.T("meetings_in_year")
		return i18n.Format(s, map[string]string{"year": strconv.Itoa(p.Year)}), err
	case site.Upcoming:
		return c.T("upcoming_meetings")
	case site.Partners:
		return c.T("partners")
	case site.Tags:
		return c.T("tags")
	case site.Search:
		return c.T("search")
	case site.Alias:
		return p.Target.Title(), nil
	}
	return p.Title(), nil
}

func (r *Renderer) description(p *site.Page, l *site.Lang) string {
	if p.Summary != "" {
		return p.Summary
	}
	return l.Config.Description
}

func (r *Renderer) switcher(s *site.Site, p *site.Page) []LangLink {
	links := make([]LangLink, 0, len(s.Langs))
	for _, l := range s.Langs {
		link := LangLink{Lang: l.Config, Page: l.Home}
		if l.Config.Code == p.Lang.Code {
			link.Page, link.Current, link.Translation = p, true, true
		} else {
			for _, t := range p.Translations {
				if t.Lang.Code == l.Config.Code {
					link.Page, link.Translation = t, true
				}
			}
		}
		links = append(links, link)
	}
	return links
}

// section finds the main-menu item a page is (aria-current="page") or lies
// within by its breadcrumbs (aria-current="true").
func section(p *site.Page, l *site.Lang, trail []Crumb) (*site.Page, string) {
	for _, m := range l.Menu {
		if m.Page == p {
			return p, "page"
		}
	}
	for _, m := range l.Menu {
		for _, c := range trail {
			if c.Page == m.Page {
				return m.Page, "true"
			}
		}
	}
	return nil, ""
}

// crumbs gives the trail from the home page to p: home › section › year ›
// page. The current page ends the trail, under its title (the template
// "breadcrumbs" prints that step from the View's Title).
func (r *Renderer) crumbs(c *Locale, p *site.Page, l *site.Lang, title string) ([]Crumb, error) {
	if p.Kind == site.Home || p.Kind == site.Alias {
		return nil, nil
	}
	home, err := c.T("home")
	if err != nil {
		return nil, err
	}
	trail := []Crumb{{Title: home, Page: l.Home}}
	meetings, _ := c.T("meetings")
	partners, _ := c.T("partners")
	tags, _ := c.T("tags")
	switch p.Kind {
	case site.Meeting:
		trail = append(trail, Crumb{meetings, l.MeetingsIndex})
		for _, y := range l.Years {
			if y.Year == p.Doc.Date.Year() {
				trail = append(trail, Crumb{strconv.Itoa(y.Year), y.Page})
			}
		}
	case site.Year, site.Upcoming:
		trail = append(trail, Crumb{meetings, l.MeetingsIndex})
	case site.Meetings:
		if p.Paginate != nil && p.Paginate.Number > 1 {
			trail = append(trail, Crumb{meetings, l.MeetingsIndex})
		}
	case site.Partner:
		trail = append(trail, Crumb{partners, l.PartnersIndex})
	case site.Tag:
		if l.TagsIndex != nil {
			trail = append(trail, Crumb{tags, l.TagsIndex})
		}
	}
	return append(trail, Crumb{title, p}), nil
}

// funcs are the template functions, the same for every language (the
// language is on the View); the cached partials and lists keep their
// fragments in frags.
func (r *Renderer) funcs(frags *fragments) template.FuncMap {
	return template.FuncMap{
		"partialCached": frags.render,
		"each": func(name, sep string, list any) (template.HTML, error) {
			return r.each(frags, name, sep, list)
		},
		"meetingItems": func(list []*site.Page, level int) (template.HTML, error) {
			return r.meetingItems(frags, list, level)
		},
		"yearItems": func(years []site.YearGroup, cur *site.Page) (template.HTML, error) {
			return r.yearItems(frags, years, cur)
		},
		"langItems": func(links []LangLink) (template.HTML, error) {
			return r.langItems(frags, links)
		},
		"crumbsStart": func(trail []Crumb) (template.HTML, error) {
			return r.crumbsStart(frags, trail)
		},
		"isoDate":   isoDate,
		"url":       r.relURL,
		"absURL":    r.absURL,
		"asset":     r.asset,
		"integrity": r.integrity,
		"html":      func(s string) template.HTML { return template.HTML(s) },
		"upper":     strings.ToUpper,
		"dict":      dict,
		"add":       func(a, b int) int { return a + b },
		"first":     first,
		// Machine-readable companions of the pages (package feeds).
		"feedPath":     feeds.AtomPath,
		"calendarPath": feeds.CalendarPath,
		"eventPath":    feeds.EventPath,
		"dataFiles":    r.dataFiles,
		"textFile":     opendata.TextPath,
	}
}

// DataFile is one file of the open data, as the page describing them
// lists it.
type DataFile struct {
	Title string // a UI string: "Partnerzy (CSV)"
	Path  string // from the site root
	Type  string // its media type
}

// dataFiles lists the open-data files of a language (package opendata).
func (r *Renderer) dataFiles(s *site.Site, l *site.Lang) ([]DataFile, error) {
	loc := r.locales[l.Config.Code]
	if loc == nil {
		return nil, errorf("no UI strings for language %q", l.Config.Code)
	}
	var files []DataFile
	for _, set := range []string{opendata.Partners, opendata.Meetings} {
		for _, f := range []struct{ format, media string }{{"csv", "text/csv"}, {"json", "application/json"}} {
			title, err := loc.T("data_" + set + "_" + f.format)
			if err != nil {
				return nil, err
			}
			files = append(files, DataFile{title, opendata.Path(s, l, set, f.format), f.media})
		}
	}
	title, err := loc.T("data_description_file")
	return append(files, DataFile{title, opendata.CatalogPath(s, l), "application/ld+json"}), err
}

// image gives the site path of a page's picture for social networks and
// search engines: a partner's logo, or for a meeting its host's; "" when
// there is none.
func (r *Renderer) image(p *site.Page) string {
	if p != nil && p.Kind == site.Meeting {
		p = p.Host
	}
	if p == nil || p.Doc == nil || p.Doc.Logo == "" {
		return ""
	}
	if a, ok := r.assets[p.Doc.Logo]; ok {
		return a.Path
	}
	return "/" + p.Doc.Logo
}

// jsonLD describes the page in schema.org terms, as the JSON text of a
// <script type="application/ld+json">, or "" (no script) where there is
// nothing to say. encoding/json escapes "<", ">", "&", U+2028 and U+2029
// in strings, so front matter cannot close the element; html/template
// writes a template.JS in a script as it is, which is what it would have
// done with the same value encoded by itself.
func (r *Renderer) jsonLD(v *View) (template.JS, error) {
	abs := func(p *site.Page) string { return r.links.Abs(p.URL) }
	in := jsonld.Input{Page: v.Page, Lang: v.Lang, Title: v.Title, Description: v.Description, URL: abs,
		Image: func(p *site.Page) string {
			if path := r.image(p); path != "" {
				u, _ := r.absURL(path) // a path never fails
				return u
			}
			return ""
		},
		Photo: func(p *site.Page) string {
			if p.Social == nil {
				return ""
			}
			u, _ := r.absURL(p.Social.URL)
			return u
		},
		Crumbs: make([]jsonld.Crumb, len(v.Breadcrumbs))}
	for i, c := range v.Breadcrumbs {
		in.Crumbs[i] = jsonld.Crumb{Name: c.Title, URL: abs(c.Page)}
	}
	doc := jsonld.Describe(in)
	if doc == nil {
		return "", nil
	}
	data, err := json.Marshal(doc)
	return template.JS(data), err
}

// isoDate is the machine-readable form for <time datetime>: a date alone,
// or date and time with zone when the front matter gave a time.
func isoDate(t time.Time, withTime bool) string {
	if withTime {
		return t.Format(time.RFC3339)
	}
	return t.Format("2006-01-02")
}

// relURL gives a page's path for links, under the base URL's path so that
// a site built for https://host/preview/ links within /preview/.
func (r *Renderer) relURL(target any) (string, error) {
	p, err := r.pathOf(target)
	if err != nil {
		return "", err
	}
	return r.basePath + p, nil
}

// absURL gives the absolute address, for canonical links and metadata.
func (r *Renderer) absURL(target any) (string, error) {
	p, err := r.pathOf(target)
	if err != nil {
		return "", err
	}
	return r.links.Abs(p), nil
}

func (r *Renderer) pathOf(target any) (string, error) {
	switch t := target.(type) {
	case *site.Page:
		if t == nil {
			return "", errorf("url of a page that does not exist")
		}
		return t.URL, nil
	case string:
		if !strings.HasPrefix(t, "/") {
			t = "/" + t
		}
		return t, nil
	}
	return "", errorf("url needs a page or a path, not %T", target)
}

func (r *Renderer) asset(name string) (string, error) {
	a, ok := r.assets[strings.TrimPrefix(name, "/")]
	if !ok {
		return "", errorf("no file static/%s", strings.TrimPrefix(name, "/"))
	}
	return r.relURL(a.Path)
}

func (r *Renderer) integrity(name string) (string, error) {
	a, ok := r.assets[strings.TrimPrefix(name, "/")]
	if !ok {
		return "", errorf("no file static/%s", strings.TrimPrefix(name, "/"))
	}
	return a.Integrity, nil
}

// first returns at most n pages from the start of list.
func first(n int, list []*site.Page) []*site.Page {
	return list[:min(n, len(list))]
}

// dict builds a map from key/value pairs, to pass several values to a
// partial: {{template "x" dict "Page" . "Items" .Items}}.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, errorf("dict needs key/value pairs")
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		m[toString(pairs[i])] = pairs[i+1]
	}
	return m, nil
}

func toString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

// OutputPath is the file a page URL is written to: "/a/b/" → "a/b/index.html",
// "/old/page.html" → "old/page.html".
func OutputPath(u string) string {
	p := strings.TrimPrefix(u, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		return p + "index.html"
	}
	return p
}
