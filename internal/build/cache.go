package build

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lubuskie-es/sitegen/internal/render"

	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/i18n"
	"github.com/lubuskie-es/sitegen/internal/site"
	"github.com/lubuskie-es/sitegen/internal/work"
)

// Cache memoizes the phases of one build for the next, by the content
// hashes of their inputs, so that `serve` rebuilds at the cost of what
// changed: an edited file is read and parsed again alone, Markdown whose
// inputs are unchanged is not converted again, unchanged templates are not
// parsed again. It is one pipeline, not a second one: every phase still
// runs, and asks the cache first.
//
// What each entry's key holds is everything its result depends on:
//
//	read     a file's stamp on disk (device, inode, size, change times;
//	         see read for the files too recent to trust it)
//	parse    the file's path and bytes, the languages, the time zone and
//	         the set of static files (logos are checked against it)
//	site     the configuration and options, every document's path and
//	         front matter (not the bodies): the resolved Site
//	convert  the document (its parse key), its language's Markdown options
//	         and the site key, which decides the URLs links resolve to
//	minify   a static file's path and bytes
//	setup    the configuration, the build's options, every file under
//	         templates/ and the assets' fingerprints: the parsed templates
//	render   the page's output path and Content (by its convert key), and
//	         renderFacts: the setup, the site key and every page's summary
//
// Entries not used by a build are dropped after it, so the cache holds one
// build's worth. A Cache is safe for the parallel phases of one Run; Runs
// sharing a Cache must not overlap.
type Cache struct {
	mu   sync.Mutex
	prev cacheMaps
	next cacheMaps
	// templates are the last build's Renderer, kept while the setup key
	// is the same.
	templates    *render.Renderer
	templatesKey [32]byte
	// resolved is the last build's Site, kept while the site key is the
	// same; see site.
	resolved         *site.Site
	resolvedKey      [32]byte
	resolvedProblems diag.List
	// racy is racyWindow but in tests; reads counts the files read by the
	// current build.
	racy  time.Duration
	reads atomic.Int64
	// changed holds Options.Changed of the current build, nil when unknown.
	changed map[string]bool
	// walked is the last listing of content/ that found nothing to report.
	walked *walk
	// siteKey is the current build's key of site.Build's inputs.
	siteKey [32]byte
	// photos are the last build's processed photos, by the key media
	// gives them (their bytes' hash and what was made): serve keeps them
	// in memory, as the image cache on disk does for build.
	photos map[string]*processed
}

// walk is a listing of the files under a folder.
type walk struct {
	paths   []string
	entries []fs.DirEntry
	known   map[string]bool
}

// listing returns the last build's listing of dir when the build's
// changed paths vouch that no file under it was added, removed or
// replaced by something else (each changed path under dir is a file of
// the listing that is still a regular file), else lists it with list.
// Walking a thousand files costs more than the rest of a warm rebuild.
func (c *Cache) listing(src fs.FS, dir string, problems *diag.List, list func(*diag.List) ([]string, []fs.DirEntry, bool)) ([]string, []fs.DirEntry, bool) {
	if c == nil {
		return list(problems)
	}
	if w := c.walked; w != nil && c.changed != nil && c.listingHolds(src, dir, w) {
		return w.paths, w.entries, true
	}
	var own diag.List
	paths, entries, ok := list(&own)
	problems.Merge(own)
	c.walked = nil
	if ok && own.Len() == 0 {
		w := &walk{paths: paths, entries: entries, known: make(map[string]bool, len(paths))}
		for _, p := range paths {
			w.known[p] = true
		}
		c.walked = w
	}
	return paths, entries, ok
}

