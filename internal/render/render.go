package render

import (
	"bytes"
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
	"github.com/lubuskie-es/sitegen/internal/site"
	"github.com/lubuskie-es/sitegen/internal/tmplexec"
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
	// runs are the templates compiled for execution, by language and
	// kind (package tmplexec); html/template stays their reference.
	runs   map[string]map[string]*tmplexec.Set
	verify bool
	// escaping is shared by every compiled set: they use the same chains.
	escaping *tmplexec.Escaping
	// interpreted counts the pages html/template executed rather than
	// the compiled templates: none, unless a layout does not compile.
	interpreted atomic.Int64
	fsys        fs.FS
	// plain is the sources as written, for error positions; made by
	// plainSets when first needed.
	plainOnce sync.Once
	plain     map[string]templateSet
	catalogs  map[string]*i18n.Catalog
	assets    map[string]Asset
	// frags are the partialCached memories of every parsed set, which
	// Reset clears.
	fragsMu sync.Mutex
	frags   []*fragments
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
	// VerifyTemplates runs every compiled template a second time with
	// html/template and turns a difference into an error: for tests.
	VerifyTemplates bool
}

// New parses the templates and prepares them for execution. They are
// parsed once with functions that do nothing, which html/template escapes
// and package tmplexec compiles, once per language with that language's
// functions; html/template's own parse with the real functions is made
// only if a page needs html/template to run it. Positions in prepared
// sources mean nothing to a writer, so the sources as written are parsed
// too, but only when there is an error to report.
func New(fsys fs.FS, cfg *config.Config, catalogs map[string]*i18n.Catalog, assets map[string]Asset, opts Options) (*Renderer, diag.List) {
	prepare := opts.Prepare
	base, _ := url.Parse(cfg.BaseURL)
	r := &Renderer{cfg: cfg, fsys: fsys, catalogs: catalogs, assets: assets,
		runs: map[string]map[string]*tmplexec.Set{}, verify: opts.VerifyTemplates, escaping: tmplexec.NewEscaping()}
	r.basePath = strings.TrimSuffix(base.Path, "/")
	r.links = site.NewLinker(base)
	var shadow templateSet
	var first map[string]*tmplexec.Set
	for _, l := range cfg.Languages {
		cache := r.fragments(l.Code)
		funcs := r.funcs(r.catalogs[l.Code], cache)
		if shadow == nil {
			var p diag.List
			if shadow, p = parseTemplates(fsys, tmplexec.Inert(funcs), prepare); p.Len() > 0 {
				if prepare != nil {
					if _, plain := r.parse(l.Code, nil); plain.Len() > 0 {
						p = plain
					}
				}
				return nil, p
			}
		}
		// The real functions change nothing in how html/template escapes
		// the templates: every language compiles the trees escaped in the
		// shadow (for the first language's sets, SameAs them).
		reference := sync.OnceValue(func() templateSet {
			set, _ := parseTemplates(fsys, funcs, prepare)
			return set
		})
		runs := make(map[string]*tmplexec.Set, len(shadow))
		for kind, t := range shadow {
			runs[kind] = tmplexec.New(t, funcs, tmplexec.Options{Verify: r.verify, Escaping: r.escaping, SameAs: first[kind],
				Reference: func() *template.Template { return reference()[kind] }})
		}
		cache.run = runs[string(site.Home)]
		r.runs[l.Code] = runs
		if first == nil {
			first = runs
		}
	}
	return r, diag.List{}
}

// plainSets gives the templates parsed as written, parsing them the first
// time an error needs their positions.
func (r *Renderer) plainSets() map[string]templateSet {
	r.plainOnce.Do(func() {
		r.plain = map[string]templateSet{}
		for _, l := range r.cfg.Languages {
			r.plain[l.Code], _ = r.parse(l.Code, nil)
		}
	})
	return r.plain
}

// fragments makes the partialCached memory of one language's templates.
func (r *Renderer) fragments(lang string) *fragments {
	cache := &fragments{byID: map[fragKey]*fragment{}, r: r, cat: r.catalogs[lang]}
	r.fragsMu.Lock()
	r.frags = append(r.frags, cache)
	r.fragsMu.Unlock()
	return cache
}

