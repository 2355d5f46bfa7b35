package feeds_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/feeds"
	"github.com/lubuskie-es/sitegen/internal/htmlx"
	"github.com/lubuskie-es/sitegen/internal/site"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ldNode is any node of a JSON-LD graph, with the fields the tests read.
type ldNode struct {
	Type                string   `json:"@type"`
	ID                  string   `json:"@id"`
	Name                string   `json:"name"`
	URL                 string   `json:"url"`
	StartDate           string   `json:"startDate"`
	EndDate             string   `json:"endDate"`
	EventStatus         string   `json:"eventStatus"`
	EventAttendanceMode string   `json:"eventAttendanceMode"`
	InLanguage          string   `json:"inLanguage"`
	Description         string   `json:"description"`
	Image               string   `json:"image"`
	Logo                string   `json:"logo"`
	SameAs              []string `json:"sameAs"`
	Location            *ldNode  `json:"location"`
	Address             string   `json:"address"`
	Organizer           *ldNode  `json:"organizer"`
	ItemListElement     []ldNode `json:"itemListElement"`
	Position            int      `json:"position"`
	Item                string   `json:"item"`
}

type ldDoc struct {
	Context string   `json:"@context"`
	Graph   []ldNode `json:"@graph"`
}

func (d ldDoc) find(typ string) *ldNode {
	for i := range d.Graph {
		if d.Graph[i].Type == typ {
			return &d.Graph[i]
		}
	}
	return nil
}

// TestHeadMeta reads the head of every page of the sample site and of the
// fixture: Open Graph and Twitter tags, feed links, and the JSON-LD parsed
// as JSON with the type and fields each kind of page must have.
func TestHeadMeta(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    built
	}{
		{"sample", buildSample(t, sampleNow)},
		{"sample announced", buildSample(t, announceNow)},
		{"fixture", buildFS(t, fixture(t), buildOpts(fixtureNow))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			counts := map[string]int{}
			for _, p := range tc.b.site.Pages {
				for _, typ := range checkPageMeta(t, tc.b, p) {
					counts[typ]++
				}
			}
			t.Logf("JSON-LD nodes and og:image checked: %v", counts)
			if tc.name == "fixture" && counts["og:image"] < 3 {
				t.Errorf("the host's logo is the image of its page and its meetings' pages: %v", counts)
			}
			if counts["Event"] == 0 || counts["Organization"] == 0 || counts["WebSite"] != len(tc.b.site.Langs) || counts["BreadcrumbList"] == 0 {
				t.Errorf("missing kinds of JSON-LD: %v", counts)
			}
			head := readHead(parseHTML(t, "404.html", tc.b.files["404.html"]))
			if len(head.ldJSON) != 0 || head.meta["og:title"] != nil || len(head.feeds["application/atom+xml"]) != 1 {
				t.Errorf("404.html: want no JSON-LD and no Open Graph, but the feed link; got %+v", head)
			}
		})
	}
}

