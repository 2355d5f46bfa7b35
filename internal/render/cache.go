package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"
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
	// tmpl holds every partial; set once all templates of the language are
	// parsed, before any page is rendered.
	tmpl *template.Template

	mu   sync.Mutex
	byID map[string]*fragment
}

type fragment struct {
	once sync.Once
	html template.HTML
	err  error
}

// render executes the partial name with data once per distinct variant.
func (f *fragments) render(name string, data any, variant ...any) (template.HTML, error) {
	key := name
	if len(variant) > 0 {
		key += "\x00" + strings.TrimSpace(fmt.Sprintln(variant...))
	}
	f.mu.Lock()
	fr := f.byID[key]
	if fr == nil {
		fr = &fragment{}
		f.byID[key] = fr
	}
	f.mu.Unlock()
	fr.once.Do(func() {
		var b bytes.Buffer
		fr.err = f.tmpl.ExecuteTemplate(&b, name, data)
		fr.html = template.HTML(b.String())
	})
	return fr.html, fr.err
}
