package build

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash"
	"io/fs"
	"slices"
	"sync"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/render"

	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// Cache memoizes the phases of one build for the next, by the content
// hashes of their inputs, so that `serve` rebuilds at the cost of what
// changed: an edited file is parsed again alone, and Markdown whose
// inputs are unchanged is not converted again. It is one pipeline, not a
// second one: every phase still runs, and asks the cache first.
//
// What each entry's key holds is everything its result depends on:
//
//	parse    the file's path and bytes, the languages, the time zone and
//	         the set of static files (logos are checked against it)
//	convert  the document's path and body, its language's Markdown options,
//	         the base URL, and a hash of every content page's URL and key,
//	         which links are resolved against
//	minify   a static file's path and bytes
//	render   the page's output path and Content, and renderFacts: the
//	         templates, configuration, assets and every document's front
//	         matter, URL and summary
//
// Entries not used by a build are dropped after it, so the cache holds one
// build's worth. A Cache is safe for the parallel phases of one Run; Runs
// sharing a Cache must not overlap.
type Cache struct {
	mu   sync.Mutex
	prev cacheMaps
	next cacheMaps
}

type cacheMaps struct {
	docs   map[string]parsed    // by path
	html   map[string]converted // by path + language
	static map[string]minified  // by path
	pages  map[string]rendered  // by output path
}

type parsed struct {
	key      [32]byte
	doc      *content.Doc
	problems diag.List
}

type converted struct {
	key                    [32]byte
	content, text, summary string
	problems               diag.List
}

type minified struct {
	key     [32]byte
	data    []byte
	problem *diag.Problem
}

// Stats count the work a build did, for serve's one line per rebuild.
type Stats struct {
	Parsed, Converted, Rendered int
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	c := &Cache{}
	c.begin()
	return c
}

func newMaps() cacheMaps {
	return cacheMaps{docs: map[string]parsed{}, html: map[string]converted{}, static: map[string]minified{}, pages: map[string]rendered{}}
}

// begin starts a build: what the last one used becomes the lookup side.
func (c *Cache) begin() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.next.docs != nil {
		c.prev = c.next
	} else {
		c.prev = newMaps()
	}
	c.next = newMaps()
}

func sum(parts ...[]byte) [32]byte {
	h := sha256.New()
	for _, p := range parts {
		writeLen(h, p)
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// writeLen writes p with its length first, so that ("ab","c") and
// ("a","bc") hash apart.
func writeLen(h hash.Hash, p []byte) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(p)))
	h.Write(n[:])
	h.Write(p)
}

// parseKey is what parsing depends on besides the file: the site facts.
func parseFacts(opts content.Options, static []staticFile) []byte {
	h := sha256.New()
	for _, l := range opts.Languages {
		writeLen(h, []byte(l))
	}
	writeLen(h, []byte(opts.Location.String()))
	for _, f := range static {
		writeLen(h, []byte(f.path))
	}
	return h.Sum(nil)
}

// parse returns the cached Doc for path when its bytes and facts match,
// else parses it and remembers the result.
func (c *Cache) parse(path string, data, facts []byte, fn func() (*content.Doc, diag.List)) (*content.Doc, diag.List, bool) {
	if c == nil {
		d, l := fn()
		return d, l, true
	}
	e, fresh := memo(c, c.prev.docs, c.next.docs, path, sum([]byte(path), data, facts),
		func(e *parsed) *[32]byte { return &e.key },
		func() parsed {
			var e parsed
			e.doc, e.problems = fn()
			return e
		})
	return e.doc, e.problems, fresh
}

// memo is the one lookup every phase makes: the entry id had in the last
// build when its key (a hash of its inputs) is the same, else a new one
// from fn. Either way it is kept for the next build, so the cache holds
// what one build used and no more.
func memo[E any](c *Cache, prev, next map[string]E, id string, key [32]byte, keyOf func(*E) *[32]byte, fn func() E) (E, bool) {
	c.mu.Lock()
	e, ok := prev[id]
	c.mu.Unlock()
	fresh := !ok || *keyOf(&e) != key
	if fresh {
		e = fn()
		*keyOf(&e) = key
	}
	c.mu.Lock()
	next[id] = e
	c.mu.Unlock()
	return e, fresh
}

