// Package jsonld describes a page in schema.org terms, as Go data for a
// <script type="application/ld+json"> element: an Event for a meeting, an
// Organization for a partner, the WebSite on the home page and a
// BreadcrumbList wherever the page shows a trail.
//
// Describe returns values whose struct tags are the whole encoding:
// json.Marshal(doc) gives the element's text, the bytes html/template
// would write for the value. encoding/json escapes "<", ">", "&", U+2028
// and U+2029 inside strings, so no front matter can end the script
// element or inject markup.
package jsonld

import (
	"time"

	"github.com/lubuskie-es/sitegen/internal/site"
)

// Context is the vocabulary every document uses.
const Context = "https://schema.org"

// Input is what Describe needs to know about one page: the site model and
// the parts only the renderer knows (titles of generated pages, the trail,
// absolute addresses under the current base URL).
type Input struct {
	Page        *site.Page
	Lang        *site.Lang
	Title       string
	Description string
	Crumbs      []Crumb
	// URL gives a page's absolute address.
	URL func(*site.Page) string
	// Image gives the absolute address of a page's picture (a partner's
	// logo), or "".
	Image func(*site.Page) string
	// Photo gives the absolute address of a page's photo (its social
	// preview), or ""; nil means none.
	Photo func(*site.Page) string
}

// Crumb is one step of the breadcrumb trail, with its absolute address.
type Crumb struct {
	Name string
	URL  string
}

// Document is one JSON-LD document holding every node of a page.
type Document struct {
	Context string `json:"@context"`
	Graph   []any  `json:"@graph"`
}

// Event is a meeting. Meetings take place in person at their location and
// the site records no cancellations, hence the fixed status and mode.
type Event struct {
	Type                string        `json:"@type"`
	ID                  string        `json:"@id"`
	Name                string        `json:"name"`
	Description         string        `json:"description,omitempty"`
	URL                 string        `json:"url"`
	InLanguage          string        `json:"inLanguage"`
	StartDate           string        `json:"startDate"`
	EndDate             string        `json:"endDate,omitempty"`
	EventStatus         string        `json:"eventStatus"`
	EventAttendanceMode string        `json:"eventAttendanceMode"`
	Location            Place         `json:"location"`
	Organizer           *Organization `json:"organizer,omitempty"`
	Image               string        `json:"image,omitempty"`
	Keywords            []string      `json:"keywords,omitempty"`
}

// Place is where a meeting is held.
type Place struct {
	Type    string `json:"@type"`
	Name    string `json:"name"`
	Address string `json:"address"`
}

// Organization is a partner, or the partnership itself.
type Organization struct {
	Type          string   `json:"@type"`
	ID            string   `json:"@id,omitempty"`
	Name          string   `json:"name"`
	AlternateName string   `json:"alternateName,omitempty"`
	Description   string   `json:"description,omitempty"`
	URL           string   `json:"url"`
	Logo          string   `json:"logo,omitempty"`
	Image         string   `json:"image,omitempty"`
	Address       string   `json:"address,omitempty"`
	SameAs        []string `json:"sameAs,omitempty"`
}

// WebSite is the site as a whole, described on its home page.
type WebSite struct {
	Type        string        `json:"@type"`
	ID          string        `json:"@id"`
	Name        string        `json:"name"`
	Description string        `json:"description,omitempty"`
	URL         string        `json:"url"`
	InLanguage  string        `json:"inLanguage"`
	Publisher   *Organization `json:"publisher"`
}

// BreadcrumbList is the trail from the home page to the page.
type BreadcrumbList struct {
	Type            string     `json:"@type"`
	ItemListElement []ListItem `json:"itemListElement"`
}

// ListItem is one step of a BreadcrumbList, numbered from 1.
type ListItem struct {
	Type     string `json:"@type"`
	Position int    `json:"position"`
	Name     string `json:"name"`
	Item     string `json:"item"`
}

