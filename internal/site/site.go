// Package site resolves ALL documents into a Site: the URL of every page,
// translations, references between meetings and partners, tags, and every
// list the templates show. It is the only place where documents meet each
// other, so every cross-file rule (URL collisions, missing partners) lives
// here. Relations are derived once, in indexes, so that the work grows with
// the number of pages rather than with its square.
package site

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/i18n"
	"github.com/lubuskie-es/sitegen/internal/slug"
	"golang.org/x/text/unicode/norm"
)

// Kind tells which template renders a page.
type Kind string

// The kinds of page a site has.
const (
	Home     Kind = "home"
	Meeting  Kind = "meeting"
	Partner  Kind = "partner"
	Article  Kind = "page" // a content page
	Meetings Kind = "meetings"
	Year     Kind = "year"
	Upcoming Kind = "upcoming"
	Partners Kind = "partners"
	Tag      Kind = "tag"
	Tags     Kind = "tags"
	Search   Kind = "search" // the search page, whose index package search writes
	Alias    Kind = "alias"  // a redirect from an old address
)

// Page is one HTML page of the site in one language.
type Page struct {
	Kind Kind
	Lang *config.Language
	// URL is the path from the site root, starting and ending with "/".
	URL string
	// Key is shared by translations of the same page.
	Key string
	// Doc is the content file behind the page; nil for generated pages.
	Doc *content.Doc
	// Translations are the same page in the other languages, in the
	// configured order; the page itself is not among them.
	Translations []*Page

	// Meeting relations. Upcoming: the meeting is today or later.
	Upcoming     bool
	Host         *Page
	Participants []*Page
	Tags         []*TagInfo
	// Partner relations, newest meeting first.
	Hosted   []*Page
	Attended []*Page

	// List pages: the meetings on this page of the list, and where the list
	// continues. Year is set on Year pages, TagInfo on Tag pages.
	Items    []*Page
	Paginate *Pager
	Year     int
	TagInfo  *TagInfo
	// Target is where an Alias page redirects.
	Target *Page

	// Photos, Cover and Documents are a bundle's files as the page shows
	// them (see bundleMedia): in its language, or marked with the default
	// language's code where it gives no text of its own.
	Photos    []Photo
	Cover     string
	Documents []Document

	// Filled by the image phase: the photos as published (one per Photos
	// entry, in order; Markdown images stay in Content), the social
	// preview (nil: the site's default), the documents as published (one
	// per Documents entry).
	Pictures  []Picture
	Social    *Image
	Downloads []Download
	// Uses lists the bundle's files the page publishes, paths under
	// content/ (photos, documents, Markdown images), for check.
	Uses []string

	// Filled by the Markdown phase.
	Content string // HTML
	Summary string
	Text    string // plain text, the whole of it: the search index reads every word
}

// Title is the page's title for content pages; generated pages get theirs
// from UI strings in the templates.
func (p *Page) Title() string {
	if p.Doc != nil {
		return p.Doc.Title
	}
	if p.TagInfo != nil {
		return p.TagInfo.Name
	}
	return ""
}

// Pager links one page of a paginated list to the others.
type Pager struct {
	Number, Total int
	Prev, Next    *Page
	First         *Page
}

// TagInfo is a tag in one language with the meetings that carry it.
type TagInfo struct {
	Name     string // the most frequent spelling
	Slug     string
	Page     *Page
	Meetings []*Page // newest first
}

// SectorGroup is the partners of one sector, in alphabetical order.
type SectorGroup struct {
	Sector   string
	Partners []*Page
}

// YearGroup is the meetings of one year.
type YearGroup struct {
	Year int
	Page *Page
}

// MenuItem is an entry of the main menu.
type MenuItem struct {
	Page   *Page
	Weight int
}

