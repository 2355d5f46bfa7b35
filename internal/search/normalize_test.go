package search

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Cases is testdata/cases.json, which internal/e2e runs through the
// browser's search.js as well.
type Cases struct {
	Terms []struct {
		Lang  string   `json:"lang"`
		Term  string   `json:"term"`
		Words []string `json:"words"`
	} `json:"terms"`
	Texts []struct {
		Lang  string   `json:"lang"`
		Text  string   `json:"text"`
		Terms []string `json:"terms"`
	} `json:"texts"`
	Finds, Misses []struct {
		Lang  string `json:"lang"`
		Query string `json:"query"`
		Text  string `json:"text"`
	}
}

func loadCases(t testing.TB) *Cases {
	t.Helper()
	data, err := os.ReadFile("testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var c Cases
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

func rules(t testing.TB, lang string) *Rules {
	t.Helper()
	r, err := LoadRules(lang)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func terms(r *Rules, text string) []string {
	out := []string{}
	r.Terms(text, func(t string) { out = append(out, t) })
	return out
}

func TestTerms(t *testing.T) {
	c := loadCases(t)
	for _, tc := range c.Terms {
		r := rules(t, tc.Lang)
		for _, w := range tc.Words {
			if got := terms(r, w); len(got) != 1 || got[0] != tc.Term {
				t.Errorf("%s: %q gives %q, want [%q]", tc.Lang, w, got, tc.Term)
			}
		}
	}
	for _, tc := range c.Texts {
		if got := terms(rules(t, tc.Lang), tc.Text); !slices.Equal(got, tc.Terms) {
			t.Errorf("%s: %q gives\n\t%q, want\n\t%q", tc.Lang, tc.Text, got, tc.Terms)
		}
	}
}

// finds reports whether a query word finds any word of text, as the
// script matches.
func finds(r *Rules, query, text string) bool {
	q := r.Fold(query)
	found := false
	r.Terms(text, func(term string) {
		if ok, _ := r.Match(q, term); ok {
			found = true
		}
	})
	return found
}

func TestMatch(t *testing.T) {
	c := loadCases(t)
	for _, tc := range c.Finds {
		if !finds(rules(t, tc.Lang), tc.Query, tc.Text) {
			t.Errorf("%s: %q does not find %q", tc.Lang, tc.Query, tc.Text)
		}
	}
	for _, tc := range c.Misses {
		if finds(rules(t, tc.Lang), tc.Query, tc.Text) {
			t.Errorf("%s: %q finds %q", tc.Lang, tc.Query, tc.Text)
		}
	}
}

// TestRulesOrder: within a step, no suffix ends with one written before
// it, which would always be stripped first and make it dead; stop words
// are folded and unique; fold keys are lower case without accents.
func TestRulesOrder(t *testing.T) {
	for _, lang := range []string{"pl", "en"} {
		r := rules(t, lang)
		if r.Min < 2 || len(r.Steps) == 0 {
			t.Errorf("%s: min %d, %d steps", lang, r.Min, len(r.Steps))
		}
		for i, step := range r.Steps {
			for j, s := range step {
				for _, before := range step[:j] {
					if strings.HasSuffix(s[0], before[0]) {
						t.Errorf("%s step %d: %q comes after %q, so it never applies", lang, i, s[0], before[0])
					}
				}
			}
		}
		seen := map[string]bool{}
		for _, w := range r.Stop {
			if seen[w] || r.Fold(w) != w {
				t.Errorf("%s: stop word %q is repeated or not folded", lang, w)
			}
			seen[w] = true
		}
	}
	for k, v := range rules(t, "pl").Chars {
		if utf8.RuneCountInString(k) != 1 || v == "" {
			t.Errorf("fold %q → %q", k, v)
		}
	}
}

// referenceTerms is Terms as rules.json words it, without the shortcuts
// of terms: every word through Fold, split again, stemmed from the Steps.
func referenceTerms(r *Rules, text string) []string {
	out := []string{}
	split := func(s string, fn func(string)) {
		start := -1
		for i, c := range s {
			if unicode.IsLetter(c) || unicode.IsNumber(c) || unicode.IsMark(c) {
				if start < 0 {
					start = i
				}
			} else if start >= 0 {
				fn(s[start:i])
				start = -1
			}
		}
		if start >= 0 {
			fn(s[start:])
		}
	}
	split(text, func(w string) {
		split(r.Fold(w), func(f string) {
			if utf8.RuneCountInString(f) < 2 || slices.Contains(r.Stop, f) {
				return
			}
			n := utf8.RuneCountInString(f)
			for _, step := range r.Steps {
				for _, s := range step {
					if strings.HasSuffix(f, s[0]) && n-utf8.RuneCountInString(s[0])+utf8.RuneCountInString(s[1]) >= r.Min {
						f = f[:len(f)-len(s[0])] + s[1]
						n = utf8.RuneCountInString(f)
						break
					}
				}
			}
			out = append(out, f)
		})
	})
	return out
}

// TestTermsShortcuts checks terms, which folds most characters one by
// one and looks endings up by their last byte, against referenceTerms
// for every character up to U+3000 in words, next to the Polish letters
// and to combining marks, and for the cases' texts.
func TestTermsShortcuts(t *testing.T) {
	var texts []string
	for _, tc := range loadCases(t).Texts {
		texts = append(texts, tc.Text)
	}
	for c := rune(0); c < 0x3000; c++ {
		s := string(c)
		texts = append(texts, "Ab"+s, s+"ACH", "x"+s+"y", s+s+"ami", s+"\u0301", "ż"+s+"Ą", "1"+s)
	}
	for _, lang := range []string{"pl", "en", "xx"} {
		r := rules(t, lang)
		for _, text := range texts {
			if got, want := terms(r, text), referenceTerms(r, text); !slices.Equal(got, want) {
				t.Errorf("%s: %q gives %q, want %q", lang, text, got, want)
			}
		}
	}
	// The zero value folds without the shortcuts' tables.
	var zero Rules
	for _, text := range texts[:200] {
		if got, want := terms(&zero, text), referenceTerms(&zero, text); !slices.Equal(got, want) {
			t.Errorf("zero Rules: %q gives %q, want %q", text, got, want)
		}
	}
}

// FuzzTerms compares terms with referenceTerms on any text.
func FuzzTerms(f *testing.F) {
	for _, tc := range loadCases(f).Texts {
		f.Add(tc.Text)
	}
	f.Add("Spółdzielnie socjalne ÆØÅ ǅ ß ﬁ ½ a\u0328\u0301")
	pl, en := rules(f, "pl"), rules(f, "en")
	f.Fuzz(func(t *testing.T, text string) {
		for _, r := range []*Rules{pl, en} {
			if got, want := terms(r, text), referenceTerms(r, text); !slices.Equal(got, want) {
				t.Errorf("%q gives %q, want %q", text, got, want)
			}
		}
	})
}
