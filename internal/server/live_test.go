package server_test

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/server"
	"github.com/lubuskie-es/sitegen/internal/watch"
)

// live is the whole preview as `sitegen serve` wires it, on a copy of the
// repository's sample site in a temporary folder: real files, a real
// watcher, real builds and a real HTTP server on 127.0.0.1.
type live struct {
	dir    string
	url    string
	events <-chan string
}

func startLive(t *testing.T) *live {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content", "templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := watch.New(watch.Options{Root: dir, Paths: []string{"site.yaml", "content", "templates", "static"}, Quiet: 30 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	cache := build.NewCache()
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	rebuild := func([]string) server.Result {
		res := build.Run(os.DirFS(dir), build.Options{Now: now, Cache: cache})
		return server.Result{Files: res.Files, Problems: res.Problems}
	}
	s := server.New(server.Options{Rebuild: rebuild})
	s.Update(rebuild(nil), false)
	ts := httptest.NewServer(s)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx, w.Batches); close(done) }()
	t.Cleanup(func() {
		cancel()
		<-done
		w.Close()
		s.Close()
		ts.Close()
	})

	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+server.Prefix+"events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	events := make(chan string, 16)
	go func() {
		defer close(events)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if e, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- e
			}
		}
	}()
	l := &live{dir: dir, url: ts.URL, events: events}
	l.expect(t, "version")
	return l
}

func (l *live) expect(t *testing.T, event string) {
	t.Helper()
	select {
	case got := <-l.events:
		if got != event {
			t.Fatalf("event %q, want %q", got, event)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("no %q event within 10 s", event)
	}
}

func (l *live) get(t *testing.T, p string) (int, string) {
	t.Helper()
	resp, err := http.Get(l.url + p)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// save writes a file as editors that save atomically do: a temporary
// file beside it, renamed over it.
func (l *live) save(t *testing.T, rel, text string) {
	t.Helper()
	p := filepath.Join(l.dir, filepath.FromSlash(rel))
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

func (l *live) read(t *testing.T, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(l.dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestLive: an edit is served after one reload event; a broken file keeps
// the last good page and shows the error over it until it is fixed; a
// stylesheet edit is a "css" event.
func TestLive(t *testing.T) {
	l := startLive(t)
	const page = "content/o-partnerstwie.pl.md"
	orig := l.read(t, page)

	l.save(t, page, orig+"\nAkapit dopisany w trakcie podglądu.\n")
	l.expect(t, "reload")
	if status, body := l.get(t, "/o-partnerstwie/"); status != 200 || !strings.Contains(body, "Akapit dopisany w trakcie podglądu.") {
		t.Fatalf("edit not served: %d", status)
	}

	// A vim-style swap file alone rebuilds nothing.
	if err := os.WriteFile(filepath.Join(l.dir, "content", ".o-partnerstwie.pl.md.swp"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}

	broken := strings.Replace(orig, "menu: 10", "menu: 10\nautor: Jan", 1)
	l.save(t, page, broken+"\nTego akapitu nie widać.\n")
	l.expect(t, "reload")
	_, body := l.get(t, "/o-partnerstwie/")
	if !strings.Contains(body, `id="sitegen-errors"`) || !strings.Contains(body, "content/o-partnerstwie.pl.md:5:1:") {
		t.Fatalf("no error overlay with the place of the error:\n%s", body)
	}
	if !strings.Contains(body, "Akapit dopisany w trakcie podglądu.") || strings.Contains(body, "Tego akapitu nie widać.") {
		t.Fatal("the last good page is not what is served under the overlay")
	}
	if status, _ := l.get(t, "/nie-ma-takiej-strony/"); status != http.StatusNotFound {
		t.Errorf("404 while broken: %d", status)
	}

	l.save(t, page, orig)
	l.expect(t, "reload")
	if _, body := l.get(t, "/o-partnerstwie/"); strings.Contains(body, "sitegen-errors") || strings.Contains(body, "Akapit dopisany") {
		t.Fatal("overlay or old text still there after the fix")
	}

	css := l.read(t, "static/css/site.css")
	l.save(t, "static/css/site.css", css+"\n.sitegen-test{color:#123456}\n")
	l.expect(t, "css")

	// A new page in a new folder is served.
	if err := os.MkdirAll(filepath.Join(l.dir, "content", "nowe"), 0o755); err != nil {
		t.Fatal(err)
	}
	l.save(t, "content/nowe/strona.pl.md", "---\ntitle: Nowa strona\n---\n\nTreść nowej strony.\n")
	l.expect(t, "reload")
	if status, body := l.get(t, "/nowe/strona/"); status != 200 || !strings.Contains(body, "Treść nowej strony.") {
		t.Fatalf("new page not served: %d", status)
	}
	// Deleted, it is gone: the site's 404 page with status 404.
	if err := os.RemoveAll(filepath.Join(l.dir, "content", "nowe")); err != nil {
		t.Fatal(err)
	}
	l.expect(t, "reload")
	if status, _ := l.get(t, "/nowe/strona/"); status != http.StatusNotFound {
		t.Fatalf("deleted page: %d", status)
	}
}