// schema.org enumeration members.
const (
	EventScheduled             = "https://schema.org/EventScheduled"
	OfflineEventAttendanceMode = "https://schema.org/OfflineEventAttendanceMode"
)

// Describe returns the page's document, or nil when schema.org has nothing
// to say about it.
func Describe(in Input) *Document {
	// At most a page node and the trail; sized so that neither append grows.
	graph := make([]any, 0, 2)
	switch in.Page.Kind {
	case site.Home:
		graph = append(graph, website(in))
	case site.Meeting:
		graph = append(graph, event(in))
	case site.Partner:
		graph = append(graph, organization(in.Page, in))
	}
	if len(in.Crumbs) > 0 {
		list := BreadcrumbList{Type: "BreadcrumbList", ItemListElement: make([]ListItem, len(in.Crumbs))}
		for i, c := range in.Crumbs {
			list.ItemListElement[i] = ListItem{Type: "ListItem", Position: i + 1, Name: c.Name, Item: c.URL}
		}
		graph = append(graph, list)
	}
	if len(graph) == 0 {
		return nil
	}
	return &Document{Context: Context, Graph: graph}
}

func website(in Input) WebSite {
	home := in.URL(in.Lang.Home)
	return WebSite{Type: "WebSite", ID: home + "#website", Name: in.Lang.Config.Title,
		Description: in.Lang.Config.Description, URL: home, InLanguage: in.Lang.Config.Code,
		Publisher: partnership(in, home)}
}

// partnership is the organization behind the site, named by its title;
// home is the absolute address of the home page.
func partnership(in Input, home string) *Organization {
	return &Organization{Type: "Organization", ID: home + "#organization", Name: in.Lang.Config.Title, URL: home}
}

func event(in Input) Event {
	p, d := in.Page, in.Page.Doc
	u := in.URL(p)
	e := Event{Type: "Event", ID: u + "#event", Name: in.Title, Description: in.Description,
		URL: u, InLanguage: p.Lang.Code,
		EventStatus: EventScheduled, EventAttendanceMode: OfflineEventAttendanceMode,
		Location: Place{Type: "Place", Name: d.Location, Address: d.Location}}
	if d.HasTime {
		e.StartDate = d.Date.Format(time.RFC3339)
		if !d.End.IsZero() {
			e.EndDate = d.End.Format(time.RFC3339)
		}
	} else {
		// A date alone is an event of whole days: without an end, of one.
		e.StartDate = d.Date.Format(time.DateOnly)
		e.EndDate = e.StartDate
		if !d.End.IsZero() {
			e.EndDate = d.End.Format(time.DateOnly)
		}
	}
	if h := p.Host; h != nil {
		o := organization(h, in)
		e.Organizer = &o
		if h.Doc.Address != "" {
			e.Location.Address = h.Doc.Address
		}
		e.Image = o.Logo // in.Image(h), which organization asked already
	} else {
		e.Organizer = partnership(in, in.URL(in.Lang.Home))
	}
	if u := photo(in, p); u != "" {
		e.Image = u // the meeting's own photo says more than its host's logo
	}
	if len(p.Tags) > 0 {
		e.Keywords = make([]string, len(p.Tags))
		for i, t := range p.Tags {
			e.Keywords[i] = t.Name
		}
	}
	return e
}

// organization describes a partner: its page here is its @id and url, its
// own website (when known) the sameAs that identifies it elsewhere.
func organization(p *site.Page, in Input) Organization {
	d := p.Doc
	u := in.URL(p)
	o := Organization{Type: "Organization", ID: u + "#organization", Name: d.Title,
		AlternateName: d.Short, URL: u, Logo: in.Image(p), Image: photo(in, p), Address: d.Address}
	if p == in.Page {
		o.Description = in.Description
	}
	if d.Website != "" {
		o.SameAs = []string{d.Website}
	}
	return o
}

func photo(in Input, p *site.Page) string {
	if in.Photo == nil {
		return ""
	}
	return in.Photo(p)
}
