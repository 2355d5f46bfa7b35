package site_test

import (
	"slices"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// buildOn resolves files as a build on the day of at would.
func buildOn(t *testing.T, files map[string]string, at time.Time, drafts bool) (*site.Site, diag.List) {
	t.Helper()
	cfg, problems := config.Parse([]byte(siteYAML))
	if problems.HasErrors() {
		t.Fatalf("config: %v", problems.Items())
	}
	var docs []*content.Doc
	for p, src := range files {
		d, ps := content.Parse(p, []byte(src), content.Options{Languages: cfg.Codes(), Location: cfg.Location})
		if ps.HasErrors() {
			t.Fatalf("parse %s: %v", p, ps.Items())
		}
		docs = append(docs, d)
	}
	return site.Build(cfg, docs, site.Options{Now: at, Drafts: drafts, AccessibilityKey: "deklaracja"})
}

func contentURLs(s *site.Site) []string {
	var out []string
	for _, p := range s.Pages {
		if p.Doc != nil {
			out = append(out, p.URL)
		}
	}
	slices.Sort(out)
	return out
}

// TestPublishAndExpiry builds the same files on the days around the
// boundaries: a document is out before its publishDate and from its
// expiryDate on, and --drafts shows it all the same.
func TestPublishAndExpiry(t *testing.T) {
	files := map[string]string{
		"ogloszenie.md":                   "---\ntitle: Ogłoszenie\npublishDate: 2026-03-10\nexpiryDate: 2026-03-20\n---\nTekst.\n",
		"meetings/2026-03-15-zebranie.md": meeting("Zebranie", "2026-03-15"),
	}
	warsaw, _ := time.LoadLocation("Europe/Warsaw")
	at := func(d string) time.Time {
		t, _ := time.ParseInLocation("2006-01-02 15:04", d, warsaw)
		return t
	}
	const page, meet = "/ogloszenie/", "/spotkania/2026/zebranie/"
	cases := []struct {
		now    string
		drafts bool
		want   []string
		// next change and why
		next, path, what string
	}{
		{"2026-03-09 23:59", false, []string{meet}, "2026-03-10", "content/ogloszenie.md", "publishDate"},
		{"2026-03-10 00:00", false, []string{page, meet}, "2026-03-16", "content/meetings/2026-03-15-zebranie.md", "past"},
		{"2026-03-15 18:00", false, []string{page, meet}, "2026-03-16", "content/meetings/2026-03-15-zebranie.md", "past"},
		{"2026-03-16 08:00", false, []string{page, meet}, "2026-03-20", "content/ogloszenie.md", "expiryDate"},
		{"2026-03-19 23:59", false, []string{page, meet}, "2026-03-20", "content/ogloszenie.md", "expiryDate"},
		{"2026-03-20 00:00", false, []string{meet}, "", "", ""},
		{"2026-03-25 12:00", true, []string{page, meet}, "", "", ""},
		{"2026-03-01 12:00", true, []string{page, meet}, "2026-03-10", "content/ogloszenie.md", "publishDate"},
	}
	for _, c := range cases {
		s, problems := buildOn(t, files, at(c.now), c.drafts)
		if problems.HasErrors() {
			t.Fatalf("%s: %v", c.now, problems.Items())
		}
		if got := contentURLs(s); !slices.Equal(got, c.want) {
			t.Errorf("%s (drafts %v): pages %v, want %v", c.now, c.drafts, got, c.want)
		}
		next := ""
		if !s.NextChange.IsZero() {
			next = s.NextChange.Format(time.DateOnly)
		}
		if next != c.next || s.NextReason.Path != c.path || s.NextReason.What != c.what {
			t.Errorf("%s: next change %q %+v, want %q %s %s", c.now, next, s.NextReason, c.next, c.path, c.what)
		}
	}
}

// TestUpcomingAroundTheMeetingDay checks the meeting is upcoming through
// its day and past from the next, in the site's time zone.
func TestUpcomingAroundTheMeetingDay(t *testing.T) {
	files := map[string]string{"meetings/2026-03-15-zebranie.md": meeting("Zebranie", "2026-03-15T18:00")}
	for _, c := range []struct {
		now      time.Time
		upcoming bool
	}{
		{time.Date(2026, 3, 14, 22, 59, 0, 0, time.UTC), true}, // 23:59 in Warsaw, the day before
		{time.Date(2026, 3, 15, 22, 59, 0, 0, time.UTC), true}, // 23:59 on the day, after the meeting
		{time.Date(2026, 3, 15, 23, 0, 0, 0, time.UTC), false}, // midnight in Warsaw: the next day
	} {
		s, problems := buildOn(t, files, c.now, false)
		if problems.HasErrors() {
			t.Fatal(problems.Items())
		}
		if got := len(s.Lang("pl").Upcoming) == 1; got != c.upcoming {
			t.Errorf("at %s: upcoming %v, want %v", c.now, got, c.upcoming)
		}
	}
}

func TestExpiredPartnerReference(t *testing.T) {
	files := map[string]string{
		"meetings/2015-05-14-a.md": meeting("A", "2015-05-14", "host: stary"),
		"partners/stary.md":        "---\ntitle: Stary\nsector: ngo\nrole: signatory\nexpiryDate: 2019-01-01\n---\n",
		"partners/nowy.md":         "---\ntitle: Nowy\nsector: ngo\nrole: signatory\npublishDate: 2021-01-01\n---\n",
		"meetings/2015-05-15-b.md": meeting("B", "2015-05-15", "host: nowy"),
	}
	_, problems := buildOn(t, files, now, false)
	want := []string{
		`content/meetings/2015-05-14-a.md:5:7: partner "stary" expired on 2019-01-01 (change its publishDate or expiryDate, or build with --drafts to preview)`,
		`content/meetings/2015-05-15-b.md:5:7: partner "nowy" is not published until 2021-01-01 (change its publishDate or expiryDate, or build with --drafts to preview)`,
	}
	if got := messages(problems); !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
