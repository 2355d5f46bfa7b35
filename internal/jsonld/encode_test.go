package jsonld_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/jsonld"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// marshalBoth encodes d both ways, AppendJSON after a prefix so that a
// write before the start of b would show, and fails unless the bytes agree.
func marshalBoth(t *testing.T, d *jsonld.Document) string {
	t.Helper()
	want, wantErr := json.Marshal(d)
	const prefix = "<script>"
	got, err := d.AppendJSON([]byte(prefix))
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("AppendJSON error %v, json.Marshal error %v", err, wantErr)
	}
	if !bytes.HasPrefix(got, []byte(prefix)) {
		t.Fatalf("AppendJSON overwrote the buffer it was given: %q", got)
	}
	if got := got[len(prefix):]; !bytes.Equal(got, want) {
		t.Fatalf("AppendJSON differs from json.Marshal\n got: %s\nwant: %s", got, want)
	}
	return string(want)
}

// TestAppendJSON pins the bytes of a document of each kind Describe makes
// (and the empty and null cases json.Marshal has rules for), spelled out
// so that the expected text does not come from the code under test alone.
func TestAppendJSON(t *testing.T) {
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
			if got := marshalBoth(t, tt.doc); got != tt.want {
				t.Errorf("json.Marshal itself gives\n%s\nnot\n%s", got, tt.want)
			}
		})
	}
}

// TestAppendJSONFallback: a graph holding anything but the four node
// values is encoded by json.Marshal as a whole, error included.
func TestAppendJSONFallback(t *testing.T) {
	ev := jsonld.Event{Type: "Event", Name: "<"}
	tests := []struct {
		name    string
		graph   []any
		wantErr bool
	}{
		{"pointer to a node", []any{&ev}, false},
		{"nil pointer to a node", []any{(*jsonld.Organization)(nil)}, false},
		{"nil node", []any{nil}, false},
		{"map after a known node", []any{ev, map[string]string{"a": "<&>"}}, false},
		{"string", []any{"</script>"}, false},
		{"number", []any{1.5}, false},
		{"raw JSON", []any{json.RawMessage(`{"a":"<"}`)}, false},
		{"unencodable", []any{ev, make(chan int)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &jsonld.Document{Context: jsonld.Context, Graph: tt.graph}
			marshalBoth(t, d)
			got, err := d.AppendJSON([]byte("x"))
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error: %v", err, tt.wantErr)
			}
			if err != nil && string(got) != "x" {
				t.Errorf("failing AppendJSON returned %q, not the buffer as it was", got)
			}
		})
	}
}

// TestAppendJSONDescribe encodes what Describe makes of each kind of page.
func TestAppendJSONDescribe(t *testing.T) {
	lc := &config.Language{Code: "pl"}
	crumb := jsonld.Crumb{Name: "Home", URL: "https://x.example/"}
	meeting := benchMeeting()
	meeting.Page.Doc.HasTime = true
	alone := *meeting.Page
	alone.Host, alone.Tags = nil, nil
	home := input(nil)
	home.Page = home.Lang.Home
	for name, in := range map[string]jsonld.Input{
		"home":                   home,
		"meeting":                benchMeeting(),
		"meeting with a time":    meeting,
		"meeting without host":   input(&alone, crumb),
		"partner":                input(meeting.Page.Host, crumb),
		"list page with a trail": input(&site.Page{Kind: site.Year, Lang: lc, URL: "/spotkania/2015/"}, crumb),
	} {
		t.Run(name, func(t *testing.T) {
			if d := jsonld.Describe(in); d == nil {
				t.Fatal("no document")
			} else {
				marshalBoth(t, d)
			}
		})
	}
}

