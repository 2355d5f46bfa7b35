package output

import (
	"bytes"
	"errors"
	"fmt"
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
}

// NewMinifier returns a Minifier with conservative settings: the output must
// still pass the W3C Nu HTML checker and read the same in a screen reader.
func NewMinifier() *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{
		// The html, head and body tags carry lang and dir, and a reader
		// of the source expects them; end tags keep the tree obvious.
		KeepDocumentTags: true,
		KeepEndTags:      true,
		// Dropping type="text" or a default value would silently break CSS
		// attribute selectors such as input[type=text].
		KeepDefaultAttrVals: true,
		// Conditional and licence comments are legal notices, not noise.
		KeepSpecialComments: true,
	})
	m.Add("text/css", &css.Minifier{})
	m.Add("image/svg+xml", &svg.Minifier{})
	m.Add("text/xml", &xml.Minifier{})
	// The HTML minifier hands the body of <script type=X> to the minifier
	// for X, so these patterns also cover inline JSON-LD, import maps and
	// module scripts. The patterns are those of the minify command.
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$|^module$`), &js.Minifier{})
	m.AddRegexp(regexp.MustCompile(`[/+]json$|^importmap$|^speculationrules$`), &json.Minifier{})
	m.AddRegexp(regexp.MustCompile(`[/+]xml$`), &xml.Minifier{})
	return &Minifier{m: m}
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

// minifyError puts the file's path in front of the minifier's message in the
// usual "path:line:col: message" form.
func minifyError(p string, err error) error {
	var perr *parse.Error
	if errors.As(err, &perr) {
		// parse.Error's own text repeats the position and adds the whole
		// source line, which for minified input can be a full page.
		msg := fmt.Sprintf("%s:%d:%d: minify: %s", p, perr.Line, perr.Column, perr.Message)
		return &wrapped{msg: msg, err: err}
	}
	return fmt.Errorf("%s: minify: %w", p, err)
}

// wrapped is an error with its own message that still unwraps to its cause.
type wrapped struct {
	msg string
	err error
}

func (e *wrapped) Error() string { return e.msg }
func (e *wrapped) Unwrap() error { return e.err }
