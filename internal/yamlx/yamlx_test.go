package yamlx_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/yamlx"
	"gopkg.in/yaml.v3"
)

var warsaw = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Warsaw")
	if err != nil {
		panic(err)
	}
	return loc
}()

// field parses src as front matter (LineOffset 1, as in a content file)
// and returns the reader and the field named key.
func field(t *testing.T, src, key string) (*yamlx.Reader, yamlx.Field) {
	t.Helper()
	r := &yamlx.Reader{Path: "x.md", LineOffset: 1, Problems: &diag.List{}}
	root := r.Parse([]byte(src))
	if root == nil {
		t.Fatalf("parse: %v", problems(r))
	}
	for _, f := range r.Fields(root, "test", nil) {
		if f.Name() == key {
			return r, f
		}
	}
	t.Fatalf("no key %q in %q", key, src)
	return nil, yamlx.Field{}
}

func problems(r *yamlx.Reader) []string {
	var out []string
	for _, p := range r.Problems.Items() {
		out = append(out, p.String())
	}
	return out
}

func check(t *testing.T, r *yamlx.Reader, want ...string) {
	t.Helper()
	if got := problems(r); !slices.Equal(got, want) {
		t.Errorf("problems:\n got: %q\nwant: %q", got, want)
	}
}

func TestString(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string
		ok   bool
		errs []string
	}{
		{"v: Zielona Góra", "Zielona Góra", true, nil},
		{`v: "2015"`, "2015", true, nil},
		{"v: 'true'", "true", true, nil},
		{"v: yes", "yes", true, nil}, // YAML 1.2: yes is text
		{"v: ~", "", true, nil},
		{"v:", "", true, nil},
		{"v: >-\n  dwa\n  wiersze", "dwa wiersze", true, nil},
		{"v: 2015", "", false, []string{`x.md:2:4: v must be text, not the number 2015 (put it in quotes: v: "2015")`}},
		{"v: 1.5", "", false, []string{`x.md:2:4: v must be text, not the number 1.5 (put it in quotes: v: "1.5")`}},
		{"v: true", "", false, []string{`x.md:2:4: v must be text, not the boolean true (put it in quotes: v: "true")`}},
		{"v: 2015-05-14", "", false, []string{`x.md:2:4: v must be text, not the date 2015-05-14 (put it in quotes: v: "2015-05-14")`}},
		{"v: [a]", "", false, []string{`x.md:2:4: v must be text, not a list`}},
		{"v: {a: b}", "", false, []string{`x.md:2:4: v must be text, not a mapping`}},
	} {
		r, f := field(t, c.src, "v")
		got, ok := r.String(f)
		if got != c.want || ok != c.ok {
			t.Errorf("String(%q) = %q, %v; want %q, %v", c.src, got, ok, c.want, c.ok)
		}
		check(t, r, c.errs...)
	}
}

func TestNonEmptyString(t *testing.T) {
	for _, src := range []string{"v:", "v: ''", "v: \"  \"", "v: ~"} {
		r, f := field(t, src, "v")
		if _, ok := r.NonEmptyString(f); ok {
			t.Errorf("NonEmptyString(%q) ok", src)
		}
		if got := problems(r); len(got) != 1 || !strings.HasSuffix(got[0], "v must not be empty") {
			t.Errorf("NonEmptyString(%q): %q", src, got)
		}
	}
}

func TestBool(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
		errs []string
	}{
		{"v: true", true, nil},
		{"v: false", false, nil},
		{"v: True", true, nil},
		{"v: FALSE", false, nil},
		{`v: "yes"`, false, []string{`x.md:2:4: v must be true or false, not the text "yes" (write true or false)`}},
		{"v: tak", false, []string{`x.md:2:4: v must be true or false, not the text "tak" (write true or false)`}},
		{"v: 1", false, []string{`x.md:2:4: v must be true or false, not the number 1 (write true or false)`}},
		{"v:", false, []string{`x.md:2:3: v must be true or false, not nothing (null) (write true or false)`}},
	} {
		r, f := field(t, c.src, "v")
		got, ok := r.Bool(f)
		if got != c.want || ok != (c.errs == nil) {
			t.Errorf("Bool(%q) = %v, %v", c.src, got, ok)
		}
		check(t, r, c.errs...)
	}
}

