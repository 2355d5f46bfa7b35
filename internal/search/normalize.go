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
	// stopLen is the length of the longest stop word: longer words need
	// not be looked up.
	stopLen int
	// endings are the Steps by the last byte of their suffixes, in the
	// order written, so that a word is compared only with the suffixes
	// that could fit it; nil in Rules not made by LoadRules.
	endings [][256][]ending
}

// ending is a suffix of a step, with the change in characters that
// replacing it makes.
type ending struct {
	suf, rep string
	delta    int
}

// quickEnd ends the characters that terms may fold one by one (see
// quickFold): Latin-1 Supplement and Latin Extended-A and -B, which have
// the Polish letters, before the combining marks at U+0300.
const quickEnd = 0x250

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
		r.stopLen = max(r.stopLen, len(w))
	}
	r.endings = make([][256][]ending, len(r.Steps))
	for i, step := range r.Steps {
		for _, s := range step {
			e := ending{s[0], s[1], utf8.RuneCountInString(s[1]) - utf8.RuneCountInString(s[0])}
			for b := range 256 {
				if e.suf == "" || e.suf[len(e.suf)-1] == byte(b) {
					r.endings[i][b] = append(r.endings[i][b], e)
				}
			}
		}
	}
	return r, nil
}

// quickFold returns what Fold makes of c, if Fold of a word that has c
// is the same as Fold of each of its characters one by one, joined, and
// is one word; otherwise "". That holds when c decomposes into a base
// character (a starter, which normalization never moves) followed by
// marks that Fold drops: reordering can then move only dropped marks. It
// also requires Fold of c to be letters, digits and marks only, so that
// the folded word is not cut again in Terms.
func (r *Rules) quickFold(c rune) string {
	if !isWordRune(c) {
		return ""
	}
	d := norm.NFKD.String(string(c))
	for i, x := range d {
		if norm.NFKD.PropertiesString(d[i:]).CCC() == 0 {
			continue
		}
		if i == 0 || !unicode.Is(unicode.Mn, unicode.ToLower(x)) {
			return ""
		}
	}
	f := r.Fold(string(c))
	if f == "" || strings.ContainsFunc(f, func(x rune) bool { return !isWordRune(x) }) {
		return ""
	}
	return f
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
	if uint32(c) < quickEnd {
		return latinWord[c]
	}
	return isWordRuneUnicode(c)
}

func isWordRuneUnicode(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsNumber(c) || unicode.IsMark(c)
}

// latinWord is isWordRune below quickEnd, most characters of most texts,
// looked up rather than searched for in the Unicode tables.
var latinWord = func() (t [quickEnd]bool) {
	for c := range rune(quickEnd) {
		t[c] = isWordRuneUnicode(c)
	}
	return t
}()

// nextWord returns the first run of word characters in s at or after
// offset i, and the offset after it; w is "" when there is none.
func nextWord(s string, i int) (w string, end int) {
	start := -1
	for i < len(s) {
		size, word := 1, false
		if c := s[i]; c < utf8.RuneSelf {
			word = latinWord[c]
		} else {
			var x rune
			x, size = utf8.DecodeRuneInString(s[i:])
			word = isWordRune(x)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			return s[start:i], i
		}
		i += size
	}
	if start < 0 {
		return "", len(s)
	}
	return s[start:], len(s)
}

// words calls fn with each run of word characters in s.
func words(s string, fn func(w string)) {
	for i := 0; i < len(s); {
		var w string
		if w, i = nextWord(s, i); w != "" {
			fn(w)
		}
	}
}

// Terms calls fn with the index term of every word of text that is
// indexed, in order: folded, not a stop word, at least two characters,
// stemmed.
func (r *Rules) Terms(text string, fn func(term string)) {
	var t termBuf
	r.terms(&t, text, func(term []byte) { fn(string(term)) })
}

