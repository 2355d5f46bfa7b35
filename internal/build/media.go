package build

import (
	"cmp"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/images"
	"github.com/lubuskie-es/sitegen/internal/markdown"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/site"
	"github.com/lubuskie-es/sitegen/internal/slug"
	"github.com/lubuskie-es/sitegen/internal/work"
)

// ImageCacheDir is where, under the site's folder, `sitegen build` keeps
// processed photos between runs (Options.ImageCache).
const ImageCacheDir = images.DefaultCacheDir

// Sizes is the sizes attribute of every photo: the width it is shown at,
// the page's text column (52rem) on a wide screen, the screen's width,
// less the margins, on a narrow one.
const Sizes = "(min-width: 56rem) 52rem, calc(100vw - 2rem)"

// resource is a file of a bundle, not a Markdown file.
type resource struct {
	data []byte
	key  [32]byte
}

// media is one build's image phase: the bundle files, the processor, and
// what has been published, each file once however many pages show it.
type media struct {
	files    map[string]resource // by path under content/
	cacheDir string
	workers  int
	procOnce sync.Once
	proc     *images.Processor

	mu       sync.Mutex
	done     map[string]*processed // by the file's hash, and focus for social previews
	prev     map[string]*processed // the last build's, with a Cache
	out      map[string][]byte     // output path → bytes
	problems diag.List
}

// processed is a photo made once: its variants, or why not.
type processed struct {
	once     sync.Once
	variants []images.Variant
	err      error
}

func newMedia(files map[string]resource, o Options) *media {
	m := &media{files: files, cacheDir: o.ImageCache, workers: min(o.Workers, 4),
		done: map[string]*processed{}, out: map[string][]byte{}}
	if o.Cache != nil {
		m.prev = o.Cache.photos
		o.Cache.photos = m.done // read by the next build only
	}
	return m
}

// processor makes the Processor on first use, so that a site without
// photos (or a build that fails before them) leaves no cache folder.
func (m *media) processor() *images.Processor {
	m.procOnce.Do(func() {
		var cache *images.Cache
		if m.cacheDir != "" {
			c, err := images.OpenCache(m.cacheDir)
			if err != nil {
				m.mu.Lock()
				m.problems.Add(diag.Problem{Path: m.cacheDir, Severity: diag.Warning, Message: err.Error() + "; photos are made without it"})
				m.mu.Unlock()
			} else {
				cache = c
			}
		}
		m.proc = images.New(images.Options{}, cache, m.workers)
	})
	return m.proc
}

// prune drops the cache entries this build did not use.
func (m *media) prune(problems *diag.List) {
	if m.proc == nil || m.cacheDir == "" {
		return
	}
	if _, err := m.proc.Prune(); err != nil {
		problems.Add(diag.Problem{Path: m.cacheDir, Severity: diag.Warning, Message: err.Error()})
	}
}

// variants makes (once) the variants of the bundle file p, or its social
// preview when social is set.
func (m *media) variants(p string, social bool, focus *content.Focus) ([]images.Variant, error) {
	src := m.files[p]
	key := string(src.key[:]) + p // without a Cache the key is zero: the path tells files apart
	if social {
		key = fmt.Sprint(key, "\x00social", focus)
	}
	m.mu.Lock()
	e := m.done[key]
	if e == nil {
		e = m.prev[key]
		if e == nil || e.err != nil {
			e = &processed{}
		}
		m.done[key] = e
	}
	m.mu.Unlock()
	e.once.Do(func() {
		src := src.data
		if !social {
			e.variants, e.err = m.processor().Variants(src)
			return
		}
		var f *images.Focus
		if focus != nil {
			f = &images.Focus{X: focus.X, Y: focus.Y}
		}
		v, err := m.processor().Social(src, f)
		e.variants, e.err = []images.Variant{v}, err
	})
	return e.variants, e.err
}

// publish puts data at the output path p (once: translations share it).
func (m *media) publish(p string, data []byte) {
	m.mu.Lock()
	m.out[p] = data
	m.mu.Unlock()
}

// home is the address under which a bundle's files are published: that
// of its page in the first language that has it, shared by the others.
func home(s *site.Site, p *site.Page) string {
	for _, l := range s.Config.Languages {
		if t := s.Translation(p.Key, l.Code); t != nil && t.Doc != nil {
			return strings.TrimPrefix(t.URL, "/")
		}
	}
	return strings.TrimPrefix(p.URL, "/")
}

// stem is a file's name without its extension, as a slug: the start of
// its published names.
func stem(file string) string {
	base := path.Base(file)
	return cmp.Or(slug.Make(strings.TrimSuffix(base, path.Ext(base))), "plik")
}

// picture publishes the variants of the bundle file p under dir and says
// how to show them.
func (m *media) picture(dir, p string) (site.Picture, error) {
	vs, err := m.variants(p, false, nil)
	if err != nil {
		return site.Picture{}, err
	}
	var pic site.Picture
	byType := map[images.Format]*site.Source{}
	var order []images.Format
	name := stem(p)
	for _, v := range vs {
		out := dir + v.Name(name)
		m.publish(out, v.Data)
		src := byType[v.Format]
		if src == nil {
			src = &site.Source{Type: v.Format.MediaType()}
			byType[v.Format] = src
			order = append(order, v.Format)
		}
		if src.Srcset != "" {
			src.Srcset += ", "
		}
		src.Srcset += fmt.Sprintf("/%s %dw", out, v.Width)
		src.Src = "/" + out
		if v.Format != images.WebP && v.Width >= pic.Width {
			pic.Width, pic.Height = v.Width, v.Height
		}
	}
	for _, f := range order {
		if f == images.WebP {
			pic.Sources = append(pic.Sources, *byType[f])
		} else {
			pic.Fallback = *byType[f]
		}
	}
	return pic, nil
}