func TestInt(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
		errs []string
	}{
		{"v: 10", 10, nil},
		{"v: -3", -3, nil},
		{"v: 0", 0, nil},
		{`v: "10"`, 0, []string{`x.md:2:4: v must be a whole number, not the text "10"`}},
		{"v: 1.5", 0, []string{`x.md:2:4: v must be a whole number, not the number 1.5`}},
		{"v: [1]", 0, []string{`x.md:2:4: v must be a whole number, not a list`}},
	} {
		r, f := field(t, c.src, "v")
		got, ok := r.Int(f)
		if got != c.want || ok != (c.errs == nil) {
			t.Errorf("Int(%q) = %v, %v", c.src, got, ok)
		}
		check(t, r, c.errs...)
	}
}

func TestDate(t *testing.T) {
	const badHint = "(write it as YYYY-MM-DD, e.g. 2015-05-14, or with a time: 2015-05-14T10:00:00+02:00)"
	for _, c := range []struct {
		src     string
		want    time.Time
		hasTime bool
		errs    []string
	}{
		{"d: 2015-05-14", time.Date(2015, 5, 14, 0, 0, 0, 0, warsaw), false, nil},
		{`d: "2015-05-14"`, time.Date(2015, 5, 14, 0, 0, 0, 0, warsaw), false, nil},
		{"d: 2015-05-14T10:30:00+02:00", time.Date(2015, 5, 14, 10, 30, 0, 0, time.FixedZone("", 2*3600)), true, nil},
		{"d: 2015-05-14T08:30:00Z", time.Date(2015, 5, 14, 8, 30, 0, 0, time.UTC), true, nil},
		{"d: 2015-05-14T10:30:00.5+02:00", time.Date(2015, 5, 14, 10, 30, 0, 5e8, time.FixedZone("", 2*3600)), true, nil},
		{"d: 2015-05-14T10:30", time.Date(2015, 5, 14, 10, 30, 0, 0, warsaw), true, nil},
		{"d: 2015-05-14T10:30:15", time.Date(2015, 5, 14, 10, 30, 15, 0, warsaw), true, nil},
		{"d: 2015-05-14 10:30", time.Date(2015, 5, 14, 10, 30, 0, 0, warsaw), true, nil},
		{"d: 2015-13-40", time.Time{}, false, []string{`x.md:2:4: d: "2015-13-40" is not a valid date ` + badHint}},
		{"d: 2015-02-30", time.Time{}, false, []string{`x.md:2:4: d: "2015-02-30" is not a valid date ` + badHint}},
		{"d: 14.05.2015", time.Time{}, false, []string{`x.md:2:4: d: "14.05.2015" is not a valid date ` + badHint}},
		{"d: 2015-5-14", time.Time{}, false, []string{`x.md:2:4: d: "2015-5-14" is not a valid date ` + badHint}},
		{"d: 14 maja 2015", time.Time{}, false, []string{`x.md:2:4: d: "14 maja 2015" is not a valid date ` + badHint}},
		{"d: 2015", time.Time{}, false, []string{`x.md:2:4: d must be a date, not the number 2015 (write the date as YYYY-MM-DD, e.g. 2015-05-14)`}},
		{"d:", time.Time{}, false, []string{`x.md:2:3: d must be a date, not nothing (null) (write the date as YYYY-MM-DD, e.g. 2015-05-14)`}},
		{"d: [2015-05-14]", time.Time{}, false, []string{`x.md:2:4: d must be a date, not a list (write the date as YYYY-MM-DD, e.g. 2015-05-14)`}},
	} {
		r, f := field(t, c.src, "d")
		got, hasTime, ok := r.Date(f, warsaw)
		if !got.Equal(c.want) || got.Location().String() != c.want.Location().String() || hasTime != c.hasTime || ok != (c.errs == nil) {
			t.Errorf("Date(%q) = %v, %v, %v; want %v, %v", c.src, got, hasTime, ok, c.want, c.hasTime)
		}
		check(t, r, c.errs...)
	}
}