// Lang holds everything of one language.
type Lang struct {
	Config   *config.Language
	Home     *Page
	Meetings []*Page // every meeting, newest first
	Upcoming []*Page // meetings from today on, soonest first
	Past     []*Page // meetings before today, newest first
	Partners []*Page // alphabetical
	// Secretariat is the partners with role secretariat, whom every page's
	// footer names; kept here so that the footer need not scan Partners.
	Secretariat []*Page
	Sectors     []SectorGroup
	Years       []YearGroup // newest first
	Tags        []*TagInfo  // alphabetical
	Menu        []MenuItem
	// Special pages the layout links to.
	MeetingsIndex, UpcomingPage, PartnersIndex, TagsIndex, SearchPage *Page
	Accessibility                                                     *Page
}

// Site is the resolved site. Once built it is read-only, so the render
// phase may read it from many goroutines.
type Site struct {
	Config *config.Config
	Langs  []*Lang
	// Pages lists every page to write, in a stable order.
	Pages []*Page
	// Now is the moment the build treats as "now".
	Now time.Time
	// NextChange is the first day after Now on which the site would come
	// out differently by the calendar alone (a publishDate or expiryDate
	// reached, an upcoming meeting become past), and NextReason what
	// happens then; zero when no date in the content lies ahead.
	NextChange time.Time
	NextReason Change

	byURL map[string]*Page
	byKey map[string]map[string]*Page // key → lang → page
}

// Options control what a build includes.
type Options struct {
	Drafts bool
	Now    time.Time
	// AccessibilityKey is the translation key of the accessibility
	// statement, which every page links to.
	AccessibilityKey string
}

// Build resolves docs (already parsed without errors) into a Site.
func Build(cfg *config.Config, docs []*content.Doc, opts Options) (*Site, diag.List) {
	b := &builder{
		site: &Site{Config: cfg, Now: opts.Now, byURL: map[string]*Page{},
			byKey: map[string]map[string]*Page{}},
		opts:     opts,
		owners:   map[string]owner{},
		partners: map[string]map[string]*Page{},
	}
	b.run(docs)
	return b.site, b.problems
}

type builder struct {
	site     *Site
	opts     Options
	problems diag.List
	// owners names what wrote each URL, for collision messages.
	owners map[string]owner
	// partners: id → lang → page.
	partners map[string]map[string]*Page
	// drafts: partner ids left out of this build (drafts, not yet
	// published or expired) → why, as unpublished says.
	drafts map[string]string
}

func (b *builder) run(docs []*content.Doc) {
	cfg := b.site.Config
	published := b.publishable(docs)
	for i := range cfg.Languages {
		b.site.Langs = append(b.site.Langs, &Lang{Config: &cfg.Languages[i]})
	}
	for _, d := range published {
		b.addDoc(d)
	}
	for _, l := range b.site.Langs {
		b.resolveLang(l)
	}
	b.linkTranslations()
	b.bundleMedia()
}

// publishable drops drafts, documents before their publishDate and from
// their expiryDate on, unless asked for drafts, remembering the partner ids
// left out so that references to them get a precise message.
func (b *builder) publishable(docs []*content.Doc) []*content.Doc {
	b.drafts = map[string]string{}
	today := b.today()
	out := make([]*content.Doc, 0, len(docs))
	for _, d := range docs {
		if why := unpublished(d, today); why != "" && !b.opts.Drafts {
			if d.Kind == content.Partner {
				b.drafts[d.Name] = why
			}
			if !d.PublishDate.After(today) {
				continue // expired, or a draft: nothing ahead
			}
		}
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b *content.Doc) int { return cmp.Compare(a.Path, b.Path) })
	kept := out[:0]
	for _, d := range out {
		b.ahead(d, today)
		if unpublished(d, today) == "" || b.opts.Drafts {
			kept = append(kept, d)
		}
	}
	return kept
}

func (b *builder) lang(code string) *Lang {
	for _, l := range b.site.Langs {
		if l.Config.Code == code {
			return l
		}
	}
	return nil
}

