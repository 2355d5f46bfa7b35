package images

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestWarmCache: a second processor on the same folder, as the next build
// is, serves the same bytes without decoding or encoding anything.
func TestWarmCache(t *testing.T) {
	dir := t.TempDir()
	src := encodeJPEG(t, photo(900, 600, 7))
	opts := Options{Widths: []int{300, 600}}
	run := func() ([]Variant, Variant, Stats) {
		c, err := OpenCache(dir)
		if err != nil {
			t.Fatal(err)
		}
		p := New(opts, c, 1)
		vs, err := p.Variants(src)
		if err != nil {
			t.Fatal(err)
		}
		s, err := p.Social(src, &Focus{0.3, 0.3})
		if err != nil {
			t.Fatal(err)
		}
		return vs, s, p.Stats()
	}
	cold, coldSocial, st := run()
	if st.Decodes != 2 || st.Encodes != 5 {
		t.Fatalf("cold stats %+v", st)
	}
	warm, warmSocial, st := run()
	if st.Decodes != 0 || st.Encodes != 0 {
		t.Fatalf("warm stats %+v: the cache did not serve", st)
	}
	if len(warm) != len(cold) {
		t.Fatalf("%d variants warm, %d cold", len(warm), len(cold))
	}
	for i := range cold {
		c, w := cold[i], warm[i]
		if c.Format != w.Format || c.Width != w.Width || c.Height != w.Height || c.Name("x") != w.Name("x") || !bytes.Equal(c.Data, w.Data) {
			t.Errorf("variant %d: warm %s %d×%d %s, cold %s %d×%d %s", i, w.Format, w.Width, w.Height, w.Name("x"), c.Format, c.Width, c.Height, c.Name("x"))
		}
	}
	if !bytes.Equal(coldSocial.Data, warmSocial.Data) {
		t.Error("social preview differs warm")
	}

	// Options that change the output are another key; limits are not.
	c, _ := OpenCache(dir)
	p := New(Options{Widths: []int{300, 600}, Quality: 60}, c, 1)
	if _, err := p.Variants(src); err != nil || p.Stats().Decodes != 1 {
		t.Errorf("another quality was served from the cache: %v %+v", err, p.Stats())
	}
	p = New(Options{Widths: []int{600, 300}, Limits: Limits{MaxPixels: 1e6}}, c, 1)
	if _, err := p.Variants(src); err != nil || p.Stats().Decodes != 0 {
		t.Errorf("the same widths in another order, or other limits, missed: %v %+v", err, p.Stats())
	}
	// A limit still refuses what the cache holds.
	p = New(Options{Widths: []int{300, 600}, Limits: Limits{MaxPixels: 1000}}, c, 1)
	if _, err := p.Variants(src); err == nil {
		t.Error("a cached photo over the limit was served")
	}
}

// TestDamagedCache: an entry cut short or altered is made again.
func TestDamagedCache(t *testing.T) {
	dir := t.TempDir()
	c, err := OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	src := encodePNG(t, quadrants(64, 64))
	opts := Options{Widths: []int{32}, Formats: []Format{PNG}}
	if _, err := New(opts, c, 1).Variants(src); err != nil {
		t.Fatal(err)
	}
	entries, _ := filepath.Glob(filepath.Join(dir, "*", "*"))
	if len(entries) != 1 {
		t.Fatalf("cache holds %v", entries)
	}
	raw, _ := os.ReadFile(entries[0])
	for name, damaged := range map[string][]byte{
		"cut":     raw[:len(raw)-3],
		"altered": append(append([]byte{}, raw[:len(raw)-1]...), raw[len(raw)-1]^1),
		"longer":  append(append([]byte{}, raw...), 0),
		"garbage": []byte("{\n"),
	} {
		if err := os.WriteFile(entries[0], damaged, 0o644); err != nil {
			t.Fatal(err)
		}
		p := New(opts, c, 1)
		vs, err := p.Variants(src)
		if err != nil || p.Stats().Decodes != 1 || len(vs) != 1 {
			t.Errorf("%s entry: %v, %+v", name, err, p.Stats())
		}
		if again, _ := os.ReadFile(entries[0]); !bytes.Equal(again, raw) {
			t.Errorf("%s entry was not made again", name)
		}
	}
}

// TestParallelBound: however many callers, no more images are held
// decoded at once than the processor allows.
func TestParallelBound(t *testing.T) {
	srcs := make([][]byte, 6)
	for i := range srcs {
		srcs[i] = encodePNG(t, photo(120, 90, uint64(i)))
	}
	p := New(Options{Widths: []int{60}, Formats: []Format{JPEG}}, nil, 2)
	var wg sync.WaitGroup
	for _, src := range srcs {
		wg.Go(func() {
			if _, err := p.Variants(src); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if s := p.Stats(); s.Decodes != 6 || s.Peak < 1 || s.Peak > 2 {
		t.Errorf("stats %+v: want 6 decodes, at most 2 at once", s)
	}
}

// TestPrune: after a build, the entries it did not use go, the ones it
// used stay and still serve.
func TestPrune(t *testing.T) {
	dir := t.TempDir()
	c, err := OpenCache(dir)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Widths: []int{16}, Formats: []Format{PNG}}
	old, kept := encodePNG(t, quadrants(32, 32)), encodePNG(t, quadrants(32, 16))
	p := New(opts, c, 1)
	for _, src := range [][]byte{old, kept} {
		if _, err := p.Variants(src); err != nil {
			t.Fatal(err)
		}
	}
	// What a build killed while writing leaves.
	if err := os.MkdirAll(filepath.Join(dir, "ab"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ab", ".tmp-123"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	next := New(opts, c, 1) // the next build uses only one photo
	if _, err := next.Variants(kept); err != nil {
		t.Fatal(err)
	}
	if n, err := next.Prune(); n != 2 || err != nil {
		t.Fatalf("Prune removed %d, %v; want the old entry and the temporary file", n, err)
	}
	again := New(opts, c, 1)
	if _, err := again.Variants(kept); err != nil || again.Stats().Decodes != 0 {
		t.Errorf("the kept entry no longer serves: %v %+v", err, again.Stats())
	}
	if _, err := again.Variants(old); err != nil || again.Stats().Decodes != 1 {
		t.Errorf("the pruned entry still served: %v %+v", err, again.Stats())
	}
}