// pageMedia publishes the photos, social preview and documents of every
// page of a bundle, in parallel, and reports files that cannot be made at
// their entries' lines.
func (m *media) pageMedia(s *site.Site, workers int, problems *diag.List) {
	var pages []*site.Page
	for _, p := range s.Pages {
		if p.Doc != nil && p.Doc.Bundle != "" && p.Kind != site.Alias {
			pages = append(pages, p)
		}
	}
	lists := make([]diag.List, len(pages))
	work.Do(len(pages), workers, func(i int) {
		m.onePage(s, pages[i], &lists[i])
	})
	for _, l := range lists {
		problems.Merge(l)
	}
	problems.Merge(m.problems)
}

func (m *media) onePage(s *site.Site, p *site.Page, problems *diag.List) {
	dir := home(s, p)
	bundle := p.Doc.Bundle + "/"
	p.Pictures, p.Downloads, p.Social = nil, nil, nil
	for _, ph := range p.Photos {
		pic, err := m.picture(dir, bundle+ph.File)
		if err != nil {
			if ph.AltLang == "" { // else the default language's file reports it
				problems.Add(imageProblem(p.Doc, ph.Pos, ph.File, err))
			}
			continue
		}
		pic.Photo = ph
		p.Pictures = append(p.Pictures, pic)
	}
	if c := p.CoverPhoto(); c != nil && c.Alt != content.DecorativeAlt {
		vs, err := m.variants(bundle+c.File, true, c.Focus)
		if err != nil {
			if c.AltLang == "" {
				problems.Add(imageProblem(p.Doc, c.Pos, c.File, err))
			}
		} else {
			v := vs[0]
			out := dir + v.Name(stem(c.File)+"-social")
			m.publish(out, v.Data)
			p.Social = &site.Image{URL: "/" + out, Width: v.Width, Height: v.Height, Alt: c.Alt, AltLang: c.AltLang}
		}
	}
	for _, d := range p.Documents {
		data := m.files[bundle+d.File].data
		ext := path.Ext(d.File)
		out := dir + stem(d.File) + strings.ToLower(ext)
		m.publish(out, data)
		p.Downloads = append(p.Downloads, site.Download{Document: d, URL: "/" + out,
			Type: strings.ToUpper(strings.TrimPrefix(ext, ".")), Size: int64(len(data))})
	}
}

// inline resolves a Markdown image of page p to its published form, when
// it names a file of p's bundle.
func (m *media) inline(s *site.Site, p *site.Page, base string, used *[]string) markdown.ImageResolver {
	if p.Doc.Bundle == "" {
		return nil
	}
	return func(rel string) (markdown.Image, bool) {
		file := path.Join(p.Doc.Bundle, rel)
		if !strings.HasPrefix(file, p.Doc.Bundle+"/") {
			return markdown.Image{}, false
		}
		if _, ok := m.files[file]; !ok {
			return markdown.Image{}, false
		}
		*used = append(*used, file)
		pic, err := m.picture(home(s, p), file)
		if err != nil {
			return markdown.Image{}, false // reported by inlineProblems
		}
		return markdown.Image{Src: base + pic.Fallback.Src, Srcset: prefixSrcset(base, pic.Fallback.Srcset), Sizes: Sizes,
			Width: pic.Width, Height: pic.Height}, true
	}
}

// inlineProblems reports the Markdown images of page p that name bundle
// files which cannot be made into photos; it publishes the others, for a
// page converted in an earlier build.
func (m *media) inlineProblems(s *site.Site, p *site.Page, used []string, problems *diag.List) {
	for _, file := range used {
		if _, err := m.picture(home(s, p), file); err != nil {
			problems.Add(imageProblem(p.Doc, content.Pos{}, strings.TrimPrefix(file, p.Doc.Bundle+"/"), err))
		}
	}
}

// prefixSrcset puts the base path in front of every URL of a srcset.
func prefixSrcset(base, srcset string) string {
	if base == "" {
		return srcset
	}
	parts := strings.Split(srcset, ", ")
	for i, s := range parts {
		parts[i] = base + s
	}
	return strings.Join(parts, ", ")
}

func imageProblem(d *content.Doc, pos content.Pos, file string, err error) diag.Problem {
	hint := "save the photo again as JPEG or PNG, or remove it from the list"
	if errors.Is(err, images.TooLarge) {
		hint = "make the photo smaller (at most 50 megapixels and 30 MB) before adding it"
	}
	return diag.Problem{Path: d.Path, Line: pos.Line, Col: pos.Col, Message: fmt.Sprintf("photo %s: %v", file, err), Hint: hint}
}

// files returns what was published, in path order.
func (m *media) outputs() []output.File {
	paths := make([]string, 0, len(m.out))
	for p := range m.out {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	out := make([]output.File, len(paths))
	for i, p := range paths {
		out[i] = output.File{Path: p, Data: m.out[p]}
	}
	return out
}

// bundleUses lists the bundle files page p publishes, under content/:
// its photos, documents and the Markdown images of inline.
func bundleUses(p *site.Page, inline []string) []string {
	if p.Doc == nil || p.Doc.Bundle == "" {
		return nil
	}
	var uses []string
	for _, ph := range p.Photos {
		uses = append(uses, p.Doc.Bundle+"/"+ph.File)
	}
	for _, d := range p.Documents {
		uses = append(uses, p.Doc.Bundle+"/"+d.File)
	}
	return append(uses, inline...)
}