// parse parses the templates of one language with its functions, for
// html/template alone to run: to name the line of an error.
func (r *Renderer) parse(lang string, prepare Prepare) (templateSet, diag.List) {
	cache := r.fragments(lang)
	set, p := parseTemplates(r.fsys, r.funcs(r.catalogs[lang], cache), prepare)
	if set != nil {
		cache.tmpl = set[string(site.Home)]
	}
	return set, p
}

// View is what a template sees as its dot.
type View struct {
	Page *site.Page
	Lang *site.Lang
	Site *site.Site
	// Title is the page's heading; Description its summary for metadata.
	Title       string
	Description string
	// Languages is the language switcher: every language, with the page's
	// translation when there is one, else that language's home.
	Languages   []LangLink
	Breadcrumbs []Crumb
	// Section is the main-menu item the page is or belongs to (nil if
	// none); SectionCurrent is the aria-current value for it: "page" when
	// it is the page itself, "true" when the page is within it.
	Section        *site.Page
	SectionCurrent string

	// The fields below are facts the templates read on every page but
	// would otherwise work out there with function calls, each costing
	// about a microsecond (reflection, allocation): derive sets them from
	// the fields above. They are not an embedded struct because
	// text/template finds the field of an embedded struct by a slow
	// search, on every use.

	// IsHome and IsSearch tell the header which of its links, the site
	// title or the search link, is the current page.
	IsHome, IsSearch bool
	// Described is false for a redirect (alias) and for 404.html, which
	// get no description for search engines and social networks; Article
	// is true for meetings and content pages (og:type).
	Described, Article bool
	// AbsURL is the page's absolute address (canonical link, og:url);
	// ImageURL that of its picture (og:image), "" if none.
	AbsURL, ImageURL string
	// MenuState keys the cached main menu: pages that mark the same item
	// the same way share it.
	MenuState menuState
	// Alternates are the page and its translations for the hreflang
	// links, XDefault the address of the one in the default language.
	Alternates []Alternate
	XDefault   string
}

// Alternate is the page, or one of its translations, in a language.
type Alternate struct {
	Code string // of the language
	URL  string // absolute
}

// LangLink is one entry of the language switcher.
type LangLink struct {
	Lang        *config.Language
	Page        *site.Page
	Current     bool
	Translation bool // Page is this page's translation, not just a home page
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Title string
	Page  *site.Page
}

// Page renders one page to HTML.
func (r *Renderer) Page(s *site.Site, p *site.Page) ([]byte, error) {
	l := s.Lang(p.Lang.Code)
	v := &View{Page: p, Lang: l, Site: s}
	var err error
	if v.Title, err = r.title(p, l); err != nil {
		return nil, err
	}
	v.Description = r.description(p, l)
	v.Languages = r.switcher(s, p)
	v.Breadcrumbs, err = r.crumbs(p, l, v.Title)
	if err != nil {
		return nil, err
	}
	v.Section, v.SectionCurrent = section(p, l, v.Breadcrumbs)
	r.derive(v)
	return r.execute(p.Lang.Code, string(p.Kind), v)
}

// NotFound renders 404.html in the default language; its template links
// to every language's home itself.
func (r *Renderer) NotFound(s *site.Site) ([]byte, error) {
	l := s.Langs[0]
	title, err := r.catalogs[l.Config.Code].T("not_found_title")
	if err != nil {
		return nil, err
	}
	v := &View{Page: &site.Page{Kind: "404", Lang: l.Config, URL: "/404.html"}, Lang: l, Site: s, Title: title}
	for _, ol := range s.Langs {
		v.Languages = append(v.Languages, LangLink{Lang: ol.Config, Page: ol.Home, Current: ol == l})
	}
	r.derive(v)
	return r.execute(l.Config.Code, notFound, v)
}

