package editor_test

import (
	"bytes"
	"crypto/sha256"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/corpus"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/editor"
	"github.com/lubuskie-es/sitegen/internal/htmlx"
	"github.com/lubuskie-es/sitegen/internal/server"
	"golang.org/x/net/html"
)

const host = "127.0.0.1:1313"

// site copies site.yaml and content/ of the sample into a new folder.
func site(t *testing.T) string {
	t.Helper()
	root, err := corpus.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join(root, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(root, "content"))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// app is the editor behind the real preview server, as serve mounts it.
type app struct {
	t     *testing.T
	dir   string
	h     http.Handler
	token string
}

func newApp(t *testing.T, dir string, preview func(string, []byte) ([]byte, diag.List)) *app {
	t.Helper()
	ed, err := editor.New(editor.Options{Root: dir, Preview: preview,
		Now: func() time.Time { return time.Date(2026, 3, 12, 10, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ed.Close() })
	srv := server.New(server.Options{Editor: ed, Rebuild: func([]string) server.Result { return server.Result{} }})
	a := &app{t: t, dir: dir, h: srv}
	page := a.get(editor.Prefix)
	m := regexp.MustCompile(`name="token" value="([^"]+)"`).FindStringSubmatch(page.Body.String())
	if m == nil {
		t.Fatal("no token in the list page")
	}
	a.token = m[1]
	return a
}

func (a *app) do(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	a.h.ServeHTTP(w, r)
	return w
}

func (a *app) get(target string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.Host = host
	return a.do(r)
}

// post sends a form from the editor's own page, as a browser does.
func (a *app) post(target string, form url.Values) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	r.Host = host
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Origin", "http://"+host)
	return a.do(r)
}

// snapshot is every file of the site with its contents' hash.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil // a dangling link
		}
		out[p] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameFiles(t *testing.T, before, after map[string][32]byte) {
	t.Helper()
	for p, h := range after {
		if b, ok := before[p]; !ok {
			t.Errorf("%s was made", p)
		} else if b != h {
			t.Errorf("%s was changed", p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Errorf("%s was removed", p)
		}
	}
}

const meeting = "meetings/2015-05-14-spotkanie-sygnatariuszy/index.pl.md"

// TestRefused sends requests that must change nothing: each gets its
// status and the site's files stay as they were.
func TestRefused(t *testing.T) {
	dir := site(t)
	outside := filepath.Join(t.TempDir(), "outside.md")
	if err := os.WriteFile(outside, []byte("---\ntitle: poza\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "content", "link.pl.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Dir(outside), filepath.Join(dir, "content", "out")); err != nil {
		t.Fatal(err)
	}
	a := newApp(t, dir, nil)
	hash := sha256.Sum256(must(os.ReadFile(filepath.Join(dir, "content", meeting))))
	good := func(path string) url.Values {
		return url.Values{"token": {a.token}, "path": {path}, "shown": {"title"}, "title": {"Zmieniony"}, "hash": {string(hexOf(hash[:]))}}
	}
	type req struct {
		name   string
		method string
		target string
		form   url.Values
		host   string
		header map[string]string
		want   int
	}
	without := good(meeting)
	without.Del("token")
	wrong := good(meeting)
	wrong.Set("token", a.token[:len(a.token)-1]+"X")
	empty := good(meeting)
	empty.Set("token", "")
	cases := []req{
		{name: "no token", method: "POST", target: "save", form: without, want: 403},
		{name: "wrong token", method: "POST", target: "save", form: wrong, want: 403},
		{name: "empty token", method: "POST", target: "save", form: empty, want: 403},
		{name: "token in another case", method: "POST", target: "save", form: url.Values{"token": {strings.ToLower(a.token)}, "path": {meeting}}, want: 403},
		{name: "foreign Origin", method: "POST", target: "save", form: good(meeting), header: map[string]string{"Origin": "http://evil.example"}, want: 403},
		{name: "Origin of another port", method: "POST", target: "save", form: good(meeting), header: map[string]string{"Origin": "http://127.0.0.1:8080"}, want: 403},
		{name: "null Origin", method: "POST", target: "save", form: good(meeting), header: map[string]string{"Origin": "null"}, want: 403},
		{name: "cross-site fetch", method: "POST", target: "save", form: good(meeting), header: map[string]string{"Origin": "", "Sec-Fetch-Site": "cross-site"}, want: 403},
		{name: "foreign Referer", method: "POST", target: "save", form: good(meeting), header: map[string]string{"Origin": "", "Referer": "http://evil.example/x"}, want: 403},
		{name: "foreign Host", method: "POST", target: "save", form: good(meeting), host: "evil.example", header: map[string]string{"Origin": "http://evil.example"}, want: 403},
		{name: "foreign Host on GET", method: "GET", target: "edit?path=" + meeting, host: "evil.example", want: 403},
		{name: "rebinding Host with loopback Origin", method: "POST", target: "save", form: good(meeting), host: "attacker.example:1313", want: 403},
		{name: "GET save changes nothing", method: "GET", target: "save?" + good(meeting).Encode(), want: 404},
		{name: "GET new changes nothing", method: "GET", target: "new?token=" + a.token + "&kind=page&title=X", want: 404},
		{name: "PUT", method: "PUT", target: "save", form: good(meeting), want: 405},
		{name: "dot-dot", method: "POST", target: "save", form: good("../site.yaml"), want: 400},
		{name: "dot-dot inside", method: "POST", target: "save", form: good("meetings/../../site.yaml"), want: 400},
		{name: "dot-dot to a .md", method: "POST", target: "save", form: good("../content/" + meeting), want: 400},
		{name: "absolute", method: "POST", target: "save", form: good("/etc/passwd"), want: 400},
		{name: "absolute .md", method: "POST", target: "save", form: good(filepath.Join(dir, "content", meeting)), want: 400},
		{name: "backslash", method: "POST", target: "save", form: good(`meetings\..\..\site.yaml`), want: 400},
		{name: "not clean", method: "POST", target: "save", form: good("meetings//2015-05-14-spotkanie-sygnatariuszy/index.pl.md"), want: 400},
		{name: "NUL", method: "POST", target: "save", form: good("meetings/x\x00.md"), want: 400},
		{name: "not markdown", method: "POST", target: "save", form: good("meetings"), want: 400},
		{name: "hidden file", method: "POST", target: "save", form: good(".x.md"), want: 400},
		{name: "set-aside folder", method: "POST", target: "save", form: good("_stare/x.md"), want: 400},
		{name: "symlink out", method: "POST", target: "save", form: good("link.pl.md"), want: 404},
		{name: "through a symlinked folder", method: "POST", target: "save", form: good("out/outside.md"), want: 404},
		{name: "symlink out, GET", method: "GET", target: "edit?path=link.pl.md", want: 404},
		{name: "dot-dot, GET", method: "GET", target: "edit?path=../site.yaml", want: 400},
		{name: "missing file", method: "POST", target: "save", form: good("meetings/nie-ma.pl.md"), want: 404},
		{name: "preview of a path out", method: "POST", target: "preview", form: good("../site.yaml"), want: 400},
	}
	before := snapshot(t, dir)
	outsideBefore := must(os.ReadFile(outside))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var body io.Reader
			if c.form != nil {
				body = strings.NewReader(c.form.Encode())
			}
			r := httptest.NewRequest(c.method, editor.Prefix+c.target, body)
			r.Host = host
			if c.host != "" {
				r.Host = c.host
			}
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r.Header.Set("Origin", "http://"+r.Host)
			for k, v := range c.header {
				if v == "" {
					r.Header.Del(k)
				} else {
					r.Header.Set(k, v)
				}
			}
			w := a.do(r)
			if w.Code != c.want {
				t.Errorf("status %d, want %d: %s", w.Code, c.want, w.Body)
			}
			sameFiles(t, before, snapshot(t, dir))
		})
	}
	if !bytes.Equal(must(os.ReadFile(outside)), outsideBefore) {
		t.Error("the file outside content/ was changed")
	}
	// The same request with the token and the editor's Origin does save:
	// the refusals above are the guards, not a broken save.
	if w := a.post(editor.Prefix+"save", good(meeting)); w.Code != http.StatusSeeOther {
		t.Fatalf("a good save: status %d: %s", w.Code, w.Body)
	}
	if !bytes.Contains(must(os.ReadFile(filepath.Join(dir, "content", meeting))), []byte("title: Zmieniony\n")) {
		t.Error("a good save did not write the title")
	}
}