// addDoc gives a content file its page and URL.
func (b *builder) addDoc(d *content.Doc) {
	l := b.lang(d.Lang)
	p := &Page{Doc: d, Lang: l.Config, Key: d.Key}
	prefix := b.site.Config.Prefix(d.Lang)
	sec := l.Config.Sections
	switch d.Kind {
	case content.Meeting:
		p.Kind = Meeting
		p.URL = prefix + sec.Meetings + "/" + strconv.Itoa(d.Date.Year()) + "/" + cmp.Or(d.Slug, slug.Make(d.Name)) + "/"
		l.Meetings = append(l.Meetings, p)
	case content.Partner:
		p.Kind = Partner
		p.URL = prefix + sec.Partners + "/" + slug.Make(d.Name) + "/"
		if b.partners[d.Name] == nil {
			b.partners[d.Name] = map[string]*Page{}
		}
		b.partners[d.Name][d.Lang] = p
		l.Partners = append(l.Partners, p)
	default:
		p.Kind = Article
		p.URL = prefix + pagePath(d)
		if p.URL == prefix { // content/index.md: the home page's text
			p.Kind, p.Key = Home, "@home"
			if l.Home != nil {
				b.collide(p.URL, d.Path)
				return
			}
			l.Home = p
		}
		if d.InMenu {
			l.Menu = append(l.Menu, MenuItem{Page: p, Weight: d.Menu})
		}
		if d.Key == b.opts.AccessibilityKey {
			l.Accessibility = p
		}
	}
	b.add(p, d.Path)
	for _, a := range d.Aliases {
		alias := &Page{Kind: Alias, Lang: l.Config, URL: a.ID, Target: p, Key: "alias:" + a.ID}
		if !strings.HasSuffix(alias.URL, "/") && !strings.HasSuffix(alias.URL, ".html") && !strings.HasSuffix(alias.URL, ".htm") {
			alias.URL += "/"
		}
		b.addAt(alias, fmt.Sprintf("%s:%d:%d (alias)", d.Path, a.Pos.Line, a.Pos.Col), d.Path, a.Pos)
	}
}

// pagePath is a content page's path below its language prefix: the path
// under content/ in slug form, the last segment replaced by the slug if one
// is given, and "index" standing for its folder.
func pagePath(d *content.Doc) string {
	segs := strings.Split(d.Key, "/")
	if d.Slug != "" {
		segs[len(segs)-1] = d.Slug
	}
	if segs[len(segs)-1] == "index" || segs[len(segs)-1] == "_index" {
		segs = segs[:len(segs)-1]
	}
	p := slug.Path(strings.Join(segs, "/"))
	if p == "" {
		return ""
	}
	return p + "/"
}

// add registers a page at its URL, reporting a collision with whatever
// had it already.
func (b *builder) add(p *Page, owner string) {
	b.addAt(p, owner, owner, content.Pos{})
}

// owner is what claimed a URL: a label for messages, and the file and
// position to report a collision at ("" for generated pages).
type owner struct {
	label, file string
	pos         content.Pos
}

func (b *builder) addAt(p *Page, label, file string, pos content.Pos) {
	if seg, why := unportable(p.URL); why != "" {
		b.problems.Add(diag.Problem{Path: cmp.Or(file, config.FileName), Line: pos.Line, Col: pos.Col,
			Message: fmt.Sprintf("%s would be written at %s, which Windows cannot hold: %s", subject(p, label), p.URL, why),
			Hint:    portableHint(p, file, seg)})
		return
	}
	if prev, ok := b.owners[p.URL]; ok {
		// At the content file if there is one (that is where a writer
		// fixes it), else at the section in site.yaml; a language's home
		// page yields to the section that took its address.
		at := owner{label, file, pos}
		fromConfig := at.file == config.FileName
		if at.file == "" || (fromConfig && prev.file != "" && (prev.file != config.FileName || p.Kind == Home)) {
			at = prev
		}
		if at.file == "" { // two generated pages whose sections site.yaml left as they are
			at.file = config.FileName
		}
		hint := collisionHint(prev.label, label)
		if at.file == config.FileName {
			hint = "give one of the sections another name in " + config.FileName
		}
		b.problems.Add(diag.Problem{Path: at.file, Line: at.pos.Line, Col: at.pos.Col,
			Message: collision(prev.label, label, p.URL), Hint: hint})
		return
	}
	b.owners[p.URL] = owner{label, file, pos}
	b.site.byURL[p.URL] = p
	b.site.Pages = append(b.site.Pages, p)
	if p.Kind == Alias {
		return
	}
	if b.site.byKey[p.Key] == nil {
		b.site.byKey[p.Key] = map[string]*Page{}
	}
	b.site.byKey[p.Key][p.Lang.Code] = p
}

