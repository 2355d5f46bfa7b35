package slug

import (
	"strings"
	"testing"
)

func TestMake(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// The examples from the site's own content.
		{"Spotkanie sygnatariuszy – Zielona Góra", "spotkanie-sygnatariuszy-zielona-gora"},
		{"Łódź", "lodz"},
		{"Ekonomia społeczna", "ekonomia-spoleczna"},
		{"ekonomia spoleczna", "ekonomia-spoleczna"},
		{"EKONOMIA  SPOŁECZNA", "ekonomia-spoleczna"},
		// Every Polish letter, both cases.
		{"ąćęłńóśźż", "acelnoszz"},
		{"ĄĆĘŁŃÓŚŹŻ", "acelnoszz"},
		{"Zażółć gęślą jaźń", "zazolc-gesla-jazn"},
		{"Świebodzin", "swiebodzin"},
		{"Żary i Żagań", "zary-i-zagan"},
		{"Gorzów Wielkopolski", "gorzow-wielkopolski"},
		{"Sulechów", "sulechow"},
		{"Międzyrzecz", "miedzyrzecz"},
		{"Ośrodek Wsparcia Ekonomii Społecznej", "osrodek-wsparcia-ekonomii-spolecznej"},
		{"Stowarzyszenie „Lubuskie Razem”", "stowarzyszenie-lubuskie-razem"},
		{"„Cytat” — z «cudzysłowami»", "cytat-z-cudzyslowami"},
		{"Regionalny Ośrodek Polityki Społecznej (ROPS)", "regionalny-osrodek-polityki-spolecznej-rops"},
		{"Spotkanie nr 12/2015", "spotkanie-nr-12-2015"},
		{"14.05.2015 r.", "14-05-2015-r"},
		{"Gmina Nowa Sól – Miasto", "gmina-nowa-sol-miasto"},
		{"Wojewódzki Urząd Pracy w Zielonej Górze", "wojewodzki-urzad-pracy-w-zielonej-gorze"},
		{"Pytania i odpowiedzi?!", "pytania-i-odpowiedzi"},
		{"50% dofinansowania", "50-dofinansowania"},
		{"Spółdzielnia Socjalna „Ćma”", "spoldzielnia-socjalna-cma"},
		// Other Latin letters.
		{"Crème brûlée", "creme-brulee"},
		{"Straße", "strasse"},
		{"Ærøskøbing", "aeroskobing"},
		{"Œuvre", "oeuvre"},
		{"Þingvellir", "thingvellir"},
		{"Đakovo", "dakovo"},
		{"Ísafjörður", "isafjordur"},
		{"İstanbul Kadıköy", "istanbul-kadikoy"},
		{"Čeština Šťastný Žluťoučký", "cestina-stastny-zlutoucky"},
		{"Ångström", "angstrom"},
		{"ﬁnał", "final"},      // ligature, via NFKD
		{"Ｚｉｅｌｏｎａ", "zielona"}, // fullwidth
		{"m² i m³", "m2-i-m3"},
		// Invisible characters do not split words.
		{"Zie\u00adlona", "zielona"},
		{"a\u200db", "ab"},
		{"\ufeffBOM", "bom"},
		// Combining marks typed separately.
		{"Go\u0301ra", "gora"},
		{"\u0301a", "a"},
		// Separators.
		{"  spacje  na  brzegach  ", "spacje-na-brzegach"},
		{"---", ""},
		{"a---b", "a-b"},
		{"a_b", "a-b"},
		{"tab\tnew\nline", "tab-new-line"},
		{"non\u00a0breaking", "non-breaking"},
		{"O nas / Zespół", "o-nas-zespol"},
		{"Ważne! 🎉 Spotkanie", "wazne-spotkanie"},
		{"東京 Tokyo", "tokyo"},
		{"Київ Kijów", "kijow"},
		// Empty results.
		{"", ""},
		{"🎉🎉", ""},
		{"„”", ""},
		{"Київ", ""},
		// Digits and ASCII only.
		{"2015", "2015"},
		{"already-a-slug", "already-a-slug"},
		{"CamelCase", "camelcase"},
		// Invalid UTF-8 becomes a separator, never a panic or garbage.
		{"a\xffb", "a-b"},
	}
	for _, tt := range tests {
		if got := Make(tt.in); got != tt.want {
			t.Errorf("Make(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMakeSameForVariants(t *testing.T) {
	pairs := [][2]string{
		{"Ekonomia społeczna", "ekonomia spoleczna"},
		{"Zielona Góra", "zielona-gora"},
		{"Zielona Go\u0301ra", "Zielona Góra"}, // decomposed vs precomposed
		{"ŁÓDŹ", "Lodz"},
	}
	for _, p := range pairs {
		if a, b := Make(p[0]), Make(p[1]); a != b {
			t.Errorf("Make(%q) = %q but Make(%q) = %q", p[0], a, p[1], b)
		}
	}
}

func TestPath(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"O nas/Zespół", "o-nas/zespol"},
		{"/Spotkania/2015/Zielona Góra/", "spotkania/2015/zielona-gora"},
		{"a//b", "a/b"},
		{"🎉/Łagów", "lagow"},
		{"", ""},
		{"/", ""},
		{"Partnerzy", "partnerzy"},
	}
	for _, tt := range tests {
		if got := Path(tt.in); got != tt.want {
			t.Errorf("Path(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// checkSlug reports why s is not a valid slug, or "" when it is.
func checkSlug(s string) string {
	for i := range len(s) {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return "byte outside [a-z0-9-]"
		}
	}
	switch {
	case strings.Contains(s, "--"):
		return "double hyphen"
	case strings.HasPrefix(s, "-"), strings.HasSuffix(s, "-"):
		return "hyphen at an end"
	}
	return ""
}

func FuzzMake(f *testing.F) {
	for _, s := range []string{
		"Spotkanie sygnatariuszy – Zielona Góra",
		"Łódź", "Zażółć gęślą jaźń", "Straße", "„”", "🎉", "a\xffb",
		"Go\u0301ra", "\u0301", "Zie\u00adlona", "ﬁ", "m²", "---", "", " a ",
		"東京", "ǅ", "ŉ", "ẞ", "ﷺ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Make(in)
		if why := checkSlug(out); why != "" {
			t.Fatalf("Make(%q) = %q: %s", in, out, why)
		}
		if again := Make(out); again != out {
			t.Fatalf("Make(Make(%q)) = %q, want %q", in, again, out)
		}
		if p := Path(in); strings.Contains(p, "//") || strings.HasPrefix(p, "/") || strings.HasSuffix(p, "/") {
			t.Fatalf("Path(%q) = %q has an empty segment", in, p)
		} else if p != "" {
			// A page's path may never climb or name a folder twice.
			for _, seg := range strings.Split(p, "/") {
				if why := checkSlug(seg); why != "" {
					t.Fatalf("Path(%q) = %q: segment %q: %s", in, p, seg, why)
				}
			}
		}
	})
}

func BenchmarkMake(b *testing.B) {
	inputs := []string{
		"Spotkanie sygnatariuszy – Zielona Góra",
		"Regionalny Ośrodek Polityki Społecznej w Zielonej Górze",
		"plain ascii heading",
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range inputs {
			Make(s)
		}
	}
}

// TestFold checks every character fold knows: makeFolded must give what
// NFKD and the rules give, alone, between letters, after a digit and
// doubled, so that a wrong letter, a missing or extra separator, or a
// separator where nothing belongs (a soft hyphen) shows.
func TestFold(t *testing.T) {
	known := 0
	for r := rune(0x80); r <= 0x2100; r++ {
		if _, ok := fold(r); !ok {
			continue
		}
		known++
		c := string(r)
		for _, in := range []string{c, "a" + c + "b", "1" + c, c + c, "Zło" + c + "ść"} {
			got, ok := makeFolded(in)
			if want := makeNormalized(in); !ok || got != want {
				t.Errorf("makeFolded(%q) = %q, %v; makeNormalized gives %q", in, got, ok, want)
			}
		}
	}
	// Latin-1, Latin Extended-A, combining marks, general punctuation.
	if want := 0x180 - 0x80 + 0x70 + 0x70; known != want {
		t.Errorf("fold knows %d characters, want %d", known, want)
	}
}

func TestMakeFolded(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		ok       bool
	}{
		{"Zażółć gęślą jaźń", "zazolc-gesla-jazn", true},
		{"„Cytat” – z «cudzysłowami»…", "cytat-z-cudzyslowami", true},
		{"already-a-slug", "already-a-slug", true},
		{"Zie\u00adlona\u200b Góra", "zielona-gora", true},
		{"½ ŀ ŉ", "1-2-l-n", true},
		{"ﬁnał", "", false}, // a ligature: NFKD's
		{"Київ", "", false},
		{"a\xffb", "", false}, // invalid UTF-8: makeNormalized's
		{"\ufffd", "", false},
	} {
		if got, ok := makeFolded(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("makeFolded(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzMakeFolded: wherever the fast path answers, it answers as NFKD and
// the rules do.
func FuzzMakeFolded(f *testing.F) {
	for _, s := range []string{
		"Spotkanie sygnatariuszy – Zielona Góra", "ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż", "Straße Ærøskøbing",
		"Go\u0301ra", "\u0301", "Zie\u00adlona", "¼ ŀ ŉ ĸ", "a\u2060b\u2028c", "a\xffb", "ﬁ", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, ok := makeFolded(in)
		if want := makeNormalized(in); ok && got != want {
			t.Fatalf("makeFolded(%q) = %q, makeNormalized gives %q", in, got, want)
		}
		if !ok && got != "" {
			t.Fatalf("makeFolded(%q) = %q, false", in, got)
		}
	})
}
