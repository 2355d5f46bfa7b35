package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"sync"

	"github.com/lubuskie-es/sitegen/internal/i18n"
	"github.com/lubuskie-es/sitegen/internal/site"
	"github.com/lubuskie-es/sitegen/internal/tmplexec"
)

// fragments memoizes partials that are the same on many pages of a
// language, as Hugo's partialCached does: the header's menu and the footer
// would otherwise be executed again for each of thousands of pages, and
// template execution is the build's most expensive step after Markdown.
//
// A cached partial is rendered with the data of whichever page asks first,
// so it may depend only on what all pages sharing its key agree on: the
// language, and the variant values passed with it. Output therefore does not
// depend on the order in which pages are rendered.
type fragments struct {
	// tmpl holds every partial and run executes them, compiled (nil for
	// templates parsed only to name the line of an error); set once all
	// templates of the language are parsed, before any page is rendered.
	tmpl *template.Template
	run  *tmplexec.Set
	// r and cat are the renderer and the language's UI strings, for the
	// values that lists work out in Go.
	r   *Renderer
	cat *i18n.Catalog

	mu   sync.Mutex
	byID map[fragKey]*fragment
}

// fragKey names one fragment: the partial and up to two variant values.
// The values are compared as Go values (a page by pointer, a struct field
// by field), which is cheaper than formatting them and cannot confuse 2
// with "2".
type fragKey struct {
	name string
	a, b any
}

type fragment struct {
	once sync.Once
	html template.HTML
	err  error
}

// render executes the partial name with data once per distinct variant.
func (f *fragments) render(name string, data any, variant ...any) (template.HTML, error) {
	k := fragKey{name: name}
	switch {
	case len(variant) > 2 || !keyable(variant...):
		// Not a map key as it is: its text is.
		k.a = strings.TrimSpace(fmt.Sprintln(variant...))
	case len(variant) == 2:
		k.a, k.b = variant[0], variant[1]
	case len(variant) == 1:
		k.a = variant[0]
	}
	return f.get(k, name, data)
}

// get gives the fragment k, executing the partial name with data the first
// time it is asked for.
func (f *fragments) get(k fragKey, name string, data any) (template.HTML, error) {
	fr := f.slot(k)
	fr.once.Do(func() {
		fr.html, fr.err = f.exec(name, data)
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

// exec executes the partial name with data, keeping nothing.
func (f *fragments) exec(name string, data any) (template.HTML, error) {
	var b bytes.Buffer
	var err error
	if f.run != nil {
		err = f.run.Execute(&b, name, data)
	} else {
		err = f.tmpl.ExecuteTemplate(&b, name, data)
	}
	return template.HTML(b.String()), err
}

// keyable tells whether every value can be a map key without panicking:
// a value of a type with == that holds no interface, whose dynamic value
// might not have one.
func keyable(vs ...any) bool {
	for _, v := range vs {
		switch v.(type) {
		case nil, string, int, bool, *site.Page:
			continue
		}
		if !safeKey(reflect.TypeOf(v)) {
			return false
		}
	}
	return true
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

// reset forgets every fragment, for the next build of a reused Renderer:
// fragments hold the site's data (menu, footer, list items) as it was.
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
	r.fragsMu.Lock()
	defer r.fragsMu.Unlock()
	for _, f := range r.frags {
		f.reset()
	}
}
