package site_test

import (
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/diag"
)

// TestStatementReview: the build warns when the accessibility statement's
// last review is older than the last 31 March (in the site's time zone),
// and says nothing when the statement gives no review date.
func TestStatementReview(t *testing.T) {
	warsaw, _ := time.LoadLocation("Europe/Warsaw")
	at := func(s string) time.Time {
		d, _ := time.ParseInLocation("2006-01-02 15:04", s, warsaw)
		return d
	}
	for _, c := range []struct {
		name   string
		params string
		now    time.Time
		want   string
	}{
		{"reviewed on the deadline", "reviewed: 2020-03-31", at("2020-06-01 12:00"), ""},
		{"reviewed the day before", "reviewed: 2020-03-30", at("2020-06-01 12:00"),
			"the accessibility statement was last reviewed on 2020-03-30, before 2020-03-31"},
		{"before this year's deadline", "reviewed: 2019-04-01", at("2020-03-30 23:00"), ""},
		{"a year late", "reviewed: 2019-03-30", at("2020-03-30 23:00"),
			"the accessibility statement was last reviewed on 2019-03-30, before 2019-03-31"},
		{"deadline day in Warsaw, not yet in UTC", "reviewed: 2019-04-01", time.Date(2020, 3, 30, 22, 30, 0, 0, time.UTC),
			"the accessibility statement was last reviewed on 2019-04-01, before 2020-03-31"},
		{"not a date", `reviewed: "soon"`, at("2020-06-01 12:00"),
			`params.statement.reviewed: "soon" is not a date`},
		{"no review date", "status: full", at("2020-06-01 12:00"), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "---\ntitle: Deklaracja dostępności\nparams:\n  statement:\n    " + c.params + "\n---\nTekst.\n"
			_, problems := buildOn(t, map[string]string{"deklaracja.pl.md": src}, c.now, false)
			items := problems.Items()
			if c.want == "" {
				if len(items) > 0 {
					t.Errorf("unexpected problems: %v", items)
				}
				return
			}
			if len(items) != 1 {
				t.Fatalf("problems %v, want one warning %q", items, c.want)
			}
			p := items[0]
			if p.Path != "content/deklaracja.pl.md" || p.Severity != diag.Warning || p.Message != c.want || p.Hint == "" {
				t.Errorf("got %s\nwant a warning on content/deklaracja.pl.md: %s (with a hint)", p, c.want)
			}
		})
	}
}
