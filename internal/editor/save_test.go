package editor_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/editor"
)

// commented is a meeting written by hand: comments, flow and block
// lists, params, an odd key order.
const commented = `---
# Relacja ze spotkania w Żarach.
title: "Spotkanie w Żarach"   # tytuł roboczy
location: Urząd Miasta, Żary
date: 2026-03-12
tags: [ekonomia społeczna, "Rada Programowa"]
params:
  # dla szablonu
  fotograf: Jan Kowalski
  galeria: [1, 2]
participants:
  - lubuska-wk-ohp
---

Tekst relacji.
`

func write(t *testing.T, dir, rel, text string) string {
	t.Helper()
	p := filepath.Join(dir, "content", filepath.FromSlash(rel))
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// open returns the form of rel as a browser would send it unchanged.
func (a *app) open(rel string) url.Values {
	a.t.Helper()
	w := a.get(editor.Prefix + "edit?path=" + url.QueryEscape(rel))
	if w.Code != 200 {
		a.t.Fatalf("open %s: status %d", rel, w.Code)
	}
	return formValues(a.t, w.Body.String())
}

// TestEditKeepsTheRest changes some keys: the others keep their bytes,
// comments and place, params stay.
func TestEditKeepsTheRest(t *testing.T) {
	tests := []struct {
		name   string
		change func(url.Values)
		want   string
	}{
		{"title", func(f url.Values) { f.Set("title", "Spotkanie sygnatariuszy w Żarach") },
			// The changed line is written by yaml.v3: one space before its comment.
			strings.Replace(commented, `"Spotkanie w Żarach"   #`, "Spotkanie sygnatariuszy w Żarach #", 1)},
		{"a tag added", func(f url.Values) { f["tags"] = append(f["tags"][:2], "Nowy temat") },
			strings.Replace(commented, `tags: [ekonomia społeczna, "Rada Programowa"]`, `tags: [ekonomia społeczna, Rada Programowa, Nowy temat]`, 1)},
		{"draft", func(f url.Values) { f.Set("draft", "true") },
			strings.Replace(commented, "  - lubuska-wk-ohp\n", "  - lubuska-wk-ohp\ndraft: true\n", 1)},
		{"host", func(f url.Values) { f.Set("host", "wup-zielona-gora") },
			strings.Replace(commented, "  - lubuska-wk-ohp\n", "  - lubuska-wk-ohp\nhost: wup-zielona-gora\n", 1)},
		{"a guest", func(f url.Values) {
			f["guest-name"] = []string{"Anna Nowak", ""}
			f["guest-role"] = []string{"ekspertka", ""}
		}, strings.Replace(commented, "  - lubuska-wk-ohp\n", "  - lubuska-wk-ohp\nguests:\n  - {name: Anna Nowak, role: ekspertka}\n", 1)},
		{"participants emptied", func(f url.Values) { f.Del("participants") },
			strings.Replace(commented, "participants:\n  - lubuska-wk-ohp\n", "", 1)},
		{"a time of day", func(f url.Values) { f.Set("date", "2026-03-12T10:00") },
			strings.Replace(commented, "date: 2026-03-12\n", "date: 2026-03-12T10:00\n", 1)},
		{"body", func(f url.Values) { f.Set("body", "\r\nNowy tekst.\r\n") },
			strings.Replace(commented, "Tekst relacji.", "Nowy tekst.", 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t)
			rel := "meetings/2026-03-12-spotkanie-w-zarach.pl.md"
			p := write(t, dir, rel, commented)
			a := newApp(t, dir, nil)
			form := a.open(rel)
			tt.change(form)
			if w := a.post(editor.Prefix+"save", form); w.Code != http.StatusSeeOther {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			got := string(must(os.ReadFile(p)))
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestConflict: a file changed on disk after it was opened is not
// overwritten; the writer gets both versions, and may then keep theirs.
func TestConflict(t *testing.T) {
	dir := site(t)
	a := newApp(t, dir, nil)
	form := a.open(meeting)
	p := filepath.Join(dir, "content", meeting)
	other := strings.Replace(string(must(os.ReadFile(p))), "Zielona Góra", "Żary", 1)
	if err := os.WriteFile(p, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	form.Set("title", "Moja wersja")
	w := a.post(editor.Prefix+"save", form)
	if w.Code != http.StatusConflict {
		t.Fatalf("status %d, want 409", w.Code)
	}
	if got := string(must(os.ReadFile(p))); got != other {
		t.Fatal("the file changed on disk was overwritten")
	}
	page := w.Body.String()
	for _, want := range []string{"Plik zmienił się na dysku", "title: Moja wersja", "Żary"} {
		if !strings.Contains(page, want) {
			t.Errorf("the conflict page lacks %q", want)
		}
	}
	// Choosing "my version" sends it with the hash of the disk's.
	choice := formValuesOf(t, page, `action="/_sitegen/editor/save"`)
	if w := a.post(editor.Prefix+"save", choice); w.Code != http.StatusSeeOther {
		t.Fatalf("keeping mine: status %d: %s", w.Code, w.Body)
	}
	if got := string(must(os.ReadFile(p))); !strings.Contains(got, "title: Moja wersja") {
		t.Errorf("my version was not saved:\n%s", got)
	}
}

// formValuesOf takes the first form whose start tag holds marker and
// reads it as formValues reads form#edit.
func formValuesOf(t *testing.T, page, marker string) url.Values {
	i := strings.Index(page, marker)
	if i < 0 {
		t.Fatalf("no form with %s", marker)
	}
	start := strings.LastIndex(page[:i], "<form")
	return formValues(t, page[:start]+`<form id="edit" `+page[start+len("<form"):])
}

// TestInvalidNotSaved: the build's own checks run before saving; errors
// are shown at their fields and nothing is written.
func TestInvalidNotSaved(t *testing.T) {
	tests := []struct {
		name, key, value, field, says string
	}{
		{"title emptied", "title", "", "f-title-err", "To pole jest wymagane."},
		{"date not a date", "date", "14 maja", "f-date-err", "To nie jest data"},
		{"location emptied", "location", "", "f-location-err", "To pole jest wymagane."},
		{"end before the date", "end", "2015-05-01", "f-end-err", "Błąd w linii"},
		{"alias off the site", "aliases", "https://example.org/x", "f-aliases-err", "Błąd w linii"},
		{"slug without letters", "slug", "---", "f-slug-err", "Błąd w linii"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t)
			a := newApp(t, dir, nil)
			p := filepath.Join(dir, "content", meeting)
			before := string(must(os.ReadFile(p)))
			form := a.open(meeting)
			form.Set(tt.key, tt.value)
			w := a.post(editor.Prefix+"save", form)
			if w.Code != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", w.Code)
			}
			if string(must(os.ReadFile(p))) != before {
				t.Error("an invalid front matter was saved")
			}
			page := w.Body.String()
			if !strings.Contains(page, `id="`+tt.field+`"`) || !strings.Contains(page, "Nie zapisano") {
				t.Errorf("the error is not shown at its field %s:\n%s", tt.field, page)
			}
			if !strings.Contains(page, tt.says) {
				t.Errorf("the page does not say %q", tt.says)
			}
			if !strings.Contains(page, `aria-invalid="true"`) {
				t.Error("the field is not marked invalid")
			}
		})
	}
}

// TestNew makes documents as sitegen new does, never over a file.
func TestNew(t *testing.T) {
	dir := site(t)
	a := newApp(t, dir, nil)
	for _, c := range []struct{ kind, title, lang, want string }{
		{"meeting", "Spotkanie w Żarach", "pl", "meetings/2026-03-12-spotkanie-w-zarach.pl.md"},
		{"partner", "Fundacja Przykładowa", "pl", "partners/fundacja-przykladowa.pl.md"},
		{"page", "Regulations", "en", "regulations.en.md"},
	} {
		w := a.post(editor.Prefix+"new", url.Values{"token": {a.token}, "kind": {c.kind}, "title": {c.title}, "lang": {c.lang}})
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != editor.Prefix+"edit?path="+url.QueryEscape(c.want) {
			t.Errorf("%s: status %d, Location %q", c.kind, w.Code, w.Header().Get("Location"))
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, "content", filepath.FromSlash(c.want)))
		if err != nil || !strings.Contains(string(data), c.title) {
			t.Errorf("%s: %v %s", c.want, err, data)
		}
		// The same again is refused, and the file is kept.
		write(t, dir, c.want, "---\ntitle: zmieniony\n---\n")
		w = a.post(editor.Prefix+"new", url.Values{"token": {a.token}, "kind": {c.kind}, "title": {c.title}, "lang": {c.lang}})
		if !strings.Contains(w.Header().Get("Location"), "error=") {
			t.Errorf("%s again: Location %q", c.kind, w.Header().Get("Location"))
		}
		if got := string(must(os.ReadFile(filepath.Join(dir, "content", filepath.FromSlash(c.want))))); got != "---\ntitle: zmieniony\n---\n" {
			t.Errorf("%s was overwritten", c.want)
		}
	}
	before := snapshot(t, dir)
	for _, bad := range []url.Values{
		{"kind": {"folder"}, "title": {"x"}},
		{"kind": {"page"}, "title": {"!!!"}},
		{"kind": {"page"}, "title": {"x"}, "lang": {"de"}},
	} {
		bad.Set("token", a.token)
		if w := a.post(editor.Prefix+"new", bad); !strings.Contains(w.Header().Get("Location"), "error=") {
			t.Errorf("%v: status %d, Location %q", bad, w.Code, w.Header().Get("Location"))
		}
	}
	sameFiles(t, before, snapshot(t, dir))
}

// TestPreview renders the form's unsaved version through the given
// function, and saves nothing.
func TestPreview(t *testing.T) {
	dir := site(t)
	var gotRel, gotSrc string
	a := newApp(t, dir, func(rel string, src []byte) ([]byte, diag.List) {
		gotRel, gotSrc = rel, string(src)
		return []byte("<p>podgląd</p>"), diag.List{}
	})
	before := snapshot(t, dir)
	form := a.open(meeting)
	form.Set("title", "Tytuł w podglądzie")
	w := a.post(editor.Prefix+"preview", form)
	if w.Code != 200 || w.Body.String() != "<p>podgląd</p>" {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if gotRel != meeting || !strings.Contains(gotSrc, "title: Tytuł w podglądzie") {
		t.Errorf("previewed %s:\n%s", gotRel, gotSrc)
	}
	sameFiles(t, before, snapshot(t, dir))
}

// TestList lists every document with its translations, filtered.
func TestList(t *testing.T) {
	dir := site(t)
	write(t, dir, "tylko-po-polsku.pl.md", "---\ntitle: Tylko po polsku\n---\n")
	a := newApp(t, dir, nil)
	page := a.get(editor.Prefix).Body.String()
	for _, want := range []string{"Spotkanie sygnatariuszy", "Wojewódzki Urząd Pracy w Zielonej Górze", "Tylko po polsku", "en: brak tłumaczenia"} {
		if !strings.Contains(page, want) {
			t.Errorf("the list lacks %q", want)
		}
	}
	page = a.get(editor.Prefix + "?q=urz%C4%85d").Body.String()
	if !strings.Contains(page, "Wojewódzki Urząd Pracy") || strings.Contains(page, "Tylko po polsku") {
		t.Error("the search did not filter")
	}
}

// TestEditOtherShapes: CRLF line ends and a byte order mark are kept; a
// front matter written as one flow mapping is written again from the
// tree, its other keys kept.
func TestEditOtherShapes(t *testing.T) {
	crlf := strings.ReplaceAll(commented, "\n", "\r\n")
	tests := []struct{ name, src, want string }{
		{"CRLF", crlf, strings.Replace(crlf, `"Spotkanie w Żarach"   #`, "Inny tytuł #", 1)},
		{"byte order mark", "\uFEFF" + commented, "\uFEFF" + strings.Replace(commented, `"Spotkanie w Żarach"   #`, "Inny tytuł #", 1)},
		{"flow mapping", "---\n{title: Stary, location: Żary, date: 2026-03-12}\n---\nTekst.\n",
			"---\n{title: Inny tytuł, location: Żary, date: 2026-03-12}\n---\nTekst.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t)
			rel := "meetings/2026-03-12-ksztalt.pl.md"
			p := write(t, dir, rel, tt.src)
			a := newApp(t, dir, nil)
			form := a.open(rel)
			if w := a.post(editor.Prefix+"save", form); w.Code != http.StatusSeeOther {
				t.Fatalf("unchanged: status %d", w.Code)
			}
			if got := string(must(os.ReadFile(p))); got != tt.src {
				t.Fatalf("saved unchanged, the file changed:\n%q", got)
			}
			form.Set("title", "Inny tytuł")
			if w := a.post(editor.Prefix+"save", form); w.Code != http.StatusSeeOther {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			if got := string(must(os.ReadFile(p))); got != tt.want {
				t.Errorf("got:\n%q\nwant:\n%q", got, tt.want)
			}
		})
	}
}

// TestTranslate copies a document to its translation's path and opens
// it beside the original; an existing translation is kept.
func TestTranslate(t *testing.T) {
	dir := site(t)
	src := write(t, dir, "tylko-po-polsku.pl.md", "---\ntitle: Tylko po polsku\n---\nTekst.\n")
	a := newApp(t, dir, nil)
	page := a.get(editor.Prefix).Body.String()
	if !strings.Contains(page, `aria-label="Przetłumacz: Tylko po polsku na en"`) {
		t.Error("the list has no Przetłumacz button for the missing translation")
	}
	w := a.post(editor.Prefix+"translate", url.Values{"token": {a.token}, "path": {"tylko-po-polsku.pl.md"}, "lang": {"en"}})
	want := editor.Prefix + "edit?path=tylko-po-polsku.en.md&source=tylko-po-polsku.pl.md"
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != want {
		t.Fatalf("status %d, Location %q", w.Code, w.Header().Get("Location"))
	}
	en := filepath.Join(dir, "content", "tylko-po-polsku.en.md")
	if got, want := string(must(os.ReadFile(en))), string(must(os.ReadFile(src))); got != want {
		t.Errorf("the translation starts as %q, want the original %q", got, want)
	}
	if page := a.get(want).Body.String(); !strings.Contains(page, `<textarea id="orig"`) || !strings.Contains(page, "Oryginał: content/tylko-po-polsku.pl.md") {
		t.Error("the translation does not open beside its original")
	}
	write(t, dir, "tylko-po-polsku.en.md", "---\ntitle: Only in English\n---\n")
	a.post(editor.Prefix+"translate", url.Values{"token": {a.token}, "path": {"tylko-po-polsku.pl.md"}, "lang": {"en"}})
	if got := string(must(os.ReadFile(en))); got != "---\ntitle: Only in English\n---\n" {
		t.Error("an existing translation was replaced")
	}
	os.Remove(en)
	for _, c := range []struct {
		form url.Values
		want int
	}{
		{url.Values{"token": {a.token}, "path": {"tylko-po-polsku.pl.md"}, "lang": {"de"}}, 400},
		{url.Values{"token": {a.token}, "path": {"tylko-po-polsku.pl.md"}, "lang": {"../x"}}, 400},
		{url.Values{"token": {a.token}, "path": {"tylko-po-polsku.pl.md"}, "lang": {"pl"}}, 400},
		{url.Values{"path": {"tylko-po-polsku.pl.md"}, "lang": {"en"}}, 403},
	} {
		before := snapshot(t, dir)
		if w := a.post(editor.Prefix+"translate", c.form); w.Code != c.want {
			t.Errorf("%v: status %d, want %d", c.form, w.Code, c.want)
		}
		sameFiles(t, before, snapshot(t, dir))
	}
}
