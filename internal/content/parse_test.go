package content_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests name Europe/Warsaw; do not depend on the host

	"github.com/lubuskie-es/sitegen/internal/content"
	"github.com/lubuskie-es/sitegen/internal/diag"
)

var warsaw = mustZone("Europe/Warsaw")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// opts are the sample site's facts: pl (default) and en, one logo in static/.
var opts = content.Options{
	Languages:   []string{"pl", "en"},
	Location:    warsaw,
	StaticFiles: func(p string) bool { return p == "images/partners/wup.svg" },
	BundleFiles: func(p string) bool {
		return p == "meetings/2015-05-14-x/sala.jpg" || p == "meetings/2015-05-14-x/stol.jpg" || p == "meetings/2015-05-14-x/program.pdf"
	},
}

// bundle is the index file of a bundle holding sala.jpg, stol.jpg and program.pdf.
const bundle = "meetings/2015-05-14-x/index.pl.md"

// Front matter fragments that make a file of each kind valid.
const (
	meetingFM = "title: Spotkanie sygnatariuszy\ndate: 2015-05-14\nlocation: Zielona Góra\n"
	partnerFM = "title: Wojewódzki Urząd Pracy\nsector: government\nrole: leader\n"
)

// parseCase is one content file and everything Parse must say about it:
// the exact problems, sorted as List.Items gives them, and optionally more
// checks on the Doc.
type parseCase struct {
	name  string
	rel   string // path under content/
	src   string
	want  []string // Problem.String() of every problem, in Items() order
	check func(t *testing.T, d *content.Doc)
}

