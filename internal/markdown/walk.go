package markdown

import (
	"bytes"
	"cmp"
	"fmt"
	"strconv"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/lubuskie-es/sitegen/internal/slug"
)

// decorativeAlt is the alt text that marks an image as decorative.
const decorativeAlt = "-"

const (
	hintUnsafeHTML = "write it in Markdown, or set markdown: {unsafe: true} in site.yaml to let HTML through"
	hintUnsafeURL  = "link to pages, files or http:, https:, mailto: and tel: addresses; " +
		"markdown: {unsafe: true} in site.yaml allows any URL"
	hintAlt = "describe what the image shows, as in ![Mapa powiatów](mapa.png), " +
		"or mark a purely decorative image with ![-](ozdobnik.svg)"
	hintMissing = "the path is relative to this file; check the spelling and the language suffix"
)

// walker is the state of one conversion's single walk over the syntax tree:
// it collects plain text, headings and problems, and checks and rewrites
// links on the way.
type walker struct {
	src     []byte
	resolve Resolver
	images  ImageResolver
	unsafe  bool
	// withoutLinks: links are checked and rewritten but not recorded.
	withoutLinks bool
	basePath     string
	ids          *slug.IDs

	text         plainText
	headingStart int // where the current heading's text starts in text
	paraStart    int // where the current paragraph's text starts in text
	inFootnotes  bool
	hasCode      bool // the document has a code block
	summary      string
	summaryFinal bool // summary comes from a top-level paragraph
	headings     []Heading
	pos          positions // lines and columns of offsets in src
	links        []Link
	problems     []Problem
	// openLink is the index in links of the link being walked, whose
	// text starts at linkStart in text; -1 outside links.
	openLink  int
	linkStart int

	// edits are applied after the walk: replacing the node being visited
	// would cut the walk's iteration over its siblings short.
	edits []edit
	// htmlReported is the block whose raw HTML was last reported, so that
	// <span>…</span> in one paragraph is one warning, not two.
	htmlReported ast.Node
}

// edit replaces node by with, or by node's own children when with is nil.
type edit struct {
	node ast.Node
	with ast.Node
}

// walkTransformer runs the walker that Convert put into the parser
// context under walkerKey, once goldmark has built the whole tree: it is
// the last of the parser's AST transformers, after GFM's tables and the
// footnotes, and before the renderer.
type walkTransformer struct{}

// walkPriority puts walkTransformer after goldmark's own transformers:
// they are run in increasing order, and the footnotes' is at 999.
const walkPriority = 10000

// walkerKey is where Convert leaves the walker of a document in its
// parser context. goldmark hands out context keys from a plain counter,
// meant to be read once when a package is loaded, as its own parsers do.
var walkerKey = parser.NewContextKey()

// Transform is parser.ASTTransformer's method: it walks the finished
// tree, then makes the edits the walk decided on.
func (walkTransformer) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	w, ok := pc.Get(walkerKey).(*walker)
	if !ok {
		return // not parsed by Convert
	}
	_ = ast.Walk(doc, w.visit)
	w.applyEdits()
}

// visit is the ast.Walker of one conversion's walk. Text is collected on
// the way down, headings and paragraphs are finished on the way up, when
// their text is complete.
func (w *walker) visit(n ast.Node, entering bool) (ast.WalkStatus, error) {
	if n.Type() == ast.TypeBlock {
		// Words of different blocks (cells, list items, a heading and
		// the paragraph after it) must not run together.
		w.text.space()
	}
	if !entering {
		w.leave(n)
		return ast.WalkContinue, nil
	}
	if !w.enter(n) {
		return ast.WalkSkipChildren, nil
	}
	return ast.WalkContinue, nil
}

// enter is the way down; it reports whether the walk goes on to n's
// children.
func (w *walker) enter(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.Text:
		w.text.writeText(n, w.src)
	case *ast.String:
		w.text.write(n.Value)
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		w.hasCode = true
		w.text.writeLines(n.Lines(), w.src)
	case *ast.Heading:
		w.headingStart = w.text.Len()
	case *ast.Paragraph:
		w.paraStart = w.text.Len()
	case *east.FootnoteList:
		w.inFootnotes = true
	case *ast.Link:
		if w.link(n) && !w.withoutLinks {
			w.openLink, w.linkStart = len(w.links), w.text.Len()
			w.links = append(w.links, w.linkAt(n, string(util.URLEscape(n.Destination, true)), false))
		}
	case *ast.AutoLink:
		w.autoLink(n)
	case *ast.Image:
		w.image(n)
		// Alt text is neither page text nor a place for live links.
		return false
	case *ast.RawHTML:
		w.rawHTML(n, isComment(n, w.src))
		return false
	case *ast.HTMLBlock:
		w.rawHTML(n, n.HTMLBlockType == ast.HTMLBlockType2)
		return false
	}
	return true
}

