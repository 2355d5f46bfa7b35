package feeds

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/lubuskie-es/sitegen/internal/site"
)

// iCalendar (RFC 5545) files: a feed of every meeting of a language, for
// subscribing, and a one-event file per upcoming meeting, for importing.
//
// Choices that keep the files stable and honest:
//   - UID is the meeting's translation key and language at the site's host
//     ("meetings/2015-05-14-x.pl@host"): it survives a new title or slug,
//     and the feed and the one-event file of a meeting share it, so a
//     client that has both sees one event;
//   - DTSTAMP is the meeting's start in UTC, not the build time: without a
//     METHOD it means "last revised", which the site does not record; the
//     start is reproducible and moves when the meeting is rescheduled,
//     the one change a calendar must notice;
//   - a meeting with a time starts at that instant, written in UTC so that
//     no VTIMEZONE is needed, and ends at its end; one without an end is
//     given DefaultDuration, since a calendar shows an event with no DTEND
//     as taking no time at all (RFC 5545 3.6.1). A meeting with a date
//     alone is an all-day event: DTSTART;VALUE=DATE, and DTEND the day
//     after its last day (the end's day, or the start's), which is
//     exclusive.
//   - no METHOD: the files publish, they do not invite.

// DefaultDuration is how long a meeting with a start time but no end lasts
// in the calendars.
const DefaultDuration = 2 * time.Hour

const (
	icsDate     = "20060102"
	icsDateTime = "20060102T150405Z"
	// maxLine is the longest a line may be in octets, CRLF excluded.
	maxLine = 75
)

// calendarFeed is the calendar of every meeting of l, newest first.
func calendarFeed(l *site.Lang, k linker, name string) []byte {
	var w icsWriter
	w.begin(l)
	w.prop("NAME", "", escapeText(name))
	w.prop("X-WR-CALNAME", "", escapeText(name))
	for _, m := range l.Meetings {
		w.event(m, k)
	}
	w.line("END:VCALENDAR")
	return []byte(w.b.String())
}

// eventFile is the calendar of one meeting, for "add to calendar".
func eventFile(l *site.Lang, m *site.Page, k linker) []byte {
	var w icsWriter
	w.begin(l)
	w.event(m, k)
	w.line("END:VCALENDAR")
	return []byte(w.b.String())
}

// icsWriter writes content lines, each folded and ended with CRLF.
type icsWriter struct{ b strings.Builder }

func (w *icsWriter) begin(l *site.Lang) {
	w.line("BEGIN:VCALENDAR")
	w.prop("VERSION", "", "2.0")
	w.prop("PRODID", "", "-//lubuskie-es//sitegen//"+strings.ToUpper(l.Config.Code))
	w.prop("CALSCALE", "", "GREGORIAN")
}

func (w *icsWriter) event(m *site.Page, k linker) {
	d := m.Doc
	lang := ";LANGUAGE=" + m.Lang.Code
	w.line("BEGIN:VEVENT")
	w.prop("UID", "", escapeText(d.Key+"."+m.Lang.Code+"@"+k.host()))
	w.prop("DTSTAMP", "", d.Date.UTC().Format(icsDateTime))
	if d.HasTime {
		end := d.End
		if end.IsZero() {
			end = d.Date.Add(DefaultDuration)
		}
		w.prop("DTSTART", "", d.Date.UTC().Format(icsDateTime))
		w.prop("DTEND", "", end.UTC().Format(icsDateTime))
	} else {
		last := d.Date
		if !d.End.IsZero() {
			last = d.End
		}
		day := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC) }
		w.prop("DTSTART", ";VALUE=DATE", day(d.Date).Format(icsDate))
		w.prop("DTEND", ";VALUE=DATE", day(last).AddDate(0, 0, 1).Format(icsDate))
	}
	w.prop("SUMMARY", lang, escapeText(d.Title))
	w.prop("LOCATION", lang, escapeText(d.Location))
	if m.Summary != "" {
		w.prop("DESCRIPTION", lang, escapeText(m.Summary))
	}
	w.prop("URL", "", k.page(m)) // a URI, not TEXT: no escaping
	w.line("END:VEVENT")
}

// prop writes NAME, params (each starting with ";") and an already escaped
// value as one content line.
func (w *icsWriter) prop(name, params, value string) {
	w.line(name + params + ":" + value)
}

func (w *icsWriter) line(s string) { w.b.WriteString(fold(s)) }

// fold splits a content line into lines of at most 75 octets, each
// continuation starting with a space (RFC 5545 3.1), and ends every line
// with CRLF. It cuts only between UTF-8 sequences, so no line holds half a
// character: a client that decodes line by line still sees valid text.
func fold(s string) string {
	var b strings.Builder
	limit := maxLine
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = maxLine - 1 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
	return b.String()
}

// escapeText writes s as an iCalendar TEXT value (RFC 5545 3.3.11):
// backslash, semicolon and comma escaped, every line break (CRLF, LF or CR)
// as \n. Other control characters are not allowed in TEXT and are dropped;
// a tab is kept.
func escapeText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteByte(c)
		default:
			if c < 0x20 || c == 0x7f {
				continue
			}
			b.WriteByte(c)
		}
	}
	return strings.ToValidUTF8(b.String(), "\uFFFD")
}