var parseCases = []parseCase{
	// --- the file as a whole ---------------------------------------------
	{
		name: "valid page",
		rel:  "o-partnerstwie.pl.md",
		src:  "---\ntitle: O partnerstwie\nmenu: 10\n---\nTekst.\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Title", d.Title, "O partnerstwie")
			eq(t, "Menu", d.Menu, 10)
			eq(t, "InMenu", d.InMenu, true)
			eq(t, "Body", string(d.Body), "Tekst.\n")
			eq(t, "BodyLine", d.BodyLine, 5)
		},
	},
	{
		name: "bundle: the folder names the meeting",
		rel:  "meetings/2015-05-14-spotkanie-sygnatariuszy/index.en.md",
		src:  "---\n" + meetingFM + "---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Bundle", d.Bundle, "meetings/2015-05-14-spotkanie-sygnatariuszy")
			eq(t, "Key", d.Key, "meetings/2015-05-14-spotkanie-sygnatariuszy")
			eq(t, "Name", d.Name, "spotkanie-sygnatariuszy")
			eq(t, "Lang", d.Lang, "en")
		},
	},
	{
		name: "the home page's index file is no bundle",
		rel:  "index.pl.md",
		src:  "---\ntitle: Start\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Bundle", d.Bundle, "")
			eq(t, "Key", d.Key, "index")
		},
	},
	// --- photos, cover, documents -----------------------------------------
	{
		name: "photos, cover and documents of a bundle",
		rel:  bundle,
		src: "---\n" + meetingFM + "photos:\n  - file: sala.jpg\n    alt: Sala obrad\n    caption: Obrady\n    credit: Anna Nowak\n    focus: {x: 0.25, y: 1}\n" +
			"  - {file: stol.jpg, alt: \"-\"}\ncover: stol.jpg\ndocuments:\n  - {file: program.pdf, title: Agenda, lang: en}\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "photos", len(d.Photos), 2)
			eq(t, "photo", fmt.Sprint(d.Photos[0].File, d.Photos[0].Alt, d.Photos[0].Caption, d.Photos[0].Credit, *d.Photos[0].Focus, d.Photos[0].Pos),
				"sala.jpgSala obradObradyAnna Nowak{0.25 1} {6 5}")
			eq(t, "decorative", d.Photos[1].Alt, content.DecorativeAlt)
			eq(t, "Cover", d.Cover, "stol.jpg")
			eq(t, "Documents", fmt.Sprint(d.Documents), "[{program.pdf Agenda en {14 5}}]")
		},
	},
	{
		name: "a document in the page's own language has no lang",
		rel:  bundle,
		src:  "---\n" + meetingFM + "documents:\n  - {file: program.pdf, title: Program, lang: pl}\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Lang", d.Documents[0].Lang, "")
		},
	},
	{
		name: "photo errors",
		rel:  bundle,
		src: "---\n" + meetingFM + "photos:\n  - {file: sala.jpg}\n  - {file: brak.jpg, alt: X}\n  - {file: ../y.jpg, alt: X}\n" +
			"  - {file: /etc/a.jpg, alt: X}\n  - {file: sala.jpg, alt: X}\n  - {alt: X}\n  - {file: stol.jpg, alt: X, focus: {x: 2, y: 0}}\ncover: program.pdf\n---\n",
		want: []string{
			"content/meetings/2015-05-14-x/index.pl.md:6:5: a photo needs alt text (say what the photo shows, e.g. alt: Uczestnicy przy stole obrad; write alt: \"-\" only for a decoration)",
			"content/meetings/2015-05-14-x/index.pl.md:7:12: file content/meetings/2015-05-14-x/brak.jpg does not exist (put the file in content/meetings/2015-05-14-x/ or correct its name)",
			"content/meetings/2015-05-14-x/index.pl.md:8:12: file \"../y.jpg\" is not a file in the bundle (name a file in the bundle's folder (content/meetings/2015-05-14-x/), e.g. file: sala.jpg)",
			"content/meetings/2015-05-14-x/index.pl.md:9:12: file \"/etc/a.jpg\" is not a file in the bundle (name a file in the bundle's folder (content/meetings/2015-05-14-x/), e.g. file: sala.jpg)",
			"content/meetings/2015-05-14-x/index.pl.md:10:12: sala.jpg is listed twice (list each file once)",
			"content/meetings/2015-05-14-x/index.pl.md:11:5: a photo needs a file (name the photo's file in the bundle, e.g. file: sala.jpg)",
			"content/meetings/2015-05-14-x/index.pl.md:12:41: focus x must be a number from 0 to 1 (give a fraction of the photo's size from 0 (left, top) to 1 (right, bottom), e.g. x: 0.5)",
			"content/meetings/2015-05-14-x/index.pl.md:13:8: cover program.pdf is not one of the photos (list it under photos: with its alt text, or name one of the photos)",
		},
	},
	{
		name: "photos in a single file",
		rel:  "meetings/2015-05-14-x.pl.md",
		src:  "---\n" + meetingFM + "photos:\n  - {file: sala.jpg, alt: Sala}\ncover: sala.jpg\n---\n",
		want: []string{
			"content/meetings/2015-05-14-x.pl.md:5:1: photos need the meeting to be a bundle: a folder holding its files (make a folder content/meetings/2015-05-14-x/ and move this file into it as index.pl.md, beside the photos and documents)",
			"content/meetings/2015-05-14-x.pl.md:7:1: cover needs the meeting to be a bundle (make a folder content/meetings/2015-05-14-x/ and move this file into it as index.pl.md, beside the photos and documents)",
		},
	},
	{
		name: "document errors",
		rel:  bundle,
		src:  "---\n" + meetingFM + "documents:\n  - {file: program.pdf}\n  - {file: program.pdf, title: B, lang: polski}\n  - {file: index.en.md, title: C}\n---\n",
		want: []string{
			"content/meetings/2015-05-14-x/index.pl.md:6:5: a document needs a title (say what the document is, e.g. title: Program spotkania)",
			"content/meetings/2015-05-14-x/index.pl.md:7:12: program.pdf is listed twice (list each file once)",
			"content/meetings/2015-05-14-x/index.pl.md:7:41: lang \"polski\" is not a language code (write a two-letter language code, e.g. lang: en)",
			"content/meetings/2015-05-14-x/index.pl.md:8:12: file \"index.en.md\" is a Markdown file (name a photo or document, not a text file)",
		},
	},
	{
		name: "missing front matter",
		rel:  "o-nas.md",
		src:  "Tekst bez nagłówka.\n",
		want: []string{"content/o-nas.md:1:1: the file does not start with front matter (the first line must be --- followed by keys such as title:, then a closing ---)"},
	},
	{
		name: "front matter after a blank line",
		rel:  "o-nas.md",
		src:  "\n---\ntitle: O nas\n---\n",
		want: []string{"content/o-nas.md:1:1: the file does not start with front matter (the first line must be --- followed by keys such as title:, then a closing ---)"},
	},
	{
		name: "unclosed front matter",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\n\nTekst.\n",
		want: []string{"content/o-nas.md:1:1: the front matter is not closed (did you forget the closing --- line after the keys?)"},
	},
	{
		name: "empty file",
		rel:  "o-nas.md",
		src:  "",
		want: []string{"content/o-nas.md:1:1: the file is empty (start it with front matter: a line ---, title: …, and another line ---)"},
	},
	{
		name: "file of blank lines is empty",
		rel:  "o-nas.md",
		src:  " \r\n\t\n",
		want: []string{"content/o-nas.md:1:1: the file is empty (start it with front matter: a line ---, title: …, and another line ---)"},
	},
	{
		name: "BOM accepted",
		rel:  "o-nas.md",
		src:  "\uFEFF---\ntitle: O nas\n---\nTekst.\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Title", d.Title, "O nas")
			eq(t, "BodyLine", d.BodyLine, 4)
		},
	},
	{
		name: "BOM does not shift positions",
		rel:  "o-nas.md",
		src:  "\uFEFF---\ntitle: 2015\n---\n",
		want: []string{`content/o-nas.md:2:8: title must be text, not the number 2015 (put it in quotes: title: "2015")`},
	},
	{
		name: "CRLF accepted",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\r\ntitle: Spotkanie\r\ndate: 2015-05-14\r\nlocation: Zielona Góra\r\n---\r\nPierwszy akapit.\r\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Title", d.Title, "Spotkanie")
			eq(t, "Location", d.Location, "Zielona Góra")
			eq(t, "Body", string(d.Body), "Pierwszy akapit.\n")
			eq(t, "BodyLine", d.BodyLine, 6)
		},
	},
	{
		name: "CRLF keeps line numbers",
		rel:  "o-nas.md",
		src:  "---\r\ntitle: O nas\r\n\r\nmenu: dużo\r\n---\r\n",
		want: []string{`content/o-nas.md:4:7: menu must be a whole number, not the text "dużo"`},
	},
	{
		name: "lone CR line endings",
		rel:  "o-nas.md",
		src:  "---\rtitle: O nas\rmenu: x\r---\rTekst\r",
		want: []string{`content/o-nas.md:3:7: menu must be a whole number, not the text "x"`},
	},
	{
		name: "NUL byte",
		rel:  "o-nas.md",
		src:  "---\ntitle: a\x00b\n---\n",
		want: []string{"content/o-nas.md:2:9: the file contains a NUL byte; it is not a text file (if it is text, save it as UTF-8 in your editor (in Notepad: File → Save as → Encoding: UTF-8))"},
	},
	{
		name: "UTF-16 from Notepad",
		rel:  "o-nas.md",
		src:  "\xFF\xFE-\x00-\x00-\x00\n\x00",
		want: []string{"content/o-nas.md:1:1: the file is saved as UTF-16, not UTF-8 (save it as UTF-8 in your editor (in Notepad: File → Save as → Encoding: UTF-8))"},
	},
	{
		name: "invalid UTF-8 (Windows-1250 ó)",
		rel:  "o-nas.md",
		src:  "---\ntitle: Zielona G\xF3ra\n---\n",
		want: []string{"content/o-nas.md:2:17: the file is not valid UTF-8: it looks like Windows-1250 or ISO-8859-2, old encodings of Polish letters (open it in Notepad and save it with File → Save as → Encoding: UTF-8)"},
	},
	{
		name: "invalid UTF-8 column counts characters, not bytes",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\n---\nŁódź, Żary i Zielona G\xF3ra\n",
		want: []string{"content/o-nas.md:4:23: the file is not valid UTF-8: it looks like Windows-1250 or ISO-8859-2, old encodings of Polish letters (open it in Notepad and save it with File → Save as → Encoding: UTF-8)"},
	},
	{
		// "Spotkanie w Żarach, ś ź ą" in Windows-1250: ą is 0xB9, ś 0x9C, ź 0x9F.
		name: "Windows-1250 named by its ą, ś, ź",
		rel:  "o-nas.md",
		src:  "---\ntitle: Spotkanie w \xAFarach\n---\nCi\xB9g dalszy: \x9Cwiat, \x9Fr\xF3d\xB3o.\n",
		want: []string{"content/o-nas.md:2:20: the file is not valid UTF-8: it looks like Windows-1250, the old Windows encoding of Polish letters (open it in Notepad and save it with File → Save as → Encoding: UTF-8; in VS Code: Reopen with Encoding → Central European (Windows 1250), then Save with Encoding → UTF-8)"},
	},
	{
		// Word's „quotes” and – dash exist only in Windows-1250.
		name: "Windows-1250 named by Word's quotes and dashes",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\n---\n\x84Partnerstwo\x94 \x96 razem\n",
		want: []string{"content/o-nas.md:4:1: the file is not valid UTF-8: it looks like Windows-1250, the old Windows encoding of Polish letters (open it in Notepad and save it with File → Save as → Encoding: UTF-8; in VS Code: Reopen with Encoding → Central European (Windows 1250), then Save with Encoding → UTF-8)"},
	},
	{
		// The same text in ISO-8859-2: ą is 0xB1, ś 0xB6, ź 0xBC.
		name: "ISO-8859-2 named by its ą, ś, ź",
		rel:  "o-nas.md",
		src:  "---\ntitle: Spotkanie w \xAFarach\n---\nCi\xB1g dalszy: \xB6wiat, \xBCr\xF3d\xB3o.\n",
		want: []string{"content/o-nas.md:2:20: the file is not valid UTF-8: it looks like ISO-8859-2 (Latin-2), an old encoding of Polish letters (in VS Code: Reopen with Encoding → Central European (ISO 8859-2), then Save with Encoding → UTF-8, or run iconv -f ISO-8859-2 -t UTF-8; Notepad would turn ą into ±)"},
	},
	{
		name: "ISO-8859-2 capitals Ą Ś Ź",
		rel:  "o-nas.md",
		src:  "---\ntitle: \xA1\xA6\xAC\n---\n",
		want: []string{"content/o-nas.md:2:8: the file is not valid UTF-8: it looks like ISO-8859-2 (Latin-2), an old encoding of Polish letters (in VS Code: Reopen with Encoding → Central European (ISO 8859-2), then Save with Encoding → UTF-8, or run iconv -f ISO-8859-2 -t UTF-8; Notepad would turn ą into ±)"},
	},
	{
		name: "Windows-1250 capitals Ą Ś Ź",
		rel:  "o-nas.md",
		src:  "---\ntitle: \xA5\x8C\x8F\n---\n",
		want: []string{"content/o-nas.md:2:8: the file is not valid UTF-8: it looks like Windows-1250, the old Windows encoding of Polish letters (open it in Notepad and save it with File → Save as → Encoding: UTF-8; in VS Code: Reopen with Encoding → Central European (Windows 1250), then Save with Encoding → UTF-8)"},
	},
	{
		// Latin-1 French: é è à are not Polish letters in either code page.
		name: "other 8-bit text is not called Polish",
		rel:  "o-nas.md",
		src:  "---\ntitle: Caf\xE9 \xE0 la cr\xE8me, d\xE9j\xE0 vu\n---\n",
		want: []string{"content/o-nas.md:2:11: the file is not valid UTF-8 (save it as UTF-8 in your editor (in Notepad: File → Save as → Encoding: UTF-8))"},
	},
	{
		name: "random bytes are not called Polish",
		rel:  "o-nas.md",
		src:  "---\ntitle: x\n---\n\xFF\xFE\xFD\xC0\xC1\n",
		want: []string{"content/o-nas.md:4:1: the file is not valid UTF-8 (save it as UTF-8 in your editor (in Notepad: File → Save as → Encoding: UTF-8))"},
	},
	{
		// A paragraph pasted from an old page into a UTF-8 file: the
		// position is the first byte that is not UTF-8.
		name: "Windows-1250 paragraph inside a UTF-8 file",
		rel:  "o-nas.md",
		src:  "---\ntitle: Żary i Łódź\n---\nZażółć gęślą jaźń.\nW\xB3adys\xB3aw, \xB9\n",
		want: []string{"content/o-nas.md:5:2: the file is not valid UTF-8: it looks like Windows-1250, the old Windows encoding of Polish letters (open it in Notepad and save it with File → Save as → Encoding: UTF-8; in VS Code: Reopen with Encoding → Central European (Windows 1250), then Save with Encoding → UTF-8)"},
	},

	// --- keys -------------------------------------------------------------
	{
		name: "unknown key: titel",
		rel:  "o-nas.md",
		src:  "---\ntitel: O nas\n---\n",
		want: []string{`content/o-nas.md:2:1: unknown key "titel" in the front matter of a page (did you mean "title"?)`},
	},
	{
		name: "unknown key: Title with a capital",
		rel:  "o-nas.md",
		src:  "---\nTitle: O nas\n---\n",
		want: []string{`content/o-nas.md:2:1: unknown key "Title" in the front matter of a page (did you mean "title"?)`},
	},
	{
		name: "unknown key: partcipants",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "partcipants: [wup-zielona-gora]\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:5:1: unknown key "partcipants" in the front matter of a meeting (did you mean "participants"?)`},
	},
	{
		name: "unknown key with no close match",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nautor: Jan Kowalski\n---\n",
		want: []string{`content/o-nas.md:3:1: unknown key "autor" in the front matter of a page (known keys: menu, title, summary, slug, draft, publishDate, expiryDate, aliases, params, photos, cover, documents)`},
	},
	{
		name: "meeting key in a partner",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "date: 2015-05-14\n---\n",
		want: []string{`content/partners/wup.pl.md:5:1: unknown key "date" in the front matter of a partner (known keys: title, short, sector, role, joined, website, logo, address, draft, publishDate, expiryDate, aliases, params, photos, cover, documents)`},
	},
	{
		name: "duplicate key",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nsummary: a\ntitle: O partnerstwie\n---\n",
		want: []string{`content/o-nas.md:4:1: key "title" appears twice in the front matter of a page`},
	},
	{
		name: "merge key",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\n<<: {summary: a}\n---\n",
		want: []string{`content/o-nas.md:3:1: merge keys (<<) are not supported in the front matter of a page`},
	},
	{
		name: "front matter is a list",
		rel:  "o-nas.md",
		src:  "---\n- title: O nas\n---\n",
		want: []string{`content/o-nas.md:2:1: the front matter of a page must be a mapping of keys to values, not a list (write one key and its value per line, e.g. title: O nas)`},
	},
	{
		name: "front matter is text (TOML style)",
		rel:  "meetings/2015-05-14-a.md",
		src:  "---\ntitle = \"Spotkanie\"\n---\n",
		want: []string{`content/meetings/2015-05-14-a.md:2:1: the front matter of a meeting must be a mapping of keys to values, not the text "title = \"Spotkanie\"" (write one key and its value per line, e.g. title: O nas)`},
	},
	{
		name: "front matter is a number",
		rel:  "partners/wup.md",
		src:  "---\n2015\n---\n",
		want: []string{`content/partners/wup.md:2:1: the front matter of a partner must be a mapping of keys to values, not the number 2015 (write one key and its value per line, e.g. title: O nas)`},
	},
	{
		name: "front matter nested too deep",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nparams: " + strings.Repeat("[", content.MaxDepth) + "x" + strings.Repeat("]", content.MaxDepth) + "\n---\n",
		want: []string{fmt.Sprintf(`content/o-nas.md:3:%d: the front matter nests lists or mappings more than %d levels deep (free-form params may hold lists and mappings, but not this deep: write the data flatter)`, 9+content.MaxDepth, content.MaxDepth)},
	},
	{
		name: "front matter nested as deep as allowed",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nparams: {a: " + strings.Repeat("[", content.MaxDepth-2) + "x" + strings.Repeat("]", content.MaxDepth-2) + "}\n---\n",
	},

	// --- required keys per kind ------------------------------------------
	{
		name: "meeting needs a title, date, location",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\nsummary: Krótko.\n---\n",
		want: []string{
			"content/meetings/2015-05-14-spotkanie.pl.md:2:1: a meeting needs a date (add a line date: … to the front matter)",
			"content/meetings/2015-05-14-spotkanie.pl.md:2:1: a meeting needs a location (add a line location: … to the front matter)",
			"content/meetings/2015-05-14-spotkanie.pl.md:2:1: a meeting needs a title (add a line title: … to the front matter)",
		},
	},
	{
		name: "partner needs a title, sector, role",
		rel:  "partners/wup.pl.md",
		src:  "---\nshort: WUP\n---\n",
		want: []string{
			"content/partners/wup.pl.md:2:1: a partner needs a role (add a line role: … to the front matter)",
			"content/partners/wup.pl.md:2:1: a partner needs a sector (add a line sector: … to the front matter)",
			"content/partners/wup.pl.md:2:1: a partner needs a title (add a line title: … to the front matter)",
		},
	},
	{
		name: "page needs a title",
		rel:  "o-nas.md",
		src:  "---\nmenu: 1\n---\n",
		want: []string{"content/o-nas.md:2:1: a page needs a title (add a line title: … to the front matter)"},
	},
	{
		name: "empty front matter",
		rel:  "o-nas.md",
		src:  "---\n---\nTekst.\n",
		want: []string{"content/o-nas.md:2:1: a page needs a title (add a line title: … to the front matter)"},
	},
	{
		name: "misspelt required key is reported once",
		rel:  "partners/wup.pl.md",
		src:  "---\ntitle: WUP\nsektor: ngo\nrole: leader\n---\n",
		want: []string{`content/partners/wup.pl.md:3:1: unknown key "sektor" in the front matter of a partner (did you mean "sector"?)`},
	},

	// --- types ----------------------------------------------------------
	{
		name: "title: 2015",
		rel:  "o-nas.md",
		src:  "---\ntitle: 2015\n---\n",
		want: []string{`content/o-nas.md:2:8: title must be text, not the number 2015 (put it in quotes: title: "2015")`},
	},
	{
		name: "title: a date",
		rel:  "o-nas.md",
		src:  "---\ntitle: 2015-05-14\n---\n",
		want: []string{`content/o-nas.md:2:8: title must be text, not the date 2015-05-14 (put it in quotes: title: "2015-05-14")`},
	},
	{
		name: "title: true",
		rel:  "o-nas.md",
		src:  "---\ntitle: true\n---\n",
		want: []string{`content/o-nas.md:2:8: title must be text, not the boolean true (put it in quotes: title: "true")`},
	},
	{
		name: "title empty",
		rel:  "o-nas.md",
		src:  "---\ntitle:\n---\n",
		want: []string{`content/o-nas.md:2:7: title must not be empty`},
	},
	{
		name: "title blank in quotes",
		rel:  "o-nas.md",
		src:  "---\ntitle: \"  \"\n---\n",
		want: []string{`content/o-nas.md:2:8: title must not be empty`},
	},
	{
		name: "title a list",
		rel:  "o-nas.md",
		src:  "---\ntitle: [O, nas]\n---\n",
		want: []string{`content/o-nas.md:2:8: title must be text, not a list`},
	},
	{
		name: "tags: a string instead of a list",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "tags: ekonomia społeczna\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:5:7: tags must be a list, not the text "ekonomia społeczna" (write a list: tags: [ekonomia społeczna])`},
	},
	{
		name: "tags: a number item",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "tags: [ekonomia, 2015, \"\"]\n---\n",
		want: []string{
			`content/meetings/2015-05-14-spotkanie.pl.md:5:18: each item of tags must be text, not the number 2015`,
			`content/meetings/2015-05-14-spotkanie.pl.md:5:24: tags has an empty item`,
		},
	},
	{
		name: `draft: "yes"`,
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\ndraft: \"yes\"\n---\n",
		want: []string{`content/o-nas.md:3:8: draft must be true or false, not the text "yes" (write true or false)`},
	},
	{
		name: "draft: tak",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\ndraft: tak\n---\n",
		want: []string{`content/o-nas.md:3:8: draft must be true or false, not the text "tak" (write true or false)`},
	},
	{
		name: "draft: true",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\ndraft: true\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Draft", d.Draft, true)
		},
	},
	{
		name: "menu not a whole number",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nmenu: 1.5\n---\n",
		want: []string{`content/o-nas.md:3:7: menu must be a whole number, not the number 1.5`},
	},
	{
		name: "params not a mapping",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nparams: [a]\n---\n",
		want: []string{`content/o-nas.md:3:9: params must be a mapping of names to values`},
	},
	{
		name: "params free-form",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nparams:\n  kolor: zielony\n  liczba: 3\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Params", fmt.Sprint(d.Params), "map[kolor:zielony liczba:3]")
		},
	},

	// --- dates ----------------------------------------------------------
	{
		name: "invalid date 2015-13-40",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\ntitle: Spotkanie\ndate: 2015-13-40\nlocation: Zielona Góra\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:3:7: date: "2015-13-40" is not a valid date (write it as YYYY-MM-DD, e.g. 2015-05-14, or with a time: 2015-05-14T10:00:00+02:00)`},
	},
	{
		name: "invalid date 14.05.2015",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\ntitle: Spotkanie\ndate: 14.05.2015\nlocation: Zielona Góra\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:3:7: date: "14.05.2015" is not a valid date (write it as YYYY-MM-DD, e.g. 2015-05-14, or with a time: 2015-05-14T10:00:00+02:00)`},
	},
	{
		name: "date a number",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\ntitle: Spotkanie\ndate: 2015\nlocation: Zielona Góra\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:3:7: date must be a date, not the number 2015 (write the date as YYYY-MM-DD, e.g. 2015-05-14)`},
	},
	{
		name: "joined invalid",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "joined: maj 2015\n---\n",
		want: []string{`content/partners/wup.pl.md:5:9: joined: "maj 2015" is not a valid date (write it as YYYY-MM-DD, e.g. 2015-05-14, or with a time: 2015-05-14T10:00:00+02:00)`},
	},
	{
		name: "date without time",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Date", d.Date, time.Date(2015, 5, 14, 0, 0, 0, 0, warsaw))
			eq(t, "HasTime", d.HasTime, false)
		},
	},
	{
		name: "RFC 3339 date with time",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\ntitle: Spotkanie\ndate: 2015-05-14T10:30:00+02:00\nlocation: Zielona Góra\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Date", d.Date.UTC(), time.Date(2015, 5, 14, 8, 30, 0, 0, time.UTC))
			eq(t, "HasTime", d.HasTime, true)
		},
	},
	{
		name: "date with time, no zone: site time zone",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\ntitle: Spotkanie\ndate: 2015-05-14 10:30\nlocation: Zielona Góra\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Date", d.Date.UTC(), time.Date(2015, 5, 14, 8, 30, 0, 0, time.UTC))
			eq(t, "HasTime", d.HasTime, true)
		},
	},
	{
		name: "quoted date",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "joined: \"2015-05-14\"\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Joined", d.Joined, time.Date(2015, 5, 14, 0, 0, 0, 0, warsaw))
		},
	},

	// --- partners: enums, website, logo -----------------------------------
	{
		name: "sector: NGO",
		rel:  "partners/fundacja.pl.md",
		src:  "---\ntitle: Fundacja\nsector: NGO\nrole: signatory\n---\n",
		want: []string{`content/partners/fundacja.pl.md:3:9: sector "NGO" is not allowed (did you mean "ngo"? It must be one of: jst, ngo, business, government, education)`},
	},
	{
		name: "sector: ngos",
		rel:  "partners/fundacja.pl.md",
		src:  "---\ntitle: Fundacja\nsector: ngos\nrole: signatory\n---\n",
		want: []string{`content/partners/fundacja.pl.md:3:9: sector "ngos" is not allowed (did you mean "ngo"? It must be one of: jst, ngo, business, government, education)`},
	},
	{
		name: "sector with no close match",
		rel:  "partners/fundacja.pl.md",
		src:  "---\ntitle: Fundacja\nsector: fundacja\nrole: signatory\n---\n",
		want: []string{`content/partners/fundacja.pl.md:3:9: sector "fundacja" is not allowed (one of: jst, ngo, business, government, education)`},
	},
	{
		name: "role: lider",
		rel:  "partners/wup.pl.md",
		src:  "---\ntitle: WUP\nsector: government\nrole: lider\n---\n",
		want: []string{`content/partners/wup.pl.md:4:7: role "lider" is not allowed (did you mean "leader"? It must be one of: leader, secretariat, signatory)`},
	},
	{
		name: "valid partner",
		rel:  "partners/wup-zielona-gora.pl.md",
		src: "---\n" + partnerFM + "short: WUP Zielona Góra\njoined: 2015-05-14\nwebsite: https://wup.lubuskie.pl\n" +
			"logo: /images/partners/wup.svg\naddress: ul. Wyszyńskiego 12, Zielona Góra\n---\nOpis.\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Kind", d.Kind, content.Partner)
			eq(t, "Name", d.Name, "wup-zielona-gora")
			eq(t, "Sector", d.Sector, "government")
			eq(t, "Role", d.Role, "leader")
			eq(t, "Short", d.Short, "WUP Zielona Góra")
			eq(t, "Website", d.Website, "https://wup.lubuskie.pl")
			eq(t, "Logo", d.Logo, "images/partners/wup.svg")
			eq(t, "LogoPos", d.LogoPos, content.Pos{Line: 8, Col: 7})
			eq(t, "Address", d.Address, "ul. Wyszyńskiego 12, Zielona Góra")
			eq(t, "BodyLine", d.BodyLine, 11)
		},
	},
	{
		name: "website ftp",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "website: ftp://wup.lubuskie.pl/\n---\n",
		want: []string{`content/partners/wup.pl.md:5:10: website must be an absolute http(s) URL, not "ftp://wup.lubuskie.pl/" (write the full address, e.g. https://example.org/)`},
	},
	{
		name: "website javascript:",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "website: javascript:alert(1)\n---\n",
		want: []string{`content/partners/wup.pl.md:5:10: website must be an absolute http(s) URL, not "javascript:alert(1)" (write the full address, e.g. https://example.org/)`},
	},
	{
		name: "website relative",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "website: wup.lubuskie.pl\n---\n",
		want: []string{`content/partners/wup.pl.md:5:10: website must be an absolute http(s) URL, not "wup.lubuskie.pl" (write the full address, e.g. https://example.org/)`},
	},
	{
		name: "website with no host",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "website: https:///x\n---\n",
		want: []string{`content/partners/wup.pl.md:5:10: website must be an absolute http(s) URL, not "https:///x" (write the full address, e.g. https://example.org/)`},
	},
	{
		name: "logo missing in static",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "logo: images/partners/brak.svg\n---\n",
		want: []string{`content/partners/wup.pl.md:5:7: logo file static/images/partners/brak.svg does not exist (put the file in static/images/partners/brak.svg or correct the path)`},
	},
	{
		name: "logo escaping static",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "logo: ../x.svg\n---\n",
		want: []string{`content/partners/wup.pl.md:5:7: logo "../x.svg" is not a plain path under static/ (give a path under static/, e.g. images/partners/wup.svg)`},
	},
	{
		name: "logo escaping static after a folder",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "logo: images/../../x.svg\n---\n",
		want: []string{`content/partners/wup.pl.md:5:7: logo "images/../../x.svg" is not a plain path under static/ (give a path under static/, e.g. images/partners/wup.svg)`},
	},
	{
		name: "logo on another host",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "logo: //evil.example/images/partners/wup.svg\n---\n",
		want: []string{`content/partners/wup.pl.md:5:7: logo "//evil.example/images/partners/wup.svg" is not a plain path under static/ (give a path under static/, e.g. images/partners/wup.svg)`},
	},
	{
		name: "logo URL",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "logo: https://wup.lubuskie.pl/logo.svg\n---\n",
		want: []string{`content/partners/wup.pl.md:5:7: logo "https://wup.lubuskie.pl/logo.svg" is not a plain path under static/ (give a path under static/, e.g. images/partners/wup.svg)`},
	},
	{
		name: "logo static itself",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "logo: /.\n---\n",
		want: []string{`content/partners/wup.pl.md:5:7: logo "/." is not a plain path under static/ (give a path under static/, e.g. images/partners/wup.svg)`},
	},
	{
		name: "logo with Windows backslashes",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "logo: images\\partners\\wup.svg\n---\n",
		want: []string{`content/partners/wup.pl.md:5:7: logo "images\\partners\\wup.svg" is not a plain path under static/ (separate folders with / rather than \, e.g. images/partners/wup.svg)`},
	},

	// --- aliases and slugs ------------------------------------------------
	{
		name: "aliases cleaned and refused",
		rel:  "o-nas.md",
		src: "---\ntitle: O nas\naliases:\n  - /stara/strona.html\n  - stara/inna/\n  - https://evil.example/\n" +
			"  - ../x\n  - //x\n  - /a/./b\n  - /?p=12\n  - /\n---\n",
		want: []string{
			`content/o-nas.md:6:5: alias "https://evil.example/" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:7:5: alias "../x" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:8:5: alias "//x" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:9:5: alias "/a/./b" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:10:5: alias "/?p=12" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:11:5: alias "/" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
		},
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Aliases", d.Aliases, []content.Ref{
				{ID: "/stara/strona.html", Pos: content.Pos{Line: 4, Col: 5}},
				{ID: "/stara/inna/", Pos: content.Pos{Line: 5, Col: 5}},
			})
		},
	},
	{
		// What a static server decodes is decoded first: the file gets the
		// name the server looks for, and an encoded ".." is refused.
		name: "aliases percent-decoded, encoded climbs refused",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\naliases:\n  - \"/../../etc/x\"\n  - \"/..%2f..%2fetc/x\"\n  - \"/%2e%2e/%2E%2E/etc/x\"\n  - \"..%5c..%5cwindows\"\n  - \"\\\\..\\\\..\\\\x\"\n  - \"/a%00b\"\n  - \"/x%0d%0aLocation: /evil\"\n  - \"/100%/\"\n  - \"/%2F%2Fevil.example\"\n  - \"/a/b/%2e%2e\"\n  - /aktualno%C5%9Bci/2015/\n  - \"/stara strona/\"\n---\n",
		want: []string{
			`content/o-nas.md:4:5: alias "/../../etc/x" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:5:5: alias "/..%2f..%2fetc/x" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:6:5: alias "/%2e%2e/%2E%2E/etc/x" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:7:5: alias "..%5c..%5cwindows" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:8:5: alias "\\..\\..\\x" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:9:5: alias "/a%00b" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:10:5: alias "/x%0d%0aLocation: /evil" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:11:5: alias "/100%/" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:12:5: alias "/%2F%2Fevil.example" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
			`content/o-nas.md:13:5: alias "/a/b/%2e%2e" is not a path on this site (write a path on this site, e.g. /aktualnosci/2015/spotkanie.html)`,
		},
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Aliases", d.Aliases, []content.Ref{
				{ID: "/aktualności/2015/", Pos: content.Pos{Line: 14, Col: 5}},
				{ID: "/stara strona/", Pos: content.Pos{Line: 15, Col: 5}},
			})
		},
	},
	{
		name: "slug made a slug",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "slug: Spotkanie w Żarach\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Slug", d.Slug, "spotkanie-w-zarach")
		},
	},
	{
		name: "slug that slugs to empty",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "slug: \"???\"\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:5:7: slug "???" has no letters or digits (use letters or digits, e.g. slug: spotkanie-w-zarach)`},
	},

	// --- meetings: host, participants, guests -----------------------------
	{
		name: "valid meeting",
		rel:  "meetings/2015-05-14-spotkanie-sygnatariuszy.pl.md",
		src: "---\n" + meetingFM + "host: wup-zielona-gora\nparticipants:\n  - wup-zielona-gora\n  - lubuska-wk-ohp\n" +
			"guests:\n  - name: Jan Kowalski\n    role: wicemarszałek\n  - {name: Anna Nowak}\ntags: [ekonomia społeczna, zatrudnienie]\n" +
			"summary: Krótko.\n---\nPierwszy akapit.\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Kind", d.Kind, content.Meeting)
			eq(t, "Host", *d.Host, content.Ref{ID: "wup-zielona-gora", Pos: content.Pos{Line: 5, Col: 7}})
			eq(t, "Participants", d.Participants, []content.Ref{
				{ID: "wup-zielona-gora", Pos: content.Pos{Line: 7, Col: 5}},
				{ID: "lubuska-wk-ohp", Pos: content.Pos{Line: 8, Col: 5}},
			})
			eq(t, "Guests", d.Guests, []content.Guest{{Name: "Jan Kowalski", Role: "wicemarszałek"}, {Name: "Anna Nowak"}})
			eq(t, "Tags", d.Tags, []string{"ekonomia społeczna", "zatrudnienie"})
			eq(t, "Summary", d.Summary, "Krótko.")
			eq(t, "BodyLine", d.BodyLine, 16)
		},
	},
	{
		name: "participants a string",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "participants: wup-zielona-gora\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:5:15: participants must be a list, not the text "wup-zielona-gora" (write a list: participants: [wup-zielona-gora])`},
	},
	{
		name: "guest without a name",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "guests:\n  - role: wicemarszałek\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:6:5: a guest needs a name (write it as - {name: Jan Kowalski, role: wicemarszałek})`},
	},
	{
		name: "guest with an empty name",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "guests:\n  - name: \"\"\n    role: wicemarszałek\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:6:11: name must not be empty`},
	},
	{
		name: "guest with an unknown key",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "guests:\n  - name: Jan Kowalski\n    funkcja: wicemarszałek\n  - {name: Anna Nowak, rle: radna}\n---\n",
		want: []string{
			`content/meetings/2015-05-14-spotkanie.pl.md:7:5: unknown key "funkcja" in a guest (known keys: name, role)`,
			`content/meetings/2015-05-14-spotkanie.pl.md:8:24: unknown key "rle" in a guest (did you mean "role"?)`,
		},
	},
	{
		name: "guest written as text",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "guests:\n  - Jan Kowalski\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:6:5: a guest must be a mapping of keys to values, not the text "Jan Kowalski"`},
	},
	{
		name: "guests not a list",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "guests: Jan Kowalski\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:5:9: guests must be a list, not the text "Jan Kowalski" (write a list of entries like - {name: Jan Kowalski, role: wicemarszałek})`},
	},

	// --- YAML syntax --------------------------------------------------------
	{
		name: "colon in an unquoted title (first line)",
		rel:  "o-nas.md",
		src:  "---\ntitle: Spotkanie: podsumowanie\n---\n",
		want: []string{`content/o-nas.md:2:17: invalid YAML: mapping values are not allowed in this context (a value that contains ": " must be in quotes, e.g. title: "Spotkanie: podsumowanie")`},
	},
	{
		name: "colon in an unquoted value (third line)",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nmenu: 3\nsummary: Cel: zatrudnienie\n---\n",
		want: []string{`content/o-nas.md:4:13: invalid YAML: mapping values are not allowed in this context (a value that contains ": " must be in quotes, e.g. title: "Spotkanie: podsumowanie")`},
	},
	{
		name: "text after a closing quote",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nsummary: \"Ekonomia\" społeczna\n---\n",
		want: []string{`content/o-nas.md:3:21: invalid YAML: did not find expected key (a value that starts with a quote must end with it; for quotes inside the text use „ ” or put the whole value in the other kind of quotes)`},
	},
	{
		name: "apostrophe inside single quotes",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nsummary: 'it's'\n---\n",
		want: []string{`content/o-nas.md:3:14: invalid YAML: did not find expected key (a value that starts with a quote must end with it; for quotes inside the text use „ ” or put the whole value in the other kind of quotes)`},
	},
	{
		name: "unclosed quote points at its line",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nsummary: \"bez końca\nmenu: 1\n---\n",
		want: []string{`content/o-nas.md:3:10: invalid YAML: found unexpected end of stream (a value that starts with a quote must end with it; for quotes inside the text use „ ” or put the whole value in the other kind of quotes)`},
	},
	{
		name: "unclosed bracket",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "tags: [ekonomia\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:5:1: invalid YAML: did not find expected ',' or ']'`},
	},
	{
		name: "wrong indentation",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\n  summary: x\n---\n",
		want: []string{`content/o-nas.md:3: invalid YAML: mapping values are not allowed in this context (a value that contains ": " must be in quotes, e.g. title: "Spotkanie: podsumowanie")`},
	},
	{
		name: "tab before a list item",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "tags:\n\t- ekonomia\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:6:1: invalid YAML: found character that cannot start any token (YAML does not allow tabs for indentation: use spaces)`},
	},
	{
		name: "tab before a key",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\n\tsummary: x\n---\n",
		want: []string{`content/o-nas.md:3:1: invalid YAML: found a tab character that violates indentation (YAML does not allow tabs for indentation: use spaces)`},
	},
	{
		name: "tab inside a value is fine",
		rel:  "o-nas.md",
		src:  "---\ntitle: O\tnas\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Title", d.Title, "O\tnas")
		},
	},
	{
		name: "Markdown emphasis at the start of a value",
		rel:  "o-nas.md",
		src:  "---\ntitle: *Nowość* w partnerstwie\n---\n",
		want: []string{`content/o-nas.md:2:8: invalid YAML: did not find expected alphabetic or numeric character (a value that starts with * or & must be in quotes, e.g. summary: "*Nowość* w partnerstwie")`},
	},
	{
		name: "alias to an unknown anchor",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nsummary: *wazne\n---\n",
		want: []string{`content/o-nas.md:3:10: invalid YAML: unknown anchor 'wazne' referenced (a value that starts with * or & must be in quotes, e.g. summary: "*Nowość* w partnerstwie")`},
	},
	{
		name: "value starting with @",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nsummary: @partnerstwo na Twitterze\n---\n",
		want: []string{`content/o-nas.md:3:10: invalid YAML: found character that cannot start any token (a value that starts with @ must be in quotes)`},
	},
	{
		name: "control character",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nsummary: a\x01b\n---\n",
		want: []string{`content/o-nas.md:3:11: invalid YAML: control characters are not allowed (the line holds an invisible control character, often pasted from a terminal or a PDF: type the value again)`},
	},
	{
		name: "comment swallows the rest of a value",
		rel:  "o-nas.md",
		src:  "---\ntitle: Spotkanie #2\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			// Not an error in YAML, and not detectable: pinned so that a
			// change is noticed. A writer must quote "Spotkanie #2".
			eq(t, "Title", d.Title, "Spotkanie")
		},
	},

	// --- anchors and aliases are refused in front matter --------------------
	{
		name: "anchor and alias",
		rel:  "o-nas.md",
		src:  "---\ntitle: &t O nas\nsummary: *t\n---\n",
		want: []string{
			`content/o-nas.md:2:8: &t is a YAML anchor, which front matter does not allow (if &t is part of the text, put the whole value in quotes; else remove it)`,
			`content/o-nas.md:3:10: *t is a YAML alias, which front matter does not allow (if *t is part of the text, put the whole value in quotes; else write the value out in full)`,
		},
	},
	{
		name: "ampersand that became an anchor",
		rel:  "partners/wup.pl.md",
		src:  "---\ntitle: &Co Sp. z o.o.\nsector: business\nrole: signatory\n---\n",
		want: []string{`content/partners/wup.pl.md:2:8: &Co is a YAML anchor, which front matter does not allow (if &Co is part of the text, put the whole value in quotes; else remove it)`},
	},

	// --- file name: kind, language, key, name -------------------------------
	{
		name: "unconfigured language suffix",
		rel:  "x.de.md",
		src:  "---\ntitle: Über uns\n---\n",
		want: []string{`content/x.de.md: language "de" is not configured (add it under languages: in site.yaml, use one of pl, en, or rename the file if it is not a translation)`},
	},
	{
		name: "version number is not a language",
		rel:  "v1.2.md",
		src:  "---\ntitle: Wersja 1.2\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Lang", d.Lang, "pl")
			eq(t, "Key", d.Key, "v1.2")
			eq(t, "Name", d.Name, "v1.2")
		},
	},
	{
		name: "meeting key, name, language",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\n" + meetingFM + "---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Path", d.Path, "content/meetings/2015-05-14-spotkanie.pl.md")
			eq(t, "Kind", d.Kind, content.Meeting)
			eq(t, "Key", d.Key, "meetings/2015-05-14-spotkanie")
			eq(t, "Name", d.Name, "spotkanie")
			eq(t, "Lang", d.Lang, "pl")
		},
	},
	{
		name: "English meeting in a year folder",
		rel:  "meetings/2015/2015-05-14-signatories-meeting.en.md",
		src:  "---\ntitle: Signatories' meeting\ndate: 2015-05-14\nlocation: Zielona Góra\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Kind", d.Kind, content.Meeting)
			eq(t, "Key", d.Key, "meetings/2015/2015-05-14-signatories-meeting")
			eq(t, "Name", d.Name, "signatories-meeting")
			eq(t, "Lang", d.Lang, "en")
		},
	},
	{
		name: "no suffix: default language",
		rel:  "partners/wup-zielona-gora.md",
		src:  "---\n" + partnerFM + "---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Kind", d.Kind, content.Partner)
			eq(t, "Key", d.Key, "partners/wup-zielona-gora")
			eq(t, "Name", d.Name, "wup-zielona-gora")
			eq(t, "Lang", d.Lang, "pl")
		},
	},
	{
		name: "page in a sub-folder",
		rel:  "o-nas/zespol.en.md",
		src:  "---\ntitle: Team\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Kind", d.Kind, content.Page)
			eq(t, "Key", d.Key, "o-nas/zespol")
			eq(t, "Name", d.Name, "zespol")
			eq(t, "Lang", d.Lang, "en")
		},
	},
	{
		name: "meetings below another folder is a page",
		rel:  "archiwum/meetings/2015-05-14-x.md",
		src:  "---\ntitle: Archiwum\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Kind", d.Kind, content.Page)
			eq(t, "Name", d.Name, "x")
		},
	},
	{
		name: "meetings.md at the top is a page",
		rel:  "meetings.md",
		src:  "---\ntitle: Spotkania\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Kind", d.Kind, content.Page)
			eq(t, "Key", d.Key, "meetings")
		},
	},
	{
		name: "page keys refused in a meeting, meeting keys in a page",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nlocation: Zielona Góra\n---\n",
		want: []string{`content/o-nas.md:3:1: unknown key "location" in the front matter of a page (known keys: menu, title, summary, slug, draft, publishDate, expiryDate, aliases, params, photos, cover, documents)`},
	},

	// --- time: end, publishDate, expiryDate ------------------------------
	{
		name: "meeting with a start and an end time",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\ntitle: Spotkanie\ndate: 2015-05-14T10:00\nend: 2015-05-14T13:30\nlocation: Zielona Góra\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "End", d.End.Format(time.RFC3339), "2015-05-14T13:30:00+02:00")
			eq(t, "HasTime", d.HasTime, true)
		},
	},
	{
		name: "meeting of several days",
		rel:  "meetings/2015-05-14-zjazd.pl.md",
		src:  "---\ntitle: Zjazd\ndate: 2015-05-14\nend: 2015-05-15\nlocation: Łagów\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "End", d.End.Format(time.DateOnly), "2015-05-15")
		},
	},
	{
		name: "end before date",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\ntitle: Spotkanie\ndate: 2015-05-14T10:00\nend: 2015-05-14T09:00\nlocation: Zielona Góra\n---\n",
		want: []string{"content/meetings/2015-05-14-spotkanie.pl.md:4:6: the meeting ends (2015-05-14T09:00) before it starts (2015-05-14 10:00) (end is when the meeting ends; it cannot be before date)"},
	},
	{
		name: "end without the time that date has",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\ntitle: Spotkanie\ndate: 2015-05-14T10:00\nend: 2015-05-14\nlocation: Zielona Góra\n---\n",
		want: []string{"content/meetings/2015-05-14-spotkanie.pl.md:4:6: end needs a time of day, as date has one (write the time the meeting ends, e.g. end: 2015-05-14T13:00)"},
	},
	{
		name: "end with a time that date lacks",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\ntitle: Spotkanie\ndate: 2015-05-14\nend: 2015-05-14T12:00\nlocation: Zielona Góra\n---\n",
		want: []string{"content/meetings/2015-05-14-spotkanie.pl.md:4:6: end has a time of day, but date does not (write end as a day (YYYY-MM-DD), or give date a time as well)"},
	},
	{
		name: "end that is not a date",
		rel:  "meetings/2015-05-14-spotkanie.pl.md",
		src:  "---\ntitle: Spotkanie\ndate: 2015-05-14\nend: po obiedzie\nlocation: Zielona Góra\n---\n",
		want: []string{`content/meetings/2015-05-14-spotkanie.pl.md:4:6: end: "po obiedzie" is not a valid date (write it as YYYY-MM-DD, e.g. 2015-05-14, or with a time: 2015-05-14T10:00:00+02:00)`},
	},
	{
		name: "end is for meetings only",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nend: 2015-05-14\n---\n",
		want: []string{`content/o-nas.md:3:1: unknown key "end" in the front matter of a page (did you mean "menu"?)`},
	},
	{
		name: "publishDate and expiryDate on a partner",
		rel:  "partners/wup.pl.md",
		src:  "---\n" + partnerFM + "publishDate: 2026-01-01\nexpiryDate: 2027-01-01\n---\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "PublishDate", d.PublishDate.Format(time.DateOnly), "2026-01-01")
			eq(t, "ExpiryDate", d.ExpiryDate.Format(time.DateOnly), "2027-01-01")
			eq(t, "ExpiryPos", d.ExpiryPos, content.Pos{Line: 6, Col: 13})
		},
	},
	{
		name: "expiryDate not after publishDate",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\npublishDate: 2026-05-01\nexpiryDate: 2026-05-01\n---\n",
		want: []string{"content/o-nas.md:4:13: expiryDate (2026-05-01) is not after publishDate (2026-05-01): the document would never be shown (expiryDate is the first day the document is no longer on the site)"},
	},

	// --- body ---------------------------------------------------------------
	{
		name: "body line after a long front matter",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\nsummary: >-\n  Dwa\n  wiersze.\n---  \n\n# Nagłówek\n",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Summary", d.Summary, "Dwa wiersze.")
			eq(t, "Body", string(d.Body), "\n# Nagłówek\n")
			eq(t, "BodyLine", d.BodyLine, 7)
		},
	},
	{
		name: "closing line at the end of the file",
		rel:  "o-nas.md",
		src:  "---\ntitle: O nas\n---",
		check: func(t *testing.T, d *content.Doc) {
			eq(t, "Body", string(d.Body), "")
			eq(t, "BodyLine", d.BodyLine, 4)
		},
	},
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		t.Run(c.name, func(t *testing.T) {
			d, problems := content.Parse(c.rel, []byte(c.src), opts)
			got := strs(problems.Items())
			if !slices.Equal(got, c.want) {
				t.Errorf("problems:\n got: %s\nwant: %s", show(got), show(c.want))
			}
			if d == nil {
				t.Fatal("Parse returned a nil Doc")
			}
			if c.check != nil {
				c.check(t, d)
			}
		})
	}
}

