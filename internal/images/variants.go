// Package images makes the published forms of a photo: resized variants
// in modern and classic formats, and a social preview, every one encoded
// from pixels so that no metadata (EXIF with GPS, XMP, IPTC, ICC, maker
// notes, thumbnails) survives. Probe checks a file from its header alone,
// so a decompression bomb never reaches a decoder.
package images

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
)

// Options say what Variants makes. The zero value means the defaults.
type Options struct {
	// Widths in pixels; nil means DefaultWidths(). A width larger than
	// the photo is made at the photo's own width, once.
	Widths []int
	// Quality of the lossy encoders, 1–100; 0 means DefaultQuality.
	Quality int
	// Formats to make, modern first; nil means DefaultFormats(). JPEG
	// stands for "the classic fallback": a photo with transparency gets
	// PNG in its place.
	Formats []Format
	Limits
}

// DefaultWidths returns the default of Options.Widths: widths that fill
// a phone, a column and a wide screen at 1× and 2×. A function, not a
// variable, so no caller can change another's defaults.
func DefaultWidths() []int { return []int{480, 800, 1200, 1600} }

// DefaultFormats returns the default of Options.Formats.
func DefaultFormats() []Format { return []Format{WebP, JPEG} }

// DefaultQuality is the default of Options.Quality: photos show no
// artefacts at it.
const DefaultQuality = 80

func (o Options) withDefaults() Options {
	if len(o.Widths) == 0 {
		o.Widths = DefaultWidths()
	}
	// Sorted, so the same set of widths is the same cache key.
	o.Widths = slices.Compact(slices.Sorted(slices.Values(o.Widths)))
	if o.Quality <= 0 {
		o.Quality = DefaultQuality
	}
	o.Quality = min(o.Quality, 100)
	if len(o.Formats) == 0 {
		o.Formats = DefaultFormats()
	}
	o.Limits = o.Limits.withDefaults()
	return o
}

func (o Options) check() error {
	for _, w := range o.Widths {
		if w <= 0 {
			return errorf(BadOption, "", nil, "width %d: widths must be positive", w)
		}
	}
	for _, f := range o.Formats {
		if f != WebP && f != JPEG && f != PNG {
			return errorf(BadOption, "", nil, "format %q: variants are made as webp, jpeg or png", f)
		}
	}
	return nil
}

// Variant is one published form of a photo.
type Variant struct {
	Format        Format
	Width, Height int
	Data          []byte
	// Hash is the start of the SHA-256 of Data, in hex, for the name.
	Hash string
}

func newVariant(f Format, w, h int, data []byte) Variant {
	sum := sha256.Sum256(data)
	return Variant{Format: f, Width: w, Height: h, Data: data, Hash: hex.EncodeToString(sum[:5])}
}

// Name is the variant's file name, derived from its content so it can be
// cached for ever: stem-800w.1a2b3c4d5e.webp ("800w.1a2b3c4d5e.webp"
// when stem is empty).
func (v Variant) Name(stem string) string {
	name := strconv.Itoa(v.Width) + "w." + v.Hash + "." + v.Format.Ext()
	if stem == "" {
		return name
	}
	return stem + "-" + name
}

// Variants makes every (width, format) of a photo, in the order of
// Options.Formats, widths increasing within each format. It does the
// work each time; a Processor caches it.
func Variants(src []byte, opts Options) ([]Variant, error) {
	return New(opts, nil, 0).Variants(src)
}

// Social makes a photo's social preview: a JPEG of SocialWidth ×
// SocialHeight (smaller only when the photo is), cropped around focus, or
// around the centre when focus is nil. Transparency is laid on white.
func Social(src []byte, focus *Focus, opts Options) (Variant, error) {
	return New(opts, nil, 0).Social(src, focus)
}

// Processor makes variants and previews through a Cache, decoding at most
// a few images at once. It is safe for concurrent use.
type Processor struct {
	opts  Options
	cache *Cache
	sem   chan struct{}
	stats struct{ decodes, encodes, inFlight, peak atomic.Int64 }
	used  sync.Map // cache keys read or written, for Prune
}

// New returns a Processor. cache may be nil (no caching). parallel is how
// many images may be decoded and processed at once; 0 means GOMAXPROCS,
// at most 4. Each holds its pixels (8 bytes per source pixel while the
// orientation is applied) and, while the largest width is scaled,
// x/image/draw's buffer of 32 bytes × that width × the source height: a
// 12 MP photo peaks at about 400 MB of heap, one of 50 MP near 800 MB.
func New(opts Options, cache *Cache, parallel int) *Processor {
	if parallel <= 0 {
		parallel = min(runtime.GOMAXPROCS(0), 4)
	}
	return &Processor{opts: opts.withDefaults(), cache: cache, sem: make(chan struct{}, parallel)}
}

// Stats counts the work a Processor did. A rebuild served from a warm
// cache neither decodes nor encodes.
type Stats struct {
	Decodes, Encodes int64 // images decoded, files encoded
	Peak             int64 // the most images held decoded at once
}

