package site

import (
	"time"

	"github.com/lubuskie-es/sitegen/internal/content"
)

// Change says why the site changes on Site.NextChange.
type Change struct {
	// Path is the content file whose date it is.
	Path string
	// What is "publishDate", "expiryDate" or "past" (an upcoming meeting
	// has taken place).
	What string
}

// today is the start of the build's day in the site's time zone: the
// calendar decides by days, so that every build of one day is alike.
func (b *builder) today() time.Time {
	return day(b.site.Now, b.site.Config.Location)
}

func day(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}

// unpublished says why d is left out of a build on the day today, or ""
// when it is not: a draft, a document before its publishDate, or one on or
// after its expiryDate.
func unpublished(d *content.Doc, today time.Time) string {
	loc := today.Location()
	switch {
	case d.Draft:
		return "is a draft"
	case !d.PublishDate.IsZero() && day(d.PublishDate, loc).After(today):
		return "is not published until " + d.PublishDate.In(loc).Format(time.DateOnly)
	case !d.ExpiryDate.IsZero() && !day(d.ExpiryDate, loc).After(today):
		return "expired on " + d.ExpiryDate.In(loc).Format(time.DateOnly)
	}
	return ""
}

// ahead notes the days after today on which d changes the site by itself,
// keeping the first of all documents' as the site's NextChange. Drafts
// never change it, and d is in this build (or the build shows drafts).
func (b *builder) ahead(d *content.Doc, today time.Time) {
	if d.Draft {
		return
	}
	loc := today.Location()
	if !d.PublishDate.IsZero() {
		b.noteChange(day(d.PublishDate, loc), today, Change{d.Path, "publishDate"})
	}
	if !d.ExpiryDate.IsZero() {
		b.noteChange(day(d.ExpiryDate, loc), today, Change{d.Path, "expiryDate"})
	}
	if d.Kind == content.Meeting {
		// A meeting is upcoming through its day, past from the next.
		b.noteChange(day(d.Date, loc).AddDate(0, 0, 1), today, Change{d.Path, "past"})
	}
}

func (b *builder) noteChange(when, today time.Time, why Change) {
	if !when.After(today) {
		return
	}
	s := b.site
	// Equal days keep the first file by path: docs come sorted, so the
	// reason does not depend on the order files were read.
	if s.NextChange.IsZero() || when.Before(s.NextChange) {
		s.NextChange, s.NextReason = when, why
	}
}
