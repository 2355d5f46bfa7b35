package i18n

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// load parses a real catalog file and fails the test on any problem.
func load(t testing.TB, lang string) *Catalog {
	t.Helper()
	path := "../../templates/i18n/" + lang + ".yaml"
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, probs := Parse(path, lang, src)
	if probs.Len() > 0 || c == nil {
		for _, p := range probs.Items() {
			t.Error(p)
		}
		t.Fatalf("%s does not parse cleanly", path)
	}
	return c
}

func TestRealCatalogsMatch(t *testing.T) {
	pl, en := load(t, "pl"), load(t, "en")
	if m := Missing(pl, en); len(m) > 0 {
		t.Errorf("en.yaml lacks %v", m)
	}
	if m := Missing(en, pl); len(m) > 0 {
		t.Errorf("pl.yaml lacks %v", m)
	}
	if m := Mismatched(pl, en); len(m) > 0 {
		t.Errorf("plain in one catalog, plural in the other: %v", m)
	}
	// Keys the templates are being written against.
	for _, k := range []string{
		"skip_to_content", "main_menu", "language_switcher", "home", "meetings",
		"partners", "tags", "search", "upcoming_meetings", "latest_meetings",
		"all_meetings", "meetings_in_year", "date", "location", "host",
		"participants", "guests", "topics", "hosted_meetings", "attended_meetings",
		"partner_directory", "sector_jst", "sector_ngo", "sector_business",
		"sector_government", "sector_education", "role_leader", "role_secretariat",
		"role_signatory", "joined", "website", "address", "page_n_of_m",
		"previous_page", "next_page", "pagination", "breadcrumbs",
		"no_upcoming_meetings", "read_more", "translations", "available_in",
		"accessibility_statement", "not_found_title", "not_found_text", "back_home",
		"tagged", "all_tags", "published",
	} {
		for _, c := range []*Catalog{pl, en} {
			if _, err := c.T(k); err != nil {
				t.Error(err)
			}
		}
	}
	for _, k := range []string{"meetings_count", "partners_count", "pages_count", "tags_count"} {
		for _, c := range []*Catalog{pl, en} {
			if _, err := c.N(k, 3); err != nil {
				t.Error(err)
			}
		}
	}
}

func TestPlural(t *testing.T) {
	pl, en := load(t, "pl"), load(t, "en")
	tests := []struct {
		c    *Catalog
		key  string
		n    int
		want string
	}{
		{pl, "meetings_count", 0, "0 spotkań"},
		{pl, "meetings_count", 1, "1 spotkanie"},
		{pl, "meetings_count", 2, "2 spotkania"},
		{pl, "meetings_count", 4, "4 spotkania"},
		{pl, "meetings_count", 5, "5 spotkań"},
		{pl, "meetings_count", 11, "11 spotkań"},
		{pl, "meetings_count", 12, "12 spotkań"},
		{pl, "meetings_count", 14, "14 spotkań"},
		{pl, "meetings_count", 21, "21 spotkań"},
		{pl, "meetings_count", 22, "22 spotkania"},
		{pl, "meetings_count", 23, "23 spotkania"},
		{pl, "meetings_count", 24, "24 spotkania"},
		{pl, "meetings_count", 25, "25 spotkań"},
		{pl, "meetings_count", 101, "101 spotkań"},
		{pl, "meetings_count", 102, "102 spotkania"},
		{pl, "meetings_count", 112, "112 spotkań"},
		{pl, "meetings_count", 1001, "1001 spotkań"},
		{pl, "meetings_count", 10_000_001, "10000001 spotkań"},
		{pl, "meetings_count", -2, "-2 spotkania"},
		{pl, "meetings_count", -1 << 63, "-9223372036854775808 spotkań"},
		{pl, "partners_count", 1, "1 partner"},
		{pl, "partners_count", 3, "3 partnerów"},
		{pl, "pages_count", 1, "1 strona"},
		{pl, "pages_count", 3, "3 strony"},
		{pl, "pages_count", 13, "13 stron"},
		{pl, "tags_count", 32, "32 tagi"},
		{pl, "tags_count", 35, "35 tagów"},
		{en, "meetings_count", 0, "0 meetings"},
		{en, "meetings_count", 1, "1 meeting"},
		{en, "meetings_count", 2, "2 meetings"},
		{en, "meetings_count", 11, "11 meetings"},
		{en, "meetings_count", 21, "21 meetings"},
		{en, "meetings_count", 101, "101 meetings"},
		{en, "meetings_count", -1, "-1 meeting"},
		{en, "partners_count", 1, "1 partner"},
		{en, "pages_count", 2, "2 pages"},
	}
	for _, tt := range tests {
		got, err := tt.c.N(tt.key, tt.n)
		if err != nil || got != tt.want {
			t.Errorf("%s N(%q, %d) = %q, %v; want %q", tt.c.Lang(), tt.key, tt.n, got, err, tt.want)
		}
	}
}