// checkPageMeta checks one page and returns the JSON-LD types it carries.
func checkPageMeta(t *testing.T, b built, p *site.Page) []string {
	t.Helper()
	base := b.site.Config.BaseURL
	abs := func(p *site.Page) string { return base + strings.TrimPrefix(p.URL, "/") }
	file := outputOf(p)
	head := readHead(parseHTML(t, file, b.files[file]))
	l := b.site.Lang(p.Lang.Code)

	// Every page links its language's feeds, by absolute address, and they exist.
	wantFeeds := map[string][]string{
		"application/atom+xml": {base + strings.TrimPrefix(feeds.AtomPath(l), "/")},
		"text/calendar":        {base + strings.TrimPrefix(feeds.CalendarPath(l), "/")},
	}
	if e := feeds.EventPath(l, p); e != "" {
		wantFeeds["text/calendar"] = append(wantFeeds["text/calendar"], base+strings.TrimPrefix(e, "/"))
		// The visible "add to calendar" link (partials/add-to-calendar.html).
		href := strings.TrimSuffix(pathOf(base), "/") + e
		found := false
		htmlx.Walk(parseHTML(t, file, b.files[file]), func(n *html.Node) {
			found = found || n.DataAtom == atom.A && htmlx.Attr(n, "href") == href
		})
		if !found {
			t.Errorf("%s: no visible link to %s (add to calendar)", file, href)
		}
	}
	for typ, hrefs := range wantFeeds {
		if !slices.Equal(head.feeds[typ], hrefs) {
			t.Errorf("%s: %s links %v, want %v", file, typ, head.feeds[typ], hrefs)
		}
		for _, h := range hrefs {
			if _, ok := b.files[strings.TrimPrefix(h, base)]; !ok {
				t.Errorf("%s: links %s, which is not written", file, h)
			}
		}
	}
	if p.Kind == site.Alias {
		if len(head.ldJSON) != 0 || head.meta["og:url"] != nil {
			t.Errorf("%s: a redirect carries Open Graph or JSON-LD", file)
		}
		return nil
	}

	// Open Graph and Twitter.
	one := func(key string) string {
		if v := head.meta[key]; len(v) == 1 {
			return v[0]
		}
		t.Errorf("%s: %d %s tags, want 1", file, len(head.meta[key]), key)
		return ""
	}
	if one("og:url") != head.canonical || head.canonical != abs(p) {
		t.Errorf("%s: og:url %q, canonical %q, want %q", file, one("og:url"), head.canonical, abs(p))
	}
	if one("og:title") == "" || one("og:title") != one("twitter:title") || one("og:description") != one("twitter:description") {
		t.Errorf("%s: og/twitter title and description disagree", file)
	}
	// A page with an image (its photo's preview, or the site's default)
	// is shown large; one without, as a summary.
	card := "summary"
	if len(head.meta["og:image"]) > 0 {
		card = "summary_large_image"
	}
	if one("og:locale") != p.Lang.Locale || one("twitter:card") != card || one("og:site_name") != p.Lang.Title {
		t.Errorf("%s: og:locale %q, twitter:card %q, og:site_name %q", file, one("og:locale"), one("twitter:card"), one("og:site_name"))
	}
	var wantAlt []string
	for _, tr := range p.Translations {
		wantAlt = append(wantAlt, tr.Lang.Locale)
	}
	if !slices.Equal(head.meta["og:locale:alternate"], wantAlt) {
		t.Errorf("%s: og:locale:alternate %v, want %v", file, head.meta["og:locale:alternate"], wantAlt)
	}
	var types []string
	if img := head.meta["og:image"]; len(img) > 0 {
		types = append(types, "og:image")
		if _, ok := b.files[strings.TrimPrefix(img[0], base)]; !ok || !strings.HasPrefix(img[0], base) {
			t.Errorf("%s: og:image %s is not a written file", file, img[0])
		}
		// Social networks show no SVG, and lay out the card by its size.
		if strings.HasSuffix(img[0], ".svg") || one("og:image:width") == "" || one("og:image:height") == "" || one("og:image:alt") == "" {
			t.Errorf("%s: og:image %s, width %q, height %q, alt %q", file, img[0], one("og:image:width"), one("og:image:height"), one("og:image:alt"))
		}
	}

	// JSON-LD.
	if len(head.ldJSON) > 1 {
		t.Errorf("%s: %d JSON-LD scripts, want at most one", file, len(head.ldJSON))
	}
	if len(head.ldJSON) == 0 {
		t.Errorf("%s: no JSON-LD (every page but a redirect has at least its breadcrumbs)", file)
		return nil
	}
	var doc ldDoc
	if err := json.Unmarshal([]byte(head.ldJSON[0]), &doc); err != nil {
		t.Fatalf("%s: JSON-LD is not JSON: %v\n%s", file, err, head.ldJSON[0])
	}
	if doc.Context != "https://schema.org" || len(doc.Graph) == 0 {
		t.Errorf("%s: @context %q, %d nodes", file, doc.Context, len(doc.Graph))
	}
	for _, n := range doc.Graph {
		types = append(types, n.Type)
	}
	switch p.Kind {
	case site.Home:
		ws := doc.find("WebSite")
		if ws == nil || ws.URL != abs(p) || ws.Name != p.Lang.Title || ws.InLanguage != p.Lang.Code {
			t.Errorf("%s: WebSite %+v", file, ws)
		}
	case site.Meeting:
		checkLDEvent(t, b, file, doc.find("Event"), p, abs)
	case site.Partner:
		o := doc.find("Organization")
		if o == nil || o.Name != p.Doc.Title || o.URL != abs(p) || o.ID != abs(p)+"#organization" {
			t.Errorf("%s: Organization %+v", file, o)
		} else if p.Doc.Website != "" && !slices.Equal(o.SameAs, []string{p.Doc.Website}) {
			t.Errorf("%s: sameAs %v, want the website", file, o.SameAs)
		} else if (p.Doc.Logo != "") != (o.Logo != "") {
			t.Errorf("%s: logo %q for front matter logo %q", file, o.Logo, p.Doc.Logo)
		}
	}
	if p.Kind != site.Home {
		checkCrumbs(t, b, file, doc.find("BreadcrumbList"), p, abs)
	}
	return types
}

