package feeds_test

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/lubuskie-es/sitegen/internal/feeds"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// A strict reader of RFC 5545, written from the RFC rather than from the
// writer: it refuses bare LF or CR, lines over 75 octets, a line that is not
// valid UTF-8 on its own (a character split by folding), malformed
// parameters, unbalanced BEGIN/END and bad escapes in TEXT.

type icsProp struct {
	Name   string
	Params map[string]string
	Value  string
}

type icsComp struct {
	Name  string
	Props []icsProp
	Comps []*icsComp
}

// props returns every property called name.
func (c *icsComp) props(name string) []icsProp {
	var out []icsProp
	for _, p := range c.Props {
		if p.Name == name {
			out = append(out, p)
		}
	}
	return out
}

// one returns the property that must occur exactly once.
func (c *icsComp) one(t *testing.T, where, name string) icsProp {
	t.Helper()
	ps := c.props(name)
	if len(ps) != 1 {
		t.Errorf("%s: %s has %d %s properties, want 1", where, c.Name, len(ps), name)
		return icsProp{}
	}
	return ps[0]
}

var (
	icsName       = regexp.MustCompile(`^[A-Za-z0-9-]+$`)
	icsDateRE     = regexp.MustCompile(`^\d{8}$`)
	icsDateTimeRE = regexp.MustCompile(`^\d{8}T\d{6}Z$`)
)

func parseICS(data []byte) (*icsComp, error) {
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		return nil, fmt.Errorf("the file does not end with CRLF")
	}
	var logical []string
	for i, line := range strings.Split(string(data[:len(data)-2]), "\r\n") {
		n := i + 1
		switch {
		case strings.ContainsAny(line, "\r\n"):
			return nil, fmt.Errorf("line %d: a bare CR or LF; every line must end with CRLF", n)
		case len(line) > 75:
			return nil, fmt.Errorf("line %d: %d octets, more than 75", n, len(line))
		case !utf8.ValidString(line):
			return nil, fmt.Errorf("line %d: not valid UTF-8 on its own (a character split by folding?)", n)
		case line == "":
			return nil, fmt.Errorf("line %d: empty", n)
		}
		for _, r := range line {
			if (r < 0x20 && r != '\t') || r == 0x7f {
				return nil, fmt.Errorf("line %d: control character %U", n, r)
			}
		}
		if line[0] == ' ' || line[0] == '\t' {
			if len(logical) == 0 {
				return nil, fmt.Errorf("line %d: a continuation with nothing before it", n)
			}
			logical[len(logical)-1] += line[1:]
			continue
		}
		logical = append(logical, line)
	}
	var stack []*icsComp
	var root *icsComp
	for _, l := range logical {
		p, err := parseContentLine(l)
		if err != nil {
			return nil, err
		}
		switch p.Name {
		case "BEGIN":
			c := &icsComp{Name: p.Value}
			if len(stack) == 0 {
				if root != nil {
					return nil, fmt.Errorf("a second top-level component %s", p.Value)
				}
				root = c
			} else {
				top := stack[len(stack)-1]
				top.Comps = append(top.Comps, c)
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1].Name != p.Value {
				return nil, fmt.Errorf("END:%s does not close the open component", p.Value)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return nil, fmt.Errorf("property %s outside any component", p.Name)
			}
			top := stack[len(stack)-1]
			top.Props = append(top.Props, p)
		}
	}
	if len(stack) != 0 || root == nil || root.Name != "VCALENDAR" {
		return nil, fmt.Errorf("the file is not one complete VCALENDAR")
	}
	return root, nil
}

