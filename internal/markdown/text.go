package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// plainText accumulates text with every run of whitespace collapsed to one
// space and none at either end.
type plainText struct {
	b strings.Builder
	// pending is set by whitespace and written only before the next
	// word, which is what keeps the ends trimmed.
	pending bool
}

func (t *plainText) space() { t.pending = true }

// Len is a mark for since.
func (t *plainText) Len() int { return t.b.Len() }

func (t *plainText) String() string { return t.b.String() }

// since returns the text written after mark, without the space that may
// separate it from what came before.
func (t *plainText) since(mark int) string {
	return strings.TrimPrefix(t.b.String()[mark:], " ")
}

func (t *plainText) write(p []byte) {
	for len(p) > 0 {
		if asciiSpace[p[0]] {
			t.pending = true
			p = p[1:]
			continue
		}
		// Words with single spaces between them need no collapsing and
		// are copied in one go: that is most of any text.
		end := 1
		for end < len(p) {
			if !asciiSpace[p[end]] {
				end++
			} else if p[end] == ' ' && end+1 < len(p) && !asciiSpace[p[end+1]] {
				end += 2
			} else {
				break
			}
		}
		if t.pending && t.b.Len() > 0 {
			t.b.WriteByte(' ')
		}
		t.pending = false
		t.b.Write(p[:end])
		p = p[end:]
	}
}

// writeText writes a text node as the renderer shows it: backslash escapes
// and entities resolved, except in code, which is raw.
func (t *plainText) writeText(n *ast.Text, src []byte) {
	v := n.Value(src)
	if !n.IsRaw() && (bytes.IndexByte(v, '\\') >= 0 || bytes.IndexByte(v, '&') >= 0) {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
	}
	t.write(v)
	if n.SoftLineBreak() || n.HardLineBreak() {
		t.space()
	}
}

func (t *plainText) writeLines(lines *text.Segments, src []byte) {
	for i := range lines.Len() {
		seg := lines.At(i)
		t.write(seg.Value(src))
		t.space()
	}
}

// asciiSpace is ASCII whitespace only: a no-break space is the writer's
// choice (Polish typography keeps one-letter words off line ends) and is
// kept.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '\v': true}
