package editor

import (
	"bytes"
	"errors"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// source is one content file split for editing. The parts joined again
// are the file's bytes exactly: head (byte order mark and the opening
// "---" line), front (the YAML), mid (the closing "---" line) and body.
type source struct {
	head, front, mid, body []byte
	crlf                   bool       // the file's lines end in CRLF
	root                   *yaml.Node // the front matter's mapping; nil when it is not one
	orig                   []byte     // the front matter as read
	keys                   []origKey  // its keys as read, in order
	changed                map[string]bool
}

// origKey is a top-level key as the file has it.
type origKey struct {
	name      string
	line, col int
}

// errNoFrontMatter is a file the form cannot show: it opens as its
// source text instead.
var errNoFrontMatter = errors.New("no front matter the form can show")

// split reads a file into its parts; the front matter must be a YAML
// mapping (or empty).
func split(src []byte) (*source, error) {
	s := &source{crlf: bytes.Contains(src, []byte("\r\n"))}
	rest := src
	if b, ok := bytes.CutPrefix(rest, []byte("\xEF\xBB\xBF")); ok {
		rest = b
	}
	line, after, found := bytes.Cut(rest, []byte("\n"))
	if !found || string(bytes.TrimRight(line, " \t\r")) != "---" {
		return nil, errNoFrontMatter
	}
	s.head = src[:len(src)-len(after)]
	for off := 0; off < len(after); {
		end := bytes.IndexByte(after[off:], '\n')
		next := len(after)
		if end >= 0 {
			next = off + end + 1
		}
		if string(bytes.TrimRight(after[off:next], " \t\r\n")) == "---" {
			s.front, s.mid, s.body = after[:off], after[off:next], after[next:]
			return s, s.parse()
		}
		off = next
	}
	return nil, errNoFrontMatter
}

func (s *source) parse() error {
	var doc yaml.Node
	if err := yaml.Unmarshal(s.front, &doc); err != nil {
		return err
	}
	switch {
	case doc.Kind == 0: // empty front matter
		s.root = &yaml.Node{Kind: yaml.MappingNode}
	case len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode:
		s.root = doc.Content[0]
	default:
		return errNoFrontMatter
	}
	s.orig, s.changed = s.front, map[string]bool{}
	for i := 0; i+1 < len(s.root.Content); i += 2 {
		k := s.root.Content[i]
		s.keys = append(s.keys, origKey{name: k.Value, line: k.Line, col: k.Column})
	}
	return nil
}

// bytes joins the parts again.
func (s *source) bytes() []byte {
	return slices.Concat(s.head, s.front, s.mid, s.body)
}

// value returns the value node of key, or nil.
func (s *source) value(key string) *yaml.Node {
	for i := 0; i+1 < len(s.root.Content); i += 2 {
		if s.root.Content[i].Value == key {
			return s.root.Content[i+1]
		}
	}
	return nil
}

// set replaces key's value, appending the key when the file lacks it;
// a nil value removes the key. It marks the front matter for encoding.
func (s *source) set(key string, v *yaml.Node) {
	for i := 0; i+1 < len(s.root.Content); i += 2 {
		k := s.root.Content[i]
		if k.Value != key {
			continue
		}
		if v == nil {
			s.root.Content = slices.Delete(s.root.Content, i, i+2)
		} else {
			// Comments written beside the old value stay with the key.
			old := s.root.Content[i+1]
			v.LineComment, v.HeadComment, v.FootComment = old.LineComment, old.HeadComment, old.FootComment
			s.root.Content[i+1] = v
		}
		s.changed[key] = true
		return
	}
	if v != nil {
		s.root.Content = append(s.root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
		s.changed[key] = true
	}
}

// encode writes the front matter again when a key was set. Each key the
// writer did not change keeps its lines byte for byte: only the lines of
// a changed key are written anew, from its node, and the comment and
// blank lines that follow it (the next key's head comment) stay. A front
// matter whose keys do not each start a line of their own (a flow
// mapping) is written whole from the tree, comments and order kept.
func (s *source) encode() error {
	if len(s.changed) == 0 {
		return nil
	}
	out, err := s.splice()
	if err == errNoSplice {
		out, err = encodeNode(s.root)
	}
	if err != nil {
		return err
	}
	if s.crlf {
		out = bytes.ReplaceAll(bytes.ReplaceAll(out, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
	s.front = out
	return nil
}

var errNoSplice = errors.New("keys share lines")

func (s *source) splice() ([]byte, error) {
	lines := bytes.SplitAfter(s.orig, []byte("\n"))
	if len(lines) > 0 && len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	for i, k := range s.keys {
		if k.col != 1 || k.line < 1 || k.line > len(lines) || (i > 0 && k.line <= s.keys[i-1].line) {
			return nil, errNoSplice
		}
	}
	var b bytes.Buffer
	first := len(lines)
	if len(s.keys) > 0 {
		first = s.keys[0].line - 1
	}
	b.Write(bytes.Join(lines[:first], nil))
	had := map[string]bool{}
	for i, k := range s.keys {
		had[k.name] = true
		end := len(lines)
		if i+1 < len(s.keys) {
			end = s.keys[i+1].line - 1
		}
		region := lines[k.line-1 : end]
		if !s.changed[k.name] {
			b.Write(bytes.Join(region, nil))
			continue
		}
		t := len(region)
		for t > 1 && commentOrBlank(region[t-1]) {
			t--
		}
		if v := s.value(k.name); v != nil {
			pair, err := encodePair(k.name, v)
			if err != nil {
				return nil, err
			}
			b.Write(pair)
		}
		b.Write(bytes.Join(region[t:], nil))
	}
	for i := 0; i+1 < len(s.root.Content); i += 2 {
		if k := s.root.Content[i].Value; !had[k] {
			if b.Len() > 0 && !bytes.HasSuffix(b.Bytes(), []byte("\n")) {
				b.WriteByte('\n')
			}
			pair, err := encodePair(k, s.root.Content[i+1])
			if err != nil {
				return nil, err
			}
			b.Write(pair)
		}
	}
	return b.Bytes(), nil
}

// commentOrBlank reports a line that belongs to no key's value: blank,
// or a comment at the first column (a top-level value's own lines are
// indented).
func commentOrBlank(line []byte) bool {
	return len(bytes.TrimSpace(line)) == 0 || line[0] == '#'
}

// encodePair writes one key and its value, with the value's line
// comment; the comments above and below it stay where they are.
func encodePair(key string, v *yaml.Node) ([]byte, error) {
	c := *v
	c.HeadComment, c.FootComment = "", ""
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{scalar("!!str", key), &c}}
	return encodeNode(m)
}

func encodeNode(n *yaml.Node) ([]byte, error) {
	if len(n.Content) == 0 {
		return []byte{}, nil
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// setBody replaces the Markdown text, written as the browser sends it
// (CRLF), unless it is the same text as the file's.
func (s *source) setBody(text string) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	old := strings.ReplaceAll(string(s.body), "\r\n", "\n")
	if text == old {
		return
	}
	if s.crlf {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	s.body = []byte(text)
}

// scalar is a scalar node of a tag: "!!str" is quoted by yaml.v3 when
// it would read as another type, "" is written plain (dates, numbers).
func scalar(tag, v string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v}
	// yaml.v3 writes a string with a line break as a block scalar, whose
	// last line break the closing --- of the front matter then takes
	// ("title: |2+" read back as ""); quoted, every character comes back.
	if tag == "!!str" && strings.ContainsAny(v, "\n\r") {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// strings returns a list node's strings, and whether the node is a list
// of scalars (or missing).
func listOf(n *yaml.Node) ([]string, bool) {
	if n == nil {
		return nil, true
	}
	if n.Kind != yaml.SequenceNode {
		return nil, false
	}
	out := make([]string, 0, len(n.Content))
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode {
			return nil, false
		}
		out = append(out, c.Value)
	}
	return out, true
}

// list makes a list node like old (flow [a, b] or block), of strings.
func list(old *yaml.Node, items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	if old != nil && old.Kind == yaml.SequenceNode {
		n.Style = old.Style
	}
	for _, it := range items {
		n.Content = append(n.Content, scalar("!!str", it))
	}
	return n
}
