package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// linkRenderer renders links exactly as goldmark's html.Renderer does,
// but checks their URLs without html.IsDangerousURL, which allocates ten
// lower-cased copies of the start of every URL; most pages are full of
// links. Registered ahead of html.Renderer, it takes ast.KindLink over.
type linkRenderer struct{ unsafe bool }

// nodeRenderers are this package's renderers, which take kinds of nodes
// over from goldmark's html.Renderer and render them as it does.
func nodeRenderers(unsafe bool) []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(linkRenderer{unsafe: unsafe}, linkRendererPriority),
		util.Prioritized(textRenderer{}, linkRendererPriority),
	}
}

// linkRendererPriority is ahead of html.Renderer's 1000: of two renderers
// of a kind, the one with the lower number is used.
const linkRendererPriority = 100

func (r linkRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindLink, r.renderLink)
}

// renderLink is html.Renderer's renderLink (goldmark v1.8), with the
// renderer's default html.Writer, which New does not change.
func (r linkRenderer) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if entering {
		_, _ = w.WriteString("<a href=\"")
		dest := urlEscape(n.Destination, true)
		if r.unsafe || !isDangerousURL(dest) {
			_, _ = w.Write(util.EscapeHTML(dest))
		}
		_ = w.WriteByte('"')
		if n.Title != nil {
			_, _ = w.WriteString(` title="`)
			html.DefaultWriter.Write(w, n.Title)
			_ = w.WriteByte('"')
		}
		if n.Attributes() != nil {
			html.RenderAttributes(w, n, html.LinkAttributeFilter)
		}
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkContinue, nil
}

// isDangerousURL is html.IsDangerousURL without allocations for URLs
// whose first 16 bytes (as far as it looks) are ASCII, where its
// bytes.ToLower comparisons are ASCII case folding; other URLs are left
// to it.
func isDangerousURL(url []byte) bool {
	for _, c := range url[:min(len(url), 16)] {
		if c >= 0x80 {
			return html.IsDangerousURL(url)
		}
	}
	if hasPrefixFold(url, "data:image/") && len(url) >= 11 {
		v := url[11:]
		return !(hasPrefixFold(v, "png;") || hasPrefixFold(v, "gif;") ||
			hasPrefixFold(v, "jpeg;") || hasPrefixFold(v, "webp;"))
	}
	return hasPrefixFold(url, "javascript:") || hasPrefixFold(url, "vbscript:") ||
		hasPrefixFold(url, "file:") || hasPrefixFold(url, "data:")
}

// hasPrefixFold reports whether b starts with the lower-case ASCII prefix
// in any case.
func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// textRenderer renders text exactly as goldmark's html.Renderer does, but
// copies text that needs neither escaping nor resolving in one go:
// html.DefaultWriter looks at it a byte at a time, which made writing
// text a tenth of a whole conversion. Registered ahead of html.Renderer,
// it takes ast.KindText over.
type textRenderer struct{}

func (textRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, renderText)
}

// renderText is html.Renderer's renderText (goldmark v1.8) with the
// options New leaves at their defaults: no hard wraps, no XHTML, no East
// Asian line breaks.
func renderText(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	value := n.Segment.Value(source)
	if n.IsRaw() {
		rawWriteHTML(w, value)
		return ast.WalkContinue, nil
	}
	writeHTML(w, value)
	if n.HardLineBreak() {
		_, _ = w.WriteString("<br>\n")
	} else if n.SoftLineBreak() {
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

// writeHTML is html.DefaultWriter.Write, which unescapes backslash
// escapes, resolves entities and escapes for HTML. The text before the
// first byte that any of that concerns is written as it is: there the
// writer has nothing pending (no backslash, no entity), so what follows
// is written as if it came first.
func writeHTML(w util.BufWriter, v []byte) {
	i := htmlSpecial(v, true)
	_, _ = w.Write(v[:i])
	if i < len(v) {
		html.DefaultWriter.Write(w, v[i:])
	}
}

// rawWriteHTML is html.DefaultWriter.RawWrite, which only escapes for
// HTML, in the same way.
func rawWriteHTML(w util.BufWriter, v []byte) {
	i := htmlSpecial(v, false)
	_, _ = w.Write(v[:i])
	if i < len(v) {
		html.DefaultWriter.RawWrite(w, v[i:])
	}
}

// htmlSpecial returns the offset of the first byte of v that
// util.EscapeHTMLByte replaces (NUL, ", &, <, >), or a backslash if
// backslash is set, or len(v).
func htmlSpecial(v []byte, backslash bool) int {
	for i, c := range v {
		if htmlEscaped[c] || backslash && c == '\\' {
			return i
		}
	}
	return len(v)
}

// htmlEscaped are the bytes util.EscapeHTMLByte replaces (NUL with
// U+FFFD).
var htmlEscaped = [256]bool{0: true, '"': true, '&': true, '<': true, '>': true}

// htmlBuffer is the bytes.Buffer that goldmark's renderer writes into
// directly: given a plain io.Writer, it would put a bufio.Writer in
// between, allocating 4 kB per document and copying every byte twice.
// goldmark never asks how much is buffered.
type htmlBuffer struct{ bytes.Buffer }

func (*htmlBuffer) Buffered() int { return 0 }
func (*htmlBuffer) Flush() error  { return nil }

// htmlBuffer must be a util.BufWriter, or the renderer wraps it again.
var _ util.BufWriter = (*htmlBuffer)(nil)
