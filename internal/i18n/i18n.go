// Package i18n holds the user-interface text of the site in each language:
// translated strings, plural messages chosen by CLDR plural rules, dates
// written the way each language writes them, and locale-aware sorting.
//
// # Catalog files
//
// Each language has one file, templates/i18n/<lang>.yaml, parsed by Parse
// into a Catalog:
//
//	dates:
//	  months: [styczeń, luty, …]            # nominative: "maj 2015"
//	  months_genitive: [stycznia, lutego, …] # inside a date: "14 maja 2015"
//	  long: "{day} {month_genitive} {year} r."
//	  month_year: "{month} {year}"
//	  short: "{dd}.{mm}.{year}"
//	strings:
//	  home: Strona główna
//	  meetings_in_year: "Spotkania w {year} r."
//	  meetings_count:       # a plural message
//	    one: "{n} spotkanie"
//	    few: "{n} spotkania"
//	    many: "{n} spotkań"
//	    other: "{n} spotkania"
//
// Date formats may use the placeholders {day} (14, 5), {dd} (14, 05), {mm}
// (05), {month}, {month_genitive} and {year}. Polish needs two month lists
// because a month standing alone ("maj") and a month inside a date ("14
// maja") take different grammatical cases; English repeats the same list.
//
// Parsing is strict, because a typo in a catalog would otherwise surface
// as a blank or wrong word on a published page: unknown keys (with a "did
// you mean" hint), a wrong number of months, unknown placeholders in date
// formats, unknown plural categories, and plural messages that lack a
// category the language's CLDR rules use for whole numbers (Polish: one,
// few, many; English: one) are all reported with line and column. "other"
// is always required, as the CLDR fallback.
//
// # Using a catalog
//
// Parse returns a nil Catalog when the file has any error, so a Catalog in
// hand is always complete: T returns a plain string and N a plural message
// for a count, with {n}
// replaced. Strings may contain further {name} placeholders, which T
// returns untouched so that templates can fill them with Format. Date,
// MonthYear, ShortDate and Month write dates. Missing and Mismatched
// compare two catalogs so that the build can report untranslated strings.
//
// # Sorting
//
// Collator sorts names the way a reader of the language expects: in Polish
// "Łagów" comes after "Lubsko" and before "Małomice", not after "Z" as a
// byte-wise sort would put it.
package i18n

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/lubuskie-es/sitegen/internal/diag"
)

// Catalog is the user-interface text of one language. It is read-only
// after Parse, so one Catalog may be shared by goroutines rendering pages
// in parallel.
type Catalog struct {
	tag      language.Tag
	months   [12]string // nominative
	genitive [12]string // months inside a full date
	long     string     // date formats, see the package comment
	monthYr  string
	short    string
	text     map[string]string
	plurals  map[string]map[plural.Form]string
}

// Lang returns the catalog's BCP 47 language tag in canonical form, such
// as "pl" or "en".
func (c *Catalog) Lang() string { return c.tag.String() }

// Tag returns the catalog's language tag, for use with other
// golang.org/x/text packages.
func (c *Catalog) Tag() language.Tag { return c.tag }

// T returns the plain string key, as written in the catalog: {name}
// placeholders are left for Format. It is an error to ask for a key the
// catalog lacks or for a plural message (use N).
func (c *Catalog) T(key string) (string, error) {
	if s, ok := c.text[key]; ok {
		return s, nil
	}
	if _, ok := c.plurals[key]; ok {
		return "", fmt.Errorf("i18n: %q is a plural message in %s; use N with a count", key, c.Lang())
	}
	return "", c.unknown(key)
}

// N returns the plural message key in the form the language uses for n,
// with {n} replaced by n. The form is chosen by the CLDR cardinal rules,
// so Polish gives "1 spotkanie", "3 spotkania", "5 spotkań", "22
// spotkania" and English "1 meeting", "2 meetings". Negative counts take
// the form of their absolute value, as CLDR specifies. Other placeholders
// are left for Format. The number is written with plain digits, without
// thousands separators.
func (c *Catalog) N(key string, n int) (string, error) {
	forms, ok := c.plurals[key]
	if !ok {
		if _, ok := c.text[key]; ok {
			return "", fmt.Errorf("i18n: %q is not a plural message in %s; use T", key, c.Lang())
		}
		return "", c.unknown(key)
	}
	msg, ok := forms[c.form(n)]
	if !ok {
		// Parse makes sure every form the rules give for whole numbers
		// is present, so this is only reached for languages whose rules
		// x/text does not know; "other" is the CLDR fallback.
		msg = forms[plural.Other]
	}
	return Format(msg, map[string]string{"n": strconv.Itoa(n)}), nil
}

// form returns the CLDR cardinal plural category of the integer n.
func (c *Catalog) form(n int) plural.Form {
	i := n
	if i < 0 {
		// The rules index tables by i % 1e7 and so must not see a
		// negative number; -MinInt overflows, so reduce it first,
		// keeping it large and with the same last seven digits, which
		// is all any rule looks at (x/text allows passing i mod 1e7).
		if i == -i {
			i = -(i % 10_000_000) + 10_000_000
		} else {
			i = -i
		}
	}
	return plural.Cardinal.MatchPlural(c.tag, i, 0, 0, 0, 0)
}

