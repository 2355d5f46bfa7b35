// Package render turns the resolved Site into HTML with html/template.
//
// Templates live in templates/: layouts/base.html is the skeleton every page
// shares, layouts/<kind>.html fills its blocks for one kind of page,
// partials/*.html are shared pieces. Templates are parsed once for all
// languages, and run by html/template as it is: a page's language is on its
// View (View.L speaks it: {{.L.T "key"}}), and so is everything about the
// page that is the same whatever a template does with it, worked out in Go
// (the head's addresses, the JSON-LD, the breadcrumbs), so that a page runs
// few template actions.
package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// Dir is the templates folder at the site root.
const Dir = "templates"

// kinds lists the page kinds with their layout file.
var kinds = []site.Kind{site.Home, site.Meeting, site.Partner, site.Article, site.Meetings,
	site.Year, site.Upcoming, site.Partners, site.Tag, site.Tags, site.Search, site.Alias}

// notFound is the layout of 404.html, which is not a site page.
const notFound = "404"

// templateSet is the parsed templates: for each page kind, a namespace
// holding base.html, the partials and the kind's layout, which fills the
// blocks of base.html in its own way; and, by kind too, the fragments of
// its cached partials.
type templateSet struct {
	kinds map[string]*template.Template
	frags map[string]*fragments
}

// Prepare transforms a template's source before it is parsed, e.g. to
// minify it; nil leaves sources as they are.
type Prepare func(path string, src []byte) ([]byte, error)

// parseTemplates parses base, partials and every kind's layout with funcs,
// passing each source through prepare.
func parseTemplates(fsys fs.FS, funcs template.FuncMap, prepare Prepare) (*templateSet, diag.List) {
	readFile := func(fsys fs.FS, name string) ([]byte, error) {
		src, err := fs.ReadFile(fsys, name)
		if err != nil || prepare == nil {
			return src, err
		}
		return prepare(name, src)
	}
	var problems diag.List
	root := template.New("").Funcs(funcs)
	base, err := readFile(fsys, Dir+"/layouts/base.html")
	if err != nil {
		problems.Add(readProblem(Dir+"/layouts/base.html", "the base layout", err))
		return nil, problems
	}
	if _, err := root.New(Dir + "/layouts/base.html").Parse(string(base)); err != nil {
		problems.Add(templateProblem(err, Dir+"/layouts/base.html"))
		return nil, problems
	}
	// fs.Glob passes over a folder it cannot read as if it were empty, and
	// every page would then fail on "no such template".
	if _, err := fs.ReadDir(fsys, Dir+"/partials"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		problems.Add(readProblem(Dir+"/partials", "the partials folder", err))
		return nil, problems
	}
	partials, _ := fs.Glob(fsys, Dir+"/partials/*.html")
	slices.Sort(partials)
	for _, p := range partials {
		src, err := readFile(fsys, p)
		if err != nil {
			problems.Add(readProblem(p, "the partial", err))
			continue
		}
		if _, err := root.New(p).Parse(string(src)); err != nil {
			problems.Add(templateProblem(err, p))
		}
	}
	if problems.HasErrors() {
		return nil, problems
	}
	set := &templateSet{kinds: map[string]*template.Template{}}
	names := make([]string, 0, len(kinds)+1)
	for _, k := range kinds {
		names = append(names, string(k))
	}
	names = append(names, notFound)
	for _, name := range names {
		file := Dir + "/layouts/" + name + ".html"
		src, err := readFile(fsys, file)
		if err != nil {
			problems.Add(readProblem(file, "the layout for "+name+" pages", err))
			continue
		}
		t, err := root.Clone()
		if err == nil {
			_, err = t.New(file).Parse(string(src))
		}
		if err != nil {
			problems.Add(templateProblem(err, file))
			continue
		}
		set.kinds[name] = t
	}
	return set, problems
}

// readProblem says why the template file or folder at p (what names it)
// could not be read: missing, unreadable ("permission denied"), or another
// error, with the path. A prepare error (minifying) is left as it is.
func readProblem(p, what string, err error) diag.Problem {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return diag.Problem{Path: p, Message: what + " is missing"}
	case errors.Is(err, fs.ErrPermission):
		return diag.Problem{Path: p, Message: what + " cannot be read: permission denied",
			Hint: "let the user who runs sitegen read it (e.g. chmod a+rX " + p + ")"}
	case errors.As(err, &pe):
		return diag.Problem{Path: p, Message: what + " cannot be read: " + pe.Err.Error()}
	}
	return templateProblem(err, p)
}

// templateErrRE finds "template: NAME:LINE:COL:" or "template: NAME:LINE:"
// in html/template's messages, which carry positions only in their text.
var templateErrRE = regexp.MustCompile(`template: ([^:]+):(\d+):(?:(\d+):)? ?`)

// templateProblem turns a template error into a problem at the template's
// file and line.
func templateProblem(err error, fallback string) diag.Problem {
	msg := err.Error()
	m := templateErrRE.FindStringSubmatchIndex(msg)
	if m == nil {
		return diag.Problem{Path: fallback, Message: strings.TrimPrefix(msg, "template: ")}
	}
	name := msg[m[2]:m[3]]
	line, _ := strconv.Atoi(msg[m[4]:m[5]])
	col := 0
	if m[6] >= 0 {
		col, _ = strconv.Atoi(msg[m[6]:m[7]])
	}
	rest := strings.TrimSpace(msg[m[1]:])
	if !strings.HasPrefix(name, Dir+"/") {
		name = fallback
	}
	return diag.Problem{Path: path.Clean(name), Line: line, Col: col, Message: rest}
}

// errorf is how template functions fail: the message reaches the writer
// with the template's file and line.
func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }
