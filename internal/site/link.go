package site

import (
	"net/url"
	"strings"
)

// Linker writes the absolute address of a site path ("/spotkania/") under
// a base URL: the base's scheme and host, its path, then the site path,
// exactly as url.URL writes them. The templates' absURL and the feeds,
// calendars and sitemap all go through one, so that --base-url moves every
// address alike.
type Linker struct {
	base *url.URL
	// prefix is "scheme://host/base-path" when an address is prefix + path
	// for a path url.URL writes as it is (see plainPath), else "".
	prefix string
}

// NewLinker returns the Linker of base.
func NewLinker(base *url.URL) Linker {
	k := Linker{base: base}
	if base.Scheme == "" || base.Host == "" || base.Opaque != "" || base.User != nil || base.RawQuery != "" ||
		base.Fragment != "" || base.ForceQuery || base.RawPath != "" || (base.Path != "" && !plainPath(base.Path)) {
		return k
	}
	// The shortcut stands only if url.URL agrees on a path of its own.
	prefix := base.Scheme + "://" + base.Host + strings.TrimSuffix(base.Path, "/")
	if k.Abs("/a/") == prefix+"/a/" {
		k.prefix = prefix
	}
	return k
}

// Abs gives the absolute address of the site path path.
func (k Linker) Abs(path string) string {
	if k.prefix != "" && plainPath(path) {
		return k.prefix + path // what url.URL gives below, without its work
	}
	u := *k.base
	u.Path = strings.TrimSuffix(k.base.Path, "/") + path
	return u.String()
}

// plainPath tells whether url.URL writes path as it is: it starts with a
// slash and holds only bytes a path need not escape, as nearly every page
// address does.
func plainPath(path string) bool {
	for i := range len(path) {
		c := path[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-_.~$&+,/:;=@", c) >= 0:
		default:
			return false
		}
	}
	return path != "" && path[0] == '/'
}
