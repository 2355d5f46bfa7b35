// Package newdoc makes the file `sitegen new` writes: a meeting report,
// partner profile or page with every front matter key of its kind, each
// explained in a comment in the file's language, at the path the content
// schema wants, together with the address the page will have.
//
// It is pure: it returns the file and cmd/sitegen writes it. The address
// is not computed here but by parsing the new file with package content
// and resolving it with package site, so that it follows the site's URL
// rules by construction and the file is known to parse.
package newdoc

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/site"
	"github.com/lubuskie-es/sitegen/internal/slug"
	"gopkg.in/yaml.v3"
)

// Kinds are the kinds of file `sitegen new` makes, as typed on the
// command line.
func Kinds() []string { return []string{"meeting", "partner", "page"} }

// Request is what to make.
type Request struct {
	Kind  string // "meeting", "partner" or "page"
	Title string
	Lang  string    // a configured language; "" is the default one
	Now   time.Time // today, in the site's time zone, dates a meeting
}

// Doc is a file to write.
type Doc struct {
	Path string // relative to the site root: "content/meetings/2026-03-12-x.pl.md"
	Data []byte
	URL  string // the page's absolute address once built
}

// BadRequest is a request that cannot be made: an unknown kind or
// language, or a title without letters. cmd/sitegen reports it as bad
// usage; any other error is a bug.
type BadRequest struct{ Reason string }

func (e *BadRequest) Error() string { return e.Reason }

func badRequest(format string, args ...any) error {
	return &BadRequest{Reason: fmt.Sprintf(format, args...)}
}

// Make returns the file for req.
func Make(cfg *config.Config, req Request) (*Doc, error) {
	texts, ok := templates(req.Kind)
	if !ok {
		return nil, badRequest("unknown kind %q: make a meeting, partner or page", req.Kind)
	}
	title := strings.TrimSpace(req.Title)
	if title == "" || strings.ContainsFunc(title, unicode.IsControl) {
		return nil, badRequest("give the title as one line of text in quotes, e.g. \"Spotkanie w Żarach\"")
	}
	s := slug.Make(title)
	if s == "" {
		return nil, badRequest("the title %q has no letter or digit to make a file name from", title)
	}
	lang := req.Lang
	if lang == "" {
		lang = cfg.Default().Code
	}
	if cfg.Language(lang) == nil {
		return nil, badRequest("language %q is not one of the site's: %s", lang, strings.Join(cfg.Codes(), ", "))
	}
	today := req.Now.In(cfg.Location)
	suffix := "." + lang + ".md"
	prefix := ""
	if req.Kind == "meeting" {
		prefix = today.Format("2006-01-02") + "-"
	}
	s = shorten(s, MaxNameBytes-len(prefix)-len(suffix))
	rel := prefix + s + suffix
	switch req.Kind {
	case "meeting":
		rel = "meetings/" + rel
	case "partner":
		rel = "partners/" + rel
	}
	text := texts[1] // English comments for every language but Polish
	if lang == "pl" {
		text = texts[0]
	}
	data, err := fill(text, title, s, today)
	if err != nil {
		return nil, err
	}
	url, err := address(cfg, rel, data, req.Now)
	if err != nil {
		return nil, err
	}
	return &Doc{Path: content.Dir + "/" + rel, Data: data, URL: url}, nil
}

// MaxNameBytes is the longest file name Make gives: a long title's slug
// is shortened to fit, so that the name stays readable and well below the
// 255 bytes file systems hold (and what zip tools and Windows paths of
// 260 characters allow once folders are added).
const MaxNameBytes = 100

// shorten cuts an ASCII slug to at most n bytes at a word boundary (a
// "-"), or within the word when its first word alone is longer.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := s[:n]
	if s[n] != '-' { // the word at n goes on: cut before it
		if i := strings.LastIndexByte(cut, '-'); i > 0 {
			cut = cut[:i]
		}
	}
	return strings.TrimRight(cut, "-")
}

// templates returns the Polish and English text of a kind.
func templates(kind string) ([2]string, bool) {
	switch kind {
	case "meeting":
		return [2]string{meetingPL, meetingEN}, true
	case "partner":
		return [2]string{partnerPL, partnerEN}, true
	case "page":
		return [2]string{pagePL, pageEN}, true
	}
	return [2]string{}, false
}

func fill(text, title, s string, today time.Time) ([]byte, error) {
	t, err := template.New("new").Parse(text)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = t.Execute(&buf, map[string]string{
		"Title": quote(title),
		"Slug":  s,
		"Date":  today.Format("2006-01-02"),
		"Year":  strconv.Itoa(today.Year()),
	})
	return buf.Bytes(), err
}

// quote writes s as a YAML double-quoted scalar, so that a title with a
// colon, a quote or a # stays a title.
func quote(s string) string {
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.ScalarNode, Style: yaml.DoubleQuotedStyle, Value: s})
	if err != nil {
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}

// address parses the new file as the build would and resolves it alone,
// which gives its URL by the site's own rules.
func address(cfg *config.Config, rel string, data []byte, now time.Time) (string, error) {
	doc, problems := content.Parse(rel, data, content.Options{Languages: cfg.Codes(), Location: cfg.Location})
	if problems.HasErrors() {
		// A bug in the templates above, never the writer's doing.
		return "", fmt.Errorf("the new file would not build: %s", problems.Items()[0])
	}
	s, problems := site.Build(cfg, []*content.Doc{doc}, site.Options{Now: now})
	if problems.HasErrors() {
		return "", fmt.Errorf("the new file would not build: %s", problems.Items()[0])
	}
	for _, p := range s.Pages {
		if p.Doc == doc {
			return strings.TrimSuffix(cfg.BaseURL, "/") + p.URL, nil
		}
	}
	return "", errors.New("the new file has no page")
}
