// Package markdown turns the Markdown body of a content file into HTML,
// together with what the rest of the build needs to know about it: plain
// text for summaries and search, the headings for a table of contents and
// anchor checks, and the problems a writer should fix.
//
// The dialect is CommonMark with GitHub's extensions (tables,
// strikethrough, autolinks, task lists) and footnotes, plus:
//
//   - Typography: straight quotes become the quotes of the page's language
//     ("Partnerstwo" → „Partnerstwo” in Polish, “Partnerstwo” in English),
//     -- an en dash –, --- an em dash —, ... an ellipsis …, << >> « ».
//   - Heading ids: every heading gets an id made by slug.Make from its
//     text ("Zakłady Aktywności Zawodowej" → zaklady-aktywnosci-zawodowej),
//     repeats get -1, -2 …. An explicit id is written after the heading as
//     {#my-id}; it must already be a slug (lower-case ASCII letters, digits
//     and single hyphens), otherwise it is replaced by its slug and a
//     warning says so. {.class} is allowed too.
//   - Links between content files: a relative link whose path ends in .md,
//     such as [partnerzy](../partners/index.pl.md#kontakt), is rewritten to
//     the URL of that page (keeping #kontakt); a link to a file that does
//     not exist is an error.
//   - Images must say what they show: ![Logo of the project](logo.png). An
//     image without alt text is an error. An image that only decorates the
//     page is marked with a single hyphen as its alt text,
//     ![-](ornament.svg), and is rendered with alt="" so that screen
//     readers skip it.
//
// Safety: unless the site opts in with markdown: {unsafe: true} in
// site.yaml (Options.Unsafe), raw HTML is left out of the page (with a
// warning, except for HTML comments, which writers use to hide notes), only
// id and class are kept among heading attributes, and links, images and
// autolinks to javascript:, vbscript: and data: URLs are refused: a refused
// link is rendered as its text alone and reported as an error.
package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/slug"
)

// Options configures a Converter; a site has one per language.
type Options struct {
	// Quotes replace straight quotes: opening double, closing double,
	// opening single, closing single. Polish uses „ ” ‚ ’, English “ ” ‘ ’.
	// An empty entry falls back to the English quote.
	Quotes [4]string
	// BasePath is the path of the site's base URL without its trailing
	// slash ("/preview" for https://host/preview/, "" at the root). Links
	// and images written from the site root (/images/x.png) get it in
	// front, so that they work when the site is published under a path.
	BasePath string
	// Unsafe is the site's opt-in (markdown: {unsafe: true}) to render raw
	// HTML and links with any URL scheme as written.
	Unsafe bool
	// WithoutLinks leaves Result.Links empty: only a check of the
	// rendered pages needs them (with their lines and columns), and a
	// build skips the work. Everything else comes out the same.
	WithoutLinks bool
}

// Converter turns Markdown into HTML. It is safe for concurrent use: all
// per-document state lives in the parser context of one Convert call.
type Converter struct {
	md           goldmark.Markdown
	unsafe       bool
	withoutLinks bool
	basePath     string
}

// Resolver maps the path of a link to another content file (relative to
// the file being converted, ending in .md, percent-decoded, without the
// #fragment) to the URL of that page. ok=false means there is no such file.
type Resolver func(path string) (url string, ok bool)

// ImageResolver maps the path of an image (relative to the file being
// converted, percent-decoded, without ?query or #fragment) to its
// published form; ok=false leaves the image as it is written.
type ImageResolver func(path string) (img Image, ok bool)

// Image is a published image for an <img>: its src, and the srcset,
// sizes and intrinsic size the renderer adds when they are given.
type Image struct {
	Src, Srcset, Sizes string
	Width, Height      int
}

// Result is everything Convert learns from one document.
type Result struct {
	// HTML is minified (no line breaks between blocks) unless raw HTML is
	// let through (Options.Unsafe), which the caller must minify itself.
	HTML []byte
	// Summary is the plain text of the first paragraph, for a meta
	// description or a list of pages. Footnote references are left out.
	Summary string
	// Text is the plain text of the whole document with whitespace
	// collapsed, for a search index. Image alt texts and raw HTML are not
	// part of it.
	Text     string
	Headings []Heading
	// Links are the links, autolinks and images of the document, in
	// document order, as rendered; refused ones are left out. They let a
	// check of the rendered page point back to the line that wrote them.
	Links    []Link
	Problems []Problem
}

// Heading is one heading of the document, in document order.
type Heading struct {
	Level int    // 1 to 6
	ID    string // the id attribute, unique within the document
	Text  string // plain text, as the reader sees it
	// Line and Col are where the heading starts in the Markdown source
	// (1-based; 0 when unknown).
	Line, Col int
}

// Link is a link or an image of the document.
type Link struct {
	// Dest is the destination as the HTML has it (href or src): a link
	// to a content file is already rewritten to its page's URL, and the
	// URL is percent-escaped as goldmark escapes it.
	Dest string
	// Text is the plain text of the link, or the alt text of an image
	// ("-" for a decorative one, as written).
	Text  string
	Image bool
	// Line and Col are where the link starts in the Markdown source, at
	// its "[" or "<" (1-based; 0 when unknown).
	Line, Col int
}

