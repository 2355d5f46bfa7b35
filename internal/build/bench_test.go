package build_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/corpus"
	"github.com/lubuskie-es/sitegen/internal/output"
)

// The benchmarks compare a full build with a floor: goldmark alone
// converting the same Markdown, read from disk, on all cores. The ratio
// build/floor (from ns/op) says how much the generator adds to the one
// step it cannot avoid.
//
//	go test ./internal/build/ -run '^$' -bench . -benchtime 5x -count 3
//
// Each size is generated once per benchmark function into a temporary
// folder, outside the timed loop. See timed for the metrics reported.

var benchSizes = []int{1000, 10000}

// benchSite is a generated site on disk.
type benchSite struct {
	dir   string
	files int   // content files
	bytes int64 // their total size
	paths []string
}

// generate writes a corpus into a temporary folder of parent: the cleanups
// of a sub-benchmark run after each of its runs (first b.N = 1, then the
// real one), so its own TempDir would be gone the second time.
func generate(b, parent *testing.B, pages int) benchSite {
	b.Helper()
	c, err := corpus.New(corpus.Options{Pages: pages, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	dir := parent.TempDir()
	if err := c.Write(dir); err != nil {
		b.Fatal(err)
	}
	s := benchSite{dir: dir, files: len(c.ContentPaths()), bytes: c.ContentBytes, paths: c.ContentPaths()}
	runtime.GC() // the corpus in memory is garbage from here on
	return s
}

// sizes runs fn as a sub-benchmark per size, skipping the large one in
// -short mode. A size is generated when its sub-benchmark first runs, so
// that -bench 'pages=1000$' does not generate the large one.
func sizes(b *testing.B, fn func(b *testing.B, s benchSite)) {
	for _, n := range benchSizes {
		var s *benchSite
		parent := b
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			if n > 1000 && testing.Short() {
				b.Skip("skipped in -short mode")
			}
			if s == nil {
				g := generate(b, parent, n)
				s = &g
			}
			fn(b, *s)
		})
	}
}

func buildOnce(b *testing.B, src fs.FS) *build.Result {
	res := build.Run(src, build.Options{Now: corpus.Now()})
	if res.Problems.HasErrors() {
		var buf bytes.Buffer
		res.Problems.Print(&buf)
		b.Fatalf("build failed:\n%s", buf.String())
	}
	return res
}

