// Package build runs the pipeline, and is the only package that knows the
// order of its phases:
//
//	load     site.yaml, UI strings, content files, static files
//	resolve  site.Build: URLs, translations, references, lists
//	convert  Markdown → HTML for every content page, in parallel
//	render   templates → HTML for every page, minified, in parallel
//
// It returns the files in memory, or hands each to Options.Emit as soon as
// it is made; writing them is the caller's business (an output.Writer for
// `build`, memory for `serve` and `check`).
package build

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/feeds"
	"github.com/lubuskie-es/sitegen/internal/i18n"
	"github.com/lubuskie-es/sitegen/internal/markdown"
	"github.com/lubuskie-es/sitegen/internal/opendata"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/render"
	"github.com/lubuskie-es/sitegen/internal/search"
	"github.com/lubuskie-es/sitegen/internal/site"
	"github.com/lubuskie-es/sitegen/internal/work"
)

// StaticDir holds files copied to the output as they are (text minified).
const StaticDir = "static"

// AccessibilityKey is the translation key of the accessibility statement
// (content/deklaracja-dostepnosci.*.md), linked from every page's footer.
const AccessibilityKey = "deklaracja-dostepnosci"

// Options control one build.
type Options struct {
	// BaseURL, when set, replaces site.yaml's baseURL (preview deployments).
	BaseURL string
	// Drafts includes documents marked draft: true.
	Drafts bool
	// Now is the moment the build treats as the present: meetings from
	// that day on are upcoming. Passing it in keeps builds reproducible.
	Now time.Time
	// Workers bounds parallel work; 0 means GOMAXPROCS.
	Workers int
	// Cache, when set, carries parsed, converted and rendered work from
	// one build to the next (serve); the output is the same as without it.
	Cache *Cache
	// Changed, with a Cache, lists the source paths (files or folders,
	// slash-separated, relative to src; "." for all) that may have changed
	// since the Cache's last build, as a file watcher reports them: other
	// files are taken as they were, not even looked at. Nil means not
	// known: every file's stamp is checked.
	Changed []string
	// ImageCache is the folder (on disk) where processed photos are kept
	// between builds, ImageCacheDir under the site's folder for `sitegen
	// build`; "" makes every photo afresh (serve and tests, whose Cache
	// keeps them in memory across builds).
	ImageCache string
	// Defer leaves the feeds, the sitemap and the search index, which are
	// made from every page, to Result.Deferred, so that serve can show an
	// edited page before they are done.
	Defer bool
	// Emit, when set, is given every file as soon as it is made, from
	// several goroutines at once, and the build keeps none of them: they
	// are left out of Result.Files. So `sitegen build` writes pages to
	// disk while others render, instead of holding the whole site in
	// memory. A failed Emit is a problem of the build. Files are handed
	// over before the build knows whether it succeeds: after a build with
	// errors the caller must drop them (output.Writer.Abort). Emit is not
	// used with Defer. Without a Cache, Result.Site keeps only what the
	// build reads: documents lose their Body once converted.
	Emit func(output.File) error
}

// Result is a finished build: the files to write, or the problems that
// stopped it.
type Result struct {
	Files    []output.File
	Problems diag.List
	Site     *site.Site
	// PagesByLang counts the HTML pages of each language, for the summary.
	PagesByLang map[string]int
	// Stats count the work done (less with a warm Cache).
	Stats Stats
	// Deferred, after a build with Options.Defer and no errors, makes the
	// files left out of Files (feeds, sitemap, search index) the first time
	// it is called and gives the same ones after. Files and its files
	// together are what the build would have given without Defer. With a
	// Cache it must be called before the next Run with that Cache starts,
	// if at all: that Run may reuse and change this one's Site.
	Deferred func() ([]output.File, diag.List)
}

