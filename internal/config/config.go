// Package config reads site.yaml into a Config, strictly: unknown keys are
// errors with a "did you mean" hint, and every problem carries its line and
// column.
package config

import (
	"errors"
	"net/url"
	"regexp"
	"time"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/yamlx"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// FileName is the configuration file at the site root.
const FileName = "site.yaml"

// Config is the whole site configuration.
type Config struct {
	// BaseURL is absolute and ends with "/"; every absolute URL in the
	// output starts with it.
	BaseURL string
	// Languages in display order; the first is the default language, which
	// lives at the root of the site.
	Languages []Language
	// Menu gives the main-menu weight of each section that appears in it
	// ("meetings", "partners"); pages join with their own `menu`.
	Menu map[string]int
	// PageSize is the number of meetings on one page of the meetings index.
	PageSize int
	// UnsafeMarkdown lets Markdown contain raw HTML and any URL scheme.
	UnsafeMarkdown bool
	// Location is the site's time zone: dates without a zone are read in it
	// and "upcoming" is decided in it.
	Location *time.Location
	// Params is free-form data for templates.
	Params map[string]any
	// TemplateTimeout is how long one page's templates may run before the
	// build gives up on it (0: the renderer's default).
	TemplateTimeout time.Duration
	// License is the address of the licence the open data (partners and
	// meetings as CSV and JSON) is published under.
	License string
}

// DefaultLicense is the open data's licence unless site.yaml names one:
// Creative Commons Attribution 4.0, the one dane.gov.pl recommends.
const DefaultLicense = "https://creativecommons.org/licenses/by/4.0/"

// Language is one language of the site.
type Language struct {
	Code        string // BCP 47, e.g. "pl"
	Tag         language.Tag
	Name        string // in the language itself: "Polski", "English"
	Locale      string // for Open Graph: "pl_PL"
	Title       string // the site's title in this language
	Description string
	// Quotes are the typographic quotes: open and close double, open and
	// close single.
	Quotes   [4]string
	Sections Sections
	// At is where site.yaml writes this language's code ("code") and each
	// section it names ("meetings", "partners" …), so that a problem a
	// later phase finds with them (two sections at one address) is
	// reported there. A key site.yaml leaves to its default is absent.
	At map[string]Pos
}

// Pos is a line and column in site.yaml, 1-based.
type Pos struct{ Line, Col int }

// Sections are the localized URL segments of the generated sections.
type Sections struct {
	Meetings string // "spotkania"
	Partners string // "partnerzy"
	Tags     string // "tagi"
	Search   string // "szukaj"
	Upcoming string // "nadchodzace", under Meetings
	Page     string // "strona": /spotkania/strona/2/
	Data     string // "dane": the open data, /dane/partnerzy.csv
}

// Default returns the default language.
func (c *Config) Default() *Language { return &c.Languages[0] }

// Language returns the language with the given code, or nil.
func (c *Config) Language(code string) *Language {
	for i := range c.Languages {
		if c.Languages[i].Code == code {
			return &c.Languages[i]
		}
	}
	return nil
}

// IsDefault reports whether code is the default language.
func (c *Config) IsDefault(code string) bool { return c.Languages[0].Code == code }

// Prefix is the URL path prefix of a language: "/" for the default
// language, "/en/" for the others.
func (c *Config) Prefix(code string) string {
	if c.IsDefault(code) {
		return "/"
	}
	return "/" + code + "/"
}

// BasePath is the path of BaseURL: "/" for a site at the root of its
// host, "/preview/" for one published under a path. Every link the site
// writes starts with it.
func (c *Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// Codes lists the language codes in order.
func (c *Config) Codes() []string {
	out := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		out[i] = l.Code
	}
	return out
}

var (
	topKeys       = []string{"baseURL", "languages", "menu", "pagination", "markdown", "timezone", "opendata", "templates", "params"}
	templatesKeys = []string{"timeout"}
	openDataKeys  = []string{"license"}
	languageKeys  = []string{"code", "name", "locale", "title", "description", "quotes", "sections"}
	sectionKeys   = []string{"meetings", "partners", "tags", "search", "upcoming", "page", "data"}
	menuKeys      = []string{"meetings", "partners"}
	markdownKeys  = []string{"unsafe"}
	segmentRE     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	localeRE      = regexp.MustCompile(`^[a-z]{2,3}(_[A-Z]{2})?$`)
)

// Parse reads site.yaml. The Config is usable only when the returned list
// has no errors.
func Parse(src []byte) (*Config, diag.List) {
	var problems diag.List
	r := &yamlx.Reader{Path: FileName, Problems: &problems}
	root := r.Parse(src)
	if root == nil {
		return nil, problems
	}
	cfg := &Config{PageSize: 10, Menu: map[string]int{}, Location: time.UTC, License: DefaultLicense}
	var sawBase, sawLangs bool
	for _, f := range r.Fields(root, FileName, topKeys) {
		switch f.Name() {
		case "baseURL":
			sawBase = true
			cfg.BaseURL = readBaseURL(r, f)
		case "languages":
			sawLangs = true
			cfg.Languages = readLanguages(r, f)
		case "menu":
			for _, m := range r.Fields(f.Value, "menu", menuKeys) {
				if w, ok := r.Int(m); ok {
					cfg.Menu[m.Name()] = w
				}
			}
		case "pagination":
			if n, ok := r.Int(f); ok {
				if n < 1 {
					r.Errorf(f.Value, "pagination must be at least 1")
				} else {
					cfg.PageSize = n
				}
			}
		case "markdown":
			for _, m := range r.Fields(f.Value, "markdown", markdownKeys) {
				cfg.UnsafeMarkdown, _ = r.Bool(m)
			}
		case "templates":
			for _, m := range r.Fields(f.Value, "templates", templatesKeys) {
				if s, ok := r.NonEmptyString(m); ok {
					d, err := time.ParseDuration(s)
					if err != nil || d <= 0 || d > time.Hour {
						r.ErrorHint(m.Value, "write a duration such as 10s or 1m", "templates.timeout %q is not a duration between 0 and 1h", s)
					} else {
						cfg.TemplateTimeout = d
					}
				}
			}
		case "opendata":
			for _, m := range r.Fields(f.Value, "opendata", openDataKeys) {
				if u, ok := r.HTTPURL(m); ok {
					cfg.License = u
				}
			}
		case "timezone":
			if s, ok := r.NonEmptyString(f); ok {
				loc, err := time.LoadLocation(s)
				// "Local" is whatever zone the building machine is set to:
				// a build on CI and one on a laptop would then differ.
				if err != nil || s == "Local" {
					r.ErrorHint(f.Value, "use an IANA name such as Europe/Warsaw", "unknown time zone %q", s)
				} else {
					cfg.Location = loc
				}
			}
		case "params":
			if m, ok := yamlx.ToAny(f.Value).(map[string]any); ok {
				cfg.Params = m
			} else {
				r.Errorf(f.Value, "params must be a mapping")
			}
		}
	}
	if !sawBase {
		problems.Add(diag.Problem{Path: FileName, Line: 1, Col: 1, Message: "baseURL is required",
			Hint: "add a line such as baseURL: https://example.org/"})
	}
	if !sawLangs || len(cfg.Languages) == 0 {
		problems.Add(diag.Problem{Path: FileName, Line: 1, Col: 1, Message: "at least one language is required under languages:"})
	}
	return cfg, problems
}

func readBaseURL(r *yamlx.Reader, f yamlx.Field) string {
	s, ok := r.NonEmptyString(f)
	if !ok {
		return ""
	}
	base, err := NormalizeBaseURL(s)
	var bad *BaseURLError
	if errors.As(err, &bad) {
		r.ErrorHint(f.Value, bad.Hint, "baseURL %q %s", bad.URL, bad.Message)
		return ""
	}
	return base
}

func readLanguages(r *yamlx.Reader, f yamlx.Field) []Language {
	seq := f.Value
	if seq.Kind != yaml.SequenceNode {
		r.ErrorHint(seq, "write a list of languages, each starting with '- code: pl'", "languages must be a list, not %s", yamlx.Describe(seq))
		return nil
	}
	var out []Language
	seen := map[string]bool{}
	for _, item := range seq.Content {
		lang, ok := readLanguage(r, item)
		if !ok {
			continue
		}
		if seen[lang.Code] {
			r.Errorf(item, "language %q is listed twice", lang.Code)
			continue
		}
		seen[lang.Code] = true
		out = append(out, lang)
	}
	return out
}

func readLanguage(r *yamlx.Reader, node *yaml.Node) (Language, bool) {
	lang := Language{Quotes: [4]string{"“", "”", "‘", "’"}, At: map[string]Pos{}}
	ok := true
	var sawCode, sawTitle bool
	fields := r.Fields(node, "a language", languageKeys)
	if fields == nil && !isMapping(node) {
		return lang, false // not a mapping: reported, and nothing more to say
	}
	for _, f := range fields {
		switch f.Name() {
		case "code":
			sawCode = true
			s, good := r.NonEmptyString(f)
			if !good {
				ok = false // already reported
				continue
			}
			tag, err := language.Parse(s)
			if err != nil || !segmentRE.MatchString(s) {
				r.ErrorHint(f.Value, "use a lower-case BCP 47 code such as pl, en or de", "invalid language code %q", s)
				ok = false
				continue
			}
			lang.Code, lang.Tag = s, tag
			lang.At["code"] = Pos{f.Value.Line, f.Value.Column}
		case "name":
			lang.Name, _ = r.NonEmptyString(f)
		case "locale":
			if s, good := r.NonEmptyString(f); good {
				if !localeRE.MatchString(s) {
					r.ErrorHint(f.Value, "write it as language_TERRITORY, e.g. pl_PL", "invalid locale %q", s)
				}
				lang.Locale = s
			}
		case "title":
			sawTitle = true
			lang.Title, _ = r.NonEmptyString(f)
		case "description":
			lang.Description, _ = r.String(f)
		case "quotes":
			qs, _, good := r.Strings(f)
			if good && len(qs) != 4 {
				r.ErrorHint(f.Value, `e.g. quotes: ["„", "”", "‚", "’"]`, "quotes must list exactly four marks: open and close double, open and close single")
			} else if good {
				copy(lang.Quotes[:], qs)
			}
		case "sections":
			lang.Sections = readSections(r, f, lang.At)
		}
	}
	if !sawCode {
		r.Errorf(node, "a language needs a code")
		ok = false
	}
	if !sawTitle {
		r.Errorf(node, "language %q needs a title (the site's name in that language)", lang.Code)
	}
	if lang.Name == "" {
		lang.Name = lang.Code
	}
	if lang.Locale == "" {
		lang.Locale = lang.Code
	}
	s := &lang.Sections
	for _, d := range []struct {
		field *string
		value string
	}{{&s.Meetings, "meetings"}, {&s.Partners, "partners"}, {&s.Tags, "tags"}, {&s.Search, "search"}, {&s.Upcoming, "upcoming"}, {&s.Page, "page"}, {&s.Data, "data"}} {
		if *d.field == "" {
			*d.field = d.value
		}
	}
	return lang, ok
}

func readSections(r *yamlx.Reader, f yamlx.Field, at map[string]Pos) Sections {
	var s Sections
	for _, sf := range r.Fields(f.Value, "sections", sectionKeys) {
		v, ok := r.NonEmptyString(sf)
		if !ok {
			continue
		}
		if !segmentRE.MatchString(v) {
			r.ErrorHint(sf.Value, "use lower-case ASCII letters, digits and dashes, e.g. spotkania", "section name %q is not a valid URL segment", v)
			continue
		}
		at[sf.Name()] = Pos{sf.Value.Line, sf.Value.Column}
		switch sf.Name() {
		case "meetings":
			s.Meetings = v
		case "partners":
			s.Partners = v
		case "tags":
			s.Tags = v
		case "search":
			s.Search = v
		case "upcoming":
			s.Upcoming = v
		case "page":
			s.Page = v
		case "data":
			s.Data = v
		}
	}
	return s
}

func isMapping(n *yaml.Node) bool {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n != nil && n.Kind == yaml.MappingNode
}
