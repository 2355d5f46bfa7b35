package output

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
)

const page = `<!DOCTYPE html>
<html lang="pl">
<head>
  <meta charset="utf-8">
  <title>Spotkanie</title>
  <script type="application/ld+json">
  {
    "@context": "https://schema.org",
    "@type": "Event",
    "name": "Spotkanie <\/script>"
  }
  </script>
  <script type="module">
    const end = '<\/script>';
    console.log( end );
  </script>
</head>
<body>
  <p lang="en">Hello   <b>world</b> !</p>
  <pre>
  indented
      more
  </pre>
  <form><input type="text" name="q"></form>
</body>
</html>
`

func TestMinifyHTMLIsConservative(t *testing.T) {
	out, err := NewMinifier().Minify("spotkania/x/index.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		"<html lang=pl>", "<head>", "</head>", "<body>", "</body>", "</html>",
		"<p lang=en>", "</p>",
		"Hello <b>world</b> !", // one space kept between words and inline tags
		"<pre>\n  indented\n      more\n  </pre>",
		"<input type=text name=q>",          // default value kept for CSS selectors
		"<script type=application/ld+json>", // type kept
		`{"@context":"https://schema.org","@type":"Event","name":"Spotkanie <\/script>"}`,
		`const end="<\/script>"`, // still escaped inside a typed script
	} {
		if !strings.Contains(got, want) {
			t.Errorf("minified page lacks %q:\n%s", want, got)
		}
	}
	if len(out) >= len(page) {
		t.Errorf("not smaller: %d >= %d bytes", len(out), len(page))
	}
}

func TestMinifyByExtension(t *testing.T) {
	tests := []struct{ path, in, want string }{
		{"css/site.css", "a {\n  color: #ff0000;\n}\n", "a{color:red}"},
		{"CSS/SITE.CSS", "a { margin: 0px; }", "a{margin:0}"},
		{"js/app.js", "function add(a, b) {\n  return a + b;\n}\n", "function add(e,t){return e+t}"},
		{"js/app.mjs", "export const x = 1 ;\n", "export const x=1"},
		{"img/logo.svg", `<svg xmlns="http://www.w3.org/2000/svg" role="img"> <title>Logo</title> <path d="M 10.000 10 L 20 20"/> </svg>`,
			`<svg xmlns="http://www.w3.org/2000/svg" role="img"><title>Logo</title><path d="M10 10 20 20"/></svg>`},
		{"data/x.json", "{\n  \"a\": [1, 2],\n  \"b\": \"c\"\n}\n", `{"a":[1,2],"b":"c"}`},
		{"site.webmanifest", "{ \"name\": \"Site\" }", `{"name":"Site"}`},
		{"sitemap.xml", "<?xml version=\"1.0\"?>\n<urlset>\n  <url> <loc>https://e.pl/</loc> </url>\n</urlset>\n",
			`<?xml version="1.0"?><urlset><url><loc>https://e.pl/</loc></url></urlset>`},
		{"page.htm", "<p>a  b</p>\n", "<p>a b</p>"},
	}
	m := NewMinifier()
	for _, tt := range tests {
		got, err := m.Minify(tt.path, []byte(tt.in))
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.path, got, tt.want)
		}
	}
}

func TestMinifyLeavesOtherTypesAlone(t *testing.T) {
	m := NewMinifier()
	for _, p := range []string{"robots.txt", "img/a.png", "CNAME", ".htaccess", "a.md", "feed.atom.gz", "x.html.bak"} {
		in := []byte("  keep   this \n\n as is  \x00\xff")
		got, err := m.Minify(p, in)
		if err != nil || !bytes.Equal(got, in) {
			t.Errorf("%s: got %q, %v; want the input unchanged", p, got, err)
		}
	}
}

func TestMinifyKeepsPreformattedFeedText(t *testing.T) {
	feed := "<feed><entry><content type=\"html\">&lt;pre&gt;a\n    b&lt;/pre&gt;</content></entry></feed>\n"
	got, err := NewMinifier().Minify("feed.xml", []byte(feed))
	if err != nil || string(got) != feed {
		t.Errorf("got %q, %v; want the feed unchanged", got, err)
	}
}

func TestMinifyErrorNamesTheFile(t *testing.T) {
	tests := []struct{ path, in, want string }{
		{"js/app.js", "var = ;", "js/app.js:1:5: minify: "},
		{"data/x.json", `{"a": }`, "data/x.json:1:7: minify: "},
		{"spotkania/x/index.html", "<p>x</p>\n<script>\nvar = ;\n</script>", "spotkania/x/index.html:3:"},
		{"o/index.html", "<script type=\"application/ld+json\">{\"a\": }</script>", "o/index.html:1:"},
	}
	m := NewMinifier()
	for _, tt := range tests {
		out, err := m.Minify(tt.path, []byte(tt.in))
		if err == nil {
			t.Errorf("%s: no error, got %q", tt.path, out)
			continue
		}
		if !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %q; want one line starting %q", tt.path, err, tt.want)
		}
	}
}

