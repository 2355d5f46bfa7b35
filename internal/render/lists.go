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
// An item's partial gets the item alone as its dot, never the page, so the
// fragment cannot depend on the page that asked for it first.

// each writes the partial name for every element of list (a slice of
// comparable values: pages, structs of pages and strings), each preceded
// by sep, the text the template had between items.
func (f *fragments) each(name, sep string, list any) (template.HTML, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return "", errorf("each %q needs a list, not %T", name, list)
	}
	if !safeKey(v.Type().Elem()) {
		return "", errorf("each %q: %s cannot key a fragment", name, v.Type().Elem())
	}
	var b strings.Builder
	for i := range v.Len() {
		item := v.Index(i).Interface()
		html, err := f.get(fragKey{name: name, a: item}, name, item)
		if err != nil {
			return "", err
		}
		b.WriteString(sep)
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

// meetingItem is the dot of the partial "meeting-item": a meeting with
// what the template would otherwise ask functions for, one call each.
type meetingItem struct {
	Page  *site.Page
	Level int  // of its heading: 2 or 3
	H2    bool // Level is 2
	// URL, ISODate and Date are what url, isoDate and date give.
	URL, ISODate, Date string
}

// meetingItems writes "meeting-item" for every meeting, each on a line of
// its own; a meeting looks the same in every list at the same level.
func (f *fragments) meetingItems(list []*site.Page, level int) (template.HTML, error) {
	// A tag's or a partner's list can hold thousands of meetings: find
	// every item first, then copy them once into a string of the right
	// size rather than growing it (and copying it again) step by step.
	items := make([]template.HTML, len(list))
	size := 0
	for i, p := range list {
		fr := f.slot(fragKey{name: "meeting-item", a: p, b: level})
		fr.once.Do(func() {
			it := meetingItem{Page: p, Level: level, H2: level == 2}
			if it.URL, fr.err = f.r.relURL(p); fr.err != nil {
				return
			}
			it.ISODate, it.Date = isoDate(p.Doc.Date, p.Doc.HasTime), f.cat.Date(p.Doc.Date)
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

// yearItem is the dot of the partial "year-item".
type yearItem struct {
	Year    int
	Page    *site.Page
	Current bool // the page being rendered is this year's
}

// yearItems writes "year-item" for every year of the archive, marking the
// year of the page cur, each on a line of its own.
func (f *fragments) yearItems(years []site.YearGroup, cur *site.Page) (template.HTML, error) {
	var b strings.Builder
	for _, y := range years {
		it := yearItem{y.Year, y.Page, y.Page == cur}
		html, err := f.get(fragKey{name: "year-item", a: y.Page, b: it.Current}, "year-item", it)
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
func (f *fragments) langItems(links []LangLink) (template.HTML, error) {
	var b strings.Builder
	for _, l := range links {
		var html template.HTML
		var err error
		switch {
		case l.Current:
			l = LangLink{Lang: l.Lang, Current: true}
			html, err = f.get(fragKey{name: "lang-item", a: l}, "lang-item", l)
		case l.Translation:
			html, err = f.exec("lang-item", l)
		default:
			html, err = f.get(fragKey{name: "lang-item", a: l}, "lang-item", l)
		}
		if err != nil {
			return "", err
		}
		b.WriteByte('\n')
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

// crumbsStart writes "breadcrumbs-start" for the trail but its last step,
// the page itself: meetings of a year, or partners, share it.
func (f *fragments) crumbsStart(trail []Crumb) (template.HTML, error) {
	if len(trail) == 0 {
		return "", nil
	}
	before := trail[:len(trail)-1]
	var k [4]Crumb
	if len(before) > len(k) {
		return "", errorf("breadcrumbs deeper than %d steps", len(k)+1)
	}
	copy(k[:], before)
	return f.get(fragKey{name: "breadcrumbs-start", a: k, b: len(before)}, "breadcrumbs-start", before)
}