func (c *Catalog) unknown(key string) error {
	if s := diag.Suggest(key, c.Keys()); s != "" {
		return fmt.Errorf("i18n: unknown string %q in %s (did you mean %q?)", key, c.Lang(), s)
	}
	return fmt.Errorf("i18n: unknown string %q in %s", key, c.Lang())
}

// Date writes t in the language's long form: "14 maja 2015 r.",
// "14 May 2015". It uses t's own calendar fields and does not convert
// time zones, so a meeting on 14 May is shown on 14 May wherever the site
// is built.
func (c *Catalog) Date(t time.Time) string { return c.formatDate(c.long, t) }

// MonthYear writes the month and year of t, as in a heading: "maj 2015",
// "May 2015".
func (c *Catalog) MonthYear(t time.Time) string { return c.formatDate(c.monthYr, t) }

// ShortDate writes t in the language's numeric form: "14.05.2015" in
// Polish, ISO 8601 "2015-05-14" in English (unambiguous for British and
// American readers alike).
func (c *Catalog) ShortDate(t time.Time) string { return c.formatDate(c.short, t) }

// Month returns the name of m in the nominative, as it stands alone:
// "maj", "May". It returns "" for a value outside January–December.
func (c *Catalog) Month(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return c.months[m-1]
}

func (c *Catalog) formatDate(layout string, t time.Time) string {
	m := t.Month() - 1
	return expand(layout, func(name string) (string, bool) {
		switch name {
		case "day":
			return strconv.Itoa(t.Day()), true
		case "dd":
			return fmt.Sprintf("%02d", t.Day()), true
		case "mm":
			return fmt.Sprintf("%02d", int(t.Month())), true
		case "month":
			return c.months[m], true
		case "month_genitive":
			return c.genitive[m], true
		case "year":
			return strconv.Itoa(t.Year()), true
		}
		return "", false
	})
}

// Keys returns the keys of all strings and plural messages, sorted.
func (c *Catalog) Keys() []string {
	keys := slices.Collect(maps.Keys(c.text))
	keys = slices.AppendSeq(keys, maps.Keys(c.plurals))
	slices.Sort(keys)
	return keys
}

// has reports whether key exists, and whether it is a plural message.
func (c *Catalog) has(key string) (ok, isPlural bool) {
	if _, ok := c.text[key]; ok {
		return true, false
	}
	_, ok = c.plurals[key]
	return ok, ok
}

// Missing returns the keys, sorted, that base has and other lacks: the
// strings still to be translated when base is the reference language.
func Missing(base, other *Catalog) []string {
	var out []string
	for _, k := range base.Keys() {
		if ok, _ := other.has(k); !ok {
			out = append(out, k)
		}
	}
	return out
}

// Mismatched returns the keys, sorted, that are a plain string in one
// catalog and a plural message in the other. A template written against
// one language would fail on such a key in the other, so the build should
// report them together with Missing.
func Mismatched(base, other *Catalog) []string {
	var out []string
	for _, k := range base.Keys() {
		_, p1 := base.has(k)
		if ok, p2 := other.has(k); ok && p1 != p2 {
			out = append(out, k)
		}
	}
	return out
}

// Format replaces each {name} in msg with vars[name]. Placeholders with no
// entry in vars are left as they are, so that a forgotten variable shows on
// the page (and in review) instead of silently vanishing.
//
//	Format("Strona {page} z {pages}", map[string]string{"page": "2", "pages": "5"})
//	// "Strona 2 z 5"
func Format(msg string, vars map[string]string) string {
	return expand(msg, func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	})
}

// expand replaces the placeholders of msg for which lookup returns true.
func expand(msg string, lookup func(name string) (string, bool)) string {
	if !strings.Contains(msg, "{") {
		return msg
	}
	var b strings.Builder
	for {
		name, before, after, ok := nextPlaceholder(msg)
		if !ok {
			b.WriteString(msg)
			return b.String()
		}
		b.WriteString(before)
		if v, ok := lookup(name); ok {
			b.WriteString(v)
		} else {
			b.WriteString("{" + name + "}")
		}
		msg = after
	}
}

// nextPlaceholder finds the first {name} in s, where name is made of ASCII
// letters, digits and underscores. Other braces are plain text.
func nextPlaceholder(s string) (name, before, after string, ok bool) {
	for start := 0; ; {
		i := strings.IndexByte(s[start:], '{')
		if i < 0 {
			return "", "", "", false
		}
		i += start
		j := i + 1
		for j < len(s) && isNameByte(s[j]) {
			j++
		}
		if j > i+1 && j < len(s) && s[j] == '}' {
			return s[i+1 : j], s[:i], s[j+1:], true
		}
		start = i + 1
	}
}

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}