func TestT(t *testing.T) {
	pl, en := load(t, "pl"), load(t, "en")
	tests := []struct {
		c       *Catalog
		key     string
		want    string
		wantErr string
	}{
		{pl, "home", "Strona główna", ""},
		{en, "home", "Home", ""},
		{pl, "tagged", "Oznaczone tagiem „{tag}”", ""},
		{pl, "sector_jst", "Jednostki samorządu terytorialnego", ""},
		{en, "sector_government", "Government bodies", ""},
		{pl, "hom", "", `i18n: unknown string "hom" in pl (did you mean "home"?)`},
		{en, "completely_unknown_key", "", `i18n: unknown string "completely_unknown_key" in en`},
		{pl, "meetings_count", "", `i18n: "meetings_count" is a plural message in pl; use N with a count`},
	}
	for _, tt := range tests {
		got, err := tt.c.T(tt.key)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%s T(%q) error = %v, want %q", tt.c.Lang(), tt.key, err, tt.wantErr)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("%s T(%q) = %q, %v; want %q", tt.c.Lang(), tt.key, got, err, tt.want)
		}
	}
}

func TestNErrors(t *testing.T) {
	pl := load(t, "pl")
	for key, want := range map[string]string{
		"home":          `i18n: "home" is not a plural message in pl; use T`,
		"meeting_count": `i18n: unknown string "meeting_count" in pl (did you mean "meetings_count"?)`,
	} {
		if _, err := pl.N(key, 1); err == nil || err.Error() != want {
			t.Errorf("N(%q) error = %v, want %q", key, err, want)
		}
	}
}

func TestFormat(t *testing.T) {
	pl := load(t, "pl")
	msg, _ := pl.T("page_n_of_m")
	if got := Format(msg, map[string]string{"page": "2", "pages": "5"}); got != "Strona 2 z 5" {
		t.Errorf("page_n_of_m = %q", got)
	}
	msg, _ = pl.T("meetings_in_year")
	if got := Format(msg, map[string]string{"year": "2015"}); got != "Spotkania w 2015 r." {
		t.Errorf("meetings_in_year = %q", got)
	}
	tests := []struct {
		msg  string
		vars map[string]string
		want string
	}{
		{"{a} i {b}", map[string]string{"a": "x", "b": "y"}, "x i y"},
		{"{a}{a}", map[string]string{"a": "x"}, "xx"},
		{"brak {zmiennej}", nil, "brak {zmiennej}"}, // left visible
		{"{ a } {} {a-b} {{a}} {", map[string]string{"a": "x"}, "{ a } {} {a-b} {x} {"},
		{"{a}", map[string]string{"a": "{b}", "b": "no"}, "{b}"}, // no re-expansion
		{"bez nawiasów", nil, "bez nawiasów"},
		{"", nil, ""},
	}
	for _, tt := range tests {
		if got := Format(tt.msg, tt.vars); got != tt.want {
			t.Errorf("Format(%q) = %q, want %q", tt.msg, got, tt.want)
		}
	}
}

