package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// gfm is extension.GFM with its Linkify parser behind quickLinkify: the
// same extensions, registered in the same order at the same priorities.
type gfm struct{}

func (gfm) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		// extension.Linkify registers its parser at 999.
		util.Prioritized(quickLinkify{extension.NewLinkifyParser()}, 999),
	))
	extension.Table.Extend(m)
	extension.Strikethrough.Extend(m)
	extension.TaskList.Extend(m)
}

// quickLinkify is goldmark's Linkify parser, asked only where it could
// find something. It is triggered by every space of every paragraph,
// almost always in vain, and its own tests there (three prefixes, then
// an e-mail address) cost about a tenth of a whole conversion.
type quickLinkify struct{ parser.InlineParser }

func (q quickLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if !mayLinkify(line) {
		// What Linkify returns here too, having changed nothing.
		return nil
	}
	return q.InlineParser.Parse(parent, block, pc)
}

// mayLinkify reports whether Linkify could find a link at the start of
// line, after the trigger character it skips: a URL must start with
// http:, https:, ftp: or www., and an e-mail address has an @ after at
// most 64 characters of printable ASCII (util.FindEmailIndex allows a
// subset of them). It may say yes in vain, never no in vain.
func mayLinkify(line []byte) bool {
	if len(line) > 0 {
		switch line[0] {
		case ' ', '*', '_', '~', '(':
			line = line[1:]
		}
	}
	if len(line) == 0 {
		return false // nothing to link
	}
	switch line[0] {
	case 'h', 'f', 'w':
		if hasPrefix(line, "http:") || hasPrefix(line, "https:") || hasPrefix(line, "ftp:") || hasPrefix(line, "www.") {
			return true
		}
	}
	for i := 0; i < len(line) && i <= 64; i++ {
		switch c := line[i]; {
		case c == '@':
			return true
		case c <= ' ' || c >= 0x7f:
			return false
		}
	}
	return false
}

func hasPrefix(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
}
