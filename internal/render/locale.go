package render

import (
	"fmt"
	"time"

	"github.com/lubuskie-es/sitegen/internal/i18n"
)

// Locale is one language's UI strings and date forms, as templates call
// them: {{.L.T "key"}}, {{.L.N "meetings_count" 3}}, {{.L.Date .When}}.
// The templates are parsed once for every language; the language travels
// with the data (the View's L, and the L of every typed value a cached
// partial gets), so one set of functions serves the whole site.
type Locale struct {
	// Code is the language's code from site.yaml ("pl").
	Code string
	cat  *i18n.Catalog
}

// T gives the UI string key, or an error naming it when the language has
// none.
func (l *Locale) T(key string) (string, error) { return l.cat.T(key) }

// N gives the plural form of the UI string key that CLDR's rules choose
// for n, with {n} replaced.
func (l *Locale) N(key string, n int) (string, error) { return l.cat.N(key, n) }

// TF gives the UI string key with its {name} placeholders filled from
// name/value pairs: {{.L.TF "page_n_of_m" "page" 2 "pages" 5}}.
func (l *Locale) TF(key string, pairs ...any) (string, error) {
	s, err := l.cat.T(key)
	if err != nil {
		return "", err
	}
	if len(pairs)%2 != 0 {
		return "", fmt.Errorf("TF %q needs name/value pairs", key)
	}
	vars := make(map[string]string, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		vars[toString(pairs[i])] = toString(pairs[i+1])
	}
	return i18n.Format(s, vars), nil
}

// Date writes a day in the language's long form ("14 maja 2015 r.").
func (l *Locale) Date(t time.Time) string { return l.cat.Date(t) }

// MonthYear writes a month of a year ("maj 2015").
func (l *Locale) MonthYear(t time.Time) string { return l.cat.MonthYear(t) }

// ShortDate writes a day in the language's short form ("14.05.2015").
func (l *Locale) ShortDate(t time.Time) string { return l.cat.ShortDate(t) }