// FuzzAppendJSON builds documents holding every node kind from fuzzed
// text and numbers, with each optional field, pointer and slice present,
// empty or nil as the bits of set say, and compares AppendJSON with
// json.Marshal byte for byte.
func FuzzAppendJSON(f *testing.F) {
	nasty := []string{"", "</script>", "<!--", "<script>alert(1)</script>", "a&b", `"quoted"`, `back\slash`,
		"\x00\x01\b\f\n\r\t\x1f\x7f", "\xff", "\xc3(", "\xe2\x80", "\xed\xa0\x80", "\u2028\u2029", "🎉 emoji",
		"Zażółć gęślą jaźń ŁÓDŹ", "https://x.example/?q=1&r=<2>", "]]>", "\ufffd", "'"}
	for i, s := range nasty {
		next := nasty[(i+1)%len(nasty)]
		f.Add(s, next, "https://x.example/"+s, s, next, i, -i, uint32(i)*0x9e3779b9)
		f.Add(s, s, s, s, s, 0, 1<<62, ^uint32(0))
		f.Add(s, "", "", "", "", 1, 2, uint32(0))
	}
	f.Fuzz(func(t *testing.T, name, desc, url, kw, addr string, pos1, pos2 int, set uint32) {
		bit := func(n int) bool { return set&(1<<n) != 0 }
		opt := func(n int, s string) string {
			if bit(n) {
				return s
			}
			return ""
		}
		strs := func(n int, ss ...string) []string {
			switch {
			case !bit(n):
				return nil
			case !bit(n + 1):
				return []string{}
			}
			return ss
		}
		org := jsonld.Organization{Type: "Organization", ID: opt(0, url+"#organization"), Name: name,
			AlternateName: opt(1, kw), Description: opt(2, desc), URL: url, Logo: opt(3, url),
			Address: opt(4, addr), SameAs: strs(5, url, kw)}
		var organizer, publisher *jsonld.Organization
		if bit(7) {
			organizer = &org
		}
		if bit(8) {
			publisher = &org
		}
		ev := jsonld.Event{Type: "Event", ID: url + "#event", Name: name, Description: opt(9, desc), URL: url,
			InLanguage: kw, StartDate: desc, EndDate: opt(10, desc), EventStatus: jsonld.EventScheduled,
			EventAttendanceMode: jsonld.OfflineEventAttendanceMode,
			Location:            jsonld.Place{Type: "Place", Name: addr, Address: opt(11, name)},
			Organizer:           organizer, Image: opt(12, url), Keywords: strs(13, kw, name, desc)}
		web := jsonld.WebSite{Type: "WebSite", ID: url + "#website", Name: name, Description: opt(15, desc),
			URL: url, InLanguage: kw, Publisher: publisher}
		list := jsonld.BreadcrumbList{Type: "BreadcrumbList"}
		if bit(16) {
			list.ItemListElement = []jsonld.ListItem{}
			if bit(17) {
				list.ItemListElement = append(list.ItemListElement,
					jsonld.ListItem{Type: "ListItem", Position: pos1, Name: name, Item: url},
					jsonld.ListItem{Type: "ListItem", Position: pos2, Name: addr, Item: kw})
			}
		}
		var graph []any
		if bit(18) {
			graph = []any{}
		}
		nodes := []any{ev, org, web, list}
		for i := range nodes {
			// Bits 19 to 26, two a node: whether it is in the graph, and
			// whether a second copy follows.
			if bit(19 + 2*i) {
				graph = append(graph, nodes[i])
			}
			if bit(20 + 2*i) {
				graph = append(graph, nodes[(i+int(set>>27))%len(nodes)])
			}
		}
		marshalBoth(t, &jsonld.Document{Context: opt(31, jsonld.Context) + opt(30, kw), Graph: graph})
	})
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

// BenchmarkEncode sets AppendJSON beside the json.Marshal it replaces, on
// a typical meeting's document. AppendJSON reuses its buffer, as the
// renderer's stack buffer lets it.
func BenchmarkEncode(b *testing.B) {
	d := jsonld.Describe(benchMeeting())
	want, _ := json.Marshal(d)
	b.Run("json.Marshal", func(b *testing.B) {
		b.SetBytes(int64(len(want)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(d); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("AppendJSON", func(b *testing.B) {
		b.SetBytes(int64(len(want)))
		b.ReportAllocs()
		buf := make([]byte, 0, 4096)
		for b.Loop() {
			var err error
			if buf, err = d.AppendJSON(buf[:0]); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDescribe measures building the typical meeting's document.
func BenchmarkDescribe(b *testing.B) {
	in := benchMeeting()
	b.ReportAllocs()
	for b.Loop() {
		jsonld.Describe(in)
	}
}
