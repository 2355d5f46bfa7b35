// Package slug turns titles and headings into ASCII URL segments and HTML
// ids.
//
// Slugs must be stable across machines and readable in any address bar, so
// they are plain ASCII: Polish letters lose their diacritics ("Łódź" →
// "lodz"), other Latin letters are reduced to their base letter, and
// everything else (spaces, punctuation, typographic quotes, emoji, scripts
// other than Latin) becomes a single hyphen. Because the folding happens
// before lower-casing and joining, differently typed spellings of the same
// title ("Ekonomia społeczna", "ekonomia  spoleczna") give the same slug,
// which is what lets authors link to a page without knowing how its title
// was typed.
package slug

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special maps letters that Unicode normalisation leaves alone (they are
// letters of their own, not a base letter plus a mark) to the ASCII a
// reader would type instead. Everything with a canonical or compatibility
// decomposition (ą, é, ǆ, ĳ, ﬁ …) is handled by NFKD and is not listed.
var special = map[rune]string{
	'ł': "l", 'Ł': "l",
	'đ': "d", 'Đ': "d",
	'ð': "d", 'Ð': "d",
	'ø': "o", 'Ø': "o",
	'ß': "ss", 'ẞ': "ss",
	'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe",
	'þ': "th", 'Þ': "th",
	'ħ': "h", 'Ħ': "h",
	'ŧ': "t", 'Ŧ': "t",
	'ŋ': "n", 'Ŋ': "n",
	'ı': "i",
	'ƀ': "b", 'Ƀ': "b",
	'ƶ': "z", 'Ƶ': "z",
}

// Make returns the URL slug of s: lower-case ASCII letters and digits with
// single hyphens between words and none at either end. It returns "" when
// s has no letter or digit that can be written in ASCII (for example a
// title made only of emoji); callers must choose a fallback.
func Make(s string) string {
	if !isASCII(s) {
		// NFKD rather than NFD so that compatibility forms also fold:
		// fullwidth "Ｒ", ligature "ﬁ", superscript "²" become r, fi, 2.
		s = norm.NFKD.String(s)
	}
	b := make([]byte, 0, len(s))
	pending := false // a separator was seen since the last letter or digit
	emit := func(c byte) {
		if pending && len(b) > 0 {
			b = append(b, '-')
		}
		pending = false
		b = append(b, c)
	}
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			emit(byte(r))
		case 'A' <= r && r <= 'Z':
			emit(byte(r) + 'a' - 'A')
		case r < utf8.RuneSelf:
			pending = true
		case unicode.Is(unicode.M, r), unicode.Is(unicode.Cf, r):
			// Marks are the diacritics NFKD split off; format characters
			// (soft hyphen, zero-width joiner, BOM) are invisible, so a
			// soft hyphen pasted from a word processor must not split a
			// word in two.
		default:
			if t, ok := special[r]; ok {
				for i := range len(t) {
					emit(t[i])
				}
			} else {
				pending = true
			}
		}
	}
	return string(b)
}

// Path slugs every "/"-separated segment of p and drops the segments that
// become empty, so "O nas/Zespół" gives "o-nas/zespol" and "/a//b/" gives
// "a/b".
func Path(p string) string {
	var parts []string
	for seg := range strings.SplitSeq(p, "/") {
		if s := Make(seg); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "/")
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
