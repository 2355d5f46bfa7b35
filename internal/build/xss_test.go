package build_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/htmlx"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"gopkg.in/yaml.v3"
)

// payload tries to break out of every context a front matter string ends
// up in: an attribute ("> and '), an element (<script>, <img onerror>), a
// URL (javascript:), JSON-LD inside <script> (</script>, <!--), XML
// (CDATA and comment ends), iCalendar (CR LF and a property of its own),
// and html/template itself.
const payload = "\"><script>alert(1)</script><img src=x onerror=alert(1)> javascript:alert(1) " +
	"' onmouseover='alert(1) <!--<script> ]]> --> {{.Site}} \r\nX-INJECTED:1"

// marker is a part of payload that survives every format as text, to find
// where the payload came back.
const marker = "<script>alert(1)</script><img src=x onerror=alert(1)>"

// keepKeys hold values that must keep their form for the site to build
// (dates, enumerations, references, paths); everything else that is a
// string becomes the payload.
var keepKeys = map[string]bool{
	"date": true, "joined": true, "sector": true, "role": true, "host": true, "participants": true,
	"slug": true, "aliases": true, "logo": true, "menu": true, "draft": true, "website": true,
	"file": true, "cover": true, "x": true, "y": true, "lang": true,
}

// lists hold entries whose keys decide, as at the top: a photo's file
// must stay a file, its alt and caption become the payload.
var lists = map[string]bool{"photos": true, "documents": true, "focus": true}

// TestXSSSample renders the sample site with every front matter string
// (and the site's titles and descriptions) replaced by payload, then
// parses every output: no script but the site's own JSON-LD and script
// files, no event handler attribute, no javascript:, data: or vbscript:
// address, and the payload back as text in the HTML, JSON-LD, Atom and
// iCalendar outputs.
func TestXSSSample(t *testing.T) {
	fsys := hostileSample(t)
	res := build.Run(fsys, build.Options{Now: sampleNow})
	if res.Problems.HasErrors() {
		var b strings.Builder
		res.Problems.Print(&b)
		t.Fatalf("the hostile sample does not build:\n%s", b.String())
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	var htmlPages, jsonLD, feeds, calendars int
	for _, f := range res.Files {
		switch ext := path.Ext(f.Path); {
		case ext == ".html":
			htmlPages++
			jsonLD += checkHTML(t, f.Path, f.Data, files)
		case f.Path == "sitemap.xml":
			checkSitemap(t, f.Data)
		case ext == ".xml":
			feeds += checkAtom(t, f.Path, f.Data, files)
		case ext == ".ics":
			calendars += checkICS(t, f.Path, f.Data)
		case ext == ".json":
			if !json.Valid(f.Data) {
				t.Errorf("%s is not valid JSON", f.Path)
			}
		}
	}
	t.Logf("%d HTML pages, payload back as text in %d JSON-LD blocks, %d feeds, %d calendars", htmlPages, jsonLD, feeds, calendars)
	if jsonLD == 0 || feeds == 0 || calendars == 0 {
		t.Errorf("the payload did not come back in every format")
	}
	page := string(files["spotkania/2015/spotkanie-sygnatariuszy/index.html"])
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the meeting page does not show the payload as text")
	}
}

// hostileSample is the repository's site with the payload in every front
// matter string, in memory.
func hostileSample(t *testing.T) fstest.MapFS {
	t.Helper()
	root := os.DirFS("../..")
	fsys := fstest.MapFS{}
	for _, top := range []string{"site.yaml", "content", "templates", "static"} {
		err := fs.WalkDir(root, top, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			if err != nil {
				return err
			}
			switch {
			case p == "site.yaml":
				data = poisonYAML(t, p, data, func(key string) bool { return key == "title" || key == "description" })
			case strings.HasPrefix(p, "content/") && strings.HasSuffix(p, ".md"):
				data = poisonContent(t, p, data)
			}
			fsys[p] = &fstest.MapFile{Data: data, Mode: 0o644}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

func poisonContent(t *testing.T, p string, src []byte) []byte {
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	front, body, ok2 := bytes.Cut(rest, []byte("\n---\n"))
	if !ok || !ok2 {
		t.Fatalf("%s: no front matter", p)
	}
	front = poisonYAML(t, p, front, func(key string) bool { return !keepKeys[key] })
	// A website keeps its scheme and host; the rest may be anything.
	front = regexp.MustCompile(`(?m)^website: .*$`).ReplaceAll(front,
		[]byte(`website: "https://example.org/?q=\"><script>alert(1)</script>' onmouseover='x"`))
	return slices.Concat([]byte("---\n"), front, []byte("---\n"), body)
}

// poisonYAML replaces every string value under a key that poison allows
// (at any depth) by payload.
func poisonYAML(t *testing.T, p string, src []byte, poison func(key string) bool) []byte {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatalf("%s: %v", p, err)
	}
	var walk func(n *yaml.Node, key string)
	walk = func(n *yaml.Node, key string) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, key)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i].Value
				if key != "" && poison(key) && !lists[key] {
					k = key // inside a poisoned value, such as params or guests
				}
				walk(n.Content[i+1], k)
			}
		case yaml.ScalarNode:
			if n.Tag == "!!str" && poison(key) {
				n.Value, n.Style = payload, yaml.DoubleQuotedStyle
			}
		}
	}
	walk(&doc, "")
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkHTML fails on anything in a page that runs script, and returns how
// many of its JSON-LD blocks carry the payload as text.
func checkHTML(t *testing.T, name string, data []byte, files map[string][]byte) (payloads int) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return 0
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			switch {
			case strings.HasPrefix(key, "on"):
				t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
			case key == "href" || key == "src" || key == "action" || key == "formaction" || key == "poster" || key == "xlink:href":
				if scriptURL(a.Val) {
					t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
				}
			case key == "content" && strings.EqualFold(htmlx.Attr(n, "http-equiv"), "refresh"):
				if _, u, ok := strings.Cut(a.Val, "="); ok && scriptURL(u) {
					t.Errorf("%s: refresh to %q", name, u)
				}
			}
		}
		switch n.DataAtom {
		case atom.Iframe, atom.Object, atom.Embed, atom.Base:
			t.Errorf("%s: a <%s> element", name, n.Data)
		case atom.Script:
			payloads += checkScript(t, name, n, files)
		}
	}
	return payloads
}