func (b *builder) collide(url, file string) {
	b.problems.Add(diag.Problem{Path: file, Message: collision(b.owners[url].label, file, url),
		Hint: collisionHint(b.owners[url].label, file)})
}

// unportable finds the segment of url that Windows cannot hold as a
// file or folder name, and why: writers use Windows, and the preview is
// unpacked there.
func unportable(url string) (seg, why string) {
	for seg := range strings.SplitSeq(strings.Trim(url, "/"), "/") {
		if why := slug.Unportable(seg); why != "" {
			return seg, why
		}
	}
	return "", ""
}

// subject names page p in a message reported at its own file.
func subject(p *Page, label string) string {
	switch {
	case p.Kind == Alias:
		return "the alias"
	case p.Doc != nil:
		return "the page"
	}
	return label
}

// portableHint says what to change so that page p, claimed by file, gets
// an address Windows can hold.
func portableHint(p *Page, file, seg string) string {
	switch {
	case p.Kind == Alias:
		return "give the alias another address"
	case file == "" || file == config.FileName:
		return fmt.Sprintf("give the section another name in %s than %q", config.FileName, seg)
	case p.Doc != nil && p.Doc.Kind == content.Partner:
		return "rename the file: a partner's address is its id"
	}
	return "give the page a slug (slug: …) or rename the file"
}

// collision says that a and b would write the same URL. Two names that
// look the same but differ in Unicode normalization (an NFC name and an
// NFD one, as macOS and some zip tools write them) are said to differ so.
func collision(a, b, url string) string {
	msg := fmt.Sprintf("%s and %s would both be written at %s", a, b, url)
	if a != b && norm.NFC.String(a) == norm.NFC.String(b) {
		msg += fmt.Sprintf(" (the two names look the same but differ in Unicode normalization: %s is %s, %s is %s)",
			quoteNorm(a), normForm(a), quoteNorm(b), normForm(b))
	}
	return msg
}

func collisionHint(a, b string) string {
	if a != b && norm.NFC.String(a) == norm.NFC.String(b) {
		return "they are the same page to the site: delete one of the two files, or rename it"
	}
	return "give one of them another slug"
}

// quoteNorm quotes a name with its combining marks as \uHHHH, so that
// two names that look the same can be told apart.
func quoteNorm(s string) string {
	return strconv.QuoteToASCII(s)
}

// normForm names the Unicode normalization form a name is in.
func normForm(s string) string {
	switch {
	case norm.NFC.IsNormalString(s):
		return "NFC"
	case norm.NFD.IsNormalString(s):
		return "NFD (decomposed)"
	}
	return "in neither NFC nor NFD"
}

// generated adds a page the site makes itself (an index, a list). Its
// address comes from the key of site.yaml named by from ("meetings", the
// language's "code"), where a collision is reported when site.yaml writes
// that key; "" for pages whose address comes from the content (years).
func (b *builder) generated(l *Lang, kind Kind, url, key, from string) *Page {
	p := &Page{Kind: kind, Lang: l.Config, URL: url, Key: key}
	file, pos := "", content.Pos{}
	if at, ok := l.Config.At[from]; ok {
		file, pos = config.FileName, content.Pos{Line: at.Line, Col: at.Col}
	}
	b.addAt(p, "the "+string(kind)+" page", file, pos)
	return p
}