func TestDateNilLocation(t *testing.T) {
	r, f := field(t, "d: 2015-05-14", "d")
	got, _, ok := r.Date(f, nil)
	if !ok || !got.Equal(time.Date(2015, 5, 14, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Date with a nil location = %v, %v", got, ok)
	}
}

func TestStrings(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
		ok   bool
		errs []string
	}{
		{"v: [a, b c]", []string{"a", "b c"}, true, nil},
		{"v:\n  - a\n  - \"2015\"", []string{"a", "2015"}, true, nil},
		{"v: []", []string{}, true, nil},
		{"v: ekonomia", nil, false, []string{`x.md:2:4: v must be a list, not the text "ekonomia" (write a list: v: [ekonomia])`}},
		{"v: {a: b}", nil, false, []string{`x.md:2:4: v must be a list, not a mapping`}},
		{"v:", nil, false, []string{`x.md:2:3: v must be a list, not nothing (null) (write a list: v: [])`}},
		{"v: [a, 2015, '', [b], true]", []string{"a"}, false, []string{
			`x.md:2:8: each item of v must be text, not the number 2015`,
			`x.md:2:14: v has an empty item`,
			`x.md:2:18: each item of v must be text, not a list`,
			`x.md:2:23: each item of v must be text, not the boolean true`,
		}},
	} {
		r, f := field(t, c.src, "v")
		got, nodes, ok := r.Strings(f)
		if fmt.Sprint(got) != fmt.Sprint(c.want) || ok != c.ok || len(nodes) != len(got) {
			t.Errorf("Strings(%q) = %q, %d nodes, %v; want %q, %v", c.src, got, len(nodes), ok, c.want, c.ok)
		}
		check(t, r, c.errs...)
	}
}

func TestHTTPURL(t *testing.T) {
	const hint = " (write the full address, e.g. https://example.org/)"
	for _, c := range []struct {
		src  string
		want string
		errs []string
	}{
		{"u: https://wup.lubuskie.pl/", "https://wup.lubuskie.pl/", nil},
		{"u: http://example.org", "http://example.org", nil},
		{`u: " https://example.org/a?b=c "`, "https://example.org/a?b=c", nil},
		{"u: ftp://example.org/", "", []string{`x.md:2:4: u must be an absolute http(s) URL, not "ftp://example.org/"` + hint}},
		{"u: javascript:alert(1)", "", []string{`x.md:2:4: u must be an absolute http(s) URL, not "javascript:alert(1)"` + hint}},
		{"u: data:text/html;base64,PHNjcmlwdD4=", "", []string{`x.md:2:4: u must be an absolute http(s) URL, not "data:text/html;base64,PHNjcmlwdD4="` + hint}},
		{"u: vbscript:msgbox(1)", "", []string{`x.md:2:4: u must be an absolute http(s) URL, not "vbscript:msgbox(1)"` + hint}},
		{"u: JaVaScRiPt:alert(1)", "", []string{`x.md:2:4: u must be an absolute http(s) URL, not "JaVaScRiPt:alert(1)"` + hint}},
		{`u: " javascript:alert(1)"`, "", []string{`x.md:2:4: u must be an absolute http(s) URL, not " javascript:alert(1)"` + hint}},
		{`u: "java\tscript:alert(1)"`, "", []string{`x.md:2:4: u must be an absolute http(s) URL, not "java\tscript:alert(1)"` + hint}},
		{"u: https:javascript:alert(1)", "", []string{`x.md:2:4: u must be an absolute http(s) URL, not "https:javascript:alert(1)"` + hint}},
		{`u: "https://example.org/\"><script>"`, "https://example.org/%22%3E%3Cscript%3E", nil},
		{"u: www.example.org", "", []string{`x.md:2:4: u must be an absolute http(s) URL, not "www.example.org"` + hint}},
		{"u: /o-nas/", "", []string{`x.md:2:4: u must be an absolute http(s) URL, not "/o-nas/"` + hint}},
		{"u: //example.org/", "", []string{`x.md:2:4: u must be an absolute http(s) URL, not "//example.org/"` + hint}},
		{"u: https://exa mple.org/", "", []string{`x.md:2:4: u must be an absolute http(s) URL, not "https://exa mple.org/"` + hint}},
		{"u:", "", []string{`x.md:2:3: u must not be empty`}},
	} {
		r, f := field(t, c.src, "u")
		got, ok := r.HTTPURL(f)
		if got != c.want || ok != (c.errs == nil) {
			t.Errorf("HTTPURL(%q) = %q, %v", c.src, got, ok)
		}
		check(t, r, c.errs...)
	}
}