// Run builds the site found in src. It never writes anything.
func Run(src fs.FS, opts Options) *Result {
	res := &Result{PagesByLang: map[string]int{}}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Defer {
		opts.Emit = nil // as documented: Deferred gives its files
	}
	sink := &emitter{emit: opts.Emit}
	opts.Cache.begin(opts.Changed)
	defer func() {
		if opts.Cache != nil {
			res.Stats.Read = int(opts.Cache.reads.Load())
		}
	}()
	cfg, cfgData := loadConfig(src, opts, &res.Problems)
	if cfg == nil {
		return res
	}
	// Only the day matters (which meetings are upcoming, whether the
	// accessibility statement is due): keep it so, and rebuilds in one day
	// alike.
	now := opts.Now.In(cfg.Location)
	opts.Now = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, cfg.Location)
	var settings [32]byte
	if opts.Cache != nil {
		settings = settingsKey(cfgData, opts)
	}
	catalogs := loadCatalogs(src, cfg, opts.Cache, &res.Problems)
	static := loadStatic(src, opts.Cache, &res.Problems)
	docs, resources := loadContent(src, cfg, static, opts, &res.Stats, &res.Problems)
	if res.Problems.HasErrors() {
		return res
	}

	s, problems := opts.Cache.site(settings, docs, func() (*site.Site, diag.List) {
		return site.Build(cfg, docs, site.Options{Drafts: opts.Drafts, Now: opts.Now, AccessibilityKey: AccessibilityKey})
	})
	res.Problems.Merge(problems)
	res.Site = s
	if res.Problems.HasErrors() {
		return res
	}
	m := newMedia(resources, opts)
	m.pageMedia(s, opts.Workers, &res.Problems)

	min := output.NewMinifier()
	// The templates and static files do not depend on the Markdown, and
	// parsing templates is serial work: do it while the Markdown converts.
	var (
		setupDone  = make(chan struct{})
		assetFiles []output.File
		setup      [32]byte
		r          *render.Renderer
		setupProbs diag.List
	)
	go func() {
		defer close(setupDone)
		var assets map[string]render.Asset
		assetFiles, assets = processStatic(static, min, opts.Cache, &setupProbs)
		if opts.Cache != nil {
			setup = setupKey(src, settings, opts.Cache, assets)
		}
		var problems diag.List
		r, problems = opts.Cache.renderer(setup, func() (*render.Renderer, diag.List) {
			return render.New(src, cfg, catalogs, assets, render.Options{Prepare: min.MinifyTemplate, Timeout: cfg.TemplateTimeout})
		})
		setupProbs.Merge(problems)
		sink.handAll(assetFiles, opts.Workers)
	}()
	contentKeys := convert(s, min, m, opts, &res.Stats, &res.Problems)
	indexes := func() ([]output.File, diag.List) {
		var problems diag.List
		feedFiles, p := feeds.Files(s, catalogs)
		problems.Merge(p)
		searchFiles, p := search.Files(s, catalogs)
		problems.Merge(p)
		dataFiles, p := opendata.Files(s, catalogs, feeds.EventPath)
		problems.Merge(p)
		return slices.Concat(feedFiles, searchFiles, dataFiles), problems
	}
	// Feeds and the search index read the converted pages, as rendering
	// does, and mostly one at a time: made beside rendering, they take up
	// what it leaves of the cores.
	var (
		indexesDone = make(chan struct{})
		indexFiles  []output.File
		indexProbs  diag.List
	)
	if opts.Defer {
		close(indexesDone)
	} else {
		go func() {
			defer close(indexesDone)
			indexFiles, indexProbs = indexes()
			sink.handAll(indexFiles, opts.Workers)
		}()
	}
	<-setupDone
	res.Problems.Merge(setupProbs)
	if res.Problems.HasErrors() {
		<-indexesDone
		return res
	}
	var facts [32]byte
	if opts.Cache != nil {
		facts = renderFacts(setup, opts.Cache, s)
	}
	pages := renderPages(s, r, opts, sink, contentKeys, facts, &res.Stats, &res.Problems)
	mediaFiles := m.outputs() // complete once every page is converted
	sink.handAll(mediaFiles, opts.Workers)
	<-indexesDone
	res.Problems.Merge(indexProbs)
	if res.Problems.HasErrors() {
		return res
	}
	for _, p := range s.Pages {
		if p.Kind != site.Alias {
			res.PagesByLang[p.Lang.Code]++
		}
	}
	res.Files = slices.Concat(pages, assetFiles, indexFiles, mediaFiles)
	sortFiles(res.Files)
	if sink.on() {
		// The files are gone; their paths are all Validate needs. Its
		// messages say more than a failed write of a bad path.
		validate(s, res.Files, assetFiles, &res.Problems)
		if !res.Problems.HasErrors() {
			sink.report(&res.Problems)
		}
		res.Files = nil
	} else if opts.Defer {
		res.Deferred = sync.OnceValues(func() ([]output.File, diag.List) {
			files, problems := indexes()
			sortFiles(files)
			validate(s, slices.Concat(res.Files, files), assetFiles, &problems)
			return files, problems
		})
	} else {
		validate(s, res.Files, assetFiles, &res.Problems)
	}
	if !res.Problems.HasErrors() {
		// Photos taken out of the site would otherwise stay in the cache
		// for ever.
		m.prune(&res.Problems)
	}
	return res
}

