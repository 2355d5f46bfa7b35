package images

import (
	"flag"
	"sync"
	"testing"
	"time"
)

var benchPhotos = flag.Int("photos", 2, "how many 12 MP photos BenchmarkPhotos processes")

// BenchmarkPhotos processes -photos generated 12 MP JPEGs (4000×3000,
// with EXIF) to the default widths and formats, as a build does: all at
// once through one Processor. cold starts each run with an empty cache;
// warm serves every photo from a full one. ms/photo is wall time divided
// by the photos, cpu-ms/photo the process's CPU time (all cores) divided
// by the photos, the figure to trust on a shared machine. Run with -benchtime=1x: a cold run of 2 photos takes
// seconds. The WebP encoder's one-time set-up (compiling libwebp's
// WebAssembly) is done before the timer starts.
func BenchmarkPhotos(b *testing.B) {
	srcs := make([][]byte, *benchPhotos)
	var size int64
	for i := range srcs {
		srcs[i] = withExif(encodeJPEG(b, photo(4000, 3000, uint64(i))), exifTIFF(1))
		size += int64(len(srcs[i]))
	}
	if _, err := Variants(srcs[0][:0:0], Options{}); err == nil {
		b.Fatal("an empty file made variants")
	}
	webpBytes(b) // compile the encoder now, not in the first run
	all := func(b *testing.B, p *Processor) {
		var wg sync.WaitGroup
		for _, src := range srcs {
			wg.Go(func() {
				if _, err := p.Variants(src); err != nil {
					b.Error(err)
				}
			})
		}
		wg.Wait()
	}
	var cpu0 time.Duration
	report := func(b *testing.B) {
		photos := float64(b.N * len(srcs))
		b.SetBytes(size)
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/photos, "ms/photo")
		b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/photos, "cpu-ms/photo")
	}
	b.Run("cold", func(b *testing.B) {
		cpu0 = cpuTime()
		for b.Loop() {
			c, err := OpenCache(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			all(b, New(Options{}, c, 0))
		}
		report(b)
	})
	b.Run("warm", func(b *testing.B) {
		c, err := OpenCache(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		all(b, New(Options{}, c, 0))
		b.ResetTimer()
		cpu0 = cpuTime()
		for b.Loop() {
			p := New(Options{}, c, 0)
			all(b, p)
			if s := p.Stats(); s.Decodes+s.Encodes != 0 {
				b.Fatalf("warm run did work: %+v", s)
			}
		}
		report(b)
	})
}
