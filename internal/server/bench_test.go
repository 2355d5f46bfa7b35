package server_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/corpus"
	"github.com/lubuskie-es/sitegen/internal/server"
	"github.com/lubuskie-es/sitegen/internal/watch"
)

// BenchmarkEditToServed measures what a writer waits for: from a changed
// file written on disk to the new page being served, through the real
// watcher (default quiet period), a cached rebuild and the HTTP server, on
// the 1,000-page generated corpus. One edit per iteration; median and 95th
// percentile are reported besides the mean.
//
//	go test ./internal/server/ -run '^$' -bench EditToServed -benchtime 50x
func BenchmarkEditToServed(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Generate(dir, corpus.Options{Pages: 1000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	c, err := corpus.New(corpus.Options{Pages: 1000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	var meeting string
	for _, p := range c.ContentPaths() {
		if strings.Contains(p, "/meetings/") && strings.HasSuffix(p, ".pl.md") && !strings.Contains(string(c.Files[p]), "draft: true") {
			meeting = p
			break
		}
	}
	w, err := watch.New(watch.Options{Root: dir, Paths: []string{"site.yaml", "content", "templates", "static"}})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	cache := build.NewCache()
	var rebuilds []time.Duration // of the current sub-benchmark; Run calls rebuild on its goroutine only
	var mu sync.Mutex
	rebuild := func(changed []string) server.Result {
		t0 := time.Now()
		res := build.Run(os.DirFS(dir), build.Options{Now: corpus.Now(), Cache: cache, Defer: true, Changed: changed})
		mu.Lock()
		rebuilds = append(rebuilds, time.Since(t0))
		mu.Unlock()
		return server.Result{Files: res.Files, Problems: res.Problems, Deferred: res.Deferred}
	}
	first := time.Now()
	res := build.Run(os.DirFS(dir), build.Options{Now: corpus.Now()})
	full := time.Since(first)
	if res.Problems.HasErrors() {
		b.Fatal(res.Problems.Items())
	}
	url := ""
	for _, p := range res.Site.Pages {
		if p.Doc != nil && p.Doc.Path == meeting {
			url = p.URL
		}
	}
	s := server.New(server.Options{Rebuild: rebuild})
	s.Update(rebuild(nil), false)
	ts := httptest.NewServer(s)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx, w.Batches); close(done) }()
	defer func() {
		cancel()
		<-done
		s.Close()
		ts.Close()
	}()
	b.Logf("a full build without cache: %d ms", full.Milliseconds())

	events := stream(b, ctx, ts.URL)
	served := func(path, want string) {
		for {
			select {
			case <-events:
			case <-time.After(60 * time.Second):
				b.Fatalf("%s not served within 60 s", want)
			}
			resp, err := http.Get(ts.URL + path)
			if err != nil {
				b.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(body), want) {
				return
			}
		}
	}

	for _, kind := range []string{"content", "template"} {
		b.Run(kind, func(b *testing.B) {
			file := filepath.Join(dir, filepath.FromSlash(meeting))
			if kind == "template" {
				file = filepath.Join(dir, "templates", "layouts", "base.html")
			}
			orig, err := os.ReadFile(file)
			if err != nil {
				b.Fatal(err)
			}
			var took []time.Duration
			mu.Lock()
			rebuilds = nil
			mu.Unlock()
			i := 0
			for b.Loop() {
				i++
				var data []byte
				var want string
				if kind == "content" {
					want = fmt.Sprintf("Edycja numer %d w podglądzie.", i)
					data = append(slices.Clip(orig), "\n"+want+"\n"...)
				} else {
					want = fmt.Sprintf(`data-edit=%d`, i)
					data = []byte(strings.Replace(string(orig), `<main id="main" tabindex="-1">`, fmt.Sprintf(`<main id="main" tabindex="-1" data-edit="%d">`, i), 1))
				}
				start := time.Now()
				if err := os.WriteFile(file, data, 0o644); err != nil {
					b.Fatal(err)
				}
				served(url, want)
				took = append(took, time.Since(start))
			}
			if err := os.WriteFile(file, orig, 0o644); err != nil {
				b.Fatal(err)
			}
			mu.Lock()
			rb := slices.Clone(rebuilds)
			mu.Unlock()
			slices.Sort(rb)
			if len(rb) > 0 {
				b.ReportMetric(ms(rb[len(rb)/2]), "rebuild-median-ms")
			}
			served(url, "</html>")
			slices.Sort(took)
			b.ReportMetric(ms(took[len(took)/2]), "median-ms")
			b.ReportMetric(ms(took[min(len(took)-1, len(took)*95/100)]), "p95-ms")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func stream(b *testing.B, ctx context.Context, url string) <-chan string {
	req, _ := http.NewRequestWithContext(ctx, "GET", url+server.Prefix+"events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	events := make(chan string, 64)
	go func() {
		defer close(events)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if e, ok := strings.CutPrefix(sc.Text(), "event: "); ok && e != "version" {
				events <- e
			}
		}
	}()
	return events
}
