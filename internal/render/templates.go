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
	// defined gives, by name, the file and position where each template
	// is defined ("templates/partials/footer.html:5:19"), taken before
	// any is run: html/template drops the parse tree of one it cannot
	// escape, and its error then names only the template.
	// By kind, as each kind defines "main" in its own layout.
	defined map[string]map[string]string
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
		problems.Add(templateProblem(err, Dir+"/layouts/base.html", nil))
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
			problems.Add(templateProblem(err, p, nil))
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
			problems.Add(templateProblem(err, file, nil))
			continue
		}
		set.kinds[name] = t
	}
	set.defined = definitions(set.kinds)
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
	return templateProblem(err, p, nil)
}

// templateErrRE finds "template: NAME:LINE:COL:", "template: NAME:LINE:"
// and html/template's "html/template:NAME:LINE:COL:" in html/template's
// messages, which carry positions only in their text. An error in a
// partial is wrapped in the error of the template that called it, so the
// last position is the one where it happened.
var templateErrRE = regexp.MustCompile(`template: ?([^:\s]+):(\d+):(?:(\d+):)? ?`)

// templateProblem turns a template error into a problem at the template's
// file, line and column (text/template's parser gives no column; its
// executor and html/template's escaper do). lookup, when given, finds a
// template by the name it was defined with, for html/template's errors
// that name only the template ("html/template:footer: ends in a non-text
// context"): they are reported where its definition starts.
func templateProblem(err error, fallback string, defined map[string]string) diag.Problem {
	msg := err.Error()
	var he *template.Error
	if errors.As(err, &he) && he.Node == nil && he.Line == 0 && he.Name != "" {
		if p, ok := position(defined[he.Name]); ok {
			p.Message = fmt.Sprintf("in template %q: %s", he.Name, he.Description)
			return p
		}
	}
	all := templateErrRE.FindAllStringSubmatchIndex(msg, -1)
	if all == nil {
		return diag.Problem{Path: fallback, Message: strings.TrimPrefix(msg, "template: ")}
	}
	m := all[len(all)-1]
	name := msg[m[2]:m[3]]
	line, _ := strconv.Atoi(msg[m[4]:m[5]])
	col := 0
	if m[6] >= 0 {
		col, _ = strconv.Atoi(msg[m[6]:m[7]])
		col++ // parse.Tree.ErrorContext counts bytes before the node: 0-based
	}
	rest := strings.TrimSpace(msg[m[1]:])
	if !strings.HasPrefix(name, Dir+"/") {
		// A defined template's name ("footer"): its file is the one it
		// was parsed from.
		if p, ok := position(defined[name]); ok {
			name = p.Path
		} else {
			name = fallback
		}
	}
	return diag.Problem{Path: path.Clean(name), Line: line, Col: col, Message: rest}
}

// definitions records where every template of each kind's namespace is
// defined.
func definitions(kinds map[string]*template.Template) map[string]map[string]string {
	defined := make(map[string]map[string]string, len(kinds))
	for kind, t := range kinds {
		byName := map[string]string{}
		for _, d := range t.Templates() {
			if d.Tree != nil && d.Tree.Root != nil {
				byName[d.Name()], _ = d.Tree.ErrorContext(d.Tree.Root)
			}
		}
		defined[kind] = byName
	}
	return defined
}

// position reads "FILE:LINE:COL" as parse.Tree.ErrorContext writes it.
func position(loc string) (diag.Problem, bool) {
	parts := strings.Split(loc, ":")
	if len(parts) < 3 {
		return diag.Problem{}, false
	}
	line, err1 := strconv.Atoi(parts[len(parts)-2])
	col, err2 := strconv.Atoi(parts[len(parts)-1])
	file := strings.Join(parts[:len(parts)-2], ":")
	if err1 != nil || err2 != nil || !strings.HasPrefix(file, Dir+"/") {
		return diag.Problem{}, false
	}
	return diag.Problem{Path: path.Clean(file), Line: line, Col: col + 1}, true // ErrorContext's column is 0-based
}

// errorf is how template functions fail: the message reaches the writer
// with the template's file and line.
func errorf(format string, args ...any) error { return fmt.Errorf(format, args...) }