// Stats returns the work done so far.
func (p *Processor) Stats() Stats {
	return Stats{Decodes: p.stats.decodes.Load(), Encodes: p.stats.encodes.Load(), Peak: p.stats.peak.Load()}
}

// Variants makes, or finds in the cache, every (width, format) of a
// photo (see the package function Variants). The file is probed first
// even on a cache hit, so the limits and errors never depend on the
// cache.
func (p *Processor) Variants(src []byte) ([]Variant, error) {
	if err := p.opts.check(); err != nil {
		return nil, err
	}
	info, err := p.opts.Limits.Probe(src)
	if err != nil {
		return nil, err
	}
	key := p.key(fmt.Sprintf("variants widths %v formats %v quality %d", p.opts.Widths, p.opts.Formats, p.opts.Quality), src)
	return p.cached(key, func() ([]Variant, error) {
		m, err := p.decode(info, src)
		if err != nil {
			return nil, err
		}
		formats := p.opts.Formats
		if !opaque(m) {
			formats = nil
			for _, f := range p.opts.Formats {
				if f == JPEG {
					f = PNG
				}
				if !slices.Contains(formats, f) {
					formats = append(formats, f)
				}
			}
		}
		widths := plan(p.opts.Widths, m.Rect.Dx())
		sized := resizeAll(m, widths)
		var out []Variant
		for _, f := range formats {
			for _, r := range sized {
				data, err := p.encode(r, f)
				if err != nil {
					return nil, err
				}
				out = append(out, newVariant(f, r.Rect.Dx(), r.Rect.Dy(), data))
			}
		}
		return out, nil
	})
}

// Social makes, or finds in the cache, a photo's social preview (see the
// package function Social).
func (p *Processor) Social(src []byte, focus *Focus) (Variant, error) {
	f := Focus{X: 0.5, Y: 0.5}
	if focus != nil {
		f = *focus
		if !(f.X >= 0 && f.X <= 1 && f.Y >= 0 && f.Y <= 1) { // NaN too
			return Variant{}, errorf(BadOption, "", nil, "focus %g,%g: both must be between 0 and 1", f.X, f.Y)
		}
	}
	info, err := p.opts.Limits.Probe(src)
	if err != nil {
		return Variant{}, err
	}
	key := p.key(fmt.Sprintf("social focus %g,%g quality %d", f.X, f.Y, p.opts.Quality), src)
	vs, err := p.cached(key, func() ([]Variant, error) {
		m, err := p.decode(info, src)
		if err != nil {
			return nil, err
		}
		s := flatten(social(m, f))
		data, err := p.encode(s, JPEG)
		if err != nil {
			return nil, err
		}
		return []Variant{newVariant(JPEG, s.Rect.Dx(), s.Rect.Dy(), data)}, nil
	})
	if err != nil {
		return Variant{}, err
	}
	return vs[0], nil
}

// cached returns the entry for key, or makes it, holding a place in the
// semaphore while the pixels are in memory, and stores it.
func (p *Processor) cached(key string, work func() ([]Variant, error)) ([]Variant, error) {
	if p.cache != nil {
		p.used.Store(key, true)
		if vs, ok := p.cache.get(key); ok {
			return vs, nil
		}
	}
	p.sem <- struct{}{}
	raise(&p.stats.peak, p.stats.inFlight.Add(1))
	vs, err := work()
	p.stats.inFlight.Add(-1)
	<-p.sem
	if err != nil {
		return nil, err
	}
	if p.cache != nil {
		if err := p.cache.put(key, vs); err != nil {
			return nil, err
		}
	}
	return vs, nil
}

func (p *Processor) decode(info Info, src []byte) (*image.RGBA, error) {
	p.stats.decodes.Add(1)
	return decode(info, src)
}

func (p *Processor) encode(m *image.RGBA, f Format) ([]byte, error) {
	p.stats.encodes.Add(1)
	data, err := encode(m, f, p.opts.Quality)
	if err != nil {
		return nil, fmt.Errorf("encoding %s: %w", f, err)
	}
	return data, nil
}

// version names the processing: change it when the same source and
// options would give different bytes, and every cached entry is made again.
const version = "sitegen images 1; libwebp 1.4.0 method 2; Catmull-Rom chain"

// key is the cache key: the SHA-256 of what makes the output: the
// processing's version, the parameters that change the bytes, the source (not the limits, which
// only refuse).
func (p *Processor) key(params string, src []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n", version, params)
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

// Prune removes from the cache every entry this Processor has neither
// read nor written, and returns how many it removed: call it after a
// whole build, so the cache holds what the site uses and no more, and not
// while another process writes to the same folder.
func (p *Processor) Prune() (int, error) {
	if p.cache == nil {
		return 0, nil
	}
	return p.cache.prune(func(key string) bool {
		_, ok := p.used.Load(key)
		return ok
	})
}

// raise sets max to n if n is larger, against concurrent raises.
func raise(max *atomic.Int64, n int64) {
	for {
		m := max.Load()
		if n <= m || max.CompareAndSwap(m, n) {
			return
		}
	}
}
