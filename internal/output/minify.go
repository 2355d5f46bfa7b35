package output

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"path"
	"regexp"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2"
)

// Minifier minifies output files by their extension: .html and .htm, .css,
// .js and .mjs, .svg, .json and .webmanifest, and .xml (sitemaps and feeds).
// Other files are returned as they are. It is built once and is safe for
// concurrent use.
type Minifier struct {
	m *minify.M
	// tmpl minifies html/template sources, leaving {{…}} actions alone.
	tmpl *minify.M
	// comment matches a template comment, with its trim markers.
	comment *regexp.Regexp
}

// NewMinifier returns a Minifier with conservative settings: the output must
// still pass the W3C Nu HTML checker and read the same in a screen reader.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", htmlOptions())
	m.Add("text/css", &css.Minifier{})
	m.Add("image/svg+xml", &svg.Minifier{})
	m.Add("text/xml", &xml.Minifier{})
	// The HTML minifier hands the body of <script type=X> to the minifier
	// for X, so these patterns also cover inline JSON-LD, import maps and
	// module scripts. The patterns are those of the minify command.
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$|^module$`), minifyJS)
	m.AddRegexp(regexp.MustCompile(`[/+]json$|^importmap$|^speculationrules$`), &json.Minifier{})
	m.AddRegexp(regexp.MustCompile(`[/+]xml$`), &xml.Minifier{})

	tmpl := minify.New()
	opts := htmlOptions()
	opts.TemplateDelims = [2]string{"{{", "}}"}
	tmpl.Add("text/html", opts)
	return &Minifier{m: m, tmpl: tmpl, comment: regexp.MustCompile(`\{\{(- )?/\*(?s:.*?)\*/( -)?\}\}`)}
}

func htmlOptions() *html.Minifier {
	return &html.Minifier{
		// The html, head and body tags carry lang and dir, and a reader
		// of the source expects them; end tags keep the tree obvious.
		KeepDocumentTags: true,
		KeepEndTags:      true,
		// Dropping type="text" or a default value would silently break CSS
		// attribute selectors such as input[type=text].
		KeepDefaultAttrVals: true,
		// Conditional comments and server-side includes (<!--#...-->)
		// change what the page does; other comments are dropped.
		KeepSpecialComments: true,
	}
}

// MinifyTemplate minifies the source of an html/template file, leaving its
// {{…}} actions as they are. Minifying the templates once, instead of every
// page they produce, takes the minifier off the per-page path: the pages
// come out minified but for what the actions insert.
//
// Template comments are emptied first: the minifier reads an apostrophe
// inside {{/* … */}} as the start of a quoted string and leaves the rest
// of the file as it is.
func (m *Minifier) MinifyTemplate(path string, src []byte) ([]byte, error) {
	src = m.comment.ReplaceAll(src, []byte("{{$1/**/$2}}"))
	out, err := m.tmpl.Bytes("text/html", src)
	if err != nil {
		return nil, minifyError(path, err)
	}
	return out, nil
}

// minifyJS minifies JavaScript, always keeping "</script" escaped. The HTML
// minifier asks for that only for <script> without a type, so a string
// '<\/script>' in <script type=module> would otherwise come out as
// "</script>" and end the element early. In a .js file the escape costs one
// byte and changes nothing.
func minifyJS(m *minify.M, w io.Writer, r io.Reader, params map[string]string) error {
	p := maps.Clone(params) // may be a table shared by all calls
	if p == nil {
		p = map[string]string{}
	}
	p["escape-html"] = "1"
	return (&js.Minifier{}).Minify(m, w, r, p)
}

// Minify returns data minified according to the extension of path, or data
// itself for a type it does not minify. It never changes data. An error names
// the file and, where the minifier knows it, the line and column.
func (m *Minifier) Minify(path string, data []byte) ([]byte, error) {
	mediatype := mediatypeOf(path)
	if mediatype == "" || (mediatype == "text/xml" && keepsXMLWhitespace(data)) {
		return data, nil
	}
	// The minifiers work in place on their input and briefly write one byte
	// past its end, so they get a private copy: data may be shared with
	// other goroutines or be a slice of a larger buffer.
	in := make([]byte, len(data), len(data)+1)
	copy(in, data)
	out, err := m.m.Bytes(mediatype, in)
	if err != nil {
		return nil, minifyError(path, err)
	}
	return out, nil
}

// mediatypeOf maps a file extension to the media type registered in
// NewMinifier, or "" for files that are copied as they are.
func mediatypeOf(p string) string {
	switch strings.ToLower(path.Ext(p)) {
	case ".html", ".htm":
		return "text/html"
	case ".css":
		return "text/css"
	case ".js", ".mjs":
		return "application/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".json", ".webmanifest":
		return "application/json"
	case ".xml":
		return "text/xml"
	}
	return ""
}

// keepsXMLWhitespace reports whether an XML file holds text whose line breaks
// and indentation matter. The XML minifier collapses runs of white space in
// all text, which would flatten code blocks in a feed's escaped HTML content
// and ignores xml:space="preserve".
func keepsXMLWhitespace(data []byte) bool {
	return bytes.Contains(data, []byte("&lt;pre")) ||
		bytes.Contains(data, []byte("<pre")) ||
		bytes.Contains(data, []byte("xml:space"))
}

// MinifyError is a file the minifier could not parse, with the position
// where it gave up (0 when unknown).
type MinifyError struct {
	Path      string
	Line, Col int
	Message   string
	Err       error
}

func (e *MinifyError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: minify: %s", e.Path, e.Line, e.Col, e.Message)
	}
	return fmt.Sprintf("%s: minify: %s", e.Path, e.Message)
}

func (e *MinifyError) Unwrap() error { return e.Err }

// minifyError keeps the position of a parse error but not parse.Error's own
// text, which repeats the position and adds the whole source line: for
// minified input that can be a full page.
func minifyError(p string, err error) error {
	var perr *parse.Error
	if errors.As(err, &perr) {
		return &MinifyError{Path: p, Line: perr.Line, Col: perr.Column, Message: perr.Message, Err: err}
	}
	return &MinifyError{Path: p, Message: err.Error(), Err: err}
}