// leave is the way up.
func (w *walker) leave(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		w.heading(n)
	case *ast.Paragraph:
		w.paragraph(n)
	case *east.FootnoteList:
		w.inFootnotes = false
	case *ast.Link:
		if w.openLink >= 0 {
			w.links[w.openLink].Text = w.text.since(w.linkStart)
			w.openLink = -1
		}
	}
}

// heading runs when the walk leaves a heading, when its text is known.
func (w *walker) heading(n *ast.Heading) {
	text := w.text.since(w.headingStart)
	if !w.unsafe {
		w.dropHeadingAttributes(n)
	}
	id := w.headingID(n, text)
	// A string value is rendered as a []byte one is (html.RenderAttributes).
	n.SetAttributeString("id", id)
	line, col := w.position(offset(n))
	w.headings = append(w.headings, Heading{Level: n.Level, ID: id, Text: text, Line: line, Col: col})
}

// headingID returns the id written as {#id} after the heading if it is a
// slug, and otherwise one made from the heading's text.
func (w *walker) headingID(n *ast.Heading, text string) string {
	v, ok := n.AttributeString("id")
	if !ok {
		return w.ids.GenerateString(text)
	}
	custom := attributeString(v)
	if custom != "" && slug.Make(custom) == custom {
		if w.hasHeadingID(custom) {
			w.warnAt(w.attributeOffset(n), fmt.Sprintf("heading id %q is already used by an earlier heading", custom),
				"choose another {#id}: links to the later heading would lead to the earlier one")
		}
		w.ids.PutString(custom)
		return custom
	}
	id := w.ids.GenerateString(cmp.Or(slug.Make(custom), text))
	w.warnAt(w.attributeOffset(n), fmt.Sprintf("heading id %q is not a slug, %q is used instead", custom, id),
		"ids are lower-case ASCII letters, digits and hyphens: write {#"+id+"}")
	return id
}

func (w *walker) hasHeadingID(id string) bool {
	for _, h := range w.headings {
		if h.ID == id {
			return true
		}
	}
	return false
}

// dropHeadingAttributes keeps only id and class: other attributes such as
// style could change how the site looks or behaves, which is for sites
// that opted in to raw HTML.
func (w *walker) dropHeadingAttributes(n *ast.Heading) {
	var kept []ast.Attribute
	dropped := false
	for _, a := range n.Attributes() {
		if name := string(a.Name); name == "id" || name == "class" {
			kept = append(kept, a)
			continue
		}
		if !dropped {
			w.warnAt(w.attributeOffset(n), fmt.Sprintf("heading attribute %q is ignored", a.Name),
				"only {#id} and {.class} are allowed unless markdown: {unsafe: true} is set in site.yaml")
		}
		dropped = true
	}
	if !dropped {
		return
	}
	n.RemoveAttributes()
	for _, a := range kept {
		n.SetAttribute(a.Name, a.Value)
	}
}

// attributeOffset finds the { that opens a heading's attributes: the
// parser cut the heading's last line just before it.
func (w *walker) attributeOffset(n *ast.Heading) int {
	lines := n.Lines()
	if lines.Len() == 0 {
		return offset(n)
	}
	stop := lines.At(lines.Len() - 1).Stop
	rest := w.src[stop:]
	if eol := bytes.IndexByte(rest, '\n'); eol >= 0 {
		rest = rest[:eol]
	}
	if i := bytes.IndexByte(rest, '{'); i >= 0 {
		return stop + i
	}
	return offset(n)
}

func attributeString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// paragraph runs when the walk leaves a paragraph and picks the summary:
// the first top-level paragraph with text, or failing that the first one
// in a list or quote. Footnotes are never a summary.
func (w *walker) paragraph(n *ast.Paragraph) {
	if w.summaryFinal || w.inFootnotes {
		return
	}
	text := w.text.since(w.paraStart)
	if text == "" {
		return
	}
	if p := n.Parent(); p != nil && p.Kind() == ast.KindDocument {
		w.summary, w.summaryFinal = text, true
	} else if w.summary == "" {
		w.summary = text
	}
}