// timed runs fn b.N times under the benchmark's timer and reports, besides
// ns/op, B/op and allocs/op:
//
//   - pages/s: content files per second;
//   - cpu-ms/op: the process's CPU time (user and system, all threads) per
//     run, which the load of other processes on a busy machine distorts
//     much less than ns/op;
//   - peak-heap-MB: the highest HeapInuse seen while the runs went on,
//     sampled every millisecond, above the heap in use (after a collection)
//     before them.
func timed(b *testing.B, s benchSite, fn func() any) {
	b.SetBytes(s.bytes)
	b.ReportAllocs()
	runtime.GC()
	base := heapInuse()
	stop := samplePeakHeap()
	b.ResetTimer()
	cpu0, cpuOK := corpus.CPUTime()
	for range b.N {
		fn()
	}
	cpu1, _ := corpus.CPUTime()
	b.StopTimer()
	peak := stop()
	b.ReportMetric(float64(s.files)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
	b.ReportMetric(float64(max(peak, base)-base)/(1<<20), "peak-heap-MB")
	if cpuOK {
		b.ReportMetric(float64(cpu1-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkBuild is the full build in memory: load, parse, resolve,
// Markdown, templates, minify. Nothing is written.
func BenchmarkBuild(b *testing.B) {
	sizes(b, func(b *testing.B, s benchSite) {
		src := os.DirFS(s.dir)
		timed(b, s, func() any { return buildOnce(b, src) })
	})
}

// BenchmarkBuildAndWrite is the build written into the same destination
// every time, as repeated `sitegen build` runs do: pages go into the new
// tree as they are rendered (Options.Emit), and each Commit swaps the new
// tree in and removes the previous one.
func BenchmarkBuildAndWrite(b *testing.B) {
	sizes(b, func(b *testing.B, s benchSite) {
		src := os.DirFS(s.dir)
		dest := filepath.Join(b.TempDir(), "public")
		write := func() any {
			w, err := output.Begin(dest)
			if err != nil {
				b.Fatal(err)
			}
			defer w.Abort()
			res := build.Run(src, build.Options{Now: corpus.Now(), Emit: w.Add})
			if res.Problems.HasErrors() {
				b.Fatal(res.Problems.Items())
			}
			if err := w.Commit(); err != nil {
				b.Fatal(err)
			}
			return res
		}
		timed(b, s, write)
	})
}

// BenchmarkFloor converts the Markdown bodies of the same files with
// goldmark alone, reading each file from disk and cutting off its front
// matter as the build does, on GOMAXPROCS goroutines taking files from a
// shared index.
func BenchmarkFloor(b *testing.B) {
	sizes(b, func(b *testing.B, s benchSite) {
		src := os.DirFS(s.dir)
		md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer))
		floor := func() any {
			var (
				next  atomic.Int64
				wg    sync.WaitGroup
				total atomic.Int64
			)
			for range runtime.GOMAXPROCS(0) {
				wg.Go(func() {
					var buf bytes.Buffer
					for {
						i := int(next.Add(1) - 1)
						if i >= len(s.paths) {
							return
						}
						data, err := fs.ReadFile(src, s.paths[i])
						if err != nil {
							b.Error(err)
							return
						}
						buf.Reset()
						if err := md.Convert(body(data), &buf); err != nil {
							b.Error(err)
							return
						}
						total.Add(int64(buf.Len()))
					}
				})
			}
			wg.Wait()
			return total.Load()
		}
		timed(b, s, floor)
	})
}

// body is the Markdown after the front matter, for files that start with
// one (a byte order mark and CRLF line ends allowed).
func body(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !bytes.HasPrefix(data, []byte("---")) {
		return data
	}
	off := bytes.IndexByte(data, '\n') + 1
	for off > 0 && off < len(data) {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			return nil
		}
		if string(bytes.TrimRight(data[off:off+end], "\r")) == "---" {
			return data[off+end+1:]
		}
		off += end + 1
	}
	return nil
}

// heapMetrics add up to runtime.MemStats.HeapInuse: the bytes of spans
// that hold objects, live or not yet swept, and their free slots. Unlike
// runtime.ReadMemStats, reading them does not stop the world, so sampling
// them every millisecond barely disturbs the timed runs.
var heapMetrics = []string{"/memory/classes/heap/objects:bytes", "/memory/classes/heap/unused:bytes"}

func heapInuse() uint64 {
	samples := make([]metrics.Sample, len(heapMetrics))
	for i, name := range heapMetrics {
		samples[i].Name = name
	}
	metrics.Read(samples)
	var n uint64
	for _, s := range samples {
		n += s.Value.Uint64()
	}
	return n
}

// samplePeakHeap samples heapInuse every millisecond until the returned
// function is called, which returns the highest value seen.
func samplePeakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			if n := heapInuse(); n > peak.Load() {
				peak.Store(n)
			}
			select {
			case <-quit:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(quit)
		<-done
		return max(peak.Load(), heapInuse())
	}
}

// BenchmarkRebuild is what `serve` does after a writer saves a meeting
// report: a warm build with a Cache, told by Options.Changed which file
// changed, with feeds and the search index deferred. Each run appends a
// different sentence to the same file, so each parses, converts and renders
// that page again and takes the rest from the cache.
//
//	go test ./internal/build/ -run '^$' -bench Rebuild -benchtime 200x
func BenchmarkRebuild(b *testing.B) {
	sizes(b, func(b *testing.B, s benchSite) {
		var meeting string
		for _, p := range s.paths {
			if strings.Contains(p, "/meetings/") && strings.HasSuffix(p, ".pl.md") {
				meeting = p
				break
			}
		}
		file := filepath.Join(s.dir, filepath.FromSlash(meeting))
		orig, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { os.WriteFile(file, orig, 0o644) })
		src := os.DirFS(s.dir)
		cache := build.NewCache()
		opts := build.Options{Now: corpus.Now(), Cache: cache, Defer: true}
		if res := build.Run(src, opts); res.Problems.HasErrors() {
			b.Fatal(res.Problems.Items())
		}
		opts.Changed = []string{meeting}
		n := 0
		timed(b, s, func() any {
			b.StopTimer()
			n++
			if err := os.WriteFile(file, fmt.Appendf(slices.Clip(orig), "\nZdanie dopisane po raz %d.\n", n), 0o644); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			res := build.Run(src, opts)
			if res.Problems.HasErrors() || res.Stats.Rendered != 1 {
				b.Fatalf("rebuild %d: %d pages rendered, problems %v", n, res.Stats.Rendered, res.Problems.Items())
			}
			return res
		})
	})
}