func (r *Renderer) execute(lang, kind string, v *View) ([]byte, error) {
	buf, _ := r.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = bytes.NewBuffer(make([]byte, 0, 32<<10))
	}
	defer r.bufs.Put(buf)
	buf.Reset()
	run := r.runs[lang][kind]
	err := run.Execute(buf, Dir+"/layouts/base.html", v)
	if !run.Compiled(Dir + "/layouts/base.html") {
		r.interpreted.Add(1)
	}
	if err == nil {
		return bytes.Clone(buf.Bytes()), nil
	}
	// Positions in prepared (minified) sources mean nothing to a writer:
	// run the page again on the sources as written to name the real line.
	if plain := r.plainSets()[lang][kind]; plain != nil {
		if plainErr := plain.ExecuteTemplate(io.Discard, Dir+"/layouts/base.html", v); plainErr != nil {
			err = plainErr
		}
	}
	return nil, &ProblemError{Problem: templateProblem(err, Dir+"/layouts/"+kind+".html")}
}

// Interpreted is the number of pages html/template has executed itself
// (see tmplexec) since the Renderer was made: none, if every layout
// compiles. A page whose compiled run failed (with an error html/template
// then reports) does not count.
func (r *Renderer) Interpreted() int { return int(r.interpreted.Load()) }

// ProblemError carries a template problem with its position.
type ProblemError struct{ Problem diag.Problem }

func (e *ProblemError) Error() string { return e.Problem.String() }

// title gives a page its heading: the content's title, or for generated
// pages a UI string.
func (r *Renderer) title(p *site.Page, l *site.Lang) (string, error) {
	c := r.catalogs[l.Config.Code]
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
func (r *Renderer) crumbs(p *site.Page, l *site.Lang, title string) ([]Crumb, error) {
	if p.Kind == site.Home || p.Kind == site.Alias {
		return nil, nil
	}
	c := r.catalogs[l.Config.Code]
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

// funcs are the template functions, bound to one language's catalog.
func (r *Renderer) funcs(c *i18n.Catalog, cache *fragments) template.FuncMap {
	return template.FuncMap{
		"partialCached": cache.render,
		"each":          cache.each,
		"meetingItems":  cache.meetingItems,
		"yearItems":     cache.yearItems,
		"langItems":     cache.langItems,
		"crumbsStart":   cache.crumbsStart,
		"t":             c.T,
		"n":             c.N,
		"tf": func(key string, pairs ...any) (string, error) {
			s, err := c.T(key)
			if err != nil {
				return "", err
			}
			vars := map[string]string{}
			for i := 0; i+1 < len(pairs); i += 2 {
				vars[toString(pairs[i])] = toString(pairs[i+1])
			}
			return i18n.Format(s, vars), nil
		},
		"date":      c.Date,
		"monthYear": c.MonthYear,
		"shortDate": c.ShortDate,
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
		"image":        r.image,
		"jsonLD":       r.jsonLD,
		"tl":           r.tIn,
	}
}

// tIn is t in a language other than the page's, for the one page that
// speaks every language of the site (404.html).
func (r *Renderer) tIn(lang, key string) (string, error) {
	c := r.catalogs[lang]
	if c == nil {
		return "", errorf("no UI strings for language %q", lang)
	}
	return c.T(key)
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
// nothing to say. It is encoded here, once, exactly as html/template would
// encode the Go value in that element: Document.AppendJSON writes the bytes
// json.Marshal gives, which escape "<", ">", "&", U+2028 and U+2029 in
// strings, so front matter cannot close the element. It is handed over as
// template.JS, which html/template writes as it is.
func (r *Renderer) jsonLD(v *View) (template.JS, error) {
	abs := func(p *site.Page) string {
		u, _ := r.absURL(p) // only a nil page fails, and no caller passes one
		return u
	}
	in := jsonld.Input{Page: v.Page, Lang: v.Lang, Title: v.Title, Description: v.Description, URL: abs,
		Image: func(p *site.Page) string {
			if path := r.image(p); path != "" {
				u, _ := r.absURL(path)
				return u
			}
			return ""
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