// resolveLang sorts the lists of one language and derives every relation.
func (b *builder) resolveLang(l *Lang) {
	cfg := b.site.Config
	prefix := cfg.Prefix(l.Config.Code)
	sec := l.Config.Sections
	coll := i18n.NewCollator(l.Config.Code)

	if l.Home == nil {
		l.Home = b.generated(l, Home, prefix, "@home", "code")
	}
	sortMeetings(l.Meetings)
	b.resolveMeetings(l)
	b.splitUpcoming(l)

	i18n.SortFunc(coll, l.Partners, func(p *Page) string { return p.Doc.Title })
	for _, p := range l.Partners {
		if p.Doc.Role == "secretariat" {
			l.Secretariat = append(l.Secretariat, p)
		}
	}
	for _, s := range content.Sectors {
		var g SectorGroup
		g.Sector = s
		for _, p := range l.Partners {
			if p.Doc.Sector == s {
				g.Partners = append(g.Partners, p)
			}
		}
		if len(g.Partners) > 0 {
			l.Sectors = append(l.Sectors, g)
		}
	}

	meetingsURL := prefix + sec.Meetings + "/"
	b.paginate(l, meetingsURL, l.Meetings)
	l.UpcomingPage = b.generated(l, Upcoming, meetingsURL+sec.Upcoming+"/", "@meetings/upcoming", "upcoming")
	l.UpcomingPage.Items = l.Upcoming
	b.years(l, meetingsURL)

	l.PartnersIndex = b.generated(l, Partners, prefix+sec.Partners+"/", "@partners", "partners")
	l.PartnersIndex.Items = l.Partners
	b.tags(l, coll, prefix+sec.Tags+"/")
	l.SearchPage = b.generated(l, Search, prefix+sec.Search+"/", "@search", "search")
	b.menu(l)
	b.checkStatement(l)
}

// sortMeetings orders meetings newest first; meetings on the same day by
// URL, so that the order never depends on file system order.
func sortMeetings(ms []*Page) {
	slices.SortStableFunc(ms, func(a, b *Page) int {
		return cmp.Or(b.Doc.Date.Compare(a.Doc.Date), cmp.Compare(a.URL, b.URL))
	})
}

// resolveMeetings links meetings to their host and participants, and
// partners back to their meetings, in one pass over the meetings.
func (b *builder) resolveMeetings(l *Lang) {
	for _, m := range l.Meetings {
		d := m.Doc
		if d.Host != nil {
			if h := b.partner(*d.Host, d, l.Config.Code); h != nil {
				m.Host = h
				h.Hosted = append(h.Hosted, m)
			}
		}
		seen := map[string]bool{}
		for _, ref := range d.Participants {
			if seen[ref.ID] {
				b.problems.Errorf(d.Path, ref.Pos.Line, ref.Pos.Col, "participant %q is listed twice", ref.ID)
				continue
			}
			seen[ref.ID] = true
			if p := b.partner(ref, d, l.Config.Code); p != nil {
				m.Participants = append(m.Participants, p)
				p.Attended = append(p.Attended, m)
			}
		}
	}
}

// partner finds the partner a reference names, in the page's language when
// it has a translation there, else in the default language, else in any.
func (b *builder) partner(ref content.Ref, from *content.Doc, lang string) *Page {
	id := norm.NFC.String(ref.ID) // as file names are compared
	byLang, ok := b.partners[id]
	if !ok {
		p := diag.Problem{Path: from.Path, Line: ref.Pos.Line, Col: ref.Pos.Col,
			Message: fmt.Sprintf("partner %q does not exist", ref.ID)}
		if why := b.drafts[id]; why != "" {
			p.Message = fmt.Sprintf("partner %q %s", ref.ID, why)
			p.Hint = "publish it (remove draft: true) or build with --drafts"
			if !strings.HasSuffix(why, "draft") {
				p.Hint = "change its publishDate or expiryDate, or build with --drafts to preview"
			}
		} else if s := diag.Suggest(ref.ID, b.partnerIDs()); s != "" {
			p.Hint = fmt.Sprintf("did you mean %q?", s)
		} else {
			p.Hint = "a partner id is the file name in content/partners/ without the language and .md"
		}
		b.problems.Add(p)
		return nil
	}
	if p := byLang[lang]; p != nil {
		return p
	}
	for _, l := range b.site.Config.Languages {
		if p := byLang[l.Code]; p != nil {
			return p
		}
	}
	return nil
}

