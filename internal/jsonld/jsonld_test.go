package jsonld_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/jsonld"
	"github.com/lubuskie-es/sitegen/internal/site"
)

func input(p *site.Page, crumbs ...jsonld.Crumb) jsonld.Input {
	lc := &config.Language{Code: "pl", Title: "Partnerstwo"}
	home := &site.Page{Kind: site.Home, Lang: lc, URL: "/"}
	return jsonld.Input{Page: p, Lang: &site.Lang{Config: lc, Home: home}, Title: "T", Crumbs: crumbs,
		URL:   func(p *site.Page) string { return "https://x.example" + p.URL },
		Image: func(*site.Page) string { return "" }}
}

// TestDescribe covers the rules the whole-site tests in package feeds do
// not reach: nothing to say gives no document, a meeting without a host is
// organized by the partnership, a meeting with a time has no invented end.
func TestDescribe(t *testing.T) {
	lc := &config.Language{Code: "pl"}
	if d := jsonld.Describe(input(&site.Page{Kind: site.Alias, Lang: lc, URL: "/old/"})); d != nil {
		t.Errorf("a redirect without crumbs got %+v", d)
	}
	at := time.Date(2030, 2, 1, 9, 0, 0, 0, time.FixedZone("", 3600))
	m := &site.Page{Kind: site.Meeting, Lang: lc, URL: "/spotkania/2030/x/",
		Doc: &content.Doc{Title: "T", Date: at, HasTime: true, Location: "Sala"}}
	d := jsonld.Describe(input(m, jsonld.Crumb{Name: "Home", URL: "https://x.example/"}))
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	got := string(data)
	for _, want := range []string{
		`"@context":"https://schema.org"`,
		`"startDate":"2030-02-01T09:00:00+01:00"`,
		`"organizer":{"@type":"Organization","@id":"https://x.example/#organization","name":"Partnerstwo","url":"https://x.example/"}`,
		`"location":{"@type":"Place","name":"Sala","address":"Sala"}`,
		`{"@type":"ListItem","position":1,"name":"Home","item":"https://x.example/"}`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
	if strings.Contains(got, "endDate") {
		t.Errorf("an end date was invented: %s", got)
	}
}

// TestDescribeHost: a hosted meeting is organized by its host, held at the
// host's address, pictured by the host's logo and keyed by its tags.
func TestDescribeHost(t *testing.T) {
	in := benchMeeting()
	d := jsonld.Describe(in)
	if d == nil || len(d.Graph) != 2 {
		t.Fatalf("want an event and a trail, got %+v", d)
	}
	const host, logo = "https://x.example/partnerzy/lubuska-wk-ohp/", "https://x.example/img/ohp.png"
	want := jsonld.Event{Type: "Event", ID: "https://x.example/spotkania/2015/spotkanie-sygnatariuszy/#event",
		Name: in.Title, Description: in.Description, URL: "https://x.example/spotkania/2015/spotkanie-sygnatariuszy/",
		InLanguage: "pl", StartDate: "2015-05-14", EndDate: "2015-05-14",
		EventStatus: jsonld.EventScheduled, EventAttendanceMode: jsonld.OfflineEventAttendanceMode,
		Location: jsonld.Place{Type: "Place", Name: "Lubuska Wojewódzka Komenda OHP, Zielona Góra",
			Address: "ul. Wyspiańskiego 15, 65-036 Zielona Góra"},
		Organizer: &jsonld.Organization{Type: "Organization", ID: host + "#organization",
			Name: "Lubuska Wojewódzka Komenda OHP", AlternateName: "LWK OHP", URL: host, Logo: logo,
			Address: "ul. Wyspiańskiego 15, 65-036 Zielona Góra", SameAs: []string{"https://lubuska.ohp.pl/"}},
		Image: logo, Keywords: []string{"partnerstwo", "ekonomia społeczna"}}
	if got, ok := d.Graph[0].(jsonld.Event); !ok || !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", d.Graph[0], want)
	}
}
