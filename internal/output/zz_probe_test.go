package output

import "testing"

func TestZZProbe(t *testing.T) {
	m := NewMinifier()
	for _, c := range []struct{ p, s string }{
		{"a.js", "var = ;"},
		{"a.js", "let x = '<\\/script>'; const y = 1;"},
		{"a.css", "a { color: red;; } }}} b {"},
		{"a.css", "a{color:red"},
		{"a.json", "{\"a\": }"},
		{"a.json", "{\"a\": 1,\n \"b\": [1, 2 ]}"},
		{"a.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"x\"><title>Logo</title> <desc>d</desc><path d=\"M 10.000 10 L 20 20\"/></svg>"},
		{"a.svg", "<svg><g></svg>"},
		{"a.xml", "<?xml version=\"1.0\"?>\n<urlset>\n  <url> <loc>https://x/</loc> </url>\n</urlset>\n"},
		{"a.xml", "<a><b></a>"},
		{"a.html", "<!DOCTYPE html>\n<html lang=\"pl\">\n<head>\n<meta charset=\"utf-8\">\n<title>T</title>\n<script type=\"application/ld+json\">\n{ \"@context\": \"https://schema.org\",\n  \"name\": \"a </b>\" }\n</script>\n<script type=\"module\">\nconst x = '<\\/script>';\nconsole.log( x );\n</script>\n<script>\nvar y = '<\\/script>';\n</script>\n</head>\n<body>\n<p>Hello <b>world</b> !</p>\n<pre>\n  a\n    b\n</pre>\n<input type=\"text\" name=\"q\"><svg role=\"img\" aria-label=\"x\"><title>t</title></svg>\n<p class=\"\">x</p><!--[if IE]>x<![endif]--><!-- c --></body>\n</html>\n"},
		{"a.html", "<p>x</p>\n<script>\nvar = ;\n</script>"},
		{"a.html", "<p>x</p>\n<script type=\"application/ld+json\">\n{\"a\": }\n</script>"},
		{"a.html", "<p>x<b>y</p></div>"},
	} {
		out, err := m.Minify(c.p, []byte(c.s))
		t.Logf("%s %q\n  -> %q\n  err=%v", c.p, c.s, out, err)
	}
}