// Problem is something wrong with the Markdown, at a place in it.
type Problem struct {
	// Line and Col are 1-based and relative to the start of the Markdown
	// source; Col counts characters, not bytes, as an editor does. Both
	// are 0 when the place is unknown.
	Line, Col int
	Warning   bool // the page can still be built
	Message   string
	Hint      string
}

// Diag turns p into a diag.Problem in the file at path, whose Markdown
// starts after lineOffset lines (the front matter).
func (p Problem) Diag(path string, lineOffset int) diag.Problem {
	d := diag.Problem{Path: path, Line: p.Line, Col: p.Col, Message: p.Message, Hint: p.Hint}
	if p.Line > 0 {
		d.Line += lineOffset
	}
	if p.Warning {
		d.Severity = diag.Warning
	}
	return d
}

// New returns a Converter configured once for all documents of a language.
func New(opts Options) *Converter {
	var rendererOpts []renderer.Option
	if opts.Unsafe {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.NewTypographer(extension.WithTypographicSubstitutions(substitutions(opts.Quotes))),
		),
		// Ids are not generated by goldmark (parser.WithAutoHeadingID):
		// it makes them from the raw source line, so a link or an entity
		// in a heading would end up in the id. The walk makes them from
		// the text the reader sees, with the slug.IDs of the document.
		goldmark.WithParserOptions(
			parser.WithHeadingAttribute(),
			parser.WithASTTransformers(util.Prioritized(walkTransformer{}, walkPriority)),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Converter{
		md:           md,
		unsafe:       opts.Unsafe,
		withoutLinks: opts.WithoutLinks,
		basePath:     strings.TrimSuffix(opts.BasePath, "/"),
	}
}

// Convert parses src, checks and rewrites it in one walk over the syntax
// tree (walkTransformer), and renders it. resolve may be nil: links to .md
// files are then left as written and not checked.
func (c *Converter) Convert(src []byte, resolve Resolver) Result {
	return c.ConvertWithImages(src, resolve, nil)
}

// ConvertWithImages is Convert, with images whose relative path images
// resolves rewritten to their published form. Such images load lazily:
// the first image of a page is its gallery's, above them.
func (c *Converter) ConvertWithImages(src []byte, resolve Resolver, images ImageResolver) Result {
	if l, over := overLimits(src); over {
		return Result{Problems: []Problem{{Line: l.line, Col: 1, Message: l.message, Hint: l.hint}}}
	}
	ids := slug.NewIDs()
	w := &walker{src: src, resolve: resolve, images: images, unsafe: c.unsafe, withoutLinks: c.withoutLinks, basePath: c.basePath,
		ids: ids, openLink: -1}
	// The text is at most as long as the source, give or take entities:
	// one allocation instead of a dozen while it grows.
	w.text.b.Grow(len(src))
	pc := parser.NewContext(parser.WithIDs(ids))
	pc.Set(walkerKey, w)

	var buf htmlBuffer
	buf.Grow(len(src) + len(src)/2)
	if err := c.md.Convert(src, &buf, parser.WithContext(pc)); err != nil {
		// Only a failing writer makes goldmark fail, and a bytes.Buffer
		// does not fail; still, a page must never be silently cut short.
		w.problems = append(w.problems, Problem{Message: "rendering failed: " + err.Error()})
	}
	html := buf.Bytes()
	if !c.unsafe {
		if w.hasCode {
			html = compact(html)
		} else {
			// Only code blocks are written as <pre>: there is none to
			// look for.
			html = compactFrom(html, -1)
		}
	}
	return Result{
		HTML:     html,
		Summary:  w.summary,
		Text:     w.text.String(),
		Headings: w.headings,
		Links:    w.links,
		Problems: w.problems,
	}
}

// htmlBuffer is the bytes.Buffer that goldmark's renderer writes into
// directly: given a plain io.Writer, it would put a bufio.Writer in
// between, allocating 4 kB per document and copying every byte twice.
// Nothing in goldmark asks how much is buffered.
type htmlBuffer struct{ bytes.Buffer }

func (*htmlBuffer) Buffered() int { return 0 }
func (*htmlBuffer) Flush() error  { return nil }

// htmlBuffer must be a util.BufWriter, or the renderer wraps it again.
var _ util.BufWriter = (*htmlBuffer)(nil)

// substitutions maps goldmark's typographic punctuation to the characters
// themselves rather than to entities, so that the plain text for summaries
// and ids carries them too.
func substitutions(quotes [4]string) map[extension.TypographicPunctuation]string {
	english := [4]string{"“", "”", "‘", "’"}
	for i, q := range quotes {
		if q == "" {
			quotes[i] = english[i]
		}
	}
	return map[extension.TypographicPunctuation]string{
		extension.LeftDoubleQuote:  quotes[0],
		extension.RightDoubleQuote: quotes[1],
		extension.LeftSingleQuote:  quotes[2],
		extension.RightSingleQuote: quotes[3],
		extension.Apostrophe:       "’",
		extension.EnDash:           "–",
		extension.EmDash:           "—",
		extension.Ellipsis:         "…",
		extension.LeftAngleQuote:   "«",
		extension.RightAngleQuote:  "»",
	}
}