// listingHolds says whether the changed paths leave the listing w of dir
// as it is.
func (c *Cache) listingHolds(src fs.FS, dir string, w *walk) bool {
	for p := range c.changed {
		if p != dir && !strings.HasPrefix(p, dir+"/") {
			if strings.HasPrefix(dir, p+"/") {
				return false // a folder above dir
			}
			continue
		}
		if !w.known[p] {
			return false
		}
		fi, err := fs.Lstat(src, p)
		if err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

type cacheMaps struct {
	files    map[string]fileEntry    // by source path
	docs     map[string]parsed       // by path
	html     map[string]converted    // by document path
	static   map[string]minified     // by path
	pages    map[string]rendered     // by output path
	keys     map[*content.Doc]parsed // the documents of this build, for their keys
	catalogs map[string]catalogEntry // by path
}

type catalogEntry struct {
	key      [32]byte
	catalog  *i18n.Catalog
	problems diag.List
}

// catalog returns the UI strings of a language as parsed by the last build
// when their file is the same.
func (c *Cache) catalog(path string, fileKey [32]byte, fn func() (*i18n.Catalog, diag.List)) (*i18n.Catalog, diag.List) {
	if c == nil {
		return fn()
	}
	e, _ := memo(c, c.prev.catalogs, c.next.catalogs, path, newKey().str(path).raw(fileKey[:]).sum(),
		func(e *catalogEntry) *[32]byte { return &e.key },
		func() (e catalogEntry) {
			e.catalog, e.problems = fn()
			return e
		})
	return e.catalog, e.problems
}

// fileEntry is a file as last read.
type fileEntry struct {
	key     [32]byte
	stamp   fileStamp
	trusted bool // the stamp was old enough when read to stand for the bytes
	data    []byte
}

// fileStamp is what a stat says about a file's state.
type fileStamp struct {
	dev, ino     uint64
	size         int64
	mtime, ctime int64 // ns since 1970
}

type parsed struct {
	key      parseKey
	doc      *content.Doc
	problems diag.List
	// front is a hash of the document's front matter as parsed, which
	// every page may show (lists, links, partner names).
	front [32]byte
}

type converted struct {
	key                    convertKey
	content, text, summary string
	problems               diag.List
	images                 []string // bundle files shown by Markdown images, under content/
}

type minified struct {
	key     [32]byte
	data    []byte
	problem *diag.Problem
}

// Stats count the work a build did, for serve's one line per rebuild.
// Read counts the files read from disk with a Cache (others are known by
// their stamps); without one every file is read and it stays 0.
type Stats struct {
	Read, Parsed, Converted, Rendered int
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	c := &Cache{racy: racyWindow}
	c.begin(nil)
	return c
}

// newMaps makes the maps of a build the size of the last one's, which
// saves growing them entry by entry.
func newMaps(like cacheMaps) cacheMaps {
	return cacheMaps{files: make(map[string]fileEntry, len(like.files)), docs: make(map[string]parsed, len(like.docs)),
		html: make(map[string]converted, len(like.html)), static: make(map[string]minified, len(like.static)),
		pages: make(map[string]rendered, len(like.pages)), keys: make(map[*content.Doc]parsed, len(like.keys)),
		catalogs: make(map[string]catalogEntry, len(like.catalogs))}
}

// begin starts a build: what the last one used becomes the lookup side.
// changed, when not nil, are the source paths (files or folders) that
// may have changed since the last build; see Options.Changed.
func (c *Cache) begin(changed []string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.prev = c.next
	c.next = newMaps(c.prev)
	c.reads.Store(0)
	c.changed = nil
	if changed != nil && !slices.Contains(changed, ".") {
		c.changed = make(map[string]bool, len(changed))
		for _, p := range changed {
			c.changed[p] = true
		}
	}
}

// unchanged says whether the caller vouches that p has not changed since
// the last build: neither it nor a folder above it is among the changed.
func (c *Cache) unchanged(p string) bool {
	if c.changed == nil {
		return false
	}
	for q := p; ; {
		if c.changed[q] {
			return false
		}
		i := strings.LastIndexByte(q, '/')
		if i < 0 {
			return true
		}
		q = q[:i]
	}
}

// key accumulates the inputs of a cache key, each with its length first
// so that ("ab","c") and ("a","bc") differ, and sum hashes them once.
// Keys are made for every page on every rebuild: one buffer and one
// SHA-256 over it cost far less than a hash.Hash fed piece by piece.
type key []byte

func newKey() key { return make(key, 0, 256) }

func (k key) str(s string) key {
	k = binary.LittleEndian.AppendUint64(k, uint64(len(s)))
	return append(k, s...)
}

func (k key) raw(b []byte) key {
	k = binary.LittleEndian.AppendUint64(k, uint64(len(b)))
	return append(k, b...)
}

func (k key) num(n int64) key { return binary.LittleEndian.AppendUint64(k, uint64(n)) }

func (k key) sum() [32]byte { return sha256.Sum256(k) }

// parseFacts is what parsing depends on besides the file: the languages,
// the time zone and the static files.
func parseFacts(opts content.Options, static []staticFile, resources map[string]resource) [32]byte {
	k := newKey()
	for _, l := range opts.Languages {
		k = k.str(l)
	}
	k = k.str(opts.Location.String())
	for _, f := range static {
		k = k.str(f.path)
	}
	// Bundle files by content: a photo changed is new variants' names
	// in every page that shows it.
	paths := make([]string, 0, len(resources))
	for p := range resources {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		key := resources[p].key
		k = k.str(p).raw(key[:])
	}
	return k.sum()
}

// racyWindow is how old a file's change times must be, when it is read,
// for its stamp to stand for its bytes afterwards. File systems keep
// times in ticks of up to tens of milliseconds, so a file changed twice
// within one tick, its size the same, keeps its stamp ("racily clean",
// as git calls it). A file that had changed within the window is read
// again on every build until it is older.
const racyWindow = time.Second

// read returns the bytes of the file at p (d is its entry in the walk, or
// nil) and, with a cache, a hash of them. A file that the build's changed
// paths leave out, or whose stamp is the one it had when it was last read,
// is not read again. Files behind symbolic links, and file systems with no
// reliable stamps, are always read.
func (c *Cache) read(src fs.FS, p string, d fs.DirEntry) ([]byte, [32]byte, error) {
	if c == nil {
		data, err := fs.ReadFile(src, p)
		return data, [32]byte{}, err
	}
	if d == nil {
		fi, err := fs.Lstat(src, p)
		if err != nil {
			return nil, [32]byte{}, err
		}
		d = fs.FileInfoToDirEntry(fi)
	}
	symlink := d.Type()&fs.ModeSymlink != 0
	if !symlink && c.unchanged(p) {
		c.mu.Lock()
		e, ok := c.prev.files[p]
		if ok {
			c.next.files[p] = e
		}
		c.mu.Unlock()
		if ok {
			return e.data, e.key, nil
		}
	}
	var stamp fileStamp
	stamped := false
	if !symlink {
		if fi, err := d.Info(); err == nil {
			stamp, stamped = stampOf(fi)
		}
	}
	now := time.Now()
	if stamped {
		c.mu.Lock()
		e, ok := c.prev.files[p]
		if ok && e.trusted && e.stamp == stamp {
			c.next.files[p] = e
			c.mu.Unlock()
			return e.data, e.key, nil
		}
		c.mu.Unlock()
	}
	data, err := fs.ReadFile(src, p)
	if err != nil {
		return nil, [32]byte{}, err
	}
	c.reads.Add(1)
	limit := now.Add(-c.racy).UnixNano()
	e := fileEntry{key: sha256.Sum256(data), stamp: stamp, data: data,
		trusted: stamped && stamp.mtime < limit && stamp.ctime < limit}
	c.mu.Lock()
	c.next.files[p] = e
	c.mu.Unlock()
	return data, e.key, nil
}

// parse returns the cached Doc for path when its bytes (by their hash,
// fileKey) and facts match, else parses it and remembers the result.
func (c *Cache) parse(path string, fileKey, facts [32]byte, fn func() (*content.Doc, diag.List)) (*content.Doc, diag.List, bool) {
	if c == nil {
		d, l := fn()
		return d, l, true
	}
	e, fresh := memo(c, c.prev.docs, c.next.docs, path, parseKey{fileKey, facts},
		func(e *parsed) *parseKey { return &e.key },
		func() parsed {
			var e parsed
			e.doc, e.problems = fn()
			if e.doc != nil {
				e.front = frontKey(e.doc)
			}
			return e
		})
	if e.doc != nil {
		c.mu.Lock()
		c.next.keys[e.doc] = e
		c.mu.Unlock()
	}
	return e.doc, e.problems, fresh
}

// parseKey is what parsing a file depends on besides its path, which
// names its entry: the file's bytes (by their hash) and parseFacts.
type parseKey struct {
	file, facts [32]byte
}

// frontKey hashes a document's front matter, everything parsed but its
// body. A document that cannot be encoded gets a key of its own, which
// renders every page again.
func frontKey(d *content.Doc) [32]byte {
	front := *d
	front.Body = nil
	data, err := json.Marshal(front)
	if err != nil {
		return newKey().str(fmt.Sprintf("%p", d)).sum()
	}
	return key(data).str(d.Date.Location().String()).str(d.Joined.Location().String()).sum()
}

// memo is the one lookup every phase makes: the entry id had in the last
// build when its key (a hash of its inputs) is the same, else a new one
// from fn. Either way it is kept for the next build, so the cache holds
// what one build used and no more.
func memo[E any, K comparable](c *Cache, prev, next map[string]E, id string, key K, keyOf func(*E) *K, fn func() E) (E, bool) {
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

// convertKey is what a page's HTML depends on besides its path and
// language, which name its entry. It is compared, not hashed: it is made
// for every page on every rebuild.
type convertKey struct {
	doc    parseKey // the body is a function of the parse's inputs
	quotes [4]string
	facts  [32]byte // linkFacts
}

// convertKeys gives the convert key of each page (pages have documents).
func (c *Cache) convertKeys(pages []*site.Page, facts [32]byte) []convertKey {
	keys := make([]convertKey, len(pages))
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, p := range pages {
		keys[i] = convertKey{quotes: p.Lang.Quotes, facts: facts}
		if e, ok := c.next.keys[p.Doc]; ok {
			keys[i].doc = e.key
		} else {
			keys[i].doc.file = newKey().raw(p.Doc.Body).num(int64(p.Doc.BodyLine)).sum()
		}
	}
	return keys
}

// memoAll is memo for a whole phase: entry i is named ids[i] and keyed by
// keys[i]. The last build's entries are looked up first, under one lock,
// and fn runs for the misses alone, on workers goroutines: on a rebuild
// nearly all of a thousand pages hit, and each costs a map lookup.
// Without a cache fn runs for all. fresh[i] tells whether fn made entry i.
func memoAll[E any, K comparable](c *Cache, workers int, prev, next map[string]E, ids []string, keys []K,
	keyOf func(*E) *K, fn func(i int) E) (out []E, fresh []bool) {
	out, fresh = make([]E, len(ids)), make([]bool, len(ids))
	var miss []int
	if c == nil {
		for i := range ids {
			miss = append(miss, i)
		}
	} else {
		c.mu.Lock()
		for i, id := range ids {
			e, ok := prev[id]
			if ok && *keyOf(&e) == keys[i] {
				out[i] = e
				next[id] = e
			} else {
				miss = append(miss, i)
			}
		}
		c.mu.Unlock()
	}
	work.Do(len(miss), workers, func(j int) {
		i := miss[j]
		out[i] = fn(i)
		fresh[i] = true
		if c != nil {
			*keyOf(&out[i]) = keys[i]
		}
	})
	if c != nil {
		c.mu.Lock()
		for _, i := range miss {
			next[ids[i]] = out[i]
		}
		c.mu.Unlock()
	}
	return out, fresh
}

// minify returns a static file's minified bytes from the last build when
// the file is unchanged.
func (c *Cache) minify(path string, dataKey [32]byte, fn func() minified) minified {
	if c == nil {
		return fn()
	}
	e, _ := memo(c, c.prev.static, c.next.static, path, newKey().str(path).raw(dataKey[:]).sum(), func(e *minified) *[32]byte { return &e.key }, fn)
	return e
}

// site returns the last build's Site when everything site.Build reads is
// the same: the configuration, the options, and every document's path and
// front matter (it never reads a body). That is the common edit while
// previewing – a paragraph changed – and it saves resolving a thousand
// documents for each keystroke's save. The Site is brought up to date
// before it is returned: its pages point to this build's documents
// (equal in all but the body), and convert fills their Content again.
func (c *Cache) site(settings [32]byte, docs []*content.Doc, build func() (*site.Site, diag.List)) (*site.Site, diag.List) {
	if c == nil {
		return build()
	}
	k := newKey().raw(settings[:])
	c.mu.Lock()
	for _, d := range docs {
		e, ok := c.next.keys[d]
		if !ok {
			e.front = frontKey(d)
		}
		k = k.str(d.Path).raw(e.front[:])
	}
	c.mu.Unlock()
	key := k.sum()
	c.siteKey = key
	if c.resolved != nil && c.resolvedKey == key {
		byPath := make(map[string]*content.Doc, len(docs))
		for _, d := range docs {
			byPath[d.Path] = d
		}
		for _, p := range c.resolved.Pages {
			if p.Doc != nil {
				p.Doc = byPath[p.Doc.Path]
			}
		}
		return c.resolved, c.resolvedProblems
	}
	s, problems := build()
	c.resolved, c.resolvedKey, c.resolvedProblems = s, key, problems
	if problems.HasErrors() {
		c.resolved = nil
	}
	return s, problems
}

// settingsKey hashes what every phase after loading may depend on:
// site.yaml as written (cfgData) and every field of the build's options
// but those optionsInKey says leave the output as it is. The fields are
// read by reflection, so a new option is in the key unless it is
// classified out; TestOptionsClassified makes every field take a side.
func settingsKey(cfgData []byte, opts Options) [32]byte {
	k := newKey().raw(cfgData)
	v := reflect.ValueOf(opts)
	classified := optionsInKey()
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		if in, known := classified[name]; known && !in {
			continue
		}
		k = k.str(name).str(keyOf(v.Field(i)))
	}
	return k.sum()
}

// optionsInKey says, for each field of Options, whether it can change
// what a build gives (true: it is in settingsKey) or only how the build
// runs (false). A field missing here is in the key, and fails
// TestOptionsClassified.
func optionsInKey() map[string]bool {
	return map[string]bool{
		"BaseURL": true,
		"Drafts":  true,
		"Now":     true, // the day, in the site's zone: what is upcoming
		"Workers": false,
		"Cache":   false,
		"Changed": false, // says where to look, not what to give
		"Defer":   false, // the same files, some of them later
		"Emit":    false, // the same files, handed over as they are made
		// Where processed photos are kept; they are the same made afresh.
		"ImageCache": false,
	}
}

// keyOf writes one option's value for settingsKey: a time as its instant
// and zone, anything else as fmt prints it.
func keyOf(v reflect.Value) string {
	if t, ok := v.Interface().(time.Time); ok {
		return fmt.Sprint(t.UnixNano(), " ", t.Location())
	}
	return fmt.Sprintf("%#v", v.Interface())
}

// setupKey hashes what the parsed templates depend on: the settings (see
// settingsKey), every file under templates/ (layouts, partials and UI
// strings) and the assets' public paths and integrity values.
func setupKey(src fs.FS, settings [32]byte, c *Cache, assets map[string]render.Asset) [32]byte {
	k := newKey().raw(settings[:])
	_ = fs.WalkDir(src, render.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		_, fileKey, _ := c.read(src, p, d)
		k = k.str(p).raw(fileKey[:])
		return nil
	})
	names := make([]string, 0, len(assets))
	for n := range assets {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		k = k.str(n).str(assets[n].Path).str(assets[n].Integrity)
	}
	return k.sum()
}

// renderer returns the last build's Renderer when the setup is the same,
// its fragments forgotten, else parses the templates with newRenderer.
func (c *Cache) renderer(setup [32]byte, newRenderer func() (*render.Renderer, diag.List)) (*render.Renderer, diag.List) {
	if c == nil {
		return newRenderer()
	}
	if c.templates != nil && c.templatesKey == setup {
		c.templates.Reset()
		return c.templates, diag.List{}
	}
	r, problems := newRenderer()
	c.templates, c.templatesKey = r, setup
	if r == nil {
		c.templates = nil
	}
	return r, problems
}

// renderFacts hashes everything rendering reads besides a page's own
// Content: the setup (configuration, options, templates, UI strings,
// assets), the site key (every document's path and front matter, which
// decide every page's URL and lists) and every page's summary, which may
// come from its body. Templates read only their own page's Content
// (tested by TestCacheEqualsClean: a body edit re-renders the edited page
// alone), so a page whose Content and these facts are unchanged renders to
// the same bytes.
func renderFacts(setup [32]byte, c *Cache, s *site.Site) [32]byte {
	k := make(key, 0, 64+160*len(s.Pages)).raw(setup[:]).raw(c.siteKey[:])
	for _, p := range s.Pages {
		k = k.str(p.Summary)
	}
	return k.sum()
}

type rendered struct {
	key     renderKey
	data    []byte
	problem *diag.Problem
}

// renderKey is what a page depends on besides its output path, which
// names its entry: its Content, known by its convert key (zero for pages
// without a document), and renderFacts.
type renderKey struct {
	content convertKey
	facts   [32]byte
}
