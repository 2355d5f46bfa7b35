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
		s.front = nil
		return
	}
	if v != nil {
		s.root.Content = append(s.root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
		s.front = nil
	}
}

// encode writes the front matter again from the tree when a key was
// set; the untouched front matter keeps its bytes.
func (s *source) encode() error {
	if s.front != nil {
		return nil
	}
	if len(s.root.Content) == 0 {
		s.front = []byte{}
		return nil
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(s.root); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	out := b.Bytes()
	if s.crlf {
		out = bytes.ReplaceAll(out, []byte("\n"), []byte("\r\n"))
	}
	s.front = out
	return nil
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
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v}
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