func TestEnum(t *testing.T) {
	sectors := []string{"jst", "ngo", "business", "government", "education"}
	for _, c := range []struct {
		src  string
		want string
		errs []string
	}{
		{"s: ngo", "ngo", nil},
		{"s: NGO", "", []string{`x.md:2:4: s "NGO" is not allowed (did you mean "ngo"? It must be one of: jst, ngo, business, government, education)`}},
		{"s: ngos", "", []string{`x.md:2:4: s "ngos" is not allowed (did you mean "ngo"? It must be one of: jst, ngo, business, government, education)`}},
		{"s: fundacja", "", []string{`x.md:2:4: s "fundacja" is not allowed (one of: jst, ngo, business, government, education)`}},
		{"s: 3", "", []string{`x.md:2:4: s must be text, not the number 3 (put it in quotes: s: "3")`}},
	} {
		r, f := field(t, c.src, "s")
		got, ok := r.Enum(f, sectors)
		if got != c.want || ok != (c.errs == nil) {
			t.Errorf("Enum(%q) = %q, %v", c.src, got, ok)
		}
		check(t, r, c.errs...)
	}
}

func TestFields(t *testing.T) {
	allowed := []string{"title", "date", "tags"}
	for _, c := range []struct {
		src  string
		want []string // names returned
		errs []string
	}{
		{"title: a\ndate: b", []string{"title", "date"}, nil},
		{"titel: a", nil, []string{`x.md:2:1: unknown key "titel" in test (did you mean "title"?)`}},
		{"autor: a", nil, []string{`x.md:2:1: unknown key "autor" in test (known keys: title, date, tags)`}},
		{"title: a\ntitle: b", []string{"title"}, []string{`x.md:3:1: key "title" appears twice in test`}},
		{"<<: {title: a}", nil, []string{`x.md:2:1: merge keys (<<) are not supported in test`}},
		{"? [a]\n: b", nil, []string{`x.md:2:3: test has a key that is not a plain name`}},
		{"- a", nil, []string{`x.md:2:1: test must be a mapping of keys to values, not a list`}},
		{"hello", nil, []string{`x.md:2:1: test must be a mapping of keys to values, not the text "hello"`}},
	} {
		r := &yamlx.Reader{Path: "x.md", LineOffset: 1, Problems: &diag.List{}}
		var got []string
		for _, f := range r.Fields(r.Parse([]byte(c.src)), "test", allowed) {
			got = append(got, f.Name())
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Fields(%q) = %q, want %q", c.src, got, c.want)
		}
		check(t, r, c.errs...)
	}
}

func TestFieldsAnyKey(t *testing.T) {
	r := &yamlx.Reader{Path: "x.md", Problems: &diag.List{}}
	fs := r.Fields(r.Parse([]byte("dowolny: 1\ninny: 2")), "params", nil)
	if len(fs) != 2 || r.Problems.Len() != 0 {
		t.Errorf("nil allowed: %d fields, %q", len(fs), problems(r))
	}
}

// TestAliases: the readers see through aliases (site.yaml may use them;
// content refuses them before reading).
func TestAliases(t *testing.T) {
	src := "a: &s Zielona Góra\nb: *s\nl: &l [x, y]\nm: *l\nmap: &m {title: T}\nn: *m\n"
	r, f := field(t, src, "b")
	if s, ok := r.String(f); !ok || s != "Zielona Góra" {
		t.Errorf("String(alias) = %q, %v", s, ok)
	}
	_, f = field(t, src, "m")
	if got, _, ok := r.Strings(f); !ok || fmt.Sprint(got) != "[x y]" {
		t.Errorf("Strings(alias) = %q, %v", got, ok)
	}
	_, f = field(t, src, "n")
	fs := r.Fields(f.Value, "n", []string{"title"})
	if len(fs) != 1 || fs[0].Name() != "title" {
		t.Errorf("Fields(alias) = %v", fs)
	}
	if d := yamlx.Describe(f.Value); d != "a mapping" {
		t.Errorf("Describe(alias) = %q", d)
	}
	if got := fmt.Sprint(yamlx.ToAny(f.Value)); got != "map[title:T]" {
		t.Errorf("ToAny(alias) = %s", got)
	}
	check(t, r)
}

