package markdown

import (
	"bytes"
	"iter"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// gfm is extension.GFM with its Linkify parser behind quickLinkify: the
// same extensions, registered in the same order at the same priorities.
// withoutLinkify leaves Linkify out, for documents where it cannot find
// anything (see linkifyStarts).
type gfm struct{ withoutLinkify bool }

func (g gfm) Extend(m goldmark.Markdown) {
	if !g.withoutLinkify {
		m.Parser().AddOptions(parser.WithInlineParsers(
			// extension.Linkify registers its parser at 999.
			util.Prioritized(quickLinkify{extension.NewLinkifyParser()}, 999),
		))
	}
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

// Parsing without Linkify
//
// Linkify is triggered by every space, and even when quickLinkify answers
// at once, goldmark's own bookkeeping around each trigger (closing the
// text before it, saving and restoring the reader) costs about a third of
// a whole conversion. Most documents give Linkify nothing to do: their
// addresses are written as [links](https://…), <https://…> or not at
// all. Such documents are parsed without it, which is safe when Linkify
// provably could not have found anything:
//
//  1. Linkify makes a link only where what follows its trigger character,
//     the start of a line or the end of an inline element starts with
//     http:, https:, ftp: or www., or with an e-mail address.
//     linkifyStarts finds every such place in the source, and more.
//  2. Up to the first place where Linkify would make a link, parsing with
//     and without it is the same, except that text may be cut into more
//     ast.Text nodes with it (which render and read the same). There,
//     without Linkify, the start of the address is read as plain text, in
//     an ast.Text outside any link: Linkify does nothing while a [ may
//     still open a link, and a text that ends up inside a link was read
//     after its [.
//  3. So, when no place of linkifyStarts lies in such a text of the tree
//     parsed without Linkify, Linkify would have found nothing, and the
//     tree is the one it would have made. Otherwise the document is
//     parsed again, with Linkify (walker.linkifyMissed).

// linkifyStarts returns, in increasing order, the offsets in src where
// Linkify might start a link, or nil when there are none: where an
// address or the local part of an e-mail address could start after
// something that is not a letter or digit. Linkify runs at a trigger
// character (space, *, _, ~, or '(', all punctuation), at the start of a
// line, and right after an inline element, which always ends in
// punctuation (`, *, ), ], >, a quote …); so a link never starts right
// after an ASCII letter or digit, or inside a UTF-8 character.
func linkifyStarts(src []byte) []int {
	var starts []int
	add := func(p int) {
		if p == 0 || !wordByte(src[p-1]) {
			starts = append(starts, p)
		}
	}
	// The places are found by what is rare in text, the : of http:,
	// https: and ftp:, and the @ of an e-mail address, and by the . of
	// www. (bytes.Index looking for "www." would stop at every w).
	for colon := range offsetsOf(src, ':') {
		for _, scheme := range [...]string{"http", "https", "ftp"} {
			if p := colon - len(scheme); p >= 0 && string(src[p:colon]) == scheme {
				add(p)
			}
		}
	}
	for dot := range offsetsOf(src, '.') {
		if p := dot - 3; p >= 0 && string(src[p:dot]) == "www" {
			add(p)
		}
	}
	for at := range offsetsOf(src, '@') {
		// util.FindEmailIndex takes up to 64 characters of emailChars
		// before the @; Linkify does not start one on punctuation.
		for p := at - 1; p >= 0 && at-p <= 64 && emailChars[src[p]]; p-- {
			if !asciiPunct[src[p]] {
				add(p)
			}
		}
	}
	if len(starts) == 0 {
		return nil
	}
	slices.Sort(starts)
	return slices.Compact(starts)
}

// offsetsOf yields the offset of every c in src, in increasing order.
func offsetsOf(src []byte, c byte) iter.Seq[int] {
	return func(yield func(int) bool) {
		for off := 0; ; {
			i := bytes.IndexByte(src[off:], c)
			if i < 0 || !yield(off+i) {
				return
			}
			off += i + 1
		}
	}
}

// likelyLinkified guesses whether Linkify will make a link at one of the
// starts, which then is not worth parsing without it first: an address
// after a space, at the start of the text or in parentheses other than a
// link's ](…) more often than not stands alone. A wrong guess costs time,
// never correctness.
func likelyLinkified(src []byte, starts []int) bool {
	for _, p := range starts {
		if p == 0 {
			return true
		}
		switch src[p-1] {
		case ' ', '\t', '\n', '*', '_', '~':
			return true
		case '(':
			if p < 2 || src[p-2] != ']' {
				return true
			}
		}
	}
	return false
}

// wordByte is an ASCII letter or digit, or a byte of a UTF-8 sequence.
func wordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// emailChars are the bytes util.FindEmailIndex accepts before the @ of an
// e-mail address.
var emailChars = asciiSet("!#$%&'*+-./0123456789=?ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz{|}~")

// asciiPunct is util.IsPunct: ASCII punctuation.
var asciiPunct = asciiSet("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

func asciiSet(chars string) (set [256]bool) {
	for i := range len(chars) {
		set[chars[i]] = true
	}
	return set
}

// trailingBlanks tells whether a line of src ends in a blank (space, tab,
// form feed, vertical tab), or src holds a carriage return. Linkify,
// triggered by a blank there, changes what goldmark trims at the end of a
// line: "a    \nb" gives "a <br>" with it and "a<br>" without, "0\r \n0"
// keeps its CR only with it (FuzzLinkify found both). Such a document is
// always parsed with Linkify, as before documents could be parsed
// without; Markdown written with plain line ends never is.
func trailingBlanks(src []byte) bool {
	blank := func(c byte) bool { return c == ' ' || c == '\t' || c == '\f' || c == '\v' }
	for i, c := range src {
		if c == '\r' || c == '\n' && i > 0 && blank(src[i-1]) {
			return true
		}
	}
	return len(src) > 0 && blank(src[len(src)-1])
}