func sortFiles(files []output.File) {
	slices.SortFunc(files, func(a, b output.File) int { return cmp.Compare(a.Path, b.Path) })
}

// validate reports aliases that clash with the site's other files at the
// alias, then every other problem with the output paths.
func validate(s *site.Site, files []output.File, static []output.File, problems *diag.List) {
	staticPaths := make(map[string]bool, len(static))
	for _, f := range static {
		staticPaths[f.Path] = true
	}
	if clashing := aliasClashes(s, files, staticPaths, problems); len(clashing) > 0 {
		files = slices.DeleteFunc(slices.Clone(files), func(f output.File) bool { return clashing[f.Path] })
	}
	if err := output.Validate(files); err != nil {
		problems.Add(diag.Problem{Path: "public", Message: err.Error()})
	}
}

// loadConfig reads and parses site.yaml; it returns its bytes too, which
// the cache keys by.
func loadConfig(src fs.FS, opts Options, problems *diag.List) (*config.Config, []byte) {
	data, err := fs.ReadFile(src, config.FileName)
	if err != nil {
		problems.Add(diag.Problem{Path: config.FileName, Message: "cannot read the site configuration: " + describeErr(err),
			Hint: "run sitegen in the site's folder or pass --source DIR"})
		return nil, nil
	}
	cfg, p := config.Parse(data)
	problems.Merge(p)
	if p.HasErrors() {
		return nil, nil
	}
	if opts.BaseURL != "" {
		base, err := config.NormalizeBaseURL(opts.BaseURL)
		var bad *config.BaseURLError
		if errors.As(err, &bad) {
			problems.Add(diag.Problem{Path: "--base-url", Message: fmt.Sprintf("%q %s", bad.URL, bad.Message), Hint: bad.Hint})
			return nil, nil
		}
		cfg.BaseURL = base
	}
	return cfg, data
}

// loadCatalogs reads templates/i18n/<lang>.yaml for every language and
// reports UI strings a language lacks.
func loadCatalogs(src fs.FS, cfg *config.Config, cache *Cache, problems *diag.List) map[string]*i18n.Catalog {
	catalogs := map[string]*i18n.Catalog{}
	for _, l := range cfg.Languages {
		p := render.Dir + "/i18n/" + l.Code + ".yaml"
		data, key, err := cache.read(src, p, nil)
		if err != nil {
			problems.Add(diag.Problem{Path: p, Message: "cannot read the UI strings of language " + l.Code + ": " + describeErr(err)})
			continue
		}
		c, ps := cache.catalog(p+"\x00"+l.Code, key, func() (*i18n.Catalog, diag.List) { return i18n.Parse(p, l.Code, data) })
		problems.Merge(ps)
		if c != nil {
			catalogs[l.Code] = c
		}
	}
	base := catalogs[cfg.Default().Code]
	for _, l := range cfg.Languages[1:] {
		if c := catalogs[l.Code]; c != nil && base != nil {
			for _, key := range i18n.Missing(base, c) {
				problems.Errorf(render.Dir+"/i18n/"+l.Code+".yaml", 0, 0, "UI string %q is missing (it is in %s.yaml)", key, cfg.Default().Code)
			}
		}
	}
	return catalogs
}

// staticFile is a file under static/, path relative to static/.
type staticFile struct {
	path string
	data []byte
	key  [32]byte // a hash of data, when read through a Cache
}

