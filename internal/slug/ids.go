package slug

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// fallbackID is used for headings whose text has nothing to slug (only
// emoji, only Cyrillic …): an id must never be empty, or the heading could
// not be linked to.
const fallbackID = "section"

// IDs generates unique heading ids for one Markdown document. It satisfies
// goldmark's parser.IDs interface, so it can be passed with
// parser.WithIDs in a parser.Context.
//
// Ids are Make of the heading text; repeats get "-1", "-2" … suffixes as on
// GitHub, so that anchors in links copied from there keep working.
//
// goldmark reports an explicit id ({#id} in the Markdown) through Put only
// when it reaches that heading, so a generated id can still equal an
// explicit one written further down the page; a build that cares must
// check ids for uniqueness after parsing.
//
// An IDs is not safe for concurrent use: create one per document (ids only
// have to be unique within a page, and sharing one across pages would make
// an id depend on which page was rendered first). The zero value is ready
// to use.
type IDs struct {
	used map[string]bool
	// next remembers the last suffix given to each base id, so a page with
	// many equal headings does not rescan from -1 each time.
	next map[string]int
}

// NewIDs returns an empty id generator for one document.
func NewIDs() *IDs {
	return &IDs{}
}

// Generate returns a new id for a heading (or other node) whose text is
// value. kind is ignored: every node gets the same kind of id, and the
// fallback "section" suits any block a reader might link to.
func (g *IDs) Generate(value []byte, kind ast.NodeKind) []byte {
	return []byte(g.GenerateString(string(value)))
}

// GenerateString is Generate for a heading's text as a string, which is
// how the id is kept, without copying it to and from bytes.
func (g *IDs) GenerateString(text string) string {
	g.init()
	base := Make(text)
	if base == "" {
		base = fallbackID
	}
	if !g.used[base] {
		g.used[base] = true
		return base
	}
	for i := g.next[base] + 1; ; i++ {
		id := base + "-" + strconv.Itoa(i)
		if !g.used[id] {
			g.used[id] = true
			g.next[base] = i
			return id
		}
	}
}

// Put records an id that is already taken, such as one written explicitly
// as {#id} in the Markdown, so that Generate never returns it.
func (g *IDs) Put(value []byte) {
	g.PutString(string(value))
}

// PutString is Put for an id as a string.
func (g *IDs) PutString(id string) {
	g.init()
	g.used[id] = true
}

func (g *IDs) init() {
	if g.used == nil {
		g.used = map[string]bool{}
		g.next = map[string]int{}
	}
}
