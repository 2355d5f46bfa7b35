package site

import (
	"fmt"
	"time"

	"github.com/lubuskie-es/sitegen/internal/diag"
)

// checkStatement warns when the accessibility statement of l was last
// reviewed before the last 31 March: a Polish public body must review its
// statement every year by then. The date is params.statement.reviewed in the
// statement's front matter; a statement without one is not checked (the
// page then shows the date as still to be filled in).
func (b *builder) checkStatement(l *Lang) {
	p := l.Accessibility
	if p == nil || p.Doc == nil {
		return
	}
	st, _ := p.Doc.Params["statement"].(map[string]any)
	v, ok := st["reviewed"]
	if !ok {
		return
	}
	reviewed, ok := v.(time.Time)
	if !ok {
		b.problems.Add(diag.Problem{Path: p.Doc.Path, Severity: diag.Warning,
			Message: fmt.Sprintf("params.statement.reviewed: %q is not a date", fmt.Sprint(v)),
			Hint:    "write the date of the statement's last review as YYYY-MM-DD, without quotes"})
		return
	}
	loc := b.site.Config.Location
	day := time.Date(reviewed.Year(), reviewed.Month(), reviewed.Day(), 0, 0, 0, 0, loc)
	if deadline := lastMarch31(b.site.Now, loc); day.Before(deadline) {
		b.problems.Add(diag.Problem{Path: p.Doc.Path, Severity: diag.Warning,
			Message: fmt.Sprintf("the accessibility statement was last reviewed on %s, before %s", day.Format(time.DateOnly), deadline.Format(time.DateOnly)),
			Hint:    "review it every year by 31 March, then set params.statement.reviewed to the day of the review"})
	}
}

// lastMarch31 is the start of the latest 31 March on or before now, in loc.
func lastMarch31(now time.Time, loc *time.Location) time.Time {
	now = now.In(loc)
	d := time.Date(now.Year(), time.March, 31, 0, 0, 0, 0, loc)
	if now.Before(d) {
		d = d.AddDate(-1, 0, 0)
	}
	return d
}