func loadStatic(src fs.FS, cache *Cache, problems *diag.List) []staticFile {
	var files []staticFile
	if !rootInSite(src, StaticDir, problems) {
		return nil
	}
	err := fs.WalkDir(src, StaticDir, func(p string, d fs.DirEntry, err error) error {
		if !utf8.ValidString(p) {
			return skipNotUTF8(p, d, problems)
		}
		if err != nil {
			if p == StaticDir && isNotExist(err) {
				return fs.SkipDir
			}
			problems.Add(diag.Problem{Path: p, Message: describeErr(err)})
			return nil
		}
		if d.IsDir() {
			if p != StaticDir && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || !publishableName(p, problems) || !linkInSite(src, p, d, problems) ||
			!regularFile(src, p, d, problems) {
			return nil
		}
		data, key, err := cache.read(src, p, d)
		if err != nil {
			problems.Add(diag.Problem{Path: p, Message: describeErr(err)})
			return nil
		}
		files = append(files, staticFile{path: strings.TrimPrefix(p, StaticDir+"/"), data: data, key: key})
		return nil
	})
	if err != nil {
		problems.Add(diag.Problem{Path: StaticDir, Message: describeErr(err)})
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = StaticDir + "/" + f.path
	}
	caseTwins(paths, problems)
	return files
}

// listContent walks content/ for the files to build (Markdown files, and
// the others that bundles may hold), with their entries, and reports what
// it refuses; false when there is no content/.
func listContent(src fs.FS, problems *diag.List) ([]string, []fs.DirEntry, bool) {
	var paths, others []string
	var entries, otherEntries []fs.DirEntry
	err := fs.WalkDir(src, content.Dir, func(p string, d fs.DirEntry, err error) error {
		if !utf8.ValidString(p) {
			return skipNotUTF8(p, d, problems)
		}
		if err != nil {
			problems.Add(diag.Problem{Path: p, Message: describeErr(err)})
			return nil
		}
		if d.IsDir() {
			if content.Skipped(p, true) {
				return fs.SkipDir
			}
			return nil
		}
		if content.Skipped(p, false) || !linkInSite(src, p, d, problems) {
			return nil
		}
		if !strings.HasSuffix(d.Name(), ".md") {
			others, otherEntries = append(others, p), append(otherEntries, d)
			return nil
		}
		if !publishableName(p, problems) || !regularFile(src, p, d, problems) {
			return nil
		}
		paths = append(paths, p)
		entries = append(entries, d)
		return nil
	})
	if err != nil {
		problems.Add(diag.Problem{Path: content.Dir, Message: describeErr(err),
			Hint: "the site needs a content/ folder with Markdown files"})
		return nil, nil, false
	}
	caseTwins(paths, problems)
	// Other files are content only in a bundle: elsewhere the build
	// passes over them (and check warns).
	bundles := map[string]bool{}
	for _, p := range paths {
		if dir, base := path.Split(p); strings.HasPrefix(base, "index.") {
			if dir = strings.TrimSuffix(dir, "/"); dir != content.Dir && dir != content.Dir+"/meetings" && dir != content.Dir+"/partners" {
				bundles[dir] = true
			}
		}
	}
	for i, p := range others {
		if inBundle(p, bundles) && publishableName(p, problems) &&
			regularFile(src, p, otherEntries[i], problems) {
			paths, entries = append(paths, p), append(entries, otherEntries[i])
		}
	}
	return paths, entries, true
}

// inBundle says whether the file p is in one of the bundle folders.
func inBundle(p string, bundles map[string]bool) bool {
	for dir := path.Dir(p); dir != "." && dir != content.Dir; dir = path.Dir(dir) {
		if bundles[dir] {
			return true
		}
	}
	return false
}

// loadContent parses every Markdown file under content/ in parallel, and
// reads the other files, which bundles may name. Each worker writes its
// own slot, so the result is in path order without locks.
func loadContent(src fs.FS, cfg *config.Config, static []staticFile, o Options, stats *Stats, problems *diag.List) ([]*content.Doc, map[string]resource) {
	if !rootInSite(src, content.Dir, problems) {
		return nil, nil
	}
	all, allEntries, ok := o.Cache.listing(src, content.Dir, problems, func(problems *diag.List) ([]string, []fs.DirEntry, bool) {
		return listContent(src, problems)
	})
	if !ok {
		return nil, nil
	}
	var paths, others []string
	var entries, otherEntries []fs.DirEntry
	for i, p := range all {
		if strings.HasSuffix(p, ".md") {
			paths, entries = append(paths, p), append(entries, allEntries[i])
		} else {
			others, otherEntries = append(others, p), append(otherEntries, allEntries[i])
		}
	}
	resources := make(map[string]resource, len(others))
	for i, p := range others {
		data, key, err := o.Cache.read(src, p, otherEntries[i])
		if err != nil {
			problems.Add(diag.Problem{Path: p, Message: describeErr(err)})
			continue
		}
		resources[strings.TrimPrefix(p, content.Dir+"/")] = resource{data: data, key: key}
	}
	staticSet := make(map[string]bool, len(static))
	for _, f := range static {
		staticSet[f.path] = true
	}
	opts := content.Options{Languages: cfg.Codes(), Location: cfg.Location,
		StaticFiles: func(p string) bool { return staticSet[p] },
		BundleFiles: func(p string) bool { _, ok := resources[p]; return ok }}

	var facts [32]byte
	if o.Cache != nil {
		facts = parseFacts(opts, static, resources)
	}
	docs := make([]*content.Doc, len(paths))
	lists := make([]diag.List, len(paths))
	fresh := make([]bool, len(paths))
	work.Do(len(paths), o.Workers, func(i int) {
		data, key, err := o.Cache.read(src, paths[i], entries[i])
		if err != nil {
			lists[i].Add(diag.Problem{Path: paths[i], Message: describeErr(err)})
			return
		}
		docs[i], lists[i], fresh[i] = o.Cache.parse(paths[i], key, facts, func() (*content.Doc, diag.List) {
			return content.Parse(strings.TrimPrefix(paths[i], content.Dir+"/"), data, opts)
		})
	})
	for i, l := range lists {
		problems.Merge(l)
		if fresh[i] {
			stats.Parsed++
		}
	}
	return docs, resources
}

// convert turns every content page's Markdown into HTML, rewriting links
// to other content files to their pages' URLs. The HTML comes minified
// from the converter (or, with raw HTML let through, is minified here),
// once per document; the templates are minified when they are parsed, so
// whole pages need no minifying. With a cache it returns each page's
// convert key, which stands for its Content in the render cache.
func convert(s *site.Site, min *output.Minifier, m *media, o Options, stats *Stats, problems *diag.List) map[*site.Page]convertKey {
	converters := map[string]*markdown.Converter{}
	for _, l := range s.Config.Languages {
		// The links' record is for check, which converts again.
		converters[l.Code] = markdown.New(markdown.Options{Quotes: l.Quotes, Unsafe: s.Config.UnsafeMarkdown,
			BasePath: s.Config.BasePath(), WithoutLinks: true})
	}
	var pages []*site.Page
	for _, p := range s.Pages {
		if p.Doc != nil {
			pages = append(pages, p)
		}
	}
	base := strings.TrimSuffix(s.Config.BasePath(), "/")
	// A build that streams its files and keeps no Cache keeps no more of
	// the pages than the rest of the build reads.
	lean := o.Emit != nil && o.Cache == nil
	var facts [32]byte
	if o.Cache != nil {
		facts = o.Cache.siteKey // the site decides every URL a link resolves to
	}
	ids := make([]string, len(pages))
	for i, p := range pages {
		ids[i] = p.Doc.Path // a document has one language
	}
	var keys []convertKey
	var prev, next map[string]converted
	if o.Cache != nil {
		keys = o.Cache.convertKeys(pages, facts)
		prev, next = o.Cache.prev.html, o.Cache.next.html
	}
	out, fresh := memoAll(o.Cache, o.Workers, prev, next, ids, keys, func(e *converted) *convertKey { return &e.key },
		func(i int) (c converted) {
			p := pages[i]
			resolve := func(dest string) (string, bool) {
				t, ok := s.ResolveLink(p, dest)
				if !ok {
					return "", false
				}
				return base + t.URL, true
			}
			r := converters[p.Lang.Code].ConvertWithImages(p.Doc.Body, resolve, m.inline(s, p, base, &c.images))
			if lean {
				// Nothing reads the Markdown again: let the source go,
				// a third of what a streaming build would hold.
				p.Doc.Body = nil
			}
			html := r.HTML // compact already, but for raw HTML let through
			if s.Config.UnsafeMarkdown {
				var err error
				if html, err = min.Minify("content.html", r.HTML); err != nil {
					c.problems.Add(minifyProblem(p.Doc.Path, err))
					html = r.HTML
				}
			}
			c.content, c.text, c.summary = string(html), r.Text, r.Summary
			if lean {
				// The summary is cut from the text: a copy of its own lets
				// the converter's buffers go.
				c.summary = strings.Clone(r.Summary)
			}
			for _, mp := range r.Problems {
				c.problems.Add(mp.Diag(p.Doc.Path, p.Doc.BodyLine-1))
			}
			return c
		})
	for i, p := range pages {
		p.Content = out[i].content
		p.Text = out[i].text
		p.Summary = cmp.Or(p.Doc.Summary, out[i].summary)
		problems.Merge(out[i].problems)
		m.inlineProblems(s, p, out[i].images, problems)
		p.Uses = bundleUses(p, out[i].images)
		if fresh[i] {
			stats.Converted++
		}
	}
	if o.Cache == nil {
		return nil
	}
	byPage := make(map[*site.Page]convertKey, len(pages))
	for i, p := range pages {
		byPage[p] = keys[i]
	}
	return byPage
}

// processStatic minifies text files and fingerprints CSS and JS, which
// templates link through the asset function.
func processStatic(files []staticFile, min *output.Minifier, cache *Cache, problems *diag.List) ([]output.File, map[string]render.Asset) {
	out := make([]output.File, len(files))
	assets := make(map[string]render.Asset, len(files))
	for i, f := range files {
		m := cache.minify(f.path, f.key, func() (m minified) {
			data, err := min.Minify(f.path, f.data)
			if err != nil {
				p := minifyProblem(StaticDir+"/"+f.path, err)
				m.problem = &p
				data = f.data
			}
			m.data = data
			return m
		})
		data := m.data
		if m.problem != nil {
			problems.Add(*m.problem)
		}
		public := f.path
		var integrity string
		if ext := path.Ext(f.path); ext == ".css" || ext == ".js" {
			public, integrity = output.Fingerprint(f.path, data)
		}
		out[i] = output.File{Path: public, Data: data}
		assets[f.path] = render.Asset{Path: "/" + public, Integrity: integrity}
	}
	return out, assets
}

// renderPages executes the (minified) templates for every page.
// With a Cache, a page whose inputs are unchanged (see renderFacts) is
// taken from the last build. Each page goes to the sink as soon as it is
// rendered, and then only its path is kept.
func renderPages(s *site.Site, r *render.Renderer, opts Options, sink *emitter, contentKeys map[*site.Page]convertKey, facts [32]byte, stats *Stats, problems *diag.List) []output.File {
	n := len(s.Pages) + 1 // and 404.html
	ids := make([]string, n)
	for i, p := range s.Pages {
		ids[i] = render.OutputPath(p.URL)
	}
	ids[n-1] = "404.html"
	var keys []renderKey
	var prev, next map[string]rendered
	if opts.Cache != nil {
		keys = make([]renderKey, n)
		for i := range keys {
			keys[i].facts = facts
			if i < len(s.Pages) {
				keys[i].content = contentKeys[s.Pages[i]]
			}
		}
		prev, next = opts.Cache.prev.pages, opts.Cache.next.pages
	}
	out, fresh := memoAll(opts.Cache, opts.Workers, prev, next, ids, keys, func(e *rendered) *renderKey { return &e.key },
		func(i int) (out rendered) {
			var err error
			if i == len(s.Pages) {
				out.data, err = r.NotFound(s)
			} else {
				out.data, err = r.Page(s, s.Pages[i])
			}
			if err != nil {
				p := templateProblem(err)
				out.problem = &p
			} else if sink.on() {
				sink.hand(output.File{Path: ids[i], Data: out.data})
				if opts.Cache == nil {
					out.data = nil
				}
			}
			return out
		})
	files := make([]output.File, n)
	for i, o := range out {
		if o.problem != nil {
			problems.Add(*o.problem)
		} else {
			files[i] = output.File{Path: ids[i], Data: o.data}
			if sink.on() {
				if !fresh[i] { // from the Cache
					sink.hand(files[i])
				}
				files[i].Data = nil
			}
		}
		if fresh[i] {
			stats.Rendered++
		}
	}
	return files
}

// minifyProblem reports a file the minifier rejected at the source path
// the writer knows (static/x.js) rather than the output path.
func minifyProblem(path string, err error) diag.Problem {
	var me *output.MinifyError
	if errors.As(err, &me) {
		return diag.Problem{Path: path, Line: me.Line, Col: me.Col, Message: "cannot minify: " + me.Message}
	}
	return diag.Problem{Path: path, Message: err.Error()}
}

func templateProblem(err error) diag.Problem {
	if pe, ok := err.(*render.ProblemError); ok {
		return pe.Problem
	}
	return diag.Problem{Path: render.Dir, Message: err.Error()}
}