// termBuf is the scratch space of terms, kept between calls so that
// folding and stemming a word allocates nothing. One termBuf serves one
// Rules.
type termBuf struct {
	b []byte
	// quick holds quickFold of the characters below quickEnd met so
	// far, made when first met: most texts have a few dozen of them.
	quick []quickChar
	// pos counts the folded words met, indexed or not: a word's position
	// is pos less one once its term is emitted (rules.json, "positions").
	pos int
}

type quickChar struct {
	fold  string // "" when the character is not folded alone
	n     int    // characters in fold
	known bool
}

// quickFold is Rules.quickFold of c < quickEnd, remembered.
func (t *termBuf) quickFold(r *Rules, c rune) (string, int) {
	if t.quick == nil {
		t.quick = make([]quickChar, quickEnd-utf8.RuneSelf)
	}
	q := &t.quick[c-utf8.RuneSelf]
	if !q.known {
		q.fold = r.quickFold(c)
		q.n, q.known = utf8.RuneCountInString(q.fold), true
	}
	return q.fold, q.n
}

// terms is Terms with each term in bytes that are only valid during the
// call of fn: the index looks most terms up rather than keeping them.
func (r *Rules) terms(t *termBuf, text string, fn func(term []byte)) {
	for i := 0; i < len(text); {
		var w string
		if w, i = nextWord(text, i); w != "" {
			r.wordTerms(t, w, fn)
		}
	}
}

// wordTerms calls fn with the terms of one word: one, or none for a stop
// word or a single letter, unless folding cuts the word into several.
// Words of ASCII and of the characters in quick are folded here one
// character at a time; the others go through Fold.
func (r *Rules) wordTerms(t *termBuf, w string, fn func(term []byte)) {
	b, n := t.b[:0], 0
	for i := 0; i < len(w); n++ {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		x, size := utf8.DecodeRuneInString(w[i:])
		var q string
		var qn int
		if x < quickEnd {
			q, qn = t.quickFold(r, x)
		}
		if q == "" {
			t.b = b
			words(r.Fold(w), func(f string) {
				t.b = append(t.b[:0], f...)
				r.emit(t, utf8.RuneCountInString(f), fn)
			})
			return
		}
		b = append(b, q...)
		// A folded character may be more than one: ß → ss.
		n += qn - 1
		i += size
	}
	t.b = b
	r.emit(t, n, fn)
}

// emit calls fn with the term of the folded word in t.b, of n
// characters, unless it is too short or a stop word.
func (r *Rules) emit(t *termBuf, n int, fn func(term []byte)) {
	t.pos++
	if n < 2 || len(t.b) <= r.stopLen && r.stop[string(t.b)] {
		return
	}
	t.b = r.stem(t.b, n)
	fn(t.b)
}

// Stem strips an inflectional ending from a folded word, as the Steps
// say; a stem never gets shorter than Min characters (nor does a word
// that has fewer).
func (r *Rules) Stem(w string) string {
	return string(r.stem([]byte(w), utf8.RuneCountInString(w)))
}

// stem is Stem in place on w, of n characters.
func (r *Rules) stem(w []byte, n int) []byte {
	if r.endings != nil {
		for i := range r.endings {
			// An empty word can only end with an empty suffix, which
			// every list has and the comparison below lets through.
			var last byte
			if len(w) > 0 {
				last = w[len(w)-1]
			}
			for _, e := range r.endings[i][last] {
				if len(w) >= len(e.suf) && string(w[len(w)-len(e.suf):]) == e.suf && n+e.delta >= r.Min {
					w = append(w[:len(w)-len(e.suf)], e.rep...)
					n += e.delta
					break
				}
			}
		}
		return w
	}
	for _, step := range r.Steps {
		for _, s := range step {
			suf, rep := s[0], s[1]
			// A suffix starts on a character boundary of w, both being
			// UTF-8: the characters cut are exactly those of suf.
			if len(w) >= len(suf) && string(w[len(w)-len(suf):]) == suf &&
				n-utf8.RuneCountInString(suf)+utf8.RuneCountInString(rep) >= r.Min {
				w = append(w[:len(w)-len(suf)], rep...)
				n += utf8.RuneCountInString(rep) - utf8.RuneCountInString(suf)
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