// linkFacts hashes what link resolution reads: every content page's key,
// language and URL, and the base URL.
func linkFacts(s *site.Site, base string) []byte {
	h := sha256.New()
	writeLen(h, []byte(base))
	writeLen(h, []byte(fmt.Sprint(s.Config.UnsafeMarkdown)))
	for _, p := range s.Pages {
		if p.Doc == nil {
			continue
		}
		writeLen(h, []byte(p.Doc.Path))
		writeLen(h, []byte(p.Key))
		writeLen(h, []byte(p.Lang.Code))
		writeLen(h, []byte(p.URL))
		writeLen(h, []byte(p.Doc.Key))
	}
	return h.Sum(nil)
}

// convert returns the cached HTML of a page when its body, language and
// the site's links are unchanged, else runs fn and remembers its result.
func (c *Cache) convert(p *site.Page, facts []byte, fn func() converted) (converted, bool) {
	if c == nil {
		return fn(), true
	}
	id := p.Doc.Path + "\x00" + p.Lang.Code
	key := sum([]byte(id), p.Doc.Body, []byte(fmt.Sprint(p.Doc.BodyLine, p.Lang.Quotes)), facts)
	return memo(c, c.prev.html, c.next.html, id, key, func(e *converted) *[32]byte { return &e.key }, fn)
}

// minify returns a static file's minified bytes from the last build when
// the file is unchanged.
func (c *Cache) minify(path string, data []byte, fn func() minified) minified {
	if c == nil {
		return fn()
	}
	e, _ := memo(c, c.prev.static, c.next.static, path, sum([]byte(path), data), func(e *minified) *[32]byte { return &e.key }, fn)
	return e
}

// renderFacts hashes everything rendering reads besides a page's own
// Content: the configuration and options, every template and UI string,
// the assets' fingerprints, every document's front matter (as parsed) and
// every page's URL and summary. Templates read only their own page's
// Content (tested by TestCacheEqualsClean: a body edit re-renders the
// edited page alone), so a page whose Content and these facts are
// unchanged renders to the same bytes.
func renderFacts(src fs.FS, opts Options, s *site.Site, assets map[string]render.Asset) []byte {
	h := sha256.New()
	cfg, _ := fs.ReadFile(src, config.FileName)
	writeLen(h, cfg)
	writeLen(h, []byte(fmt.Sprint(opts.BaseURL, opts.Drafts, opts.Now.UnixNano(), opts.Now.Location())))
	_ = fs.WalkDir(src, render.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		data, _ := fs.ReadFile(src, p)
		writeLen(h, []byte(p))
		writeLen(h, data)
		return nil
	})
	names := make([]string, 0, len(assets))
	for n := range assets {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		writeLen(h, []byte(n+"\x00"+assets[n].Path+"\x00"+assets[n].Integrity))
	}
	for _, p := range s.Pages {
		writeLen(h, []byte(p.URL))
		writeLen(h, []byte(p.Summary))
		if p.Doc != nil {
			d := *p.Doc
			d.Body = nil
			data, err := json.Marshal(d)
			if err != nil {
				return nil // cannot tell: render everything
			}
			writeLen(h, data)
			writeLen(h, []byte(d.Date.Location().String()+d.Joined.Location().String()))
		}
	}
	return h.Sum(nil)
}

type rendered struct {
	key     [32]byte
	data    []byte
	problem *diag.Problem
}

// render returns the page at path from the last build when its Content
// and the site's render facts are unchanged. With no facts (no cache, or
// facts that could not be hashed) it always renders.
func (c *Cache) render(path, content string, facts []byte, fn func() rendered) (rendered, bool) {
	if c == nil || facts == nil {
		return fn(), true
	}
	key := sum([]byte(path), []byte(content), facts)
	return memo(c, c.prev.pages, c.next.pages, path, key, func(e *rendered) *[32]byte { return &e.key }, fn)
}