// TestParseAliasBomb gives Parse a "billion laughs": 9 levels of 9 aliases,
// which would expand to 9⁹ values. It must answer at once, with errors.
func TestParseAliasBomb(t *testing.T) {
	for _, key := range []string{"params", "tags", "guests", "title"} {
		t.Run(key, func(t *testing.T) {
			src := aliasBomb(key)
			type result struct {
				problems diag.List
				elapsed  time.Duration
			}
			done := make(chan result, 1)
			go func() {
				start := time.Now()
				_, problems := content.Parse("meetings/2015-05-14-bomba.pl.md", []byte(src), opts)
				done <- result{problems, time.Since(start)}
			}()
			select {
			case r := <-done:
				if !r.problems.HasErrors() {
					t.Fatal("an alias bomb gave no error")
				}
				if r.elapsed > time.Second {
					t.Errorf("Parse took %v", r.elapsed)
				}
				// One report per anchor and per anchor used, not one per use.
				if n := r.problems.Len(); n > 20 {
					t.Errorf("%d problems, want at most 20:\n%s", n, show(strs(r.problems.Items())))
				}
				want := "content/meetings/2015-05-14-bomba.pl.md:7:10: *a0 is a YAML alias, which front matter does not allow (if *a0 is part of the text, put the whole value in quotes; else write the value out in full)"
				if !slices.Contains(strs(r.problems.Items()), want) {
					t.Errorf("missing %q in\n%s", want, show(strs(r.problems.Items())))
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Parse did not return within 5s")
			}
		})
	}
}

// TestParseDeepNesting gives Parse params nested 10,000 levels deep (as
// far as YAML itself goes), and further: each must fail at once with an
// error at the line of params.
func TestParseDeepNesting(t *testing.T) {
	block := func(n int) string { // a mapping in a mapping …, in block style
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "%sk:\n", strings.Repeat(" ", i+1))
		}
		return b.String()
	}
	for _, c := range []struct {
		name, params string
		line         int
	}{
		{"lists 10,000 deep", strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000), 3},
		{"mappings 10,000 deep", strings.Repeat("{a: ", 10_000) + "1" + strings.Repeat("}", 10_000), 3},
		{"lists 1,000,000 deep", strings.Repeat("[", 1_000_000), 3},
		{"block mappings 2,000 deep", "\n" + block(2_000), 3 + content.MaxDepth},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "---\ntitle: O nas\nparams: " + c.params + "\n---\n"
			done := make(chan diag.List, 1)
			start := time.Now()
			go func() {
				_, problems := content.Parse("o-nas.md", []byte(src), opts)
				done <- problems
			}()
			select {
			case problems := <-done:
				if elapsed := time.Since(start); elapsed > time.Second {
					t.Errorf("Parse took %v", elapsed)
				}
				items := problems.Items()
				if len(items) != 1 || items[0].Line != c.line {
					t.Fatalf("want one error at line %d, got:%s", c.line, show(strs(items)))
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Parse did not return within 10s")
			}
		})
	}
}

