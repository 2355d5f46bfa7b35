package check

import (
	"slices"
	"testing"
)

// TestLinkNames checks the accessible names the link-text rules judge.
func TestLinkNames(t *testing.T) {
	cases := []struct{ html, want string }{
		{`<a href=/x/>Kontakt</a>`, "Kontakt"},
		{`<a href=/x/>  Sprawozdanie <em>ze</em>   spotkania </a>`, "Sprawozdanie ze spotkania"},
		{`<a href=/x/ aria-label="Strona główna"><svg aria-hidden=true><circle/></svg></a>`, "Strona główna"},
		{`<a href=/x/><svg aria-hidden=true></svg><span>Szukaj</span></a>`, "Szukaj"},
		{`<a href=/x/><img src=/l.svg alt="Logo WUP"></a>`, "Logo WUP"},
		{`<a href=/x/><img src=/l.svg alt=""></a>`, ""},
		{`<a href=/x/><svg><title>Mapa</title></svg></a>`, "Mapa"},
		{`<a href=/x/ title="Kanał Atom"></a>`, "Kanał Atom"},
		{`<a href=/x/ aria-labelledby="h"></a><h2 id=h>Spotkania 2015</h2>`, "Spotkania 2015"},
		{`<a href=/x/><span hidden>ukryte</span></a>`, ""},
		{`<a href=/x/><ul><li>jeden</li><li>dwa</li></ul></a>`, "jeden dwa"},
	}
	for _, tc := range cases {
		p := parsePage("index.html", []byte(tc.html))
		if len(p.refs) == 0 {
			t.Errorf("%s: no link found", tc.html)
			continue
		}
		if got := p.refs[0].name; got != tc.want {
			t.Errorf("%s: name %q, want %q", tc.html, got, tc.want)
		}
	}
}

// TestRefs checks which URLs of a page are followed.
func TestRefs(t *testing.T) {
	src := `<!doctype html><html lang=pl><head>
<link rel=stylesheet href=/css/a.css><meta http-equiv=refresh content="0; url=https://example.org/nowy/">
<meta property=og:image content="https://example.org/og.png"><meta name=description content="Opis, nie adres">
</head><body id=top>
<img src=/a.png srcset="/a-2x.png 2x, /a-3x.png 3x" alt=x><img src=/b.png>
<video poster=/p.jpg><source src=/v.mp4><track src=/c.vtt></video>
<a name=stara>x</a><script src=/s.js></script></body></html>`
	p := parsePage("dir/index.html", []byte(src))
	var got []string
	for _, r := range p.refs {
		got = append(got, r.tag+" "+r.url)
	}
	want := []string{"link /css/a.css", "meta https://example.org/nowy/", "meta https://example.org/og.png",
		"img /a.png", "img /a-2x.png", "img /a-3x.png", "img /b.png", "video /p.jpg", "source /v.mp4", "track /c.vtt",
		"script /s.js"}
	if !slices.Equal(got, want) {
		t.Errorf("refs\n got %q\nwant %q", got, want)
	}
	if p.lang != "pl" || p.url != "/dir/" || !p.ids["top"] || !p.ids["stara"] {
		t.Errorf("page facts: lang %q url %q ids %v", p.lang, p.url, p.ids)
	}
	if p.refs[3].hasAlt != true || p.refs[6].hasAlt != false {
		t.Errorf("alt: %+v %+v", p.refs[3], p.refs[6])
	}
}

// TestVague is the table of vague link texts at work.
func TestVague(t *testing.T) {
	cases := []struct {
		lang, text string
		want       bool
	}{
		{"pl", "kliknij tutaj", true},
		{"pl", "Kliknij TUTAJ!", true},
		{"pl", "Więcej…", true},
		{"pl", "» czytaj więcej", true},
		{"pl", "Więcej o Partnerstwie", false},
		{"pl", "tutaj znajdziesz regulamin", false},
		{"pl-PL", "tutaj", true},
		{"en", "Click here", true},
		{"en", "Read more", true},
		{"en", "here", true},
		{"en", "Read more about the meeting", false},
		{"en", "tutaj", false}, // a page's language decides
		{"de", "here", true},   // a language without a list is held to all
		{"de", "tutaj", true},
		{"pl", "", false},
	}
	for _, tc := range cases {
		if got := isVague(tc.lang, tc.text); got != tc.want {
			t.Errorf("isVague(%q, %q) = %v, want %v", tc.lang, tc.text, got, tc.want)
		}
	}
}