// parseContentLine reads name *(";" param) ":" value (RFC 5545 3.1).
func parseContentLine(l string) (icsProp, error) {
	p := icsProp{Params: map[string]string{}}
	i := strings.IndexAny(l, ";:")
	if i <= 0 {
		return p, fmt.Errorf("%q: no name and colon", l)
	}
	p.Name = strings.ToUpper(l[:i])
	if !icsName.MatchString(p.Name) {
		return p, fmt.Errorf("%q: bad property name", l)
	}
	rest := l[i:]
	for strings.HasPrefix(rest, ";") {
		rest = rest[1:]
		eq := strings.IndexByte(rest, '=')
		if eq <= 0 || !icsName.MatchString(rest[:eq]) {
			return p, fmt.Errorf("%q: bad parameter", l)
		}
		name := strings.ToUpper(rest[:eq])
		rest = rest[eq+1:]
		var val string
		if strings.HasPrefix(rest, `"`) {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				return p, fmt.Errorf("%q: unterminated quoted parameter", l)
			}
			val, rest = rest[1:1+end], rest[2+end:]
		} else {
			end := strings.IndexAny(rest, `;:,"`)
			if end < 0 {
				return p, fmt.Errorf("%q: parameter without a value after it", l)
			}
			val, rest = rest[:end], rest[end:]
		}
		p.Params[name] = val
	}
	if !strings.HasPrefix(rest, ":") {
		return p, fmt.Errorf("%q: no colon before the value", l)
	}
	p.Value = rest[1:]
	return p, nil
}