func TestDates(t *testing.T) {
	pl, en := load(t, "pl"), load(t, "en")
	may14 := time.Date(2015, time.May, 14, 18, 0, 0, 0, time.UTC)
	jan5 := time.Date(2016, time.January, 5, 0, 0, 0, 0, time.UTC)
	sep30 := time.Date(2020, time.September, 30, 23, 30, 0, 0, time.FixedZone("CEST", 2*3600))
	tests := []struct {
		name, got, want string
	}{
		{"pl Date", pl.Date(may14), "14 maja 2015 r."},
		{"pl Date", pl.Date(jan5), "5 stycznia 2016 r."},
		{"pl Date", pl.Date(sep30), "30 września 2020 r."}, // no zone conversion
		{"pl MonthYear", pl.MonthYear(may14), "maj 2015"},
		{"pl MonthYear", pl.MonthYear(jan5), "styczeń 2016"},
		{"pl ShortDate", pl.ShortDate(may14), "14.05.2015"},
		{"pl ShortDate", pl.ShortDate(jan5), "05.01.2016"},
		{"pl Month", pl.Month(time.February), "luty"},
		{"pl Month", pl.Month(time.December), "grudzień"},
		{"pl Month 0", pl.Month(0), ""},
		{"pl Month 13", pl.Month(13), ""},
		{"en Date", en.Date(may14), "14 May 2015"},
		{"en Date", en.Date(jan5), "5 January 2016"},
		{"en MonthYear", en.MonthYear(may14), "May 2015"},
		{"en ShortDate", en.ShortDate(may14), "2015-05-14"},
		{"en ShortDate", en.ShortDate(jan5), "2016-01-05"},
		{"en Month", en.Month(time.October), "October"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestLangAndKeys(t *testing.T) {
	c, probs := Parse("x.yaml", "pl-PL", []byte(minimal+"  b: B\n  a: A\n  c:\n    one: x\n    few: x\n    many: x\n    other: x\n"))
	if c == nil {
		t.Fatal(probs.Items())
	}
	if c.Lang() != "pl-PL" {
		t.Errorf("Lang() = %q", c.Lang())
	}
	if got, want := c.Keys(), []string{"a", "b", "c", "home"}; !slices.Equal(got, want) {
		t.Errorf("Keys() = %v, want %v", got, want)
	}
	if got, _ := c.N("c", 2); got != "x" {
		t.Errorf("pl-PL plural = %q (regional tags must use the language's rules)", got)
	}
}

// minimal is the smallest valid Polish catalog; tests append strings.
const minimal = `dates:
  months: [styczeń, luty, marzec, kwiecień, maj, czerwiec, lipiec, sierpień, wrzesień, październik, listopad, grudzień]
  months_genitive: [stycznia, lutego, marca, kwietnia, maja, czerwca, lipca, sierpnia, września, października, listopada, grudnia]
  long: "{day} {month_genitive} {year} r."
  month_year: "{month} {year}"
  short: "{dd}.{mm}.{year}"
strings:
  home: Strona główna
`

func mustParse(t *testing.T, lang, src string) *Catalog {
	t.Helper()
	c, probs := Parse("test.yaml", lang, []byte(src))
	if c == nil || probs.Len() > 0 {
		t.Fatalf("Parse: %v", probs.Items())
	}
	return c
}

func TestMissing(t *testing.T) {
	base := mustParse(t, "pl", minimal+"  a: A\n  b: B\n  n:\n    one: x\n    few: x\n    many: x\n    other: x\n  m:\n    one: x\n    few: x\n    many: x\n    other: x\n")
	other := mustParse(t, "en", strings.ReplaceAll(minimal, "r.", "")+"  b: B\n  extra: E\n  m: M\n")
	if got, want := Missing(base, other), []string{"a", "n"}; !slices.Equal(got, want) {
		t.Errorf("Missing(base, other) = %v, want %v", got, want)
	}
	if got, want := Missing(other, base), []string{"extra"}; !slices.Equal(got, want) {
		t.Errorf("Missing(other, base) = %v, want %v", got, want)
	}
	if got := Missing(base, base); got != nil {
		t.Errorf("Missing(base, base) = %v, want none", got)
	}
	if got, want := Mismatched(base, other), []string{"m"}; !slices.Equal(got, want) {
		t.Errorf("Mismatched = %v, want %v", got, want)
	}
}

func TestAlias(t *testing.T) {
	src := `dates:
  months: &m [January, February, March, April, May, June, July, August, September, October, November, December]
  months_genitive: *m
  long: "{day} {month_genitive} {year}"
  month_year: "{month} {year}"
  short: "{year}-{mm}-{dd}"
strings:
  home: Home
`
	c := mustParse(t, "en", src)
	if got := c.Date(time.Date(2015, 5, 14, 0, 0, 0, 0, time.UTC)); got != "14 May 2015" {
		t.Errorf("Date via alias = %q", got)
	}
}

func timeMonth(m int) time.Month { return time.Month(m) }