func checkLDEvent(t *testing.T, b built, file string, e *ldNode, p *site.Page, abs func(*site.Page) string) {
	t.Helper()
	if e == nil {
		t.Errorf("%s: no Event", file)
		return
	}
	d := p.Doc
	wantStart := d.Date.Format(time.DateOnly)
	if d.HasTime {
		wantStart = d.Date.Format(time.RFC3339)
	}
	if e.StartDate != wantStart || e.Name != d.Title || e.URL != abs(p) || e.InLanguage != p.Lang.Code {
		t.Errorf("%s: Event startDate %q name %q url %q, want %q %q %q", file, e.StartDate, e.Name, e.URL, wantStart, d.Title, abs(p))
	}
	wantEnd := ""
	switch {
	case !d.End.IsZero() && d.HasTime:
		wantEnd = d.End.Format(time.RFC3339)
	case !d.End.IsZero():
		wantEnd = d.End.Format(time.DateOnly)
	case !d.HasTime:
		wantEnd = wantStart // a one-day event
	}
	if e.EndDate != wantEnd {
		t.Errorf("%s: event ends %q, want %q", file, e.EndDate, wantEnd)
	}
	if e.EventStatus != "https://schema.org/EventScheduled" || e.EventAttendanceMode != "https://schema.org/OfflineEventAttendanceMode" {
		t.Errorf("%s: status %q mode %q", file, e.EventStatus, e.EventAttendanceMode)
	}
	if e.Location == nil || e.Location.Type != "Place" || e.Location.Name != d.Location || e.Location.Address == "" {
		t.Errorf("%s: location %+v", file, e.Location)
	}
	if h := p.Host; h != nil {
		if e.Organizer == nil || e.Organizer.Type != "Organization" || e.Organizer.Name != h.Doc.Title || e.Organizer.URL != abs(h) {
			t.Errorf("%s: organizer %+v, want the host %s", file, e.Organizer, h.Doc.Title)
		}
		if h.Doc.Address != "" && e.Location != nil && e.Location.Address != h.Doc.Address {
			t.Errorf("%s: address %q, want the host's %q", file, e.Location.Address, h.Doc.Address)
		}
	} else if home := abs(b.site.Lang(p.Lang.Code).Home); e.Organizer == nil || e.Organizer.Type != "Organization" || e.Organizer.URL != home {
		t.Errorf("%s: organizer %+v, want the partnership at %s", file, e.Organizer, home)
	}
}

func checkCrumbs(t *testing.T, b built, file string, list *ldNode, p *site.Page, abs func(*site.Page) string) {
	t.Helper()
	if list == nil {
		t.Errorf("%s: no BreadcrumbList", file)
		return
	}
	items := list.ItemListElement
	home := abs(b.site.Lang(p.Lang.Code).Home)
	if len(items) < 2 || items[0].Item != home || items[len(items)-1].Item != abs(p) {
		t.Errorf("%s: breadcrumbs %+v, want home … this page", file, items)
	}
	for i, it := range items {
		if it.Type != "ListItem" || it.Position != i+1 || it.Name == "" {
			t.Errorf("%s: breadcrumb %d: %+v", file, i, it)
		}
		if _, ok := b.files[localFile(b.site.Config.BaseURL, it.Item)]; !ok {
			t.Errorf("%s: breadcrumb %s leads to no page", file, it.Item)
		}
	}
}