// TestUploadRefused checks the limits on uploads: size, type, alt text,
// token; nothing is written.
func TestUploadRefused(t *testing.T) {
	dir := site(t)
	a := newApp(t, dir, nil)
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)
	cases := []struct {
		name, file, alt, token string
		data                   []byte
		want                   int
	}{
		{"no token", "a.png", "Sala", "", png, 403},
		{"wrong token", "a.png", "Sala", "x" + a.token, png, 403},
		{"no alt text", "a.png", "", a.token, png, 400},
		{"a script named .png", "a.png", "Sala", a.token, []byte("<script>alert(1)</script>"), 415},
		{"a PNG named .html", "a.html", "Sala", a.token, png, 415},
		{"a PNG named .jpg", "a.jpg", "Sala", a.token, png, 415},
		{"too big", "a.png", "Sala", a.token, append(png, make([]byte, 21<<20)...), 413},
	}
	before := snapshot(t, dir)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			mw := multipart.NewWriter(&b)
			mw.WriteField("alt", c.alt)
			fw, _ := mw.CreateFormFile("file", c.file)
			fw.Write(c.data)
			mw.Close()
			r := httptest.NewRequest("POST", editor.Prefix+"upload?path="+url.QueryEscape(meeting)+"&token="+url.QueryEscape(c.token), &b)
			r.Host = host
			r.Header.Set("Origin", "http://"+host)
			r.Header.Set("Content-Type", mw.FormDataContentType())
			if w := a.do(r); w.Code != c.want {
				t.Errorf("status %d, want %d: %s", w.Code, c.want, w.Body)
			}
			sameFiles(t, before, snapshot(t, dir))
		})
	}
	// A photo with its alt text is taken, beside the document.
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	mw.WriteField("alt", "Sala konferencyjna")
	fw, _ := mw.CreateFormFile("file", "Sala Główna.png")
	fw.Write(png)
	mw.Close()
	r := httptest.NewRequest("POST", editor.Prefix+"upload?path="+url.QueryEscape(meeting)+"&token="+a.token, &b)
	r.Host = host
	r.Header.Set("Origin", "http://"+host)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	w := a.do(r)
	if w.Code != 200 || !strings.Contains(w.Body.String(), `![Sala konferencyjna](sala-glowna.png)`) {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "meetings", "2015-05-14-spotkanie-sygnatariuszy", "sala-glowna.png")); err != nil {
		t.Error(err)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func hexOf(b []byte) []byte {
	const digits = "0123456789abcdef"
	out := make([]byte, 0, 2*len(b))
	for _, c := range b {
		out = append(out, digits[c>>4], digits[c&15])
	}
	return out
}

// formValues are what a browser sends when the form of page is
// submitted unchanged: inputs, checked boxes, selected options, and
// textareas with their lines ending in CRLF.
func formValues(t *testing.T, page string) url.Values {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var form *html.Node
	htmlx.Walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "form" && htmlx.Attr(n, "id") == "edit" {
			form = n
		}
	})
	if form == nil {
		t.Fatal("no form#edit")
	}
	v := url.Values{}
	htmlx.Walk(form, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		name := htmlx.Attr(n, "name")
		if name == "" {
			return
		}
		switch n.Data {
		case "input":
			typ := htmlx.Attr(n, "type")
			if (typ == "checkbox" || typ == "radio") && !htmlx.HasAttr(n, "checked") {
				return
			}
			val, ok := htmlx.AttrOK(n, "value")
			if !ok && typ == "checkbox" {
				val = "on"
			}
			v.Add(name, val)
		case "textarea":
			v.Add(name, strings.ReplaceAll(htmlx.Text(n), "\n", "\r\n"))
		case "select":
			first, chosen := "", ""
			var seen, found bool
			htmlx.Walk(n, func(o *html.Node) {
				if o.Type == html.ElementNode && o.Data == "option" {
					if !seen {
						first, seen = htmlx.Attr(o, "value"), true
					}
					if htmlx.HasAttr(o, "selected") && !found {
						chosen, found = htmlx.Attr(o, "value"), true
					}
				}
			})
			if !found {
				chosen = first
			}
			v.Add(name, chosen)
		}
	})
	return v
}