// CSS is parsed with error recovery, as browsers do: broken CSS is not an
// error, and the result is what a browser would keep.
func TestMinifyCSSRecoversLikeABrowser(t *testing.T) {
	got, err := NewMinifier().Minify("a.css", []byte("a { color: red"))
	if err != nil || string(got) != "a{color:red}" {
		t.Errorf("got %q, %v", got, err)
	}
}

func TestMinifyDoesNotChangeItsInput(t *testing.T) {
	// A slice of a larger buffer: the byte after it belongs to someone else.
	buf := []byte("<p>a    b</p>   \n\n<p>c</p>|")
	in := buf[:len(buf)-1]
	before := string(buf)
	if _, err := NewMinifier().Minify("x.html", in); err != nil {
		t.Fatal(err)
	}
	if string(buf) != before {
		t.Errorf("input changed: %q, was %q", buf, before)
	}
}

func TestMinifierIsSafeForConcurrentUse(t *testing.T) {
	m := NewMinifier()
	shared := []byte(page) // the same bytes minified by every goroutine
	want, err := m.Minify("a.html", shared)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			for range 20 {
				got, err := m.Minify(fmt.Sprintf("p%d.html", i), shared)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("goroutine %d: got %q, %v", i, got, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestMinifyEmpty(t *testing.T) {
	m := NewMinifier()
	for _, p := range []string{"a.html", "a.css", "a.js", "a.svg", "a.xml", "a.txt"} {
		got, err := m.Minify(p, nil)
		if err != nil || len(got) != 0 {
			t.Errorf("%s: got %q, %v", p, got, err)
		}
	}
}

// typicalPage is a rendered article page of about size bytes: navigation,
// JSON-LD, paragraphs with inline markup, a list, a table, code, a footer.
func typicalPage(size int) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html lang="pl">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Spotkanie 2015 — Lubuskie ES</title>
    <link rel="stylesheet" href="/css/site.1a2b3c4d5e.css" integrity="sha384-abc" crossorigin="anonymous">
    <script type="application/ld+json">
    {
      "@context": "https://schema.org",
      "@type": "Event",
      "name": "Spotkanie",
      "startDate": "2015-05-12T18:00:00+02:00",
      "location": { "@type": "Place", "name": "Zielona Góra" }
    }
    </script>
  </head>
  <body>
    <header class="site-header">
      <nav aria-label="Główna">
        <ul>
          <li><a href="/">Start</a></li>
          <li><a href="/spotkania/">Spotkania</a></li>
          <li><a href="/o-nas/" aria-current="page">O nas</a></li>
        </ul>
      </nav>
    </header>
    <main id="content">
      <article>
        <h1>Spotkanie 2015</h1>
`)
	for i := 0; b.Len() < size-600; i++ {
		fmt.Fprintf(&b, `        <h2 id="sekcja-%d">Sekcja %d</h2>
        <p>
          Lorem ipsum <em>dolor</em> sit amet, <a href="/spotkania/2015/%d/" title="Więcej">consectetur</a>
          adipiscing elit &mdash; sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.
        </p>
        <ul>
          <li>Punkt pierwszy</li>
          <li>Punkt <strong>drugi</strong></li>
        </ul>
        <table>
          <thead><tr><th scope="col">Godzina</th><th scope="col">Temat</th></tr></thead>
          <tbody><tr><td>18:00</td><td>Powitanie</td></tr></tbody>
        </table>
        <pre><code class="language-go">func main() {
    fmt.Println("witaj")
}</code></pre>
`, i, i, i)
	}
	b.WriteString(`      </article>
    </main>
    <footer>
      <p>&copy; 2015 Lubuskie ES</p>
    </footer>
  </body>
</html>
`)
	return []byte(b.String())
}

func TestTypicalPageMinifies(t *testing.T) {
	in := typicalPage(20 << 10)
	out, err := NewMinifier().Minify("index.html", in)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^<!doctype html><html lang=pl><head>`).Match(out) {
		t.Errorf("unexpected start: %.80s", out)
	}
	t.Logf("%d → %d bytes", len(in), len(out))
}

func BenchmarkMinifyHTML20KB(b *testing.B) {
	m := NewMinifier()
	in := typicalPage(20 << 10)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.Minify("index.html", in); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMinifyTemplate: a template's markup is minified around its actions,
// which stay as they are, and a comment – here with an apostrophe, which
// the minifier would take for the start of a string – is emptied and does
// not stop the minifying of what follows.
func TestMinifyTemplate(t *testing.T) {
	src := `{{define "x"}}
<nav class="menu">
  {{- /* the partner's page, or the home page */ -}}
  {{/* a comment
       over two lines */}}
  <ul>
    <li>  <a href="{{.URL}}">{{.Title}}</a>  </li>
  </ul>
</nav>
{{end}}`
	got, err := NewMinifier().MinifyTemplate("templates/partials/x.html", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := `{{define "x"}}<nav class=menu>{{- /**/ -}}
{{/**/}}<ul><li><a href="{{.URL}}">{{.Title}}</a></li></ul></nav>{{end}}`
	if string(got) != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}
