package render

import (
	"bytes"
	"html/template"
	"reflect"
	"sync"

	"github.com/lubuskie-es/sitegen/internal/site"
)

// fragments memoizes partials that are the same on many pages of a kind
// (each kind's namespace has its own, as a layout may redefine a partial),
// as Hugo's
// partialCached does: the header's menu and the footer would otherwise be
// executed again for each of thousands of pages, and template execution is
// the build's most expensive step after Markdown.
//
// A cached partial is safe by construction: its key is its dot. It is
// executed with the value it is keyed by and nothing else ({{partialCached
// "footer" .Chrome}}: a Chrome holds the language and the site, not the
// page), so it cannot show one page's data on another, and the output does
// not depend on the order in which pages are rendered. Keys are compared as
// Go values (a page by pointer, a struct field by field), which is cheaper
// than formatting them and cannot confuse 2 with "2".
type fragments struct {
	// tmpl is the namespace the partials are run in; set once the
	// templates are parsed, before any page is rendered.
	tmpl *template.Template

	mu   sync.Mutex
	byID map[fragKey]*fragment
}

// fragKey names one fragment: the partial and the value it is run with.
type fragKey struct {
	name string
	dot  any
}

type fragment struct {
	once sync.Once
	html template.HTML
	err  error
}

func newFragments() *fragments { return &fragments{byID: map[fragKey]*fragment{}} }

// render executes the partial name with dot once per distinct dot.
func (f *fragments) render(name string, dot any) (template.HTML, error) {
	if !keyable(dot) {
		return "", errorf("partialCached %q: a %T cannot key a fragment (pass a page, a string or a struct of such values)", name, dot)
	}
	return f.get(name, dot)
}

// get gives the fragment of name run with dot, executing it the first
// time it is asked for. dot must be keyable.
func (f *fragments) get(name string, dot any) (template.HTML, error) {
	fr := f.slot(fragKey{name, dot})
	fr.once.Do(func() {
		fr.html, fr.err = f.exec(name, dot)
	})
	return fr.html, fr.err
}

// slot gives the fragment k, empty if it is asked for the first time.
func (f *fragments) slot(k fragKey) *fragment {
	f.mu.Lock()
	defer f.mu.Unlock()
	fr := f.byID[k]
	if fr == nil {
		fr = &fragment{}
		f.byID[k] = fr
	}
	return fr
}

// exec executes the partial name with dot, keeping nothing.
func (f *fragments) exec(name string, dot any) (template.HTML, error) {
	var b bytes.Buffer
	err := f.tmpl.ExecuteTemplate(&b, name, dot)
	return template.HTML(b.String()), err
}

// keyable tells whether v can be a map key without panicking: a value of
// a type with == that holds no interface, whose dynamic value might not
// have one.
func keyable(v any) bool {
	switch v.(type) {
	case nil, string, int, bool, *site.Page:
		return true
	}
	return safeKey(reflect.TypeOf(v))
}

func safeKey(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Interface:
		return false
	case reflect.Array:
		return safeKey(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if !safeKey(t.Field(i).Type) {
				return false
			}
		}
	}
	return t.Comparable()
}

// reset forgets every fragment: they hold the site's data (menu, footer,
// list items) as it was.
func (f *fragments) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	clear(f.byID)
}

// Reset makes a Renderer ready for another build of a changed site with
// the same templates, UI strings and assets (serve reuses it rather than
// parsing the templates again): it forgets every cached fragment. It must
// not be called while pages are being rendered.
func (r *Renderer) Reset() {
	// The content may be what made a page run out of time (a range over a
	// number in its params): try again.
	r.stalled.Store(nil)
	for _, set := range []*templateSet{r.set, r.plain} {
		if set != nil {
			for _, f := range set.frags {
				f.reset()
			}
		}
	}
}
