package config_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // site.yaml names Europe/Warsaw; do not depend on the host

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/diag"
)

// TestSampleSite reads the real site.yaml of the repository.
func TestSampleSite(t *testing.T) {
	src, err := os.ReadFile("../../site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg, problems := config.Parse(src)
	if problems.Len() != 0 {
		t.Fatalf("problems:%s", show(strs(problems.Items())))
	}
	eq(t, "BaseURL", cfg.BaseURL, "https://partnerstwo-es.example.org/")
	eq(t, "Location", cfg.Location.String(), "Europe/Warsaw")
	eq(t, "PageSize", cfg.PageSize, 10)
	eq(t, "UnsafeMarkdown", cfg.UnsafeMarkdown, false)
	eq(t, "Menu", cfg.Menu, map[string]int{"meetings": 25, "partners": 30})
	eq(t, "Codes", cfg.Codes(), []string{"pl", "en"})
	eq(t, "Default", cfg.Default().Code, "pl")
	eq(t, "IsDefault(pl)", cfg.IsDefault("pl"), true)
	eq(t, "IsDefault(en)", cfg.IsDefault("en"), false)
	eq(t, "Prefix(pl)", cfg.Prefix("pl"), "/")
	eq(t, "Prefix(en)", cfg.Prefix("en"), "/en/")
	if cfg.Language("de") != nil {
		t.Error(`Language("de") is not nil`)
	}

	pl, en := cfg.Language("pl"), cfg.Language("en")
	eq(t, "pl.Name", pl.Name, "Polski")
	eq(t, "pl.Locale", pl.Locale, "pl_PL")
	eq(t, "pl.Tag", pl.Tag.String(), "pl")
	eq(t, "pl.Title", pl.Title, "Partnerstwo na rzecz ekonomii społecznej")
	if !strings.HasPrefix(pl.Description, "Lubuskie partnerstwo samorządów") || strings.Contains(pl.Description, "\n") {
		t.Errorf("pl.Description = %q", pl.Description)
	}
	eq(t, "pl.Quotes", pl.Quotes, [4]string{"„", "”", "«", "»"})
	eq(t, "pl.Sections", pl.Sections, config.Sections{Meetings: "spotkania", Partners: "partnerzy", Tags: "tagi",
		Search: "szukaj", Upcoming: "nadchodzace", Page: "strona", Data: "dane"})
	eq(t, "en.Name", en.Name, "English")
	eq(t, "en.Locale", en.Locale, "en_GB")
	eq(t, "en.Title", en.Title, "Partnership for the Social Economy")
	eq(t, "en.Quotes", en.Quotes, [4]string{"“", "”", "‘", "’"})
	eq(t, "en.Sections", en.Sections, config.Sections{Meetings: "meetings", Partners: "partners", Tags: "tags",
		Search: "search", Upcoming: "upcoming", Page: "page", Data: "data"})
}

// minimal is the least a site.yaml must say.
const minimal = "baseURL: https://example.org/\nlanguages:\n  - code: pl\n    title: Partnerstwo\n"

func TestDefaults(t *testing.T) {
	cfg, problems := config.Parse([]byte(minimal))
	if problems.Len() != 0 {
		t.Fatalf("problems:%s", show(strs(problems.Items())))
	}
	eq(t, "PageSize", cfg.PageSize, 10)
	eq(t, "Location", cfg.Location.String(), "UTC")
	eq(t, "UnsafeMarkdown", cfg.UnsafeMarkdown, false)
	eq(t, "Menu", cfg.Menu, map[string]int{})
	eq(t, "License", cfg.License, config.DefaultLicense)
	l := cfg.Default()
	eq(t, "Name", l.Name, "pl")
	eq(t, "Locale", l.Locale, "pl")
	eq(t, "Quotes", l.Quotes, [4]string{"“", "”", "‘", "’"})
	eq(t, "Sections", l.Sections, config.Sections{Meetings: "meetings", Partners: "partners", Tags: "tags",
		Search: "search", Upcoming: "upcoming", Page: "page", Data: "data"})
}

type parseCase struct {
	name  string
	src   string
	want  []string
	check func(t *testing.T, cfg *config.Config)
}

var parseCases = []parseCase{
	{
		name: "unknown key with a hint",
		src:  "baseUrl: https://example.org/\nlanguages:\n  - code: pl\n    title: Partnerstwo\n",
		want: []string{
			`site.yaml:1:1: baseURL is required (add a line such as baseURL: https://example.org/)`,
			`site.yaml:1:1: unknown key "baseUrl" in site.yaml (did you mean "baseURL"?)`,
		},
	},
	{
		name: "unknown key with no close match",
		src:  minimal + "theme: zielony\n",
		want: []string{`site.yaml:5:1: unknown key "theme" in site.yaml (known keys: baseURL, languages, menu, pagination, markdown, timezone, opendata, templates, params)`},
	},
	{
		name: "unknown key in a language",
		src:  minimal + "    titel: Partnerstwo\n",
		want: []string{`site.yaml:5:5: unknown key "titel" in a language (did you mean "title"?)`},
	},
	{
		name: "empty file",
		src:  "",
		want: []string{
			`site.yaml:1:1: at least one language is required under languages:`,
			`site.yaml:1:1: baseURL is required (add a line such as baseURL: https://example.org/)`,
		},
	},
	{
		name: "missing baseURL",
		src:  "languages:\n  - code: pl\n    title: Partnerstwo\n",
		want: []string{`site.yaml:1:1: baseURL is required (add a line such as baseURL: https://example.org/)`},
	},
	{
		name: "baseURL without scheme",
		src:  "baseURL: partnerstwo-es.example.org\nlanguages:\n  - code: pl\n    title: Partnerstwo\n",
		want: []string{`site.yaml:1:10: baseURL "partnerstwo-es.example.org" must be an absolute http(s) URL (write the full address, e.g. https://example.org/)`},
	},
	{
		name: "baseURL ftp",
		src:  "baseURL: ftp://example.org/\nlanguages:\n  - code: pl\n    title: Partnerstwo\n",
		want: []string{`site.yaml:1:10: baseURL "ftp://example.org/" must be an absolute http(s) URL (write the full address, e.g. https://example.org/)`},
	},
	{
		name: "baseURL with a query",
		src:  "baseURL: https://example.org/?lang=pl\nlanguages:\n  - code: pl\n    title: Partnerstwo\n",
		want: []string{`site.yaml:1:10: baseURL "https://example.org/?lang=pl" must not have a query (?…) or fragment (#…) (end it at the path, e.g. https://example.org/preview/)`},
	},
	{
		name: "baseURL gains a trailing slash",
		src:  "baseURL: https://example.org/partnerstwo\nlanguages:\n  - code: pl\n    title: Partnerstwo\n",
		check: func(t *testing.T, cfg *config.Config) {
			eq(t, "BaseURL", cfg.BaseURL, "https://example.org/partnerstwo/")
		},
	},
	{
		name: "no languages",
		src:  "baseURL: https://example.org/\n",
		want: []string{`site.yaml:1:1: at least one language is required under languages:`},
	},
	{
		name: "languages not a list",
		src:  "baseURL: https://example.org/\nlanguages: pl\n",
		want: []string{
			`site.yaml:1:1: at least one language is required under languages:`,
			`site.yaml:2:12: languages must be a list, not the text "pl" (write a list of languages, each starting with '- code: pl')`,
		},
	},
	{
		name: "language not a mapping",
		src:  minimal + "  - en\n",
		want: []string{`site.yaml:5:5: a language must be a mapping of keys to values, not the text "en"`},
	},
	{
		name: "duplicate language",
		src:  minimal + "  - code: pl\n    title: Partnerstwo 2\n",
		want: []string{`site.yaml:5:5: language "pl" is listed twice`},
	},
	{
		name: "invalid codes",
		src: "baseURL: https://example.org/\nlanguages:\n  - code: pl\n    title: A\n  - code: PL-pl\n    title: B\n" +
			"  - code: pl_PL\n    title: C\n  - code: xx\n    title: D\n  - code: 12\n    title: E\n",
		want: []string{
			`site.yaml:5:11: invalid language code "PL-pl" (use a lower-case BCP 47 code such as pl, en or de)`,
			`site.yaml:7:11: invalid language code "pl_PL" (use a lower-case BCP 47 code such as pl, en or de)`,
			`site.yaml:9:11: invalid language code "xx" (use a lower-case BCP 47 code such as pl, en or de)`,
			`site.yaml:11:11: code must be text, not the number 12 (put it in quotes: code: "12")`,
		},
	},
	{
		name: "language without code and title",
		src:  minimal + "  - name: English\n",
		want: []string{
			`site.yaml:5:5: a language needs a code`,
			`site.yaml:5:5: language "" needs a title (the site's name in that language)`,
		},
	},
	{
		name: "invalid locale",
		src:  minimal + "    locale: pl-PL\n",
		want: []string{`site.yaml:5:13: invalid locale "pl-PL" (write it as language_TERRITORY, e.g. pl_PL)`},
	},
	{
		name: "bad section segments",
		src:  minimal + "    sections:\n      meetings: Spotkania\n      partners: spo tkania\n      tags: tagi/\n      search: \"\"\n      szukaj: szukaj\n",
		want: []string{
			`site.yaml:6:17: section name "Spotkania" is not a valid URL segment (use lower-case ASCII letters, digits and dashes, e.g. spotkania)`,
			`site.yaml:7:17: section name "spo tkania" is not a valid URL segment (use lower-case ASCII letters, digits and dashes, e.g. spotkania)`,
			`site.yaml:8:13: section name "tagi/" is not a valid URL segment (use lower-case ASCII letters, digits and dashes, e.g. spotkania)`,
			`site.yaml:9:15: search must not be empty`,
			`site.yaml:10:7: unknown key "szukaj" in sections (known keys: meetings, partners, tags, search, upcoming, page, data)`,
		},
	},
	{
		name: "Polish letters in a section",
		src:  minimal + "    sections:\n      upcoming: nadchodzące\n",
		want: []string{`site.yaml:6:17: section name "nadchodzące" is not a valid URL segment (use lower-case ASCII letters, digits and dashes, e.g. spotkania)`},
	},
	{
		name: "sections default to English names",
		src:  minimal + "    sections:\n      meetings: spotkania\n",
		check: func(t *testing.T, cfg *config.Config) {
			eq(t, "Sections", cfg.Default().Sections, config.Sections{Meetings: "spotkania", Partners: "partners", Tags: "tags",
				Search: "search", Upcoming: "upcoming", Page: "page", Data: "data"})
		},
	},
	{
		name: "two quotes, not four",
		src:  minimal + "    quotes: [\"„\", \"”\"]\n",
		want: []string{`site.yaml:5:13: quotes must list exactly four marks: open and close double, open and close single (e.g. quotes: ["„", "”", "‚", "’"])`},
	},
	{
		name: "quotes a string",
		src:  minimal + "    quotes: „”‚’\n",
		want: []string{`site.yaml:5:13: quotes must be a list, not the text "„”‚’" (write a list: quotes: [„”‚’])`},
	},
	{
		name: "pagination 0",
		src:  minimal + "pagination: 0\n",
		want: []string{`site.yaml:5:13: pagination must be at least 1`},
	},
	{
		name: "pagination negative",
		src:  minimal + "pagination: -3\n",
		want: []string{`site.yaml:5:13: pagination must be at least 1`},
	},
	{
		name: "pagination text",
		src:  minimal + "pagination: dziesięć\n",
		want: []string{`site.yaml:5:13: pagination must be a whole number, not the text "dziesięć"`},
	},
	{
		name: "pagination 25",
		src:  minimal + "pagination: 25\n",
		check: func(t *testing.T, cfg *config.Config) {
			eq(t, "PageSize", cfg.PageSize, 25)
		},
	},
	{
		name: "unknown time zone",
		src:  minimal + "timezone: Europe/Warszawa\n",
		want: []string{`site.yaml:5:11: unknown time zone "Europe/Warszawa" (use an IANA name such as Europe/Warsaw)`},
	},
	{
		name: "the machine's time zone is refused",
		src:  minimal + "timezone: Local\n",
		want: []string{`site.yaml:5:11: unknown time zone "Local" (use an IANA name such as Europe/Warsaw)`},
	},
	{
		name: "menu weights",
		src:  minimal + "menu:\n  meetings: 20\n  partners: x\n  tags: 3\n",
		want: []string{
			`site.yaml:7:13: partners must be a whole number, not the text "x"`,
			`site.yaml:8:3: unknown key "tags" in menu (known keys: meetings, partners)`,
		},
		check: func(t *testing.T, cfg *config.Config) {
			eq(t, "Menu", cfg.Menu, map[string]int{"meetings": 20})
		},
	},
	{
		name: "markdown unsafe",
		src:  minimal + "markdown:\n  unsafe: true\n",
		check: func(t *testing.T, cfg *config.Config) {
			eq(t, "UnsafeMarkdown", cfg.UnsafeMarkdown, true)
		},
	},
	{
		name: "markdown unsafe: yes",
		src:  minimal + "markdown:\n  unsafe: yes\n",
		want: []string{`site.yaml:6:11: unsafe must be true or false, not the text "yes" (write true or false)`},
	},
	{
		name: "params",
		src:  minimal + "params:\n  email: biuro@example.org\n  rok: 2015\n",
		check: func(t *testing.T, cfg *config.Config) {
			eq(t, "Params", fmt.Sprint(cfg.Params), "map[email:biuro@example.org rok:2015]")
		},
	},
	{
		name: "params not a mapping",
		src:  minimal + "params: [a, b]\n",
		want: []string{`site.yaml:5:9: params must be a mapping`},
	},
	{
		name: "YAML syntax error with its line",
		src:  minimal + "params:\n  motto: Razem: dla zatrudnienia\n",
		want: []string{`site.yaml:6:15: invalid YAML: mapping values are not allowed in this context (a value that contains ": " must be in quotes, e.g. title: "Spotkanie: podsumowanie")`},
	},
	{
		name: "aliases are fine in site.yaml",
		src: "baseURL: https://example.org/\nlanguages:\n  - code: pl\n    title: A\n    sections: &s {meetings: spotkania}\n" +
			"  - code: en\n    title: B\n    sections: *s\n",
		check: func(t *testing.T, cfg *config.Config) {
			eq(t, "en.Sections.Meetings", cfg.Language("en").Sections.Meetings, "spotkania")
		},
	},
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		t.Run(c.name, func(t *testing.T) {
			cfg, problems := config.Parse([]byte(c.src))
			got := strs(problems.Items())
			if !slices.Equal(got, c.want) {
				t.Errorf("problems:\n got:%s\nwant:%s", show(got), show(c.want))
			}
			if c.check != nil {
				if cfg == nil {
					t.Fatal("nil Config")
				}
				c.check(t, cfg)
			}
		})
	}
}