func aliasBomb(key string) string {
	var b strings.Builder
	b.WriteString("---\ntitle: Bomba\ndate: 2015-05-14\nlocation: Zielona Góra\n")
	b.WriteString(key + ":\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "  - &a%d [", i)
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("---\n")
	return b.String()
}

// TestParseZeroOptions: Options are the caller's, not the writer's, but a
// zero Options must not make Parse panic.
func TestParseZeroOptions(t *testing.T) {
	d, problems := content.Parse("meetings/2015-05-14-x.md", []byte("---\n"+meetingFM+"---\n"), content.Options{})
	if problems.HasErrors() {
		t.Fatalf("problems: %s", show(strs(problems.Items())))
	}
	eq(t, "Date", d.Date, time.Date(2015, 5, 14, 0, 0, 0, 0, time.UTC))
	eq(t, "Lang", d.Lang, "")
}

// TestParseNoStaticCallback: without StaticFiles a logo is not looked up.
func TestParseNoStaticCallback(t *testing.T) {
	o := opts
	o.StaticFiles = nil
	d, problems := content.Parse("partners/wup.md", []byte("---\n"+partnerFM+"logo: images/brak.svg\n---\n"), o)
	if problems.Len() != 0 {
		t.Fatalf("problems: %s", show(strs(problems.Items())))
	}
	eq(t, "Logo", d.Logo, "images/brak.svg")
}

// TestKindString pins the words used in messages.
func TestKindString(t *testing.T) {
	eq(t, "Page", content.Page.String(), "page")
	eq(t, "Meeting", content.Meeting.String(), "meeting")
	eq(t, "Partner", content.Partner.String(), "partner")
}

func strs(ps []diag.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func show(lines []string) string {
	if len(lines) == 0 {
		return "(none)"
	}
	return "\n\t" + strings.Join(lines, "\n\t")
}

func eq[T any](t *testing.T, what string, got, want T) {
	t.Helper()
	if g, w := fmt.Sprintf("%#v", got), fmt.Sprintf("%#v", want); g != w {
		t.Errorf("%s = %s, want %s", what, g, w)
	}
}

// BenchmarkParse reads a typical meeting file, the sample site's first:
// front matter with a date, a host, a list of participants, guests as
// mappings and tags, then a Markdown body that Parse only splits off.
func BenchmarkParse(b *testing.B) {
	const rel = "meetings/2015-05-14-spotkanie-sygnatariuszy.pl.md"
	src, err := os.ReadFile("../../content/" + rel)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, problems := content.Parse(rel, src, opts); problems.HasErrors() {
			b.Fatal(problems)
		}
	}
}
