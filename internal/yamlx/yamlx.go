// Package yamlx reads YAML documents strictly while keeping positions, so that
// every problem can be reported at the line and column of the key or value
// that caused it. site.yaml and front matter both go through it.
//
// It works on yaml.v3 nodes rather than struct decoding because struct
// decoding loses positions and stops at the first error; here every problem
// of a document is collected into a diag.List.
package yamlx

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"gopkg.in/yaml.v3"
)

// Reader reports problems of one YAML document at positions shifted by
// LineOffset (front matter starts after the opening "---" line).
type Reader struct {
	Path       string
	LineOffset int
	Problems   *diag.List
}

// Errorf records an error at node n.
func (r *Reader) Errorf(n *yaml.Node, format string, args ...any) {
	r.Problems.Errorf(r.Path, n.Line+r.LineOffset, n.Column, format, args...)
}

// ErrorHint records an error at node n with a hint.
func (r *Reader) ErrorHint(n *yaml.Node, hint, format string, args ...any) {
	r.Problems.Add(diag.Problem{Path: r.Path, Line: n.Line + r.LineOffset, Col: n.Column,
		Message: fmt.Sprintf(format, args...), Hint: hint})
}

// Field is one key of a mapping with its value.
type Field struct {
	Key   *yaml.Node
	Value *yaml.Node
}

// Name is the key's text.
func (f Field) Name() string { return f.Key.Value }

// Fields returns the key/value pairs of a mapping node in document order,
// reporting unknown keys (with a "did you mean" hint) and duplicated keys.
// allowed lists the known keys; nil allows any key.
func (r *Reader) Fields(n *yaml.Node, what string, allowed []string) []Field {
	n = resolveAlias(n)
	if n.Kind != yaml.MappingNode {
		r.Errorf(n, "%s must be a mapping of keys to values, not %s", what, describe(n))
		return nil
	}
	seen := map[string]bool{}
	var out []Field
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolveAlias(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			r.Errorf(k, "%s has a key that is not a plain name", what)
			continue
		}
		if k.Tag == "!!merge" {
			r.Errorf(k, "merge keys (<<) are not supported in %s", what)
			continue
		}
		if seen[k.Value] {
			r.Errorf(k, "key %q appears twice in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		if allowed != nil && !contains(allowed, k.Value) {
			hint := ""
			if s := diag.Suggest(k.Value, allowed); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			} else {
				hint = "known keys: " + strings.Join(allowed, ", ")
			}
			r.ErrorHint(k, hint, "unknown key %q in %s", k.Value, what)
			continue
		}
		out = append(out, Field{Key: k, Value: v})
	}
	return out
}

// String reads a string scalar. Numbers and booleans are refused so that
// `title: 2015` or `title: yes` does not silently become text; quote them.
func (r *Reader) String(f Field) (string, bool) {
	v := f.Value
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!str" && v.Tag != "!!null") {
		if v.Kind == yaml.ScalarNode {
			r.ErrorHint(v, fmt.Sprintf("put it in quotes: %s: \"%s\"", f.Name(), v.Value),
				"%s must be text, not %s", f.Name(), describe(v))
		} else {
			r.Errorf(v, "%s must be text, not %s", f.Name(), describe(v))
		}
		return "", false
	}
	if v.Tag == "!!null" {
		return "", true
	}
	return v.Value, true
}

// NonEmptyString reads a string that must not be blank.
func (r *Reader) NonEmptyString(f Field) (string, bool) {
	s, ok := r.String(f)
	if ok && strings.TrimSpace(s) == "" {
		r.Errorf(f.Value, "%s must not be empty", f.Name())
		return "", false
	}
	return s, ok
}

// Bool reads true or false.
func (r *Reader) Bool(f Field) (bool, bool) {
	v := f.Value
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
		r.ErrorHint(v, "write true or false", "%s must be true or false, not %s", f.Name(), describe(v))
		return false, false
	}
	b, err := strconv.ParseBool(v.Value)
	if err != nil {
		r.Errorf(v, "%s must be true or false, not %q", f.Name(), v.Value)
		return false, false
	}
	return b, true
}

// Int reads a whole number.
func (r *Reader) Int(f Field) (int, bool) {
	v := f.Value
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		i, err := strconv.Atoi(v.Value)
		if err == nil {
			return i, true
		}
	}
	r.Errorf(v, "%s must be a whole number, not %s", f.Name(), describe(v))
	return 0, false
}