// roundTrip opens every content file of dir in the form and saves it
// unchanged: each file must keep its bytes.
func roundTrip(t *testing.T, dir string) int {
	a := newApp(t, dir, nil)
	n := 0
	root := filepath.Join(dir, "content")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel := filepath.ToSlash(must(filepath.Rel(root, p)))
		before := must(os.ReadFile(p))
		page := a.get(editor.Prefix + "edit?path=" + url.QueryEscape(rel))
		if page.Code != 200 {
			t.Errorf("%s: open: status %d", rel, page.Code)
			return nil
		}
		form := formValues(t, page.Body.String())
		w := a.post(editor.Prefix+"save", form)
		if w.Code != http.StatusSeeOther {
			t.Errorf("%s: save: status %d: %s", rel, w.Code, w.Body)
			return nil
		}
		if after := must(os.ReadFile(p)); !bytes.Equal(before, after) {
			t.Errorf("%s: saved unchanged, but the file changed:\n--- before\n%s\n--- after\n%s", rel, before, after)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRoundTripSample: every file of the sample site, opened and saved
// with no change, keeps its bytes.
func TestRoundTripSample(t *testing.T) {
	if n := roundTrip(t, site(t)); n < 20 {
		t.Errorf("only %d files went round", n)
	}
}

// TestRoundTripCorpus does the same over a generated corpus.
func TestRoundTripCorpus(t *testing.T) {
	c, err := corpus.New(corpus.Options{Pages: 120, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := c.Write(dir); err != nil {
		t.Fatal(err)
	}
	if n := roundTrip(t, dir); n != len(c.ContentPaths()) {
		t.Errorf("%d files went round, the corpus has %d", n, len(c.ContentPaths()))
	}
}
