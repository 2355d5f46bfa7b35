// Package opendata publishes the partnership's registers for re-use: per
// language, the partners and the meetings as CSV (UTF-8, comma, header
// row, RFC 4180 quoting) and JSON, and a DCAT-AP description of both
// datasets (JSON-LD), in the language's data section ("/dane/",
// "/en/data/"). As Poland's open-data act asks, the files are meant to be
// found and read by machines: the description names the licence from
// site.yaml, the publisher, the languages and every distribution.
//
// Like package feeds it never reads the clock: dates come from the
// content, so the same input gives the same bytes on any day.
package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/url"
	"strings"
	"time"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/i18n"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// The datasets, by the section whose name they are published under.
const (
	Partners = "partners"
	Meetings = "meetings"
)

// CatalogName is the DCAT-AP description's file name in a data section.
const CatalogName = "dcat.jsonld"

// Dir is the path of a language's data section: "/dane/", "/en/data/".
func Dir(s *site.Site, l *site.Lang) string {
	return s.Config.Prefix(l.Config.Code) + l.Config.Sections.Data + "/"
}

// Path is the path of a dataset in a format ("csv", "json"), named as the
// language names the section: "/dane/partnerzy.csv", "/en/data/meetings.json".
func Path(s *site.Site, l *site.Lang, dataset, format string) string {
	name := l.Config.Sections.Partners
	if dataset == Meetings {
		name = l.Config.Sections.Meetings
	}
	return Dir(s, l) + name + "." + format
}

// CatalogPath is the path of a language's DCAT-AP description.
func CatalogPath(s *site.Site, l *site.Lang) string { return Dir(s, l) + CatalogName }

// Partner is one row of the partners dataset.
type Partner struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Short      string `json:"short_name"`
	Sector     string `json:"sector"`
	SectorName string `json:"sector_name"`
	Role       string `json:"role"`
	RoleName   string `json:"role_name"`
	Joined     string `json:"joined"`
	Website    string `json:"website"`
	Address    string `json:"address"`
	URL        string `json:"url"`
}

// Meeting is one row of the meetings dataset.
type Meeting struct {
	Date         string   `json:"date"`
	End          string   `json:"end"`
	Title        string   `json:"title"`
	Location     string   `json:"location"`
	Host         string   `json:"host"`
	Participants []string `json:"participants"`
	Tags         []string `json:"tags"`
	URL          string   `json:"url"`
	// ICS is the one-event calendar file of an upcoming meeting; "" for
	// one that has taken place, which is in the calendar feed only.
	ICS string `json:"ics"`
}

var (
	partnerColumns = []string{"id", "name", "short_name", "sector", "sector_name", "role", "role_name", "joined", "website", "address", "url"}
	meetingColumns = []string{"date", "end", "title", "location", "host", "participants", "tags", "url", "ics"}
)

// Files makes every language's data files, and the text file of the
// easy-to-read page (TextPath). The Markdown phase must have run: the text
// file is the page's text.
func Files(s *site.Site, catalogs map[string]*i18n.Catalog, eventPath func(*site.Lang, *site.Page) string) ([]output.File, diag.List) {
	var problems diag.List
	base, err := url.Parse(s.Config.BaseURL)
	if err != nil {
		problems.Errorf("site.yaml", 0, 0, "baseURL %q: %v", s.Config.BaseURL, err)
		return nil, problems
	}
	abs := site.NewLinker(base).Abs // every address the site writes, made one way
	var files []output.File
	for _, l := range s.Langs {
		c := catalogs[l.Config.Code]
		if c == nil {
			continue
		}
		partners := partnerRows(l, c, abs)
		meetings := meetingRows(l, abs, eventPath)
		add := func(path string, data []byte, err error) {
			if err != nil {
				problems.Errorf(strings.TrimPrefix(path, "/"), 0, 0, "%v", err)
				return
			}
			files = append(files, output.File{Path: strings.TrimPrefix(path, "/"), Data: data})
		}
		data, err := partnersCSV(partners)
		add(Path(s, l, Partners, "csv"), data, err)
		data, err = jsonRows(partners)
		add(Path(s, l, Partners, "json"), data, err)
		data, err = meetingsCSV(meetings)
		add(Path(s, l, Meetings, "csv"), data, err)
		data, err = jsonRows(meetings)
		add(Path(s, l, Meetings, "json"), data, err)
		data, err = catalog(s, l, c, abs)
		add(CatalogPath(s, l), data, err)
	}
	return append(files, textFiles(s)...), problems
}

func partnerRows(l *site.Lang, c *i18n.Catalog, abs func(string) string) []Partner {
	rows := make([]Partner, 0, len(l.Partners))
	for _, p := range l.Partners {
		d := p.Doc
		sector, _ := c.T("sector_" + d.Sector)
		role, _ := c.T("role_" + d.Role)
		r := Partner{ID: d.Name, Name: d.Title, Short: d.Short, Sector: d.Sector, SectorName: sector,
			Role: d.Role, RoleName: role, Website: d.Website, Address: d.Address, URL: abs(p.URL)}
		if !d.Joined.IsZero() {
			r.Joined = d.Joined.Format(time.DateOnly)
		}
		rows = append(rows, r)
	}
	return rows
}

func meetingRows(l *site.Lang, abs func(string) string, eventPath func(*site.Lang, *site.Page) string) []Meeting {
	rows := make([]Meeting, 0, len(l.Meetings))
	for _, m := range l.Meetings {
		d := m.Doc
		r := Meeting{Date: when(d.Date, d.HasTime), Title: d.Title, Location: d.Location,
			Participants: []string{}, Tags: []string{}, URL: abs(m.URL)}
		if !d.End.IsZero() {
			r.End = when(d.End, d.HasTime)
		}
		if m.Host != nil {
			r.Host = m.Host.Doc.Name
		}
		for _, p := range m.Participants {
			r.Participants = append(r.Participants, p.Doc.Name)
		}
		for _, t := range m.Tags {
			r.Tags = append(r.Tags, t.Name)
		}
		if p := eventPath(l, m); p != "" {
			r.ICS = abs(p)
		}
		rows = append(rows, r)
	}
	return rows
}

// when writes a day, or a moment with its zone.
func when(t time.Time, withTime bool) string {
	if withTime {
		return t.Format(time.RFC3339)
	}
	return t.Format(time.DateOnly)
}

func partnersCSV(rows []Partner) ([]byte, error) {
	out := make([][]string, 0, len(rows))
	for _, r := range rows {
		out = append(out, []string{r.ID, r.Name, r.Short, r.Sector, r.SectorName, r.Role, r.RoleName, r.Joined, r.Website, r.Address, r.URL})
	}
	return writeCSV(partnerColumns, out)
}

func meetingsCSV(rows []Meeting) ([]byte, error) {
	out := make([][]string, 0, len(rows))
	for _, r := range rows {
		// Lists in one cell are separated by "; ", which no partner id
		// has and a tag is unlikely to.
		out = append(out, []string{r.Date, r.End, r.Title, r.Location, r.Host,
			strings.Join(r.Participants, "; "), strings.Join(r.Tags, "; "), r.URL, r.ICS})
	}
	return writeCSV(meetingColumns, out)
}

// writeCSV writes RFC 4180 CSV: CRLF line ends, fields quoted where they
// hold a comma, a quote or a line break.
func writeCSV(header []string, rows [][]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	if err := w.Write(header); err != nil {
		return nil, err
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func jsonRows(rows any) ([]byte, error) {
	data, err := json.MarshalIndent(rows, "", "  ")
	return append(data, '\n'), err
}