// Date reads YYYY-MM-DD or an RFC 3339 timestamp. A bare date is returned
// at midnight in loc and reports hasTime=false, so that calendars can make
// all-day events of it.
func (r *Reader) Date(f Field, loc *time.Location) (t time.Time, hasTime bool, ok bool) {
	v := f.Value
	if loc == nil {
		loc = time.UTC // time.ParseInLocation panics on a nil location
	}
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!timestamp" && v.Tag != "!!str") {
		r.ErrorHint(v, "write the date as YYYY-MM-DD, e.g. 2015-05-14", "%s must be a date, not %s", f.Name(), describe(v))
		return time.Time{}, false, false
	}
	s := strings.TrimSpace(v.Value)
	if d, err := time.ParseInLocation("2006-01-02", s, loc); err == nil {
		return d, false, true
	}
	for _, layout := range []string{time.RFC3339, time.RFC3339Nano} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, true, true
		}
	}
	// A time without a zone is read in the site's time zone.
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if d, err := time.ParseInLocation(layout, s, loc); err == nil {
			return d, true, true
		}
	}
	r.ErrorHint(v, "write it as YYYY-MM-DD, e.g. 2015-05-14, or with a time: 2015-05-14T10:00:00+02:00",
		"%s: %q is not a valid date", f.Name(), s)
	return time.Time{}, false, false
}

// Strings reads a list of strings; a single string is not accepted as a
// list, since `tags: ekonomia` is more often a mistake than a shorthand.
func (r *Reader) Strings(f Field) ([]string, []*yaml.Node, bool) {
	v := f.Value
	if v.Kind != yaml.SequenceNode {
		hint := ""
		if v.Kind == yaml.ScalarNode {
			hint = fmt.Sprintf("write a list: %s: [%s]", f.Name(), v.Value)
		}
		r.ErrorHint(v, hint, "%s must be a list, not %s", f.Name(), describe(v))
		return nil, nil, false
	}
	out := make([]string, 0, len(v.Content))
	nodes := make([]*yaml.Node, 0, len(v.Content))
	ok := true
	for _, item := range v.Content {
		item = resolveAlias(item)
		if item.Kind != yaml.ScalarNode || item.Tag != "!!str" {
			r.Errorf(item, "each item of %s must be text, not %s", f.Name(), describe(item))
			ok = false
			continue
		}
		if strings.TrimSpace(item.Value) == "" {
			r.Errorf(item, "%s has an empty item", f.Name())
			ok = false
			continue
		}
		out = append(out, item.Value)
		nodes = append(nodes, item)
	}
	return out, nodes, ok
}

// HTTPURL reads an absolute http or https URL.
func (r *Reader) HTTPURL(f Field) (string, bool) {
	s, ok := r.NonEmptyString(f)
	if !ok {
		return "", false
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		r.ErrorHint(f.Value, "write the full address, e.g. https://example.org/",
			"%s must be an absolute http(s) URL, not %q", f.Name(), s)
		return "", false
	}
	return u.String(), true
}

// Enum reads a string that must be one of allowed.
func (r *Reader) Enum(f Field, allowed []string) (string, bool) {
	s, ok := r.String(f)
	if !ok {
		return "", false
	}
	if !contains(allowed, s) {
		hint := "one of: " + strings.Join(allowed, ", ")
		if sug := diag.Suggest(s, allowed); sug != "" {
			hint = fmt.Sprintf("did you mean %q? It must be one of: %s", sug, strings.Join(allowed, ", "))
		}
		r.ErrorHint(f.Value, hint, "%s %q is not allowed", f.Name(), s)
		return "", false
	}
	return s, true
}

// ToAny converts a node to plain Go values (map[string]any, []any, string,
// int, float64, bool, nil) for free-form params.
func ToAny(n *yaml.Node) any {
	n = resolveAlias(n)
	var v any
	if err := n.Decode(&v); err != nil {
		return nil
	}
	return v
}

// Describe names the kind of a node for messages: "a list", "a number" …
func Describe(n *yaml.Node) string { return describe(n) }

func describe(n *yaml.Node) string {
	n = resolveAlias(n)
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return "the boolean " + n.Value
		case "!!null":
			return "nothing (null)"
		case "!!timestamp":
			return "the date " + n.Value
		}
		return fmt.Sprintf("the text %q", n.Value)
	}
	return "something else"
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Parse reads src as one YAML document and returns its top node, or nil
// after reporting the syntax error at its line. An empty document gives an
// empty mapping node.
func (r *Reader) Parse(src []byte) *yaml.Node {
	if !utf8.Valid(src) {
		// yaml.v3 would say "invalid leading UTF-8 octet", at best
		// with a line.
		line, col := firstInvalid(src)
		msg, hint := NotUTF8(src)
		r.Problems.Add(diag.Problem{Path: r.Path, Line: line + r.LineOffset, Col: col, Message: msg, Hint: hint})
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := syntaxErrorLine(err)
		if l := errorLine(src); l > 0 {
			line = l
		}
		text := lineText(src, line)
		p := diag.Problem{Path: r.Path, Message: "invalid YAML: " + msg, Hint: syntaxHint(msg, text)}
		if line > 0 {
			p.Line = line + r.LineOffset
			p.Col = errorColumn(msg, text)
		}
		r.Problems.Add(p)
		return nil
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	}
	return doc.Content[0]
}

// syntaxErrorLine pulls "line N" out of yaml.v3's error text. yaml.v3 gives
// positions only inside its messages, so this is the one place that reads them.
func syntaxErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				return n, rest[i+2:]
			}
		}
	}
	return 0, msg
}