// TestToAnyAliasBomb: decoding a "billion laughs" into Go values must stop
// (yaml.v3 refuses excessive aliasing) instead of filling memory.
func TestToAnyAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	r := &yamlx.Reader{Path: "site.yaml", Problems: &diag.List{}}
	root := r.Parse([]byte(b.String()))
	if root == nil {
		t.Fatalf("parse: %q", problems(r))
	}
	done := make(chan any, 1)
	go func() { done <- yamlx.ToAny(root) }()
	select {
	case v := <-done:
		if v != nil {
			t.Errorf("ToAny of an alias bomb = %T, want nil", v)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ToAny did not return within 5s")
	}
}

func TestToAny(t *testing.T) {
	r := &yamlx.Reader{Path: "x", Problems: &diag.List{}}
	root := r.Parse([]byte("s: tekst\ni: 3\nf: 1.5\nb: true\nn: ~\nl: [a, 1]\nm: {k: v}\n"))
	got := fmt.Sprint(yamlx.ToAny(root))
	if want := "map[b:true f:1.5 i:3 l:[a 1] m:map[k:v] n:<nil> s:tekst]"; got != want {
		t.Errorf("ToAny = %s, want %s", got, want)
	}
}

func TestDescribe(t *testing.T) {
	for src, want := range map[string]string{
		"x":          `the text "x"`,
		"'3'":        `the text "3"`,
		"3":          "the number 3",
		"-1.5":       "the number -1.5",
		"false":      "the boolean false",
		"~":          "nothing (null)",
		"2015-05-14": "the date 2015-05-14",
		"[a]":        "a list",
		"{a: b}":     "a mapping",
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatal(err)
		}
		if got := yamlx.Describe(doc.Content[0]); got != want {
			t.Errorf("Describe(%s) = %q, want %q", src, got, want)
		}
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "# komentarz\n"} {
		r := &yamlx.Reader{Path: "x.md", LineOffset: 1, Problems: &diag.List{}}
		n := r.Parse([]byte(src))
		if n == nil || n.Kind != yaml.MappingNode || len(n.Content) != 0 || n.Line != 1 || n.Column != 1 {
			t.Errorf("Parse(%q) = %#v", src, n)
		}
		check(t, r)
	}
}

// TestParseSyntaxErrors pins the line of syntax errors (yaml.v3's own line
// is off by one for some errors and missing for others), their column
// (which yaml.v3 does not print) and the hints.
func TestParseSyntaxErrors(t *testing.T) {
	for _, c := range []struct {
		src  string
		want string
	}{
		{"title: Spotkanie: podsumowanie\n",
			`x.md:2:17: invalid YAML: mapping values are not allowed in this context (a value that contains ": " must be in quotes, e.g. title: "Spotkanie: podsumowanie")`},
		{"a: 1\nb: 2\nc: x: y\nd: 4\n",
			`x.md:4:5: invalid YAML: mapping values are not allowed in this context (a value that contains ": " must be in quotes, e.g. title: "Spotkanie: podsumowanie")`},
		{"a: 1\nb: \"x\" y\nc: 3\n",
			`x.md:3:8: invalid YAML: did not find expected key (a value that starts with a quote must end with it; for quotes inside the text use „ ” or put the whole value in the other kind of quotes)`},
		{"title: \"x\" y\n",
			`x.md:2:12: invalid YAML: did not find expected key (a value that starts with a quote must end with it; for quotes inside the text use „ ” or put the whole value in the other kind of quotes)`},
		{"a: 1\n- b\n",
			`x.md:3:1: invalid YAML: did not find expected key`},
		{"a: 1\nb: [x, y\nc: 3\n",
			`x.md:3:1: invalid YAML: did not find expected ',' or ']'`},
		{"a: 1\nb: \"open\nc: 3\n",
			`x.md:3:4: invalid YAML: found unexpected end of stream (a value that starts with a quote must end with it; for quotes inside the text use „ ” or put the whole value in the other kind of quotes)`},
		{"a:\n\t- b\n",
			`x.md:3:1: invalid YAML: found character that cannot start any token (YAML does not allow tabs for indentation: use spaces)`},
		{"a: 1\n\tb: 2\n",
			`x.md:3:1: invalid YAML: found a tab character that violates indentation (YAML does not allow tabs for indentation: use spaces)`},
		// A tab elsewhere in the file does not make every error a tab error.
		{"a: \"x\ty\"\nb: @x\n",
			`x.md:3:4: invalid YAML: found character that cannot start any token (a value that starts with @ must be in quotes)`},
		{"a: `kod`\n",
			"x.md:2:4: invalid YAML: found character that cannot start any token (a value that starts with ` must be in quotes)"},
		{"a: *Nowość* dziś\n",
			`x.md:2:4: invalid YAML: did not find expected alphabetic or numeric character (a value that starts with * or & must be in quotes, e.g. summary: "*Nowość* w partnerstwie")`},
		{"a: 1\nb: *nic\n",
			`x.md:3:4: invalid YAML: unknown anchor 'nic' referenced (a value that starts with * or & must be in quotes, e.g. summary: "*Nowość* w partnerstwie")`},
		{"a: 1\nb: \x01\n",
			`x.md:3:4: invalid YAML: control characters are not allowed (the line holds an invisible control character, often pasted from a terminal or a PDF: type the value again)`},
		{"a: 1\nb: " + strings.Repeat("[", 10_001) + "\n",
			`x.md:3: invalid YAML: exceeded max depth of 10000 (lists and mappings nest too deeply here: write the data flatter)`},
	} {
		r := &yamlx.Reader{Path: "x.md", LineOffset: 1, Problems: &diag.List{}}
		if n := r.Parse([]byte(c.src)); n != nil {
			t.Errorf("Parse(%q) gave a node", c.src)
		}
		check(t, r, c.want)
	}
}