// link checks and rewrites a link; it reports whether the link stays on
// the page (a refused one is replaced by its text).
func (w *walker) link(n *ast.Link) bool {
	if scheme := refusedScheme(n.Destination, true); scheme != "" {
		if !w.unsafe {
			w.edits = append(w.edits, edit{node: n})
			w.errorAt(offset(n), "link to a "+scheme+": URL is not allowed", hintUnsafeURL)
			return false
		}
		return true
	}
	n.Destination = w.rooted(n.Destination)
	if w.resolve == nil {
		return true
	}
	end, path, ok := contentPath(n.Destination)
	if !ok {
		return true
	}
	url, found := w.resolve(path)
	if !found {
		w.errorAt(offset(n), "link to a missing file: "+string(n.Destination[:end]), hintMissing)
		return true
	}
	suffix := n.Destination[end:]
	n.Destination = append(append(make([]byte, 0, len(url)+len(suffix)), url...), suffix...)
	return true
}

// rooted puts the base path in front of a destination written from the
// site root ("/images/x.png"); other destinations are returned as they are.
func (w *walker) rooted(dest []byte) []byte {
	if w.basePath == "" || len(dest) == 0 || dest[0] != '/' || bytes.HasPrefix(dest, []byte("//")) {
		return dest
	}
	return append([]byte(w.basePath), dest...)
}

// linkAt records a link as the renderer will write it.
func (w *walker) linkAt(n ast.Node, dest string, image bool) Link {
	line, col := w.position(offset(n))
	return Link{Dest: dest, Image: image, Line: line, Col: col}
}

func (w *walker) autoLink(n *ast.AutoLink) {
	label := n.Label(w.src)
	w.text.write(label)
	if w.unsafe {
		w.recordAutoLink(n, label)
		return
	}
	// The renderer writes the URL without resolving references, so
	// neither does the check.
	if scheme := refusedScheme(n.URL(w.src), false); scheme != "" {
		w.edits = append(w.edits, edit{node: n, with: rawString(label)})
		w.errorAt(offset(n), "link to a "+scheme+": URL is not allowed", hintUnsafeURL)
		return
	}
	w.recordAutoLink(n, label)
}

// recordAutoLink writes down an autolink's URL as goldmark renders it:
// an e-mail address gets mailto:, and references are not resolved.
func (w *walker) recordAutoLink(n *ast.AutoLink, label []byte) {
	if w.withoutLinks {
		return
	}
	u := n.URL(w.src)
	dest := string(util.URLEscape(u, false))
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(u), []byte("mailto:")) {
		dest = "mailto:" + dest
	}
	l := w.linkAt(n, dest, false)
	l.Text = string(label)
	w.links = append(w.links, l)
}

func (w *walker) image(n *ast.Image) {
	alt := altText(n, w.src)
	if scheme := refusedScheme(n.Destination, true); scheme != "" && !w.unsafe {
		// Not unwrapped like a link: the walk skipped the alt text, so
		// a link hidden in it would come to life unchecked.
		w.edits = append(w.edits, edit{node: n, with: rawString([]byte(alt))})
		w.errorAt(offset(n), "image from a "+scheme+": URL is not allowed", hintUnsafeURL)
		return
	}
	n.Destination = w.rooted(n.Destination)
	w.publishedImage(n)
	switch alt {
	case "":
		w.errorAt(offset(n), "image without alt text", hintAlt)
	case decorativeAlt:
		n.RemoveChildren(n)
	}
	if w.withoutLinks {
		return
	}
	l := w.linkAt(n, string(util.URLEscape(n.Destination, true)), true)
	l.Text = alt
	w.links = append(w.links, l)
}

// publishedImage rewrites an image that the ImageResolver knows to its
// published form.
func (w *walker) publishedImage(n *ast.Image) {
	if w.images == nil {
		return
	}
	_, p, ok := relativePath(n.Destination)
	if !ok {
		return
	}
	img, ok := w.images(p)
	if !ok {
		return
	}
	n.Destination = []byte(img.Src)
	if img.Srcset != "" {
		n.SetAttributeString("srcset", []byte(img.Srcset))
	}
	if img.Sizes != "" {
		n.SetAttributeString("sizes", []byte(img.Sizes))
	}
	if img.Width > 0 && img.Height > 0 {
		n.SetAttributeString("width", []byte(strconv.Itoa(img.Width)))
		n.SetAttributeString("height", []byte(strconv.Itoa(img.Height)))
	}
	n.SetAttributeString("loading", []byte("lazy"))
	n.SetAttributeString("decoding", []byte("async"))
}

