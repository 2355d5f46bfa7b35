package render

import (
	"html/template"
	"reflect"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/site"
)

// Lists that many pages share item by item (a meeting in every list that
// holds it, a partner among the participants of every meeting it attended)
// are assembled in Go from fragments: each item is rendered once by its
// partial, with html/template escaping as usual, and then only copied.
// Executing a template action costs about a microsecond (reflection, and
// an escaper per value written), so a list of ten items written by
// template costs tens of microseconds on every page that shows it.
//
// As with partialCached, an item's partial gets as its dot only what its
// key holds (the item, and values worked out from it), never the page, so
// the fragment cannot depend on the page that asked for it first.

// each writes the partial name for every element of list (a slice of
// comparable values: pages, structs of pages and strings), each preceded
// by sep, the text the template had between items.
func (r *Renderer) each(f *fragments, name, sep string, list any) (template.HTML, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return "", errorf("each %q needs a list, not %T", name, list)
	}
	if !safeKey(v.Type().Elem()) {
		return "", errorf("each %q: %s cannot key a fragment", name, v.Type().Elem())
	}
	var b strings.Builder
	for i := range v.Len() {
		html, err := f.get(name, v.Index(i).Interface())
		if err != nil {
			return "", err
		}
		b.WriteString(sep)
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

// MeetingItem is the dot of the partial "meeting-item": a meeting with
// what the template would otherwise ask functions for, one call each, all
// worked out from the meeting and the heading level that key it.
type MeetingItem struct {
	Page  *site.Page
	Level int  // of its heading: 2 or 3
	H2    bool // Level is 2
	// URL, ISODate and Date are what url, isoDate and .L.Date give.
	URL, ISODate, Date string
}

type meetingKey struct {
	page  *site.Page
	level int
}

// meetingItems writes "meeting-item" for every meeting, each on a line of
// its own; a meeting looks the same in every list at the same level.
func (r *Renderer) meetingItems(f *fragments, list []*site.Page, level int) (template.HTML, error) {
	// A tag's or a partner's list can hold thousands of meetings: find
	// every item first, then copy them once into a string of the right
	// size rather than growing it (and copying it again) step by step.
	items := make([]template.HTML, len(list))
	size := 0
	for i, p := range list {
		fr := f.slot(fragKey{"meeting-item", meetingKey{p, level}})
		fr.once.Do(func() {
			it := MeetingItem{Page: p, Level: level, H2: level == 2, URL: r.basePath + p.URL,
				ISODate: isoDate(p.Doc.Date, p.Doc.HasTime), Date: r.locales[p.Lang.Code].Date(p.Doc.Date)}
			fr.html, fr.err = f.exec("meeting-item", it)
		})
		if fr.err != nil {
			return "", fr.err
		}
		items[i] = fr.html
		size += 1 + len(fr.html)
	}
	var b strings.Builder
	b.Grow(size)
	for _, html := range items {
		b.WriteByte('\n')
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

// YearItem is the dot of the partial "year-item".
type YearItem struct {
	L       *Locale // of the year's page
	Year    int
	Page    *site.Page
	Current bool // the page being rendered is this year's
}

// yearItems writes "year-item" for every year of the archive, marking the
// year of the page cur, each on a line of its own.
func (r *Renderer) yearItems(f *fragments, years []site.YearGroup, cur *site.Page) (template.HTML, error) {
	var b strings.Builder
	for _, y := range years {
		html, err := f.get("year-item", YearItem{r.locales[y.Page.Lang.Code], y.Year, y.Page, y.Page == cur})
		if err != nil {
			return "", err
		}
		b.WriteByte('\n')
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

// langItems writes "lang-item" for every entry of the language switcher,
// each on a line of its own. The entry of the current language shows only
// the language, so it is keyed, and passed, without the page; a link to a
// language's home is shared by all pages without a translation in it. A
// link to a translation is the only one of its kind: kept, it would cost
// memory and save nothing.
func (r *Renderer) langItems(f *fragments, links []LangLink) (template.HTML, error) {
	var b strings.Builder
	for _, l := range links {
		var html template.HTML
		var err error
		switch {
		case l.Current:
			html, err = f.get("lang-item", LangLink{Lang: l.Lang, L: l.L, Current: true})
		case l.Translation:
			html, err = f.exec("lang-item", l)
		default:
			html, err = f.get("lang-item", l)
		}
		if err != nil {
			return "", err
		}
		b.WriteByte('\n')
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

// Trail is the dot of the partial "breadcrumbs-start": the steps of a
// trail but its last, the page itself, in the language L of its pages.
type Trail struct {
	L     *Locale
	Steps []Crumb
}

type trailKey struct {
	steps [4]Crumb
	n     int
}

// crumbsStart writes "breadcrumbs-start" for the trail but its last step:
// meetings of a year, or partners, share it.
func (r *Renderer) crumbsStart(f *fragments, trail []Crumb) (template.HTML, error) {
	if len(trail) == 0 {
		return "", nil
	}
	before := trail[:len(trail)-1]
	var k trailKey
	if len(before) > len(k.steps) {
		return "", errorf("breadcrumbs deeper than %d steps", len(k.steps)+1)
	}
	k.n = copy(k.steps[:], before)
	fr := f.slot(fragKey{"breadcrumbs-start", k})
	fr.once.Do(func() {
		fr.html, fr.err = f.exec("breadcrumbs-start", Trail{L: r.locales[trail[0].Page.Lang.Code], Steps: k.steps[:k.n]})
	})
	return fr.html, fr.err
}