// TestParseSyntaxErrorBigDocument: the line search is skipped for big
// documents, which keep yaml.v3's own line; it must stay fast.
func TestParseSyntaxErrorBigDocument(t *testing.T) {
	var b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&b, "k%d: wartość numer %d\n", i, i)
	}
	b.WriteString("zle: a: b\n")
	start := time.Now()
	r := &yamlx.Reader{Path: "site.yaml", Problems: &diag.List{}}
	r.Parse([]byte(b.String()))
	check(t, r, `site.yaml:5001:7: invalid YAML: mapping values are not allowed in this context (a value that contains ": " must be in quotes, e.g. title: "Spotkanie: podsumowanie")`)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Parse took %v", d)
	}
}

func TestErrorfPositions(t *testing.T) {
	r, f := field(t, "a: 1\nbb:   wartość\n", "bb")
	r.Errorf(f.Key, "key")
	r.ErrorHint(f.Value, "hint", "value %d", 2)
	check(t, r, "x.md:3:1: key", "x.md:3:7: value 2 (hint)")
}

// TestParseNotUTF8: a document saved in an old Polish encoding is named as
// such at its first byte that is not UTF-8, instead of yaml.v3's "invalid
// leading UTF-8 octet".
func TestParseNotUTF8(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"a: 1\ntitle: Partnerstwo na rzecz ekonomii spo\xb3ecznej\n",
			"site.yaml:3:41: the file is not valid UTF-8: it looks like Windows-1250 or ISO-8859-2, old encodings of Polish letters (open it in Notepad and save it with File → Save as → Encoding: UTF-8)"},
		{"title: \xafary i \x9cwiat\n",
			"site.yaml:2:8: the file is not valid UTF-8: it looks like Windows-1250, the old Windows encoding of Polish letters (open it in Notepad and save it with File → Save as → Encoding: UTF-8; in VS Code: Reopen with Encoding → Central European (Windows 1250), then Save with Encoding → UTF-8)"},
		{"title: Żary\nx: \xb6wiat\n",
			"site.yaml:3:4: the file is not valid UTF-8: it looks like ISO-8859-2 (Latin-2), an old encoding of Polish letters (in VS Code: Reopen with Encoding → Central European (ISO 8859-2), then Save with Encoding → UTF-8, or run iconv -f ISO-8859-2 -t UTF-8; Notepad would turn ą into ±)"},
		{"a: \xff\xfe\n",
			"site.yaml:2:4: the file is not valid UTF-8 (save it as UTF-8 in your editor (in Notepad: File → Save as → Encoding: UTF-8))"},
	} {
		r := &yamlx.Reader{Path: "site.yaml", LineOffset: 1, Problems: &diag.List{}}
		if n := r.Parse([]byte(c.src)); n != nil {
			t.Errorf("Parse(%q) gave a node", c.src)
		}
		check(t, r, c.want)
	}
}
