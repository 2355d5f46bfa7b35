package e2e_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/server"
	"github.com/lubuskie-es/sitegen/internal/watch"
)

// preview runs what `sitegen serve` runs – watcher, cached builds, server –
// on a copy of the sample site, on 127.0.0.1, until the test ends.
func preview(t *testing.T) (dir, url string) {
	t.Helper()
	dir = t.TempDir()
	for _, d := range []string{"content", "templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(root, d))); err != nil {
			t.Fatal(err)
		}
	}
	data := mustRead(t, filepath.Join(root, "site.yaml"))
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := watch.New(watch.Options{Root: dir, Paths: []string{"site.yaml", "content", "templates", "static"}})
	if err != nil {
		t.Fatal(err)
	}
	cache := build.NewCache()
	rebuild := func(changed []string) server.Result {
		res := build.Run(os.DirFS(dir), build.Options{Now: sampleNow, Cache: cache, Changed: changed, Defer: true})
		return server.Result{Files: res.Files, Problems: res.Problems, Deferred: res.Deferred}
	}
	s := server.New(server.Options{Rebuild: rebuild})
	s.Update(rebuild(nil), false)
	ts := httptest.NewServer(s) // 127.0.0.1, a free port
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
	return dir, ts.URL
}

// waitFor polls a JavaScript condition in the page until it holds.
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: %s did not become true within 15 s", what, js)
}

// TestServeLiveReload: with a page open in Chromium, editing its file
// shows the new text without the test navigating; a broken file lays the
// error over the page, fixing it takes it away; a stylesheet edit applies
// without reloading the page.
func TestServeLiveReload(t *testing.T) {
	ctx := tab(t, 1280, "light")
	dir, url := preview(t)
	page := filepath.Join(dir, "content", "o-partnerstwie.pl.md")
	orig := string(mustRead(t, page))
	save := func(p, text string) {
		t.Helper()
		tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp")
		if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/o-partnerstwie/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "page loaded", `document.body.innerText.includes("Partnerstwo")`)
	// The stream is open before the first edit (a missed event would be
	// caught by the version check anyway).
	waitFor(t, ctx, "script loaded", `!!document.querySelector('script[src="/_sitegen/reload.js"]')`)

	save(page, orig+"\nTen akapit dopisano przy otwartej stronie.\n")
	waitFor(t, ctx, "edit shown", `document.body.innerText.includes("Ten akapit dopisano przy otwartej stronie.")`)

	save(page, strings.Replace(orig, "menu: 10", "menu: 10\nautor: Jan", 1))
	waitFor(t, ctx, "error overlay shown", `(document.getElementById("sitegen-errors")||{innerText:""}).innerText.includes("content/o-partnerstwie.pl.md:5:1:")`)
	if !eval[bool](t, ctx, `document.body.innerText.includes("Ten akapit dopisano przy otwartej stronie.")`) {
		t.Error("the last good page is not under the overlay")
	}

	save(page, orig)
	waitFor(t, ctx, "overlay gone", `!document.getElementById("sitegen-errors") && !document.body.innerText.includes("Ten akapit dopisano")`)

	// CSS: swapped in place, so a value set in the page survives.
	if !eval[bool](t, ctx, `window.sitegenMarker = true`) {
		t.Fatal("cannot set the marker")
	}
	css := filepath.Join(dir, "static", "css", "site.css")
	save(css, string(mustRead(t, css))+"\nbody{outline:3px solid rgb(1, 2, 3)}\n")
	waitFor(t, ctx, "stylesheet applied", `getComputedStyle(document.body).outlineColor === "rgb(1, 2, 3)"`)
	if !eval[bool](t, ctx, `window.sitegenMarker === true`) {
		t.Error("the page reloaded for a stylesheet change")
	}

	// The search index is deferred while serving: made when the search
	// page first asks for it, and it has the edit (at the start of the
	// body: only the first words of a body are indexed).
	front, body, ok := strings.Cut(strings.TrimPrefix(orig, "---\n"), "\n---\n")
	if !ok {
		t.Fatal("no front matter in " + page)
	}
	save(page, "---\n"+front+"\n---\n\nZdanie o żurawiach dopisane do wyszukania.\n"+body)
	waitFor(t, ctx, "second edit shown", `document.body.innerText.includes("żurawiach")`)
	if err := chromedp.Do(ctx, chromedp.Navigate(url+"/szukaj/?q=%C5%BCurawiach")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "search finds the edit", `[...document.querySelectorAll('#search-results > li h2 a')].some(a => a.getAttribute('href') === "/o-partnerstwie/")`)
}
