package jsonld_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/jsonld"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// marshal is what the renderer writes into the script element.
func marshal(t *testing.T, d *jsonld.Document) string {
	t.Helper()
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestMarshal pins the bytes of a document of each node type (and the
// empty and null cases json.Marshal has rules for), spelled out so that
// the expected text does not come from the code under test: the struct
// tags decide field names, order and omitempty, and a change to them
// changes every page's JSON-LD.
func TestMarshal(t *testing.T) {
	org := &jsonld.Organization{Type: "Organization", ID: "https://x.example/#organization", Name: "P&P", URL: "https://x.example/"}
	crumbs := jsonld.BreadcrumbList{Type: "BreadcrumbList", ItemListElement: []jsonld.ListItem{
		{Type: "ListItem", Position: 1, Name: "Strona główna", Item: "https://x.example/"},
		{Type: "ListItem", Position: 2, Name: "</script>", Item: "https://x.example/a/"}}}
	tests := []struct {
		name string
		doc  *jsonld.Document
		want string
	}{
		{"nil document", nil, `null`},
		{"nil graph", &jsonld.Document{Context: jsonld.Context}, `{"@context":"https://schema.org","@graph":null}`},
		{"empty graph", &jsonld.Document{Context: jsonld.Context, Graph: []any{}}, `{"@context":"https://schema.org","@graph":[]}`},
		{"website", &jsonld.Document{Context: jsonld.Context, Graph: []any{jsonld.WebSite{
			Type: "WebSite", ID: "https://x.example/#website", Name: "P&P", Description: "<b>",
			URL: "https://x.example/", InLanguage: "pl", Publisher: org}}},
			`{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"https://x.example/#website","name":"P\u0026P","description":"\u003cb\u003e","url":"https://x.example/","inLanguage":"pl",` +
				`"publisher":{"@type":"Organization","@id":"https://x.example/#organization","name":"P\u0026P","url":"https://x.example/"}}]}`},
		{"website without publisher", &jsonld.Document{Context: jsonld.Context, Graph: []any{jsonld.WebSite{Type: "WebSite"}}},
			`{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"","name":"","url":"","inLanguage":"","publisher":null}]}`},
		{"event", &jsonld.Document{Context: jsonld.Context, Graph: []any{jsonld.Event{
			Type: "Event", ID: "u#event", Name: "Spotkanie \"ES\"", URL: "u", InLanguage: "pl",
			StartDate: "2030-02-01", EndDate: "2030-02-01", EventStatus: jsonld.EventScheduled,
			EventAttendanceMode: jsonld.OfflineEventAttendanceMode,
			Location:            jsonld.Place{Type: "Place", Name: "Sala\n1", Address: "a\\b"},
			Organizer:           org, Image: "i.png", Keywords: []string{"ą", "\u2028"}}, crumbs}},
			`{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"u#event","name":"Spotkanie \"ES\"","url":"u","inLanguage":"pl",` +
				`"startDate":"2030-02-01","endDate":"2030-02-01","eventStatus":"https://schema.org/EventScheduled",` +
				`"eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode","location":{"@type":"Place","name":"Sala\n1","address":"a\\b"},` +
				`"organizer":{"@type":"Organization","@id":"https://x.example/#organization","name":"P\u0026P","url":"https://x.example/"},` +
				`"image":"i.png","keywords":["ą","\u2028"]},` +
				`{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Strona główna","item":"https://x.example/"},` +
				`{"@type":"ListItem","position":2,"name":"\u003c/script\u003e","item":"https://x.example/a/"}]}]}`},
		{"event, empty keywords and no organizer", &jsonld.Document{Context: jsonld.Context, Graph: []any{jsonld.Event{
			Type: "Event", Keywords: []string{}}}},
			`{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"","name":"","url":"","inLanguage":"","startDate":"",` +
				`"eventStatus":"","eventAttendanceMode":"","location":{"@type":"","name":"","address":""}}]}`},
		{"organization", &jsonld.Document{Context: jsonld.Context, Graph: []any{jsonld.Organization{
			Type: "Organization", ID: "p#organization", Name: "Ośrodek", AlternateName: "OŚ", Description: "d\x00",
			URL: "p", Logo: "l.svg", Address: "Zielona Góra", SameAs: []string{"https://o.example/?a=1&b=2"}}}},
			`{"@context":"https://schema.org","@graph":[{"@type":"Organization","@id":"p#organization","name":"Ośrodek","alternateName":"OŚ",` +
				`"description":"d\u0000","url":"p","logo":"l.svg","address":"Zielona Góra","sameAs":["https://o.example/?a=1\u0026b=2"]}]}`},
		{"breadcrumbs, nil and empty", &jsonld.Document{Context: jsonld.Context, Graph: []any{
			jsonld.BreadcrumbList{Type: "BreadcrumbList"},
			jsonld.BreadcrumbList{Type: "BreadcrumbList", ItemListElement: []jsonld.ListItem{}},
			jsonld.BreadcrumbList{Type: "BreadcrumbList", ItemListElement: []jsonld.ListItem{{Position: -12}}}}},
			`{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList","itemListElement":null},` +
				`{"@type":"BreadcrumbList","itemListElement":[]},` +
				`{"@type":"BreadcrumbList","itemListElement":[{"@type":"","position":-12,"name":"","item":""}]}]}`},
		{"invalid UTF-8 and controls", &jsonld.Document{Context: "\xff\xc3(\b\f\r\t\x1f\x7f'", Graph: []any{}},
			`{"@context":"\ufffd\ufffd(\b\f\r\t\u001f` + "\x7f'" + `","@graph":[]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := marshal(t, tt.doc); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestMarshalDescribe pins the bytes of what Describe makes of each kind of
// page, as the renderer encodes it. The expected text is what the
// hand-written encoder this replaced gave, and so what the site's golden
// pages hold.
func TestMarshalDescribe(t *testing.T) {
	lc := &config.Language{Code: "pl"}
	crumb := jsonld.Crumb{Name: "Home", URL: "https://x.example/"}
	timed := benchMeeting()
	doc := *timed.Page.Doc
	doc.HasTime = true
	page := *timed.Page
	page.Doc = &doc
	timed.Page = &page
	alone := page
	alone.Host, alone.Tags = nil, nil
	home := input(nil)
	home.Page = home.Lang.Home
	inputs := map[string]jsonld.Input{
		"home":                   home,
		"meeting":                benchMeeting(),
		"meeting with a time":    timed,
		"meeting without host":   input(&alone, crumb),
		"partner":                input(page.Host, crumb),
		"list page with a trail": input(&site.Page{Kind: site.Year, Lang: lc, URL: "/spotkania/2015/"}, crumb),
	}
	tests := []struct {
		name string
		want string
	}{
		{"home",
			`{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"https://x.example/#website","name":"Partnerstwo","url":"https://x.example/","inLanguage":"pl"` +
				`,"publisher":{"@type":"Organization","@id":"https://x.example/#organization","name":"Partnerstwo","url":"https://x.example/"}}]}`},
		{"meeting",
			`{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"https://x.example/spotkania/2015/spotkanie-sygnatariuszy/#event","name":"Spotkanie sygnatariuszy Partnerstwa na rzecz ekonomii społecznej"` +
				`,"description":"14 maja 2015 r. sygnatariusze Partnerstwa spotkali się w siedzibie Lubuskiej Wojewódzkiej Komendy OHP w Zielonej Górze, aby omówić formy działania na rzecz ekonomii społecznej w województwie lubuskim.","url":"https://x.example/spotkania/2015/spotkanie-sygnatariuszy/","inLanguage":"pl","startDate":"2015-05-14","endDate":"2015-05-14"` +
				`,"eventStatus":"https://schema.org/EventScheduled","eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode"` +
				`,"location":{"@type":"Place","name":"Lubuska Wojewódzka Komenda OHP, Zielona Góra","address":"ul. Wyspiańskiego 15, 65-036 Zielona Góra"}` +
				`,"organizer":{"@type":"Organization","@id":"https://x.example/partnerzy/lubuska-wk-ohp/#organization","name":"Lubuska Wojewódzka Komenda OHP","alternateName":"LWK OHP","url":"https://x.example/partnerzy/lubuska-wk-ohp/","logo":"https://x.example/img/ohp.png","address":"ul. Wyspiańskiego 15, 65-036 Zielona Góra","sameAs":["https://lubuska.ohp.pl/"]},"image":"https://x.example/img/ohp.png","keywords":["partnerstwo","ekonomia społeczna"]}` +
				`,{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Strona główna","item":"https://x.example/"}` +
				`,{"@type":"ListItem","position":2,"name":"Spotkania","item":"https://x.example/spotkania/"}` +
				`,{"@type":"ListItem","position":3,"name":"2015","item":"https://x.example/spotkania/2015/"}` +
				`,{"@type":"ListItem","position":4,"name":"Spotkanie sygnatariuszy Partnerstwa","item":"https://x.example/spotkania/2015/spotkanie-sygnatariuszy/"}]}]}`},
		{"meeting with a time",
			`{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"https://x.example/spotkania/2015/spotkanie-sygnatariuszy/#event","name":"Spotkanie sygnatariuszy Partnerstwa na rzecz ekonomii społecznej"` +
				`,"description":"14 maja 2015 r. sygnatariusze Partnerstwa spotkali się w siedzibie Lubuskiej Wojewódzkiej Komendy OHP w Zielonej Górze, aby omówić formy działania na rzecz ekonomii społecznej w województwie lubuskim.","url":"https://x.example/spotkania/2015/spotkanie-sygnatariuszy/","inLanguage":"pl","startDate":"2015-05-14T00:00:00Z"` +
				`,"eventStatus":"https://schema.org/EventScheduled","eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode"` +
				`,"location":{"@type":"Place","name":"Lubuska Wojewódzka Komenda OHP, Zielona Góra","address":"ul. Wyspiańskiego 15, 65-036 Zielona Góra"}` +
				`,"organizer":{"@type":"Organization","@id":"https://x.example/partnerzy/lubuska-wk-ohp/#organization","name":"Lubuska Wojewódzka Komenda OHP","alternateName":"LWK OHP","url":"https://x.example/partnerzy/lubuska-wk-ohp/","logo":"https://x.example/img/ohp.png","address":"ul. Wyspiańskiego 15, 65-036 Zielona Góra","sameAs":["https://lubuska.ohp.pl/"]},"image":"https://x.example/img/ohp.png","keywords":["partnerstwo","ekonomia społeczna"]}` +
				`,{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Strona główna","item":"https://x.example/"}` +
				`,{"@type":"ListItem","position":2,"name":"Spotkania","item":"https://x.example/spotkania/"}` +
				`,{"@type":"ListItem","position":3,"name":"2015","item":"https://x.example/spotkania/2015/"}` +
				`,{"@type":"ListItem","position":4,"name":"Spotkanie sygnatariuszy Partnerstwa","item":"https://x.example/spotkania/2015/spotkanie-sygnatariuszy/"}]}]}`},
		{"meeting without host",
			`{"@context":"https://schema.org","@graph":[{"@type":"Event","@id":"https://x.example/spotkania/2015/spotkanie-sygnatariuszy/#event","name":"T","url":"https://x.example/spotkania/2015/spotkanie-sygnatariuszy/","inLanguage":"pl","startDate":"2015-05-14T00:00:00Z"` +
				`,"eventStatus":"https://schema.org/EventScheduled","eventAttendanceMode":"https://schema.org/OfflineEventAttendanceMode"` +
				`,"location":{"@type":"Place","name":"Lubuska Wojewódzka Komenda OHP, Zielona Góra","address":"Lubuska Wojewódzka Komenda OHP, Zielona Góra"}` +
				`,"organizer":{"@type":"Organization","@id":"https://x.example/#organization","name":"Partnerstwo","url":"https://x.example/"}}` +
				`,{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home","item":"https://x.example/"}]}]}`},
		{"partner",
			`{"@context":"https://schema.org","@graph":[{"@type":"Organization","@id":"https://x.example/partnerzy/lubuska-wk-ohp/#organization","name":"Lubuska Wojewódzka Komenda OHP","alternateName":"LWK OHP","url":"https://x.example/partnerzy/lubuska-wk-ohp/","address":"ul. Wyspiańskiego 15, 65-036 Zielona Góra","sameAs":["https://lubuska.ohp.pl/"]}` +
				`,{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home","item":"https://x.example/"}]}]}`},
		{"list page with a trail",
			`{"@context":"https://schema.org","@graph":[{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home","item":"https://x.example/"}]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := jsonld.Describe(inputs[tt.name])
			if d == nil {
				t.Fatal("no document")
			}
			if got := marshal(t, d); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// TestMarshalScriptSafe puts text that would end or confuse a script
// element into every string Describe copies from the site, and checks
// that none of it reaches the JSON text as it is: "<", ">" and "&" and the
// line separators, which end a JavaScript string in older parsers, come
// out as \u escapes, and the text still decodes to what was put in.
func TestMarshalScriptSafe(t *testing.T) {
	for _, evil := range []string{"</script><script>alert(1)</script>", "<!--", "</SCRIPT >", "a&amp;b", "]]>", "x\u2028y\u2029z"} {
		lc := &config.Language{Code: "pl", Title: evil, Description: evil}
		host := &site.Page{Kind: site.Partner, Lang: lc, URL: "/partnerzy/" + evil + "/",
			Doc: &content.Doc{Title: evil, Short: evil, Address: evil, Website: "https://x.example/?" + evil, Logo: evil}}
		m := &site.Page{Kind: site.Meeting, Lang: lc, URL: "/spotkania/" + evil + "/", Host: host,
			Tags: []*site.TagInfo{{Name: evil}},
			Doc:  &content.Doc{Title: evil, Date: time.Date(2015, 5, 14, 0, 0, 0, 0, time.UTC), Location: evil}}
		home := &site.Page{Kind: site.Home, Lang: lc, URL: "/"}
		for _, p := range []*site.Page{m, host, home} {
			in := jsonld.Input{Page: p, Lang: &site.Lang{Config: lc, Home: home}, Title: evil, Description: evil,
				Crumbs: []jsonld.Crumb{{Name: evil, URL: "https://x.example/" + evil}},
				URL:    func(p *site.Page) string { return "https://x.example" + p.URL },
				Image:  func(p *site.Page) string { return "https://x.example/" + p.Doc.Logo }}
			got := marshal(t, jsonld.Describe(in))
			if i := strings.IndexAny(got, "<>&\u2028\u2029"); i >= 0 {
				t.Errorf("%q reaches the script element as it is at byte %d:\n%s", evil, i, got)
			}
			var back struct {
				Graph []map[string]any `json:"@graph"`
			}
			if err := json.Unmarshal([]byte(got), &back); err != nil {
				t.Fatalf("%s: %v", got, err)
			}
			if !slices.Contains(names(back.Graph), evil) {
				t.Errorf("%q does not come back as the name of a node: %s", evil, got)
			}
		}
	}
}

// names returns the "name" of each node of a decoded graph.
func names(graph []map[string]any) []string {
	var out []string
	for _, n := range graph {
		if s, ok := n["name"].(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// benchMeeting is a typical meeting: hosted by a partner with a logo, an
// address and a website, tagged, with a description and a trail four steps
// long, as the build's golden meeting page has.
func benchMeeting() jsonld.Input {
	lc := &config.Language{Code: "pl", Title: "Partnerstwo na rzecz ekonomii społecznej"}
	host := &site.Page{Kind: site.Partner, Lang: lc, URL: "/partnerzy/lubuska-wk-ohp/",
		Doc: &content.Doc{Title: "Lubuska Wojewódzka Komenda OHP", Short: "LWK OHP",
			Address: "ul. Wyspiańskiego 15, 65-036 Zielona Góra", Website: "https://lubuska.ohp.pl/", Logo: "img/ohp.png"}}
	m := &site.Page{Kind: site.Meeting, Lang: lc, URL: "/spotkania/2015/spotkanie-sygnatariuszy/", Host: host,
		Tags: []*site.TagInfo{{Name: "partnerstwo"}, {Name: "ekonomia społeczna"}},
		Doc: &content.Doc{Title: "Spotkanie sygnatariuszy", Date: time.Date(2015, 5, 14, 0, 0, 0, 0, time.UTC),
			Location: "Lubuska Wojewódzka Komenda OHP, Zielona Góra"}}
	in := input(m, jsonld.Crumb{Name: "Strona główna", URL: "https://x.example/"},
		jsonld.Crumb{Name: "Spotkania", URL: "https://x.example/spotkania/"},
		jsonld.Crumb{Name: "2015", URL: "https://x.example/spotkania/2015/"},
		jsonld.Crumb{Name: "Spotkanie sygnatariuszy Partnerstwa", URL: "https://x.example/spotkania/2015/spotkanie-sygnatariuszy/"})
	in.Title = "Spotkanie sygnatariuszy Partnerstwa na rzecz ekonomii społecznej"
	in.Description = "14 maja 2015 r. sygnatariusze Partnerstwa spotkali się w siedzibie Lubuskiej Wojewódzkiej " +
		"Komendy OHP w Zielonej Górze, aby omówić formy działania na rzecz ekonomii społecznej w województwie lubuskim."
	in.Image = func(p *site.Page) string { return "https://x.example/" + p.Doc.Logo }
	return in
}

// BenchmarkMarshal encodes a typical meeting's document as the renderer
// does.
func BenchmarkMarshal(b *testing.B) {
	d := jsonld.Describe(benchMeeting())
	want, _ := json.Marshal(d)
	b.SetBytes(int64(len(want)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDescribe measures building the typical meeting's document.
func BenchmarkDescribe(b *testing.B) {
	in := benchMeeting()
	b.ReportAllocs()
	for b.Loop() {
		jsonld.Describe(in)
	}
}