// checkScript allows the site's own scripts only: JSON-LD, which must parse
// (the payload inside it as text), and script files the build wrote.
func checkScript(t *testing.T, name string, n *html.Node, files map[string][]byte) int {
	t.Helper()
	src, typ := htmlx.Attr(n, "src"), htmlx.Attr(n, "type")
	switch {
	case typ == "application/ld+json" && src == "":
		var text strings.Builder
		for c := range n.ChildNodes() {
			text.WriteString(c.Data)
		}
		var v any
		if err := json.Unmarshal([]byte(text.String()), &v); err != nil {
			t.Errorf("%s: JSON-LD does not parse (%v): %s", name, err, text.String())
			return 0
		}
		if containsString(v, marker) {
			return 1
		}
		return 0
	case strings.HasPrefix(src, "/") && !strings.HasPrefix(src, "//") && strings.HasSuffix(src, ".js"):
		if _, ok := files[strings.TrimPrefix(src, "/")]; !ok {
			t.Errorf("%s: <script src=%q>, a file the site does not have", name, src)
		}
		return 0
	}
	t.Errorf("%s: <script type=%q src=%q> is not the site's own", name, typ, src)
	return 0
}

// checkAtom parses a feed, checks the HTML it carries as it checks pages,
// and returns 1 if an entry's title is the payload.
func checkAtom(t *testing.T, name string, data []byte, files map[string][]byte) int {
	t.Helper()
	var feed struct {
		Entries []struct {
			Title   string `xml:"title"`
			Summary string `xml:"summary"`
			Content string `xml:"content"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(data, &feed); err != nil {
		t.Errorf("%s: %v", name, err)
		return 0
	}
	found := 0
	for _, e := range feed.Entries {
		if strings.Contains(e.Title, marker) && strings.Contains(e.Title, "\r\nX-INJECTED:1") {
			found = 1
		}
		for _, h := range []string{e.Summary, e.Content} {
			checkHTML(t, name+" (entry HTML)", []byte(h), files)
		}
	}
	if len(feed.Entries) > 0 && found == 0 {
		t.Errorf("%s: no entry title is the payload", name)
	}
	return found
}

func checkSitemap(t *testing.T, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("sitemap.xml: %v", err)
			return
		}
		if cd, ok := tok.(xml.CharData); ok && bytes.Contains(cd, []byte("<")) {
			t.Errorf("sitemap.xml: markup in a value: %q", cd)
		}
	}
}

// icsProperty is a content line's name, parameters and value.
var icsProperty = regexp.MustCompile(`^([A-Z][A-Z0-9-]*)((?:;[A-Z-]+=[^:;]*)*):(.*)$`)

// checkICS unfolds a calendar, fails on a property it did not expect (the
// payload's X-INJECTED among them), and returns 1 if a SUMMARY is the
// payload, with its CR LF as the escaped line break \n.
func checkICS(t *testing.T, name string, data []byte) int {
	t.Helper()
	known := map[string]bool{"BEGIN": true, "END": true, "VERSION": true, "PRODID": true, "CALSCALE": true,
		"METHOD": true, "NAME": true, "X-WR-CALNAME": true, "UID": true, "DTSTAMP": true, "DTSTART": true,
		"DTEND": true, "SUMMARY": true, "LOCATION": true, "DESCRIPTION": true, "URL": true, "CATEGORIES": true,
		"STATUS": true, "LAST-MODIFIED": true, "SEQUENCE": true, "X-WR-TIMEZONE": true, "REFRESH-INTERVAL": true,
		"X-PUBLISHED-TTL": true, "TZID": true, "TZOFFSETFROM": true, "TZOFFSETTO": true, "TZNAME": true, "RRULE": true}
	unfolded := strings.ReplaceAll(string(data), "\r\n ", "")
	found := 0
	for _, line := range strings.Split(strings.TrimSuffix(unfolded, "\r\n"), "\r\n") {
		m := icsProperty.FindStringSubmatch(line)
		if m == nil || !known[m[1]] {
			t.Errorf("%s: unexpected line %q", name, line)
			continue
		}
		want := strings.ReplaceAll(payload, "\r\n", "\n")
		if m[1] == "SUMMARY" && unescapeICS(m[3]) == want {
			found = 1
		}
	}
	if strings.Contains(unfolded, "BEGIN:VEVENT") && found == 0 {
		t.Errorf("%s: no SUMMARY is the payload", name)
	}
	return found
}

func unescapeICS(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n", `\N`, "\n").Replace(s)
}

func scriptURL(u string) bool {
	u = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
	u = strings.ToLower(strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"+
		"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
	for _, s := range []string{"javascript:", "vbscript:", "data:"} {
		if strings.HasPrefix(u, s) {
			return true
		}
	}
	return false
}

func containsString(v any, s string) bool {
	switch v := v.(type) {
	case string:
		return strings.Contains(v, s)
	case []any:
		for _, x := range v {
			if containsString(x, s) {
				return true
			}
		}
	case map[string]any:
		for _, x := range v {
			if containsString(x, s) {
				return true
			}
		}
	}
	return false
}
