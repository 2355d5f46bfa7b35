package i18n

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestParseProblems(t *testing.T) {
	// Each source is minimal with one thing broken; want lists every
	// problem, in diag order, as "path:line:col: message (hint)".
	datesOnly := strings.Split(minimal, "strings:")[0]
	tests := []struct {
		name, lang, src string
		want            []string
		ok              bool // a Catalog is still returned (warnings only)
	}{
		{
			name: "YAML syntax", lang: "pl", src: "dates: [\nstrings: {}\n",
			want: []string{`pl.yaml:2: invalid YAML: did not find expected ',' or ']'`},
		},
		{
			name: "tab indentation", lang: "pl", src: "dates:\n\tmonths: x\n",
			want: []string{`pl.yaml:2: invalid YAML: found character that cannot start any token`},
		},
		{
			name: "empty file", lang: "pl", src: "",
			want: []string{`pl.yaml: empty catalog: expected the keys "dates", "strings"`},
		},
		{
			name: "only comments", lang: "pl", src: "# nic\n",
			want: []string{`pl.yaml: empty catalog: expected the keys "dates", "strings"`},
		},
		{
			name: "top level is a list", lang: "pl", src: "- a\n- b\n",
			want: []string{`pl.yaml:1:1: the catalog must be a mapping with the keys "dates", "strings", not a list`},
		},
		{
			name: "two documents", lang: "pl", src: minimal + "---\nfoo: 1\n",
			want: []string{`pl.yaml:9:1: a catalog must be a single YAML document (remove the "---" line)`},
		},
		{
			name: "unknown top-level key, typo", lang: "pl", src: minimal + "date: x\n",
			want: []string{`pl.yaml:9:1: unknown top-level key "date" (did you mean "dates"?)`},
		},
		{
			name: "unknown top-level key", lang: "pl", src: minimal + "zzzzzzzz: x\n",
			want: []string{`pl.yaml:9:1: unknown top-level key "zzzzzzzz" (expected "dates", "strings")`},
		},
		{
			name: "duplicate top-level key", lang: "pl", src: minimal + "dates: {}\n",
			want: []string{`pl.yaml:9:1: duplicate key "dates" in the catalog (first defined at line 1)`},
		},
		{
			name: "no strings", lang: "pl", src: datesOnly,
			want: []string{`pl.yaml:1:1: missing key "strings"`},
		},
		{
			name: "no dates", lang: "pl", src: "strings:\n  home: x\n",
			want: []string{`pl.yaml:1:1: missing key "dates"`},
		},
		{
			name: "dates empty", lang: "pl", src: "dates:\nstrings:\n  home: x\n",
			want: []string{`pl.yaml:1:7: "dates" must be a mapping, not empty`},
		},
		{
			name: "strings not a mapping", lang: "pl", src: datesOnly + "strings: x\n",
			want: []string{`pl.yaml:7:10: "strings" must be a mapping of keys to text, not text`},
		},
		{
			name: "unknown date key", lang: "pl", src: strings.Replace(minimal, "  short:", "  shrt:", 1),
			want: []string{
				`pl.yaml:1:1: missing key "dates.short"`,
				`pl.yaml:6:3: unknown key "shrt" in "dates" (did you mean "short"?)`,
			},
		},
		{
			name: "11 months", lang: "pl", src: strings.Replace(minimal, "styczeń, ", "", 1),
			want: []string{`pl.yaml:2:11: "dates.months" must list 12 months, found 11`},
		},
		{
			name: "months not a list", lang: "pl", src: strings.Replace(minimal, "  months: [", "  months: x #[", 1),
			want: []string{`pl.yaml:2:11: "dates.months" must be a list of the 12 month names, not text`},
		},
		{
			name: "empty month", lang: "pl", src: strings.Replace(minimal, "styczeń, ", "'', ", 1),
			want: []string{`pl.yaml:2:12: "dates.months[1]" has no text`},
		},
		{
			name: "null month", lang: "pl", src: strings.Replace(minimal, "stycznia, ", "~, ", 1),
			want: []string{`pl.yaml:3:21: "dates.months_genitive[1]" has no text`},
		},
		{
			name: "month is a list", lang: "pl", src: strings.Replace(minimal, "luty, ", "[a, b], ", 1),
			want: []string{`pl.yaml:2:21: "dates.months[2]" must be text, not a list`},
		},
		{
			name: "misspelt placeholders", lang: "pl",
			src: strings.Replace(minimal, "{month_genitive} {year} r.", "{month_genitve} {Year} r.", 1),
			want: []string{
				`pl.yaml:4:9: unknown placeholder {Year} in "dates.long" (did you mean {year}?)`,
				`pl.yaml:4:9: unknown placeholder {month_genitve} in "dates.long" (did you mean {month_genitive}?)`,
			},
		},
		{
			name: "unknown placeholder", lang: "pl",
			src:  strings.Replace(minimal, "{day} {month_genitive}", "{weekday} {month_genitive}", 1),
			want: []string{`pl.yaml:4:9: unknown placeholder {weekday} in "dates.long" (known placeholders: {day} {dd} {mm} {month} {month_genitive} {year})`},
		},
		{
			name: "duplicate string", lang: "pl", src: minimal + "  home: again\n",
			want: []string{`pl.yaml:9:3: duplicate key "home" in "strings" (first defined at line 8)`},
		},
		{
			name: "invalid keys", lang: "pl", src: minimal + "  Home: x\n  2nd: x\n  a-b: x\n",
			want: []string{
				`pl.yaml:9:3: invalid key "Home" (use lower-case letters, digits and underscores, starting with a letter)`,
				`pl.yaml:10:3: invalid key "2nd" (use lower-case letters, digits and underscores, starting with a letter)`,
				`pl.yaml:11:3: invalid key "a-b" (use lower-case letters, digits and underscores, starting with a letter)`,
			},
		},
		{
			name: "complex key", lang: "pl", src: minimal + "  ? [a]\n  : x\n",
			want: []string{`pl.yaml:9:5: keys in "strings" must be names, not a list`},
		},
		{
			name: "empty strings", lang: "pl", src: minimal + "  empty:\n  blank: ''\n",
			want: []string{
				`pl.yaml:9:9: "strings.empty" has no text`,
				`pl.yaml:10:10: "strings.blank" has no text`,
			},
		},
		{
			name: "list string", lang: "pl", src: minimal + "  items: [a, b]\n",
			want: []string{`pl.yaml:9:10: "strings.items" must be text or a plural mapping (one: …, other: …), not a list`},
		},
		{
			name: "plural categories", lang: "pl", src: minimal + "  c:\n    one: x\n    fewer: x\n    many: x\n    dozens: x\n",
			want: []string{
				`pl.yaml:9:3: plural message "strings.c" lacks "few", "other" (pl needs one, few, many, other)`,
				`pl.yaml:11:5: unknown plural category "fewer" in "strings.c" (did you mean "few"?)`,
				`pl.yaml:13:5: unknown plural category "dozens" in "strings.c" (CLDR plural categories: zero, one, two, few, many, other)`,
			},
		},
		{
			name: "plural form empty", lang: "pl", src: minimal + "  c:\n    one: x\n    few: x\n    many:\n    other: x\n",
			want: []string{`pl.yaml:12:10: "strings.c.many" has no text`},
		},
		{
			name: "plural form list", lang: "pl", src: minimal + "  c:\n    one: [x]\n    few: x\n    many: x\n    other: x\n",
			want: []string{`pl.yaml:10:10: "strings.c.one" must be text, not a list`},
		},
		{
			name: "English plural lacks one", lang: "en", src: minimal + "  c:\n    other: x\n",
			want: []string{`pl.yaml:9:3: plural message "strings.c" lacks "one" (en needs one, other)`},
		},
		{
			name: "empty plural", lang: "en", src: minimal + "  c: {}\n",
			want: []string{`pl.yaml:9:3: plural message "strings.c" lacks "one", "other" (en needs one, other)`},
		},
		{
			name: "unused category pl", lang: "pl", ok: true,
			src:  minimal + "  c:\n    one: x\n    two: x\n    few: x\n    many: x\n    other: x\n",
			want: []string{`pl.yaml:11:5: warning: plural category "two" in "strings.c" is never used for pl (the CLDR rules for pl use one, few, many, other)`},
		},
		{
			name: "unused category en", lang: "en", ok: true,
			src:  minimal + "  c:\n    zero: none\n    one: x\n    other: x\n",
			want: []string{`pl.yaml:10:5: warning: plural category "zero" in "strings.c" is never used for en (the CLDR rules for en use one, other)`},
		},
		{
			name: "bad language tag", lang: "p l", src: minimal,
			want: []string{`pl.yaml: invalid language tag "p l": language: tag is not well-formed`},
		},
		{
			name: "bad language tag and file", lang: "", src: minimal + "  c:\n    one: x\n",
			want: []string{
				`pl.yaml: invalid language tag "": language: tag is not well-formed`,
				`pl.yaml:9:3: plural message "strings.c" lacks "other" (und needs other)`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, probs := Parse("pl.yaml", tt.lang, []byte(tt.src))
			var got []string
			for _, p := range probs.Items() {
				got = append(got, p.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
			if (c != nil) != tt.ok {
				t.Errorf("catalog returned = %v, want %v", c != nil, tt.ok)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"pl", "en"} {
		src, err := os.ReadFile("../../templates/i18n/" + name + ".yaml")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(name, src)
	}
	f.Add("pl", []byte(minimal))
	f.Add("en", []byte("dates: &a\n  months: *a\nstrings:\n  x: *a\n"))
	f.Add("de", []byte("strings:\n  c:\n    one: '{n}'\n    other: [{n}]\n"))
	f.Add("", []byte("- ]\n"))
	f.Fuzz(func(t *testing.T, lang string, src []byte) {
		c, probs := Parse("f.yaml", lang, src)
		if (c == nil) != probs.HasErrors() {
			t.Fatalf("catalog nil = %v but HasErrors = %v", c == nil, probs.HasErrors())
		}
		if c == nil {
			return
		}
		// A parsed catalog must work for every key without panicking.
		for _, k := range c.Keys() {
			_, err1 := c.T(k)
			_, err2 := c.N(k, 7)
			if (err1 == nil) == (err2 == nil) {
				t.Fatalf("key %q: T error %v, N error %v; want exactly one", k, err1, err2)
			}
		}
		for m := 1; m <= 12; m++ {
			if c.Month(timeMonth(m)) == "" {
				t.Fatalf("month %d empty", m)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("../../templates/i18n/pl.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if c, _ := Parse("pl.yaml", "pl", src); c == nil {
			b.Fatal("does not parse")
		}
	}
}