// altText is the plain text of an image description, as the renderer
// writes it into alt="…".
func altText(n *ast.Image, src []byte) string {
	var t plainText
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			t.writeText(c, src)
		case *ast.String:
			t.write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return t.String()
}

// rawHTML drops raw HTML unless the site opted in. Comments are dropped
// silently: hiding a note from readers is what the writer meant.
func (w *walker) rawHTML(n ast.Node, comment bool) {
	if w.unsafe {
		if !comment {
			w.warnScript(n)
		}
		return
	}
	w.edits = append(w.edits, edit{node: n})
	if comment {
		return
	}
	block := n
	for block.Type() != ast.TypeBlock && block.Parent() != nil {
		block = block.Parent()
	}
	if block == w.htmlReported {
		return
	}
	w.htmlReported = block
	w.warnAt(offset(n), "raw HTML is ignored", hintUnsafeHTML)
}

// warnScript warns of a <script> in raw HTML that the site let through
// with markdown: {unsafe: true}: it runs in every reader's browser, and a
// script pasted into content is more often an embed copied from elsewhere
// or an attack than the site's own code, which belongs in static/js/.
func (w *walker) warnScript(n ast.Node) {
	var segs []text.Segment
	switch n := n.(type) {
	case *ast.RawHTML:
		segs = n.Segments.Sliced(0, n.Segments.Len())
	case *ast.HTMLBlock:
		segs = n.Lines().Sliced(0, n.Lines().Len())
		if n.HasClosure() {
			segs = append(segs, n.ClosureLine)
		}
	}
	for _, seg := range segs {
		if i := scriptTag(seg.Value(w.src)); i >= 0 {
			w.warnAt(seg.Start+i, "raw HTML has a <script> element, which runs in every reader's browser",
				"the site's scripts belong in static/js/ and the templates; remove it unless the site means to run it")
			return
		}
	}
}

// scriptTag returns the offset of the first <script start tag in b, in any
// case, or -1.
func scriptTag(b []byte) int {
	const tag = "<script"
	for off := 0; ; {
		i := bytes.Index(b[off:], []byte("<"))
		if i < 0 {
			return -1
		}
		at := off + i
		rest := b[at:]
		if len(rest) >= len(tag) && bytes.EqualFold(rest[:len(tag)], []byte(tag)) &&
			(len(rest) == len(tag) || bytes.IndexByte([]byte(" \t\n\r\f/>"), rest[len(tag)]) >= 0) {
			return at
		}
		off = at + 1
	}
}

func isComment(n *ast.RawHTML, src []byte) bool {
	if n.Segments.Len() == 0 {
		return false
	}
	first := n.Segments.At(0)
	return bytes.HasPrefix(first.Value(src), []byte("<!--"))
}

// applyEdits replaces refused links by their text and removes raw HTML,
// then drops paragraphs that were only raw HTML so no empty <p> is left.
func (w *walker) applyEdits() {
	for _, e := range w.edits {
		parent := e.node.Parent()
		if parent == nil {
			continue
		}
		if e.with != nil {
			parent.ReplaceChild(parent, e.node, e.with)
			continue
		}
		for c := e.node.FirstChild(); c != nil; c = e.node.FirstChild() {
			parent.InsertBefore(parent, e.node, c)
		}
		parent.RemoveChild(parent, e.node)
		if gp := parent.Parent(); gp != nil && parent.Kind() == ast.KindParagraph && parent.ChildCount() == 0 {
			gp.RemoveChild(gp, parent)
		}
	}
}

// rawString is text that the renderer escapes but does not otherwise
// interpret, as it does an autolink's label.
func rawString(v []byte) *ast.String {
	s := ast.NewString(v)
	s.SetRaw(true)
	return s
}

func (w *walker) errorAt(off int, msg, hint string) { w.report(off, false, msg, hint) }

func (w *walker) warnAt(off int, msg, hint string) { w.report(off, true, msg, hint) }

func (w *walker) report(off int, warning bool, msg, hint string) {
	line, col := w.position(off)
	w.problems = append(w.problems, Problem{Line: line, Col: col, Warning: warning, Message: msg, Hint: hint})
}

// offset is the byte offset of n in the source. goldmark records it for
// blocks and for most inline nodes; the nearest ancestor that has one is
// the next best place.
func offset(n ast.Node) int {
	for ; n != nil; n = n.Parent() {
		if p := n.Pos(); p >= 0 {
			return p
		}
	}
	return -1
}