func (b *builder) partnerIDs() []string {
	ids := make([]string, 0, len(b.partners))
	for id := range b.partners {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// splitUpcoming divides meetings at the start of today in the site's time
// zone: a meeting later today is still upcoming.
func (b *builder) splitUpcoming(l *Lang) {
	today := b.today()
	for _, m := range l.Meetings {
		if m.Doc.Date.Before(today) {
			l.Past = append(l.Past, m)
		} else {
			m.Upcoming = true
			l.Upcoming = append(l.Upcoming, m)
		}
	}
	slices.Reverse(l.Upcoming)
}

// paginate splits the meetings index into pages of Config.PageSize.
func (b *builder) paginate(l *Lang, base string, items []*Page) {
	size := b.site.Config.PageSize
	total := max(1, (len(items)+size-1)/size)
	pages := make([]*Page, total)
	for i := range pages {
		url, key, from := base, "@meetings", "meetings"
		if i > 0 {
			url = fmt.Sprintf("%s%s/%d/", base, l.Config.Sections.Page, i+1)
			key, from = fmt.Sprintf("@meetings/page/%d", i+1), "page"
		}
		pages[i] = b.generated(l, Meetings, url, key, from)
		pages[i].Items = items[i*size : min(len(items), (i+1)*size)]
	}
	for i, p := range pages {
		p.Paginate = &Pager{Number: i + 1, Total: total, First: pages[0]}
		if i > 0 {
			p.Paginate.Prev = pages[i-1]
		}
		if i+1 < total {
			p.Paginate.Next = pages[i+1]
		}
	}
	l.MeetingsIndex = pages[0]
}

func (b *builder) years(l *Lang, base string) {
	var cur *Page
	for _, m := range l.Meetings {
		y := m.Doc.Date.Year()
		if cur == nil || cur.Year != y {
			cur = b.generated(l, Year, base+strconv.Itoa(y)+"/", "@meetings/"+strconv.Itoa(y), "")
			cur.Year = y
			l.Years = append(l.Years, YearGroup{Year: y, Page: cur})
		}
		cur.Items = append(cur.Items, m)
	}
}

// tags groups the meetings' tags by slug; a tag is shown with its most
// frequent spelling (ties go to the first in alphabetical order).
func (b *builder) tags(l *Lang, coll *i18n.Collator, base string) {
	bySlug := map[string]*TagInfo{}
	spellings := map[string]map[string]int{}
	slugs := map[string]string{} // the few tags recur on many meetings
	for _, m := range l.Meetings {
		seen := map[string]bool{}
		for _, name := range m.Doc.Tags {
			s, ok := slugs[name]
			if !ok {
				s = slug.Make(name)
				slugs[name] = s
			}
			if s == "" {
				b.problems.Errorf(m.Doc.Path, 0, 0, "tag %q has no letters or digits", name)
				continue
			}
			if seen[s] {
				continue
			}
			seen[s] = true
			t := bySlug[s]
			if t == nil && slug.Unportable(s) != "" {
				b.problems.Add(diag.Problem{Path: m.Doc.Path,
					Message: fmt.Sprintf("tag %q would be written at %s%s/, which Windows cannot hold: %s", name, base, s, slug.Unportable(s)),
					Hint:    "spell the tag another way"})
				continue
			}
			if t == nil {
				t = &TagInfo{Slug: s}
				bySlug[s] = t
				spellings[s] = map[string]int{}
			}
			spellings[s][name]++
			t.Meetings = append(t.Meetings, m)
			m.Tags = append(m.Tags, t)
		}
	}
	for s, t := range bySlug {
		names := make([]string, 0, len(spellings[s]))
		for n := range spellings[s] {
			names = append(names, n)
		}
		if len(names) > 1 {
			coll.Sort(names)
		}
		best := names[0]
		for _, n := range names[1:] {
			if spellings[s][n] > spellings[s][best] {
				best = n
			}
		}
		t.Name = best
		l.Tags = append(l.Tags, t)
	}
	i18n.SortFunc(coll, l.Tags, func(t *TagInfo) string { return t.Name })
	if len(l.Tags) > 0 {
		l.TagsIndex = b.generated(l, Tags, base, "@tags", "tags")
	}
	for _, t := range l.Tags {
		t.Page = b.generated(l, Tag, base+t.Slug+"/", "@tags/"+t.Slug, "tags")
		t.Page.TagInfo = t
		t.Page.Items = t.Meetings
	}
}

func (b *builder) menu(l *Lang) {
	cfg := b.site.Config
	for name, w := range cfg.Menu {
		var p *Page
		switch name {
		case "meetings":
			p = l.MeetingsIndex
		case "partners":
			p = l.PartnersIndex
		}
		l.Menu = append(l.Menu, MenuItem{Page: p, Weight: w})
	}
	slices.SortStableFunc(l.Menu, func(a, b MenuItem) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.Page.URL, b.Page.URL))
	})
}

