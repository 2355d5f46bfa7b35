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
		dest := util.URLEscape(n.Destination, true)
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

// htmlBuffer is the bytes.Buffer that goldmark's renderer writes into
// directly: given a plain io.Writer, it would put a bufio.Writer in
// between, allocating 4 kB per document and copying every byte twice.
// goldmark never asks how much is buffered.
type htmlBuffer struct{ bytes.Buffer }

func (*htmlBuffer) Buffered() int { return 0 }
func (*htmlBuffer) Flush() error  { return nil }

// htmlBuffer must be a util.BufWriter, or the renderer wraps it again.
var _ util.BufWriter = (*htmlBuffer)(nil)
