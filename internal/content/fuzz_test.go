package content_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
)

// FuzzParse: whatever a file holds, Parse must not panic, must place every
// problem in the file, and must not call a Doc without errors incomplete.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.rel, []byte(c.src))
	}
	f.Add("meetings/2015-05-14-bomba.pl.md", []byte(aliasBomb("params")))
	f.Fuzz(func(t *testing.T, rel string, src []byte) {
		type result struct {
			d        *content.Doc
			problems diag.List
		}
		done := make(chan result, 1)
		go func() {
			d, problems := content.Parse(rel, src, opts)
			done <- result{d, problems}
		}()
		var d *content.Doc
		var problems diag.List
		select {
		case r := <-done:
			d, problems = r.d, r.problems
		case <-time.After(2 * time.Second):
			t.Fatalf("Parse(%q, %q) did not return within 2s", rel, src)
		}
		if d == nil {
			t.Fatal("nil Doc")
		}
		// A lone CR ends a line too, so this bounds the lines of any reading.
		lines := 1 + bytes.Count(src, []byte("\n")) + bytes.Count(src, []byte("\r"))
		for _, p := range problems.Items() {
			if p.Path == "" {
				t.Errorf("problem without a path: %s", p)
			}
			if p.Path != "content/"+rel {
				t.Errorf("problem in %q, want %q: %s", p.Path, "content/"+rel, p)
			}
			if p.Line < 0 || p.Col < 0 || p.Line > lines+1 {
				t.Errorf("problem at %d:%d in a file of %d lines: %s", p.Line, p.Col, lines, p)
			}
			if p.Message == "" {
				t.Errorf("problem without a message: %#v", p)
			}
		}
		checkSorted(t, problems)
		if problems.HasErrors() {
			return
		}
		if d.Title == "" {
			t.Errorf("no errors, but no title")
		}
		switch d.Kind {
		case content.Meeting:
			if d.Date.IsZero() || d.Location == "" {
				t.Errorf("meeting without date or location: %#v", d)
			}
		case content.Partner:
			if d.Sector == "" || d.Role == "" {
				t.Errorf("partner without sector or role: %#v", d)
			}
		}
		if strings.HasPrefix(d.Logo, "/") || strings.Contains(d.Logo, "..") || strings.Contains(d.Logo, "\\") {
			t.Errorf("logo %q escapes static/", d.Logo)
		}
		for _, a := range d.Aliases {
			if !strings.HasPrefix(a.ID, "/") || strings.HasPrefix(a.ID, "//") || strings.ContainsAny(a.ID, "\\?#") ||
				strings.ContainsFunc(a.ID, unicode.IsControl) || slices.Contains(strings.Split(a.ID, "/"), "..") {
				t.Errorf("alias %q is not a site path", a.ID)
			}
		}
	})
}

func checkSorted(t *testing.T, problems diag.List) {
	t.Helper()
	items := problems.Items()
	for i := 1; i < len(items); i++ {
		a, b := items[i-1], items[i]
		if a.Line > b.Line && a.Path == b.Path {
			t.Errorf("problems not sorted: %s before %s", a, b)
		}
	}
}