func TestNormalizeBaseURL(t *testing.T) {
	for _, c := range []struct {
		in, want string
		err      string // part of the message; "" when accepted
	}{
		{"https://example.org", "https://example.org/", ""},
		{" https://example.org/pl ", "https://example.org/pl/", ""},
		{"http://localhost:1313/", "http://localhost:1313/", ""},
		{"https://Example.ORG/Preview", "https://example.org/Preview/", ""},
		{"https://example.org:0443/", "https://example.org:443/", ""},
		{"https://example.org:65535/", "https://example.org:65535/", ""},
		{"http://[::1]:8080/x", "http://[::1]:8080/x/", ""},
		{"https://example.org/a%20b", "https://example.org/a%20b/", ""},
		{"https://example.org/...x/", "https://example.org/...x/", ""},
		// International names become punycode, however they are given.
		{"https://żary.pl/", "https://xn--ary-22a.pl/", ""},
		{"https://%C5%BCary.pl/", "https://xn--ary-22a.pl/", ""},
		{"https://ŻARY.pl:8443/", "https://xn--ary-22a.pl:8443/", ""},
		{"https://xn--ary-22a.pl/", "https://xn--ary-22a.pl/", ""},
		{"https://xn--ary-xra.pl/", "", "not a valid domain name"}, // punycode of no name
		{"https://bücher.example/wystawa", "https://xn--bcher-kva.example/wystawa/", ""},

		{"example.org", "", "absolute http(s) URL"},
		{"ftp://example.org/", "", "absolute http(s) URL"},
		{"https:///x", "", "absolute http(s) URL"},
		{"https:example.org", "", "absolute http(s) URL"},
		{"https://example.org/?a=1", "", "query"},
		{"https://example.org/?", "", "query"},
		{"https://example.org/#x", "", "fragment"},
		// Credentials, in every form.
		{"https://user:pass@example.org/", "", "user name or password"},
		{"https://user@example.org/", "", "user name or password"},
		{"https://:pass@example.org/", "", "user name or password"},
		{"https://@example.org/", "", "user name or password"},
		{"https://us%40er:p%3Ass@example.org/", "", "user name or password"},
		// Ports.
		{"https://example.org:65536/", "", "not a port number"},
		{"https://example.org:99999999999/", "", "not a port number"},
		{"https://example.org:0/", "", "not a port number"},
		{"https://example.org:/", "", "empty port"},
		{"https://example.org:http/", "", "is not a URL"},
		{"https://example.org:-1/", "", "is not a URL"},
		// Dot segments, plain or percent-encoded.
		{"https://example.org/../", "", `".." segment`},
		{"https://example.org/a/../b/", "", `".." segment`},
		{"https://example.org/./", "", `"." segment`},
		{"https://example.org/a/%2e%2e/", "", `".." segment`},
		{"https://example.org/%2E./", "", `".." segment`},
		{"https://example.org/a/.%2E", "", `".." segment`},
		{"https://example.org/%2e/", "", `"." segment`},
		// Host names that are not names.
		{"https://exa_mple.org/", "", "not a valid domain name"},
		{"https://%E2%80%AEgro.elpmaxe/", "", "not a valid domain name"},
		{"https://ex\x1bample.org/", "", "is not a URL"},
	} {
		got, err := config.NormalizeBaseURL(c.in)
		switch {
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("NormalizeBaseURL(%q) = %q, %v; want %q", c.in, got, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("NormalizeBaseURL(%q) = %q, %v; want an error saying %q", c.in, got, err, c.err)
		}
	}
}

func strs(ps []diag.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func show(lines []string) string {
	if len(lines) == 0 {
		return " (none)"
	}
	return "\n\t" + strings.Join(lines, "\n\t")
}

func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if g, w := fmt.Sprintf("%#v", got), fmt.Sprintf("%#v", want); g != w {
		t.Errorf("%s = %s, want %s", what, g, w)
	}
}

func TestBasePath(t *testing.T) {
	for base, want := range map[string]string{
		"https://example.org/":           "/",
		"https://example.org":            "/",
		"https://example.org/preview/":   "/preview/",
		"https://example.org/a/b/c/":     "/a/b/c/",
		"http://localhost:1313/podglad/": "/podglad/",
	} {
		c := &config.Config{BaseURL: base}
		if got := c.BasePath(); got != want {
			t.Errorf("BasePath of %s = %q, want %q", base, got, want)
		}
	}
}

func TestTemplateTimeout(t *testing.T) {
	for _, c := range []struct {
		value string
		want  time.Duration
		err   string
	}{
		{"30s", 30 * time.Second, ""},
		{"1m30s", 90 * time.Second, ""},
		{"ten", 0, `templates.timeout "ten" is not a duration between 0 and 1h`},
		{"0s", 0, `templates.timeout "0s" is not a duration between 0 and 1h`},
		{"2h", 0, `templates.timeout "2h" is not a duration between 0 and 1h`},
	} {
		cfg, problems := config.Parse([]byte(minimal + "templates:\n  timeout: " + c.value + "\n"))
		switch {
		case c.err == "" && (problems.Len() != 0 || cfg.TemplateTimeout != c.want):
			t.Errorf("%s: %v, %v; want %s", c.value, cfg.TemplateTimeout, problems.Items(), c.want)
		case c.err != "" && (problems.Len() != 1 || !strings.Contains(problems.Items()[0].Message, c.err)):
			t.Errorf("%s: problems %v, want %q", c.value, problems.Items(), c.err)
		}
	}
}
