package opendata

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/lubuskie-es/sitegen/internal/i18n"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// The DCAT-AP description: a dcat:Catalog of two dcat:Datasets (partners,
// meetings), each with a CSV and a JSON dcat:Distribution, in the
// vocabularies DCAT-AP 2 and dane.gov.pl's profile of it name. Terms of
// the EU's authority tables (file types, languages) are used by their
// addresses, as the profile asks.

const (
	euFileType = "http://publications.europa.eu/resource/authority/file-type/"
	euLanguage = "http://publications.europa.eu/resource/authority/language/"
	ianaMedia  = "https://www.iana.org/assignments/media-types/"
)

var context = map[string]string{
	"dcat": "http://www.w3.org/ns/dcat#",
	"dct":  "http://purl.org/dc/terms/",
	"foaf": "http://xmlns.com/foaf/0.1/",
	"xsd":  "http://www.w3.org/2001/XMLSchema#",
}

// ref is a JSON-LD node reference: {"@id": …}.
type ref struct {
	ID string `json:"@id"`
}

// text is a string in a language.
type text struct {
	Value string `json:"@value"`
	Lang  string `json:"@language"`
}

// date is an xsd:date.
type date struct {
	Value string `json:"@value"`
	Type  string `json:"@type"`
}

type agent struct {
	ID   string `json:"@id"`
	Type string `json:"@type"`
	Name text   `json:"foaf:name"`
}

type distribution struct {
	ID          string `json:"@id"`
	Type        string `json:"@type"`
	Title       text   `json:"dct:title"`
	AccessURL   ref    `json:"dcat:accessURL"`
	DownloadURL ref    `json:"dcat:downloadURL"`
	Format      ref    `json:"dct:format"`
	MediaType   ref    `json:"dcat:mediaType"`
	License     ref    `json:"dct:license"`
}

type dataset struct {
	ID            string         `json:"@id"`
	Type          string         `json:"@type"`
	Title         text           `json:"dct:title"`
	Description   text           `json:"dct:description"`
	Publisher     ref            `json:"dct:publisher"`
	Language      ref            `json:"dct:language"`
	Modified      *date          `json:"dct:modified,omitempty"`
	Keyword       []text         `json:"dcat:keyword"`
	LandingPage   ref            `json:"dcat:landingPage"`
	Distributions []distribution `json:"dcat:distribution"`
}

type catalogDoc struct {
	Context     map[string]string `json:"@context"`
	ID          string            `json:"@id"`
	Type        string            `json:"@type"`
	Title       text              `json:"dct:title"`
	Description text              `json:"dct:description"`
	Publisher   agent             `json:"dct:publisher"`
	Language    ref               `json:"dct:language"`
	License     ref               `json:"dct:license"`
	Homepage    ref               `json:"foaf:homepage"`
	Modified    *date             `json:"dct:modified,omitempty"`
	Datasets    []dataset         `json:"dcat:dataset"`
}

// languageCodes maps the site's language codes to the EU's authority
// table (ISO 639-2/B, upper case); a code not listed is written as its
// upper-case self, which is right for most three-letter codes.
var languageCodes = map[string]string{"pl": "POL", "en": "ENG", "de": "DEU", "uk": "UKR", "cs": "CES", "fr": "FRA"}

func catalog(s *site.Site, l *site.Lang, c *i18n.Catalog, abs func(string) string) ([]byte, error) {
	code := l.Config.Code
	t := func(key string) text {
		v, _ := c.T(key) // i18n.Missing has reported a key the language lacks
		return text{v, code}
	}
	lang := ref{euLanguage + euCode(code)}
	home := abs(l.Home.URL)
	landing := abs(Dir(s, l))
	if p := s.Translation(PageKey, code); p != nil {
		landing = abs(p.URL)
	}
	publisher := agent{ID: home + "#organization", Type: "foaf:Agent", Name: text{l.Config.Title, code}}
	license := ref{s.Config.License}
	dist := func(name, format, media string) distribution {
		u := abs(Path(s, l, name, format))
		return distribution{ID: u + "#distribution", Type: "dcat:Distribution", Title: t("data_" + name + "_" + format),
			AccessURL: ref{landing}, DownloadURL: ref{u}, Format: ref{euFileType + strings.ToUpper(format)},
			MediaType: ref{ianaMedia + media}, License: license}
	}
	set := func(name string, modified time.Time) dataset {
		return dataset{ID: abs(Dir(s, l)) + "#" + name, Type: "dcat:Dataset", Title: t("data_" + name),
			Description: t("data_" + name + "_description"), Publisher: ref{publisher.ID}, Language: lang,
			Modified: xsdDate(modified), Keyword: []text{t("data_keyword"), t(name)}, LandingPage: ref{landing},
			Distributions: []distribution{dist(name, "csv", "text/csv"), dist(name, "json", "application/json")}}
	}
	partnersModified, meetingsModified := lastDates(l)
	modified := later(partnersModified, meetingsModified)
	// A dataset with no date of its own (no partner says when it joined)
	// takes the catalogue's: the latest date the content gives.
	if partnersModified.IsZero() {
		partnersModified = modified
	}
	if meetingsModified.IsZero() {
		meetingsModified = modified
	}
	doc := catalogDoc{Context: context, ID: abs(CatalogPath(s, l)) + "#catalog", Type: "dcat:Catalog",
		Title: t("data_catalog"), Description: t("data_catalog_description"), Publisher: publisher,
		Language: lang, License: license, Homepage: ref{home},
		Modified: xsdDate(modified),
		Datasets: []dataset{set(Partners, partnersModified), set(Meetings, meetingsModified)}}
	data, err := json.MarshalIndent(doc, "", "  ")
	return append(data, '\n'), err
}

// PageKey is the translation key of the content page that describes the
// open data (content/dane.<lang>.md): the datasets' landing page.
const PageKey = "dane"

// lastDates are the latest dates the content gives each dataset: when a
// partner last joined, when the latest meeting took place. They stand for
// "modified", which the site does not record, and move when the data does.
func lastDates(l *site.Lang) (partners, meetings time.Time) {
	for _, p := range l.Partners {
		partners = later(partners, p.Doc.Joined)
	}
	for _, m := range l.Meetings {
		meetings = later(meetings, m.Doc.Date)
	}
	return partners, meetings
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func xsdDate(t time.Time) *date {
	if t.IsZero() {
		return nil
	}
	return &date{t.Format(time.DateOnly), "xsd:date"}
}

func euCode(code string) string {
	if c, ok := languageCodes[code]; ok {
		return c
	}
	return strings.ToUpper(code)
}
