package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPreviewer renders a page with its unsaved text, again and again
// with the same cache, and never writes it.
func TestPreviewer(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"content", "templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("..", "..", d))); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	rel := "meetings/2015-05-14-spotkanie-sygnatariuszy/index.pl.md"
	file := filepath.Join(dir, "content", filepath.FromSlash(rel))
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p := &previewer{dir: dir, now: func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) }}
	// Same length each time: the cache must not take the text on disk's
	// stamp for the new text's.
	for _, title := range []string{"Podgląd numer 1", "Podgląd numer 2", "Podgląd numer 3"} {
		src := strings.Replace(string(orig), "title: ", "title: "+title+" – ", 1)
		page, problems := p.page(rel, []byte(src))
		if problems.HasErrors() || !strings.Contains(string(page), "<h1>"+title) {
			t.Fatalf("%s: problems %v, page:\n%.400s", title, problems, page)
		}
	}
	// A draft is previewed too: the writer sees what is being written.
	page, _ := p.page(rel, []byte(strings.Replace(string(orig), "title: ", "draft: true\ntitle: ", 1)))
	if page == nil {
		t.Error("a draft has no preview")
	}
	// An error is reported, not a page.
	if page, problems := p.page(rel, []byte("---\ntitle: x\n")); page != nil || !problems.HasErrors() {
		t.Error("a broken file was previewed")
	}
	if now, _ := os.ReadFile(file); string(now) != string(orig) {
		t.Error("the preview wrote the file")
	}
}
