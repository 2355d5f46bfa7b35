package markdown

import (
	"bytes"
	"encoding/binary"
	"math/bits"
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
		end := wordsEnd(p)
		if t.pending && t.b.Len() > 0 {
			t.b.WriteByte(' ')
		}
		t.pending = false
		t.b.Write(p[:end])
		p = p[end:]
	}
}

// wordsEnd returns the length of the words at the start of p, which
// starts with one, up to whitespace other than a single space between
// two words.
func wordsEnd(p []byte) int {
	for i := 1; ; {
		i = nextStop(p, i)
		switch {
		case i == len(p):
			return i
		case p[i] == ' ' && i+1 < len(p) && !asciiSpace[p[i+1]]:
			i += 2
		case asciiSpace[p[i]]:
			return i
		default:
			i++ // a control character, not whitespace: part of a word
		}
	}
}

// nextStop returns the offset of the first byte of p at or after i that
// may end a run of words, or len(p): a control character (< ' '), or a
// space before a space or a control character or at the end. It looks at
// eight bytes at a time and passes over the single spaces between words:
// most of any text is letters and single spaces.
func nextStop(p []byte, i int) int {
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7f7f7f7f7f7f7f7f
	// Seven bytes a step, so that the byte after a space is in the same
	// word of eight as the space.
	for ; i+8 <= len(p); i += 7 {
		x := binary.LittleEndian.Uint64(p[i:])
		// Exactly the bytes below ' ' (no borrows between bytes: the
		// sum of a byte's low seven bits and 0x60 fits in it).
		ctrl := ^((x&lows + 0x60*ones) | x) & highs
		// Exactly the spaces.
		sp := x ^ 0x20*ones
		space := ^((sp&lows + lows) | sp) & highs
		// A space before a space or a control character, in the first
		// seven bytes.
		if m := ctrl | space&((space|ctrl)>>8); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(p); i++ {
		if c := p[i]; c < ' ' || c == ' ' && (i+1 == len(p) || p[i+1] <= ' ') {
			return i
		}
	}
	return len(p)
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
