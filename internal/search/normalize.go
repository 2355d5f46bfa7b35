package search

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// rulesJSON is the specification of folding and stemming that the build and
// the search page's script share: the build copies each language's part
// into that language's index.json, from which the script reads it, so the
// two cannot drift apart. rules.json describes the algorithm in its "doc".
//
//go:embed rules.json
var rulesJSON []byte

// Rules turn the words of one language into index terms. The zero value
// folds but neither stems nor drops stop words.
type Rules struct {
	// Fold replaces single characters after case and accent folding
	// ("ł" → "l"), for letters that Unicode does not decompose.
	Chars map[string]string `json:"fold"`
	// Min is the fewest characters a stem keeps.
	Min int `json:"min"`
	// Ext is how many characters longer than an index term a query word
	// may be and still match it (see Match).
	Ext int `json:"ext"`
	// Steps are applied in order; in each, the first suffix that fits is
	// replaced and the step ends. A suffix is [suffix, replacement].
	Steps [][][2]string `json:"steps"`
	// Stop lists folded words left out of the index.
	Stop []string `json:"stop"`

	fold map[rune]string
	stop map[string]bool
}

// spec is rules.json.
type spec struct {
	Fold  map[string]string `json:"fold"`
	Langs map[string]*Rules `json:"langs"`
}

// LoadRules returns the rules for a language code from rules.json: its
// stemmer and stop words, or none for a language it does not know.
func LoadRules(lang string) (*Rules, error) {
	var sp spec
	if err := json.Unmarshal(rulesJSON, &sp); err != nil {
		return nil, fmt.Errorf("search: rules.json: %w", err)
	}
	r := sp.Langs[lang]
	if r == nil {
		r = &Rules{Steps: [][][2]string{}, Stop: []string{}}
	}
	r.Chars = sp.Fold
	r.fold = make(map[rune]string, len(sp.Fold))
	for k, v := range sp.Fold {
		c, size := utf8.DecodeRuneInString(k)
		if size != len(k) || c < utf8.RuneSelf { // Fold skips ASCII words
			return nil, fmt.Errorf("search: rules.json: fold key %q is not one non-ASCII character", k)
		}
		r.fold[c] = v
	}
	r.stop = make(map[string]bool, len(r.Stop))
	for _, w := range r.Stop {
		r.stop[w] = true
	}
	return r, nil
}

// Fold lower-cases s and takes away its accents: NFKD, lower case,
// nonspacing marks dropped, then the Chars table ("Żółć" → "zolc").
func (r *Rules) Fold(s string) string {
	if isASCII(s) { // most words: nothing to decompose, no accents
		return strings.ToLower(s)
	}
	s = strings.ToLower(norm.NFKD.String(s))
	var b strings.Builder
	b.Grow(len(s))
	for _, c := range s {
		if unicode.Is(unicode.Mn, c) {
			continue
		}
		if rep, ok := r.fold[c]; ok {
			b.WriteString(rep)
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isWordRune tells the characters words are made of: letters, digits and
// marks (search.js: /[\p{L}\p{N}\p{M}]+/gu).
func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsNumber(c) || unicode.IsMark(c)
}

// words calls fn with each run of word characters in s.
func words(s string, fn func(w string)) {
	start := -1
	for i, c := range s {
		if isWordRune(c) {
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

// Terms calls fn with the index term of every word of text that is
// indexed, in order: folded, not a stop word, at least two characters,
// stemmed.
func (r *Rules) Terms(text string, fn func(term string)) {
	words(text, func(w string) {
		words(r.Fold(w), func(f string) {
			if utf8.RuneCountInString(f) < 2 || r.stop[f] {
				return
			}
			fn(r.Stem(f))
		})
	})
}

// Stem strips an inflectional ending from a folded word, as the Steps
// say; a stem never gets shorter than Min characters (nor does a word
// that has fewer).
func (r *Rules) Stem(w string) string {
	n := utf8.RuneCountInString(w)
	for _, step := range r.Steps {
		for _, s := range step {
			suf, rep := s[0], s[1]
			if strings.HasSuffix(w, suf) && n-utf8.RuneCountInString(suf)+utf8.RuneCountInString(rep) >= r.Min {
				w = w[:len(w)-len(suf)] + rep
				n = utf8.RuneCountInString(w)
				break
			}
		}
	}
	return w
}

// Match reports whether the folded query word f finds the index term t,
// and whether exactly (the same stem) rather than as a prefix or through
// an ending the stemmer leaves: the rule the search page's script applies
// (rules.json, "match"), written here too so that the shared table of
// cases checks it in Go as well as in the browser.
func (r *Rules) Match(f, t string) (found, exact bool) {
	if r.Stem(f) == t {
		return true, true
	}
	if strings.HasPrefix(t, f) && utf8.RuneCountInString(f) >= 2 {
		return true, false
	}
	n, m := utf8.RuneCountInString(t), utf8.RuneCountInString(f)
	return strings.HasPrefix(f, t) && n >= r.Min && m-n <= r.Ext, false
}