// linkTranslations connects pages that share a key across languages.
func (b *builder) linkTranslations() {
	for _, p := range b.site.Pages {
		if p.Kind == Alias {
			continue
		}
		byLang := b.site.byKey[p.Key]
		for _, l := range b.site.Config.Languages {
			if t := byLang[l.Code]; t != nil && t != p {
				p.Translations = append(p.Translations, t)
			}
		}
	}
}

// ByURL returns the page at url, or nil.
func (s *Site) ByURL(url string) *Page { return s.byURL[url] }

// Translation returns the page with key in lang, or nil.
func (s *Site) Translation(key, lang string) *Page { return s.byKey[key][lang] }

// Lang returns the language data for code, or nil.
func (s *Site) Lang(code string) *Lang {
	for _, l := range s.Langs {
		if l.Config.Code == code {
			return l
		}
	}
	return nil
}

// ResolveLink finds the page a relative link in a content file points at:
// dest is relative to the linking file ("../partners/wup.pl.md"; from a
// bundle's index file, relative to its folder), with or without a language
// suffix; a bundle is named by its index file or its folder ("x/"), compared in Unicode NFC as file names are. A
// link without a suffix is given in the linking page's language when it
// has a translation there, else in the first language that has the page.
// A link that names a language ("stara-nazwa.pl.md") is that language's
// page or nothing: after a rename it must not quietly become a link to
// another language's page. ok=false: no such file.
func (s *Site) ResolveLink(from *Page, dest string) (*Page, bool) {
	dir := from.Doc.Path[len(content.Dir)+1:]
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		dir = dir[:i]
	} else {
		dir = ""
	}
	target := joinRel(dir, dest)
	if target == "" {
		return nil, false
	}
	if !norm.NFC.IsNormalString(target) {
		target = norm.NFC.String(target)
	}
	key := strings.TrimSuffix(target, ".md")
	named := ""
	if ext := path.Ext(key); ext != "" && s.Config.Language(ext[1:]) != nil {
		key, named = strings.TrimSuffix(key, ext), ext[1:]
	}
	// A bundle is keyed by its folder: its index file, and the folder
	// itself, name it.
	if k, ok := strings.CutSuffix(key, "/index"); ok && k != "meetings" && k != "partners" {
		key = k
	}
	// Pages are keyed by translation key, which generated pages share
	// (@home, @partners …) and which the home page takes from them: only
	// the page of the file the link names will do.
	byLang := s.byKey[key]
	if key == "index" || key == "_index" {
		byLang = s.byKey["@home"]
	}
	of := func(p *Page) bool { return p != nil && p.Doc != nil && p.Doc.Key == key }
	if named != "" {
		p := byLang[named]
		return p, of(p)
	}
	if p := byLang[from.Lang.Code]; of(p) {
		return p, true
	}
	for _, l := range s.Config.Languages {
		if p := byLang[l.Code]; of(p) {
			return p, true
		}
	}
	return nil, false
}

// joinRel joins a relative link to the folder it is written in, refusing
// paths that climb out of content/.
func joinRel(dir, dest string) string {
	// Every link of every page comes here: the segments of a usual path
	// fit on the stack.
	var stack [16]string
	parts := stack[:0]
	if dir != "" {
		for seg := range strings.SplitSeq(dir, "/") {
			parts = append(parts, seg)
		}
	}
	for seg := range strings.SplitSeq(dest, "/") {
		switch seg {
		case "", ".":
		case "..":
			if len(parts) == 0 {
				return ""
			}
			parts = parts[:len(parts)-1]
		default:
			parts = append(parts, seg)
		}
	}
	return strings.Join(parts, "/")
}
