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
	if slug, ok := makeFolded(s); ok {
		return slug
	}
	return makeNormalized(s)
}

// makeNormalized is Make by its definition: NFKD, then the rules.
func makeNormalized(s string) string {
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

// makeFolded is makeNormalized without normalizing, for the text of
// nearly every title and heading (ASCII, Latin letters with diacritics,
// typographic punctuation), where normalizing made Make four times
// slower. Each character is replaced by what NFKD and the rules make of
// it alone (fold), which is what they make of it in any text: NFKD
// decomposes character by character, and the only reordering it does
// afterwards is among combining marks, which the rules drop. ok=false for
// text with a character fold does not know; s itself is returned when it
// already is a slug.
func makeFolded(s string) (slug string, ok bool) {
	// On the stack for most titles: only the string returned is
	// allocated.
	b := make([]byte, 0, 64)
	pending := false // as in makeNormalized
	emit := func(c byte) {
		if pending && len(b) > 0 {
			b = append(b, '-')
		}
		pending = false
		b = append(b, c)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				emit(c)
			case 'A' <= c && c <= 'Z':
				emit(c + 'a' - 'A')
			default:
				pending = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		t, ok := fold(r)
		if !ok {
			return "", false
		}
		for j := range len(t) {
			if t[j] == '-' {
				pending = true
			} else {
				emit(t[j])
			}
		}
		i += size
	}
	if string(b) == s {
		return s, true
	}
	return string(b), true
}

// fold returns what NFKD and the rules of Make turn the character r into
// on its own: letters and digits to write, '-' for a separator, "" for
// nothing (a combining mark or a format character). ok=false for the
// characters it does not know, which must be normalized.
func fold(r rune) (t string, ok bool) {
	switch {
	case r < 0x80+rune(len(latinFold)):
		return latinFold[r-0x80], true
	case 0x300 <= r && r <= 0x36f:
		// Combining diacritical marks, typed separately from their
		// letter.
		return "", true
	case 0x2000 <= r && r <= 0x206f:
		// General punctuation: spaces, dashes, quotes, the ellipsis,
		// which decompose to no letter or digit, and invisible format
		// characters such as the zero-width joiner.
		if unicode.Is(unicode.Cf, r) {
			return "", true
		}
		return "-", true
	}
	return "", false
}

// latinFold is fold for U+0080 to U+017F, Latin-1 and Latin Extended-A,
// which hold all the Polish letters; controls and invisible characters
// are shown as · in the comments. TestFold checks every entry against
// NFKD.
var latinFold = [0x180 - 0x80]string{
	// U+0080 ················
	"-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-",
	// U+0090 ················
	"-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "-",
	// U+00A0 ·¡¢£¤¥¦§¨©ª«¬·®¯
	"-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "a", "-", "-", "", "-", "-",
	// U+00B0 °±²³´µ¶·¸¹º»¼½¾¿
	"-", "-", "2", "3", "-", "-", "-", "-", "-", "1", "o", "-", "1-4", "1-2", "3-4", "-",
	// U+00C0 ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	// U+00D0 ÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß
	"d", "n", "o", "o", "o", "o", "o", "-", "o", "u", "u", "u", "u", "y", "th", "ss",
	// U+00E0 àáâãäåæçèéêëìíîï
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	// U+00F0 ðñòóôõö÷øùúûüýþÿ
	"d", "n", "o", "o", "o", "o", "o", "-", "o", "u", "u", "u", "u", "y", "th", "y",
	// U+0100 ĀāĂăĄąĆćĈĉĊċČčĎď
	"a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
	// U+0110 ĐđĒēĔĕĖėĘęĚěĜĝĞğ
	"d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
	// U+0120 ĠġĢģĤĥĦħĨĩĪīĬĭĮį
	"g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
	// U+0130 İıĲĳĴĵĶķĸĹĺĻļĽľĿ
	"i", "i", "ij", "ij", "j", "j", "k", "k", "-", "l", "l", "l", "l", "l", "l", "l-",
	// U+0140 ŀŁłŃńŅņŇňŉŊŋŌōŎŏ
	"l-", "l", "l", "n", "n", "n", "n", "n", "n", "-n", "n", "n", "o", "o", "o", "o",
	// U+0150 ŐőŒœŔŕŖŗŘřŚśŜŝŞş
	"o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
	// U+0160 ŠšŢţŤťŦŧŨũŪūŬŭŮů
	"s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
	// U+0170 ŰűŲųŴŵŶŷŸŹźŻżŽžſ
	"u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
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
