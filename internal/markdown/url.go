package markdown

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/util"
)

// refusedSchemes are the URL schemes that run code or smuggle a document
// into a link; all are plain letters, which dangerousScheme relies on.
var refusedSchemes = [...]string{"javascript", "vbscript", "data"}

// refusedScheme returns the refused scheme of a destination, or "". Both
// the destination as written and as rendered are checked: goldmark
// resolves entities and escapes when rendering, so "javascript&colon;…"
// would only turn dangerous on the page.
func refusedScheme(dest []byte, resolveReferences bool) string {
	if s := dangerousScheme(dest); s != "" {
		return s
	}
	return dangerousScheme(util.URLEscape(dest, resolveReferences))
}

// dangerousScheme reads the scheme of u as a browser does, skipping
// leading spaces and control characters and ignoring tabs and newlines
// anywhere, case-insensitively, and returns it if it is refused.
func dangerousScheme(u []byte) string {
	var buf [len("javascript")]byte
	n := 0
	i := 0
	for i < len(u) && u[i] <= ' ' {
		i++
	}
	for ; i < len(u); i++ {
		c := u[i]
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			continue
		case c == ':':
			for _, s := range refusedSchemes {
				if string(buf[:n]) == s {
					return s
				}
			}
			return ""
		case n == len(buf):
			return ""
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			return ""
		}
		buf[n] = c
		n++
	}
	return ""
}

// contentPath recognises a link to another content file: a relative path
// (no scheme, not rooted, not only a #fragment) ending in .md. It returns
// the length of the path as written (dest[:end], for messages), the path
// as the resolver gets it (escapes, entities and %XX decoded), and the
// ?query#fragment that follows (dest[end:]).
func contentPath(dest []byte) (end int, path string, ok bool) {
	end, path, ok = relativePath(dest)
	if !ok || !hasMDSuffix(dest[:end]) {
		return 0, "", false
	}
	return end, path, true
}

// relativePath is the decoded path of a relative destination (not from
// the site root, not a fragment, without a scheme) and where its ?query
// or #fragment starts.
func relativePath(dest []byte) (end int, path string, ok bool) {
	if len(dest) == 0 || dest[0] == '/' || dest[0] == '#' || hasScheme(dest) {
		return 0, "", false
	}
	end = bytes.IndexAny(dest, "?#")
	if end < 0 {
		end = len(dest)
	}
	p := dest[:end]
	if bytes.IndexByte(p, '\\') >= 0 || bytes.IndexByte(p, '&') >= 0 {
		p = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(p)))
	}
	path = string(p)
	if strings.Contains(path, "%") {
		if u, err := url.PathUnescape(path); err == nil {
			path = u
		}
	}
	return end, path, true
}

func hasMDSuffix(p []byte) bool {
	n := len(p)
	return n > 3 && p[n-3] == '.' && p[n-2]|0x20 == 'm' && p[n-1]|0x20 == 'd'
}

// hasScheme reports whether u starts with a URL scheme (RFC 3986: a letter,
// then letters, digits, + - ., then a colon).
func hasScheme(u []byte) bool {
	for i, c := range u {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':':
			return i > 0
		default:
			return false
		}
	}
	return false
}