// unescapeText reads a single TEXT value (RFC 5545 3.3.11): a backslash
// must start \\ \; \, \n or \N, and ; or , must not stand alone.
func unescapeText(v string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '\\':
			if i+1 == len(v) {
				return "", fmt.Errorf("%q ends with a lone backslash", v)
			}
			i++
			switch v[i] {
			case '\\', ';', ',':
				b.WriteByte(v[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("%q: bad escape \\%c", v, v[i])
			}
		case ';', ',':
			return "", fmt.Errorf("%q: unescaped %c", v, c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

func textProp(t *testing.T, where string, c *icsComp, name string) string {
	t.Helper()
	s, err := unescapeText(c.one(t, where, name).Value)
	if err != nil {
		t.Errorf("%s: %s: %v", where, name, err)
	}
	return s
}

func TestFold(t *testing.T) {
	for _, s := range []string{
		"",
		"SUMMARY:short",
		strings.Repeat("a", 75),
		strings.Repeat("a", 76),
		strings.Repeat("a", 74) + "ż" + strings.Repeat("b", 80),    // 2-octet character across the 75th octet
		strings.Repeat("a", 73) + "🎉🎉🎉" + strings.Repeat("ł", 100), // 4-octet characters
		strings.Repeat("€", 200),                                   // 3 octets each
	} {
		folded := feeds.Fold(s)
		if !strings.HasSuffix(folded, "\r\n") {
			t.Errorf("fold(%q) does not end with CRLF", s)
		}
		lines := strings.Split(strings.TrimSuffix(folded, "\r\n"), "\r\n")
		for i, l := range lines {
			if len(l) > 75 {
				t.Errorf("fold: line %d has %d octets", i, len(l))
			}
			if !utf8.ValidString(l) {
				t.Errorf("fold: line %d splits a character: %q", i, l)
			}
			if i > 0 && !strings.HasPrefix(l, " ") {
				t.Errorf("fold: continuation %d does not start with a space", i)
			}
		}
		if got := strings.ReplaceAll(strings.TrimSuffix(folded, "\r\n"), "\r\n ", ""); got != s {
			t.Errorf("unfolding does not give back the line:\n got %q\nwant %q", got, s)
		}
	}
}

func TestEscapeText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{`a,b;c\d`, `a\,b\;c\\d`},
		{"one\ntwo\r\nthree\rfour", `one\ntwo\nthree\nfour`},
		{"tab\tkept, bell\a dropped", "tab\tkept\\, bell dropped"},
		{"żółć", "żółć"},
		{"bad \xff byte", "bad \uFFFD byte"},
	} {
		got := feeds.EscapeText(tc.in)
		if got != tc.want {
			t.Errorf("EscapeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if back, err := unescapeText(got); err != nil {
			t.Errorf("EscapeText(%q) = %q, which is not valid TEXT: %v", tc.in, got, err)
		} else if lossless := !strings.ContainsAny(tc.in, "\r\a") && utf8.ValidString(tc.in); lossless && back != tc.in {
			t.Errorf("EscapeText(%q) reads back as %q", tc.in, back)
		}
	}
}

// TestStrictReader makes sure the reader the other tests rely on refuses
// what RFC 5545 refuses, so that their passing means something.
func TestStrictReader(t *testing.T) {
	good := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
	if _, err := parseICS([]byte(good)); err != nil {
		t.Fatalf("a minimal calendar is refused: %v", err)
	}
	for name, bad := range map[string]string{
		"bare LF":         "BEGIN:VCALENDAR\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
		"no final CRLF":   "BEGIN:VCALENDAR\r\nEND:VCALENDAR",
		"76 octets":       "BEGIN:VCALENDAR\r\nX-A:" + strings.Repeat("a", 72) + "\r\nEND:VCALENDAR\r\n",
		"split character": "BEGIN:VCALENDAR\r\nX-A:\xc5\r\n \xbc\r\nEND:VCALENDAR\r\n",
		"unbalanced":      "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
		"no colon":        "BEGIN:VCALENDAR\r\nSUMMARY\r\nEND:VCALENDAR\r\n",
		"bad parameter":   "BEGIN:VCALENDAR\r\nSUMMARY;LANGUAGE:x\r\nEND:VCALENDAR\r\n",
		"leading fold":    " BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n",
	} {
		if _, err := parseICS([]byte(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	for _, bad := range []string{`a,b`, `a;b`, `a\`, `a\x`} {
		if _, err := unescapeText(bad); err == nil {
			t.Errorf("TEXT %q accepted", bad)
		}
	}
}

// TestCalendars parses every calendar file of the sample site and of the
// fixture, and checks each event against its meeting.
func TestCalendars(t *testing.T) {
	for _, tc := range []struct {
		name string
		b    built
	}{
		{"sample", buildSample(t, sampleNow)},
		{"sample announced", buildSample(t, announceNow)},
		{"fixture", buildFS(t, fixture(t), buildOpts(fixtureNow))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			events := 0
			for _, l := range tc.b.site.Langs {
				path := strings.TrimPrefix(feeds.CalendarPath(l), "/")
				cal := parseCalendar(t, path, tc.b.files[path])
				uids := map[string]bool{}
				for _, ev := range cal.Comps {
					uids[ev.one(t, path, "UID").Value] = true
				}
				if len(uids) != len(l.Meetings) || len(cal.Comps) != len(l.Meetings) {
					t.Errorf("%s: %d events with %d UIDs, want one per meeting (%d)", path, len(cal.Comps), len(uids), len(l.Meetings))
				}
				for i, m := range l.Meetings {
					if i < len(cal.Comps) {
						checkEvent(t, tc.b, path, cal.Comps[i], m)
						events++
					}
				}
				for _, m := range l.Upcoming {
					path := strings.TrimPrefix(feeds.EventPath(l, m), "/")
					cal := parseCalendar(t, path, tc.b.files[path])
					if len(cal.Comps) != 1 {
						t.Fatalf("%s: %d components, want one event", path, len(cal.Comps))
					}
					checkEvent(t, tc.b, path, cal.Comps[0], m)
					events++
				}
				for _, m := range l.Past {
					if p := feeds.EventPath(l, m); p != "" {
						t.Errorf("a past meeting has a one-event file %s", p)
					}
				}
			}
			t.Logf("%d events checked", events)
		})
	}
}

func parseCalendar(t *testing.T, path string, data []byte) *icsComp {
	t.Helper()
	if data == nil {
		t.Fatalf("%s was not written", path)
	}
	cal, err := parseICS(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if v := cal.one(t, path, "VERSION").Value; v != "2.0" {
		t.Errorf("%s: VERSION %q", path, v)
	}
	cal.one(t, path, "PRODID")
	for _, c := range cal.Comps {
		if c.Name != "VEVENT" {
			t.Errorf("%s: unexpected component %s", path, c.Name)
		}
	}
	return cal
}

func checkEvent(t *testing.T, b built, path string, ev *icsComp, m *site.Page) {
	t.Helper()
	d := m.Doc
	where := path + ": " + m.URL
	wantUID := d.Key + "." + m.Lang.Code + "@" + hostOf(b.site.Config.BaseURL)
	if uid, _ := unescapeText(ev.one(t, where, "UID").Value); uid != wantUID {
		t.Errorf("%s: UID %q, want %q", where, uid, wantUID)
	}
	if got, want := ev.one(t, where, "DTSTAMP").Value, d.Date.UTC().Format("20060102T150405Z"); got != want {
		t.Errorf("%s: DTSTAMP %s, want the meeting's start %s", where, got, want)
	}
	start := ev.one(t, where, "DTSTART")
	if d.HasTime {
		if !icsDateTimeRE.MatchString(start.Value) || start.Params["VALUE"] != "" {
			t.Errorf("%s: a meeting with a time starts at %v %q, want a UTC date-time", where, start.Params, start.Value)
		}
		if got, _ := time.Parse("20060102T150405Z", start.Value); !got.Equal(d.Date) {
			t.Errorf("%s: DTSTART %s is not %s", where, start.Value, d.Date)
		}
		wantEnd := d.End
		if wantEnd.IsZero() {
			wantEnd = d.Date.Add(feeds.DefaultDuration)
		}
		if got, err := time.Parse("20060102T150405Z", ev.one(t, where, "DTEND").Value); err != nil || !got.Equal(wantEnd) {
			t.Errorf("%s: DTEND %v, want %s", where, got, wantEnd)
		}
	} else {
		end := ev.one(t, where, "DTEND")
		if start.Params["VALUE"] != "DATE" || !icsDateRE.MatchString(start.Value) || end.Params["VALUE"] != "DATE" {
			t.Errorf("%s: an all-day meeting has DTSTART %v:%s DTEND %v:%s", where, start.Params, start.Value, end.Params, end.Value)
		}
		last := d.Date
		if !d.End.IsZero() {
			last = d.End
		}
		s, err1 := time.Parse("20060102", start.Value)
		e, err2 := time.Parse("20060102", end.Value)
		if err1 != nil || err2 != nil || s.Format(time.DateOnly) != d.Date.Format(time.DateOnly) || e.Format(time.DateOnly) != last.AddDate(0, 0, 1).Format(time.DateOnly) {
			t.Errorf("%s: all-day %s–%s, want %s to the day after %s", where, start.Value, end.Value, d.Date.Format(time.DateOnly), last.Format(time.DateOnly))
		}
	}
	if got := textProp(t, where, ev, "SUMMARY"); got != d.Title {
		t.Errorf("%s: SUMMARY %q, want %q", where, got, d.Title)
	}
	if got := textProp(t, where, ev, "LOCATION"); got != d.Location {
		t.Errorf("%s: LOCATION %q, want %q", where, got, d.Location)
	}
	if m.Summary != "" {
		if got := textProp(t, where, ev, "DESCRIPTION"); got != m.Summary {
			t.Errorf("%s: DESCRIPTION %q, want %q", where, got, m.Summary)
		}
	}
	for _, name := range []string{"SUMMARY", "LOCATION"} {
		if lang := ev.one(t, where, name).Params["LANGUAGE"]; lang != m.Lang.Code {
			t.Errorf("%s: %s;LANGUAGE=%s, want %s", where, name, lang, m.Lang.Code)
		}
	}
	url := ev.one(t, where, "URL").Value
	if url != b.site.Config.BaseURL+strings.TrimPrefix(m.URL, "/") {
		t.Errorf("%s: URL %s", where, url)
	}
	if _, ok := b.files[localFile(b.site.Config.BaseURL, url)]; !ok {
		t.Errorf("%s: URL %s leads to no page", where, url)
	}
}

// TestCalendarIgnoresClock: the calendar feed lists every meeting, so two
// builds on different days write the same bytes (DTSTAMP is not the clock).
func TestCalendarIgnoresClock(t *testing.T) {
	a, b := buildSample(t, sampleNow), buildSample(t, announceNow)
	for _, p := range []string{"spotkania/calendar.ics", "en/meetings/calendar.ics"} {
		if !bytes.Equal(a.files[p], b.files[p]) {
			t.Errorf("%s differs between builds on different days", p)
		}
	}
	// The one-event file and the feed give the meeting the same UID.
	event, _ := parseICS(b.files["spotkania/2015/spotkanie-sygnatariuszy.ics"])
	feed, _ := parseICS(b.files["spotkania/calendar.ics"])
	if event == nil || feed == nil || !slices.EqualFunc(event.Comps[0].props("UID"), feed.Comps[0].props("UID"),
		func(a, b icsProp) bool { return a.Value == b.Value }) {
		t.Error("the one-event file and the calendar feed disagree on the meeting's UID")
	}
}
