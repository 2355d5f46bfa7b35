package yamlx

import (
	"bytes"
	"unicode/utf8"
)

// Code pages that Polish text was saved in before UTF-8, as messages name them.
const (
	windows1250 = "Windows-1250"
	iso88592    = "ISO-8859-2"
)

// What a byte that is not UTF-8 stands for in the two code pages.
const (
	notPolish  = iota
	cp1250Only // a Polish letter or Word's punctuation in Windows-1250 only
	isoOnly    // a Polish letter in ISO-8859-2 only
	bothPages  // the same Polish letter in both
)

// polishBytes classifies bytes: ą Ą ś Ś ź Ź differ between the code pages
// (0xB9 is ą in Windows-1250 and š in ISO-8859-2, 0xB1 ą in ISO-8859-2 and ±
// in Windows-1250); ć Ć ę Ę ł Ł ń Ń ó Ó ż Ż are the same in both. Word's
// „ ” “ – — … ‘ ’ live at 0x80–0x9F in Windows-1250, where ISO-8859-2 has
// only control characters, so they count for Windows-1250.
var polishBytes = func() (t [256]byte) {
	for _, b := range []byte{0xB9, 0xA5, 0x9C, 0x8C, 0x9F, 0x8F, 0x84, 0x94, 0x93, 0x96, 0x97, 0x85, 0x91, 0x92} {
		t[b] = cp1250Only
	}
	for _, b := range []byte{0xB1, 0xA1, 0xB6, 0xA6, 0xBC, 0xAC} {
		t[b] = isoOnly
	}
	for _, b := range []byte{0xE6, 0xC6, 0xEA, 0xCA, 0xB3, 0xA3, 0xF1, 0xD1, 0xF3, 0xD3, 0xBF, 0xAF} {
		t[b] = bothPages
	}
	return t
}()

// legacyEncoding guesses the code page of a file that is not UTF-8 from the
// bytes that are not UTF-8: when most of them are Polish letters in
// Windows-1250 or ISO-8859-2 it names that code page, or both when only
// the letters they share occur; otherwise it returns nil, as a guess about
// text in another language would mislead more than help.
func legacyEncoding(src []byte) []string {
	var cp, iso, both, other int
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			switch polishBytes[src[i]] {
			case cp1250Only:
				cp++
			case isoOnly:
				iso++
			case bothPages:
				both++
			default:
				other++
			}
		}
		i += n
	}
	polish := cp + iso + both
	if polish == 0 || polish < 2*other {
		return nil
	}
	switch {
	case cp > iso:
		return []string{windows1250}
	case iso > cp:
		return []string{iso88592}
	}
	return []string{windows1250, iso88592}
}

// NotUTF8 says what a file that is not UTF-8 seems to be and how to convert
// it, for a problem at its first byte that is not UTF-8. Front matter and
// site.yaml are written by hand in editors that may still save the old
// encodings. Notepad on a Polish Windows reads Windows-1250 by itself, and
// so also the letters both code pages share; ISO-8859-2 needs an editor
// that can be told the encoding.
func NotUTF8(src []byte) (message, hint string) {
	const notepad = "open it in Notepad and save it with File → Save as → Encoding: UTF-8"
	switch enc := legacyEncoding(src); {
	case len(enc) == 2:
		return "the file is not valid UTF-8: it looks like Windows-1250 or ISO-8859-2, old encodings of Polish letters", notepad
	case len(enc) == 1 && enc[0] == windows1250:
		return "the file is not valid UTF-8: it looks like Windows-1250, the old Windows encoding of Polish letters",
			notepad + "; in VS Code: Reopen with Encoding → Central European (Windows 1250), then Save with Encoding → UTF-8"
	case len(enc) == 1:
		return "the file is not valid UTF-8: it looks like ISO-8859-2 (Latin-2), an old encoding of Polish letters",
			"in VS Code: Reopen with Encoding → Central European (ISO 8859-2), then Save with Encoding → UTF-8, " +
				"or run iconv -f ISO-8859-2 -t UTF-8; Notepad would turn ą into ±"
	}
	return "the file is not valid UTF-8", "save it as UTF-8 in your editor (in Notepad: File → Save as → Encoding: UTF-8)"
}

// firstInvalid is the line and column (in characters) of the first byte of
// src that is not UTF-8.
func firstInvalid(src []byte) (line, col int) {
	off := 0
	for off < len(src) {
		r, n := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && n == 1 {
			break
		}
		off += n
	}
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return 1 + bytes.Count(src[:off], []byte("\n")), utf8.RuneCount(src[start:off]) + 1
}