// errorLine finds the line of a syntax error in src, which does not parse:
// the line after the longest run of leading lines that still parse.
// yaml.v3's own "line N" cannot be trusted: it is one line early for parser
// errors ("did not find expected key") and missing for errors on the first
// line and for some others ("control characters are not allowed", "unknown
// anchor"). A prefix that stops inside an unclosed quote or bracket does not
// parse, so such an error points at the line where the quote or bracket
// opens. Returns 0 when src is too big to rescan cheaply.
func errorLine(src []byte) int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' && i+1 < len(src) {
			starts = append(starts, i+1)
		}
	}
	if len(src)*len(starts) > 4<<20 {
		return 0
	}
	var n yaml.Node
	for k := len(starts) - 1; k > 0; k-- {
		if yaml.Unmarshal(src[:starts[k]], &n) == nil {
			return k + 1
		}
	}
	return 1
}

// lineText returns line number line (1-based) of src, "" if there is none.
func lineText(src []byte, line int) string {
	if line < 1 {
		return ""
	}
	lines := strings.SplitN(string(src), "\n", line+1)
	if len(lines) < line {
		return ""
	}
	return lines[line-1]
}

// errorColumn finds the column (1-based, in characters, as yaml.v3
// counts them) of the syntax error msg on its line: yaml.v3 knows it but
// prints only the line, so it is found again from what the message says
// is wrong: the character that cannot start a token, the second ": " of a
// line, the quote of a value left open, an indented line's first
// character. 0 when the message names nothing to look for.
func errorColumn(msg, line string) int {
	at := func(i int) int {
		if i < 0 {
			return 0
		}
		return utf8.RuneCountInString(line[:i]) + 1
	}
	first := len(line) - len(strings.TrimLeft(line, " "))
	value := -1 // where the value after "key:" starts
	if i := strings.Index(line, ":"); i >= 0 {
		value = i + 1 + len(line[i+1:]) - len(strings.TrimLeft(line[i+1:], " \t"))
	}
	switch {
	case strings.Contains(msg, "tab character"):
		return at(strings.IndexByte(line, '\t'))
	case strings.Contains(msg, "cannot start any token"):
		return at(strings.IndexAny(line, "\t@`%"))
	case strings.Contains(msg, "control characters are not allowed"):
		return at(strings.IndexFunc(line, func(r rune) bool {
			return (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r <= 0x9f)
		}))
	case strings.Contains(msg, "mapping values are not allowed"):
		if value < 0 {
			return 0
		}
		if i := strings.Index(line[value:]+" ", ": "); i >= 0 {
			return at(value + i)
		}
	case strings.Contains(msg, "did not find expected alphabetic or numeric character"),
		strings.Contains(msg, "unknown anchor"):
		return at(strings.IndexAny(line, "*&"))
	case value >= 0 && value < len(line) && (line[value] == '"' || line[value] == '\''):
		// Text after the closing quote, or the quote left open.
		if end := strings.IndexByte(line[value+1:], line[value]); end >= 0 {
			after := value + 1 + end + 1
			if rest := strings.TrimLeft(line[after:], " \t"); rest != "" && !strings.HasPrefix(rest, "#") {
				return at(len(line) - len(rest))
			}
		}
		return at(value)
	case strings.Contains(msg, "did not find expected"), strings.Contains(msg, "could not find expected"):
		if first < len(line) {
			return at(first)
		}
	}
	return 0
}

// syntaxHint explains the YAML mistakes that people who do not know YAML
// make, from yaml.v3's message and the text of the offending line.
func syntaxHint(msg, line string) string {
	value := ""
	if _, v, ok := strings.Cut(line, ":"); ok {
		value = strings.TrimSpace(v)
	}
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	switch {
	case strings.Contains(msg, "tab character"),
		strings.Contains(msg, "cannot start any token") && strings.Contains(indent, "\t"):
		return "YAML does not allow tabs for indentation: use spaces"
	case strings.Contains(msg, "exceeded max depth"):
		return "lists and mappings nest too deeply here: write the data flatter"
	case strings.Contains(msg, "mapping values are not allowed"):
		return `a value that contains ": " must be in quotes, e.g. title: "Spotkanie: podsumowanie"`
	case strings.Contains(msg, "did not find expected alphabetic or numeric character"),
		strings.Contains(msg, "unknown anchor"):
		return `a value that starts with * or & must be in quotes, e.g. summary: "*Nowość* w partnerstwie"`
	case strings.Contains(msg, "cannot start any token") && value != "" && strings.ContainsAny(value[:1], "@`%"):
		return "a value that starts with " + value[:1] + " must be in quotes"
	case strings.Contains(msg, "control characters are not allowed"):
		return "the line holds an invisible control character, often pasted from a terminal or a PDF: type the value again"
	case (strings.Contains(msg, "did not find expected key") || strings.Contains(msg, "found unexpected end of stream")) &&
		value != "" && strings.ContainsAny(value[:1], `"'`):
		return "a value that starts with a quote must end with it; for quotes inside the text use „ ” or put the whole value in the other kind of quotes"
	}
	return ""
}
