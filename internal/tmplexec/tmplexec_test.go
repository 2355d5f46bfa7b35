package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"iter"
	"reflect"
	"strings"
	"testing"
	"time"
)

// The tests here are differential: every template runs on html/template
// (parsed separately) and on a Set, and the two must agree byte for byte,
// errors included. A Set that silently ran everything on html/template
// would agree too, so the tests also check that templates compiled and
// that executions without an error did not fall back.

type item struct {
	Name   string
	N      int
	U      uint
	F      float64
	Tags   []string
	Note   template.HTML
	Link   string
	Ptr    *item
	Next   *item
	V      any
	M      map[string]any
	Fn     func(int, int) int
	FnErr  func() (string, error)
	When   time.Time
	hidden string
	Embedded
	*PtrEmbedded
}

type Embedded struct{ Promoted string }

type PtrEmbedded struct{ Deep string }

func (i item) Greet(s string) string              { return "hello " + s + " from " + i.Name }
func (i *item) PtrMethod() string                 { return "ptr:" + i.Name }
func (i item) Fail() (string, error)              { return "", errors.New("boom") }
func (i item) Pair(a int, b string) string        { return fmt.Sprint(a, "/", b) }
func (i item) Variadic(xs ...string) string       { return strings.Join(xs, "+") + "!" }
func (i item) Self() item                         { return i }
func (i item) Panics() string                     { panic("method panic") }
func (i item) Value() reflect.Value               { return reflect.ValueOf(i.N) }
func (i item) Both(a string, rest ...int) string  { return fmt.Sprint(a, rest) }
func (i item) Bad() (string, string)              { return "", "" }
func (i *item) Nilsafe() string                   { return fmt.Sprint(i == nil) }
func (i item) Typed(s named, h template.HTML) any { return string(s) + string(h) }

type named string

func (n named) String() string { return "named(" + string(n) + ")" }

type failer struct{}

func (failer) Error() string { return "an <error>" }

type counter int

func testFuncs() template.FuncMap {
	return template.FuncMap{
		"upper":  strings.ToUpper,
		"t":      func(s string) (string, error) { return "T[" + s + "]", nil },
		"terr":   func(s string) (string, error) { return "", errors.New("no " + s) },
		"tl":     func(a, b string) (string, error) { return a + ":" + b, nil },
		"n":      func(k string, n int) (string, error) { return fmt.Sprint(k, "=", n), nil },
		"tf":     func(k string, xs ...any) (string, error) { return fmt.Sprint(k, xs), nil },
		"url":    func(x any) (string, error) { return fmt.Sprintf("/u/%v", x), nil },
		"anystr": func(x any) string { return fmt.Sprintf("%T", x) },
		"date":   func(t time.Time) string { return t.Format("2 Jan 2006") },
		"isoDate": func(t time.Time, withTime bool) string {
			return t.Format(map[bool]string{true: time.RFC3339, false: "2006-01-02"}[withTime])
		},
		"raw": func(s string) template.HTML { return template.HTML(s) },
		"partial": func(name string, data any, v ...any) (template.HTML, error) {
			return template.HTML(fmt.Sprintf("<p>%s %v %v</p>", name, data, v)), nil
		},
		"frag":     func(a, b string, data any) (template.HTML, error) { return template.HTML("<i>" + a + b + "</i>"), nil },
		"add":      func(a, b int) int { return a + b },
		"dict":     dict,
		"first":    func(n int, xs []int) []int { return xs[:min(n, len(xs))] },
		"name":     func(i *item) string { return i.Name },
		"getItem":  func() item { return item{Name: "got"} },
		"i8":       func(x int8) int8 { return x },
		"u":        func(x uint) uint { return x },
		"fl":       func(x float64) float64 { return x },
		"cx":       func(x complex128) complex128 { return x },
		"iface":    func(x any) string { return fmt.Sprintf("%T:%v", x, x) },
		"stringer": func(x fmt.Stringer) string { return x.String() },
		"fail":     func() (string, error) { return "", errors.New("fail called") },
		"panics":   func() string { panic("func panic") },
		"rv":       func(v reflect.Value) string { return v.Kind().String() },
		"mkrv":     func() reflect.Value { return reflect.ValueOf(7) },
		"ints":     func() []int { return []int{3, 1, 2} },
		"seq":      func() iter.Seq[int] { return func(yield func(int) bool) { _ = yield(1) && yield(2) } },
		"ch":       func() chan int { c := make(chan int, 2); c <- 1; c <- 2; close(c); return c },
	}
}

func dict(xs ...any) (map[string]any, error) {
	if len(xs)%2 != 0 {
		return nil, errors.New("odd dict")
	}
	m := map[string]any{}
	for i := 0; i < len(xs); i += 2 {
		m[xs[i].(string)] = xs[i+1]
	}
	return m, nil
}

func sample() *item {
	return &item{
		Name: "Łódź <&> \"q\" 'a'", N: 3, U: 4, F: 2.5,
		Tags: []string{"a", "b<", "c"},
		Note: "<b>bold</b> &amp;",
		Link: "https://example.com/ą?q=a b&c=d#x",
		Ptr:  &item{Name: "inner"},
		Next: &item{Name: "n1", Next: &item{Name: "n2"}},
		V:    &item{Name: "in-iface"},
		M:    map[string]any{"k": "v", "n": 1, "nil": nil, "sub": map[string]any{"x": "y"}},
		Fn:   func(a, b int) int { return a * b },
		FnErr: func() (string, error) {
			return "", errors.New("fn err")
		},
		When:        time.Date(2024, 3, 5, 18, 30, 0, 0, time.UTC),
		hidden:      "secret",
		Embedded:    Embedded{Promoted: "promoted"},
		PtrEmbedded: &PtrEmbedded{Deep: "deep"},
	}
}

// values is data of many types, for templates that print {{.}}.
func values() []any {
	s := "pointed <to>"
	var nilItem *item
	return []any{
		"plain", "", "<script>alert('x')</script> & \"q\" +1", "\x00nul", "ą ł Ł \u2028 \xff\xfe",
		"javascript:alert(1)", " JavaScript:x", "data:text/html,x", "mailto:a@b.c", "http://a.b/c?d=e&f=g#h",
		"%zz %41 %", "/a b/c?x=1+2", "#frag", "?a=b&c", "a:b/c", "/x:y",
		42, -7, int8(-3), int64(1 << 40), uint(7), uint8(200), uintptr(9), true, false, 3.5, 1e21, float32(0.1), 2 + 3i,
		template.HTML("<b>bold</b> &amp; x+y \"q\""), template.HTML("no tags & 'q'"), template.HTML(""),
		template.URL("javascript:ok()"), template.JS("a && b"), template.JSStr("a'b"), template.CSS("color: red"),
		template.HTMLAttr(` title="x"`), template.Srcset("a.png 1x"),
		named("n<>"), counter(5), failer{}, errors.New("err <x>"),
		[]int{1, 2}, []string{"a", "<b>"}, map[string]int{"b": 2, "a": 1}, struct{ A, B string }{"x", "<y>"},
		&s, nilItem, nil, time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC), sample(),
	}
}

type tcase struct {
	name string
	src  string
	data []any
	// fallback: executions may fall back without an error (a case tmplexec
	// leaves to html/template at run time).
	fallback bool
	// unsupported: the template is expected not to compile.
	unsupported bool
	option      string // html/template option, e.g. missingkey=zero
	// guard: every execution fails, so the test puts the template in
	// {{with .}} and runs it with nil first, for it to be compiled.
	guard bool
	funcs template.FuncMap // added to testFuncs
}

func cases() []tcase {
	it := sample()
	var nilItem *item
	maps := []any{
		map[string]any{"A": 1, "B": "b", "Name": "m"},
		map[string]any{},
		map[string]string{"Name": "s"},
		map[string]int{},
		map[named]string{"Name": "x"},
		nil,
	}
	return []tcase{
		{name: "text", src: `just text, no actions`, data: []any{nil}},
		{name: "comment", src: `a{{/* c */}}b {{- /* trim */ -}} c`, data: []any{nil}},
		{name: "dot text", src: `<p>{{.}}</p>`, data: values()},
		{name: "dot attr", src: `<a title="{{.}}">x</a>`, data: values()},
		{name: "dot href", src: `<a href="{{.}}">x</a>`, data: values()},
		{name: "dot href path", src: `<a href="/p/{{.}}">x</a>`, data: values()},
		{name: "dot query", src: `<a href="/s?q={{.}}&x=1">x</a>`, data: values()},
		{name: "dot meta refresh", src: `<meta http-equiv="refresh" content="0; url={{.}}">`, data: values()},
		{name: "dot title", src: `<title>{{.}}</title>`, data: values()},
		{name: "dot textarea", src: `<textarea>{{.}}</textarea>`, data: values()},
		{name: "dot script", src: `<script>var x = {{.}};</script>`, data: values()},
		{name: "dot ld json", src: `<script type="application/ld+json">{{.}}</script>`, data: values()},
		{name: "dot script string", src: `<script>var x = "{{.}}";</script>`, data: values()},
		{name: "dot onclick", src: `<a onclick="f({{.}})">x</a>`, data: values()},
		{name: "dot unquoted", src: `<a title={{.}}>x</a>`, data: values()},
		{name: "dot unquoted href", src: `<a href={{.}}>x</a>`, data: values()},
		{name: "dot style", src: `<p style="color: {{.}}">x</p>`, data: values()},
		{name: "dot srcset", src: `<img srcset="{{.}}">`, data: values()},
		{name: "dot template literal", src: "<script>var x = `{{.}}`;</script>", data: values()},
		{name: "dot css", src: `<style>p { color: {{.}} }</style>`, data: values()},
		{name: "two contexts", src: `<a href="{{.Link}}" title="{{.Name}}">{{.Name}}</a><title>{{.Name}}</title>`, data: []any{it}},
		{name: "fields", src: `{{.Name}} {{.N}} {{.U}} {{.F}} {{.Tags}} {{.Note}} {{.Ptr.Name}} {{.V.Name}} {{.Promoted}} {{.Deep}} {{.M.k}} {{.M.sub.x}} {{.When}}`, data: []any{it, *it}},
		{name: "field errors", src: `{{.Name}}`, data: []any{it, nilItem, 5, "str", maps[0], maps[1], maps[2], maps[3], maps[4], nil, []int{1}}},
		{name: "nil pointer chain", guard: true, src: `{{.Ptr.Ptr.Name}}`, data: []any{it}},
		{name: "nil embedded pointer", src: `{{.Deep}}`, data: []any{it, &item{}}},
		{name: "unexported field", guard: true, src: `{{.hidden}}`, data: []any{it}},
		{name: "map keys", src: `[{{.A}}] [{{.B}}] [{{.Name}}] [{{.Missing}}] {{if .Missing}}yes{{else}}no{{end}} {{printf "%v" .Missing}}`, data: maps},
		{name: "map missing printed", src: `{{print .Missing}} {{.Missing | print}}`, data: maps},
		{name: "missing key zero", src: `[{{.Missing}}] {{printf "%v" .Missing}} {{eq .Missing ""}}`, data: []any{map[string]string{}}, option: "missingkey=zero"},
		{name: "missing key error", src: `[{{.Missing}}]`, data: []any{map[string]string{}, map[string]string{"Missing": "here"}}, option: "missingkey=error"},
		{name: "interface nil field", src: `{{.V}} {{.V.Name}}`, data: []any{&item{}, &item{V: "str"}, &item{V: &item{Name: "x"}}}},
		{name: "methods", src: `{{.Greet "you"}} {{.Pair 1 "b"}} {{.Variadic}} {{.Variadic "a" "b"}} {{"pipe" | .Greet}} {{.Self.Name}} {{.Self.Greet "s"}} {{.Both "x" 1 2}} {{.Typed "a" "b"}} {{.Value}}`, data: []any{it, *it}},
		{name: "pointer method", src: `{{.PtrMethod}}`, data: []any{it, *it}},
		{name: "pointer method in range", src: `{{range .}}{{.PtrMethod}};{{end}}`, data: []any{[]item{{Name: "a"}, {Name: "b"}}, [1]item{{Name: "c"}}}},
		{name: "nil receiver method", src: `{{.Nilsafe}}`, data: []any{nilItem, it}},
		{name: "method errors", guard: true, src: `{{.Fail}}`, data: []any{it}},
		{name: "method panics", guard: true, src: `{{.Panics}}`, data: []any{it}},
		{name: "method bad signature", guard: true, src: `{{.Bad}}`, data: []any{it}},
		{name: "method wrong args", guard: true, src: `{{.Pair "x" 1}}`, data: []any{it}},
		{name: "method arg count", guard: true, src: `{{.Greet}}`, data: []any{it}},
		{name: "field with args", guard: true, src: `{{.Name "x"}}`, data: []any{it}},
		{name: "chains", src: `{{(.Ptr).Name}} {{(index .Tags 1)}} {{getItem.Name}} {{(getItem).Greet "g"}} {{(.Self).Ptr.Name}}`, data: []any{it}},
		{name: "nil chain", guard: true, src: `{{(nil).X}}`, data: []any{it}, unsupported: false},
		{name: "variables", src: `{{$x := 1}}{{$x}} {{$x = 2}}{{$x}} {{$y := .Name}}{{with .Ptr}}{{$y}} {{$y := .Name}}{{$y}}{{end}} {{$y}} {{$}}`, data: []any{it}},
		{name: "variable scopes", src: `{{with $v := .Name}}{{$v}}{{end}} {{if $z := .N}}{{$z}}{{else}}{{$z}}{{end}} {{if $z := 0}}{{$z}}{{else}}else {{$z}}{{end}}`, data: []any{it}},
		{name: "variable fields", src: `{{$p := .Ptr}}{{$p.Name}} {{$.Name}} {{range .Tags}}{{$.N}}{{.}}{{end}}`, data: []any{it}},
		{name: "undefined in else", src: `{{if .}}{{$x := 1}}{{$x}}{{else}}{{$x}}{{end}}`, data: []any{true, false}},
		{name: "assign in range", src: `{{$last := ""}}{{range .Tags}}{{$last = .}}{{end}}{{$last}}`, data: []any{it}},
		{name: "range", src: `{{range .}}<{{.}}>{{else}}empty{{end}}`, data: []any{[]string{"a", "<b>"}, [2]int{1, 2}, []int{}, nil, map[string]int{"b": 2, "a": 1, "c": 3}, map[int]string{3: "c", -1: "a", 2: "b"}, map[float64]int{2.5: 1, -1: 2}, map[bool]int{true: 1, false: 0}, map[[2]int]string{{2, 1}: "x", {1, 9}: "y"}, map[any]int{3: 1, 1: 2}, 3, 0, -2, uint8(2), counter(2), "str", 3.5, struct{}{}, (*[]int)(nil), &[]int{7}}},
		{name: "range vars", src: `{{range $i, $e := .}}{{$i}}={{$e}};{{else}}none {{$e}}{{end}}`, data: []any{[]string{"a", "b"}, map[string]int{"x": 1, "y": 2}, []int{}, 3}},
		{name: "range one var", src: `{{range $e := .}}{{$e}};{{end}}`, data: []any{[]string{"a", "b"}, 2, map[int]int{1: 10}}},
		{name: "range assign", src: `{{$i := 0}}{{$e := 0}}{{range $i, $e = .}}{{end}}{{$i}} {{$e}}`, data: []any{[]string{"a", "b"}}},
		{name: "range break continue", src: `{{range .}}{{if eq . 3}}{{break}}{{end}}{{if eq . 1}}{{continue}}{{end}}{{.}};{{end}}`, data: []any{[]int{0, 1, 2, 3, 4}, []int{1}}},
		{name: "range nested break", src: `{{range .}}[{{range .}}{{if eq . 2}}{{break}}{{end}}{{.}}{{end}}]{{end}}`, data: []any{[][]int{{1, 2, 3}, {4}, {2, 5}}}},
		{name: "range else break", src: `{{range .}}<{{range .}}{{.}}{{else}}{{break}}{{end}}>{{end}}`, data: []any{[][]int{{1}, {}, {2}}}},
		{name: "range else continue", src: `{{range .}}<{{range .}}{{.}}{{else}}{{continue}}{{end}}>{{end}}`, data: []any{[][]int{{1}, {}, {2}}}},
		{name: "range channel", src: `{{range ch}}{{.}}{{end}}`, data: []any{nil}, fallback: true},
		{name: "range iterator", src: `{{range seq}}{{.}}{{end}}`, data: []any{nil}, fallback: true},
		{name: "range two vars over int", guard: true, src: `{{range $i, $e := 3}}{{end}}`, data: []any{nil}},
		{name: "if", src: `{{if .}}yes{{else}}no{{end}}`, data: values()},
		{name: "else if", src: `{{if .A}}a{{else if .B}}b{{else}}c{{end}}`, data: []any{map[string]any{"A": 1}, map[string]any{"B": "x"}, map[string]any{}}},
		{name: "with", src: `{{with .Name}}[{{.}}]{{else}}none{{end}}`, data: []any{it, &item{}, map[string]any{}}},
		{name: "else with", src: `{{with .A}}a{{.}}{{else with .B}}b{{.}}{{else}}c{{end}}`, data: []any{map[string]any{"A": 1}, map[string]any{"B": "x"}, map[string]any{}}},
		{name: "templates", src: `{{define "t"}}[{{.}}|{{$}}]{{end}}{{template "t" .Name}}{{template "t"}}{{template "t" "lit"}}{{template "t" .}}`, data: []any{it}},
		{name: "template recursion", src: `{{define "r"}}{{if .}}{{.Name}}>{{template "r" .Next}}{{end}}{{end}}{{template "r" .}}`, data: []any{it}},
		{name: "template depth", src: `{{define "r"}}{{template "r" .}}{{end}}{{if .}}{{template "r" .}}{{end}}`, data: []any{false, true}},
		{name: "template declares", src: `{{define "t"}}({{.}}){{end}}{{template "t" $v := .N}}{{$v}}`, data: []any{it}},
		{name: "block", src: `{{block "b" .}}default {{.Name}}{{end}} after`, data: []any{it}},
		{name: "template in attr", src: `{{define "v"}}{{.}}{{end}}<a title="{{template "v" .}}">`, data: []any{"x<y"}, unsupported: true},
		{name: "and or", src: `{{and .A .B}} {{or .A .B}} {{and 1 0 2}} {{or 0 "" 3}} {{or .Missing "dflt"}} {{.A | and 1}} {{.A | or 0}} {{and .A}}`, data: []any{map[string]any{"A": 1, "B": "b"}, map[string]any{"A": 0, "B": ""}, map[string]any{}}},
		{name: "short circuit", guard: true, src: `{{or true fail}} {{and false fail}} {{and true panics}} {{if or .A (terr "x")}}y{{end}}`, data: []any{map[string]any{"A": 1}}},
		{name: "short circuit reaches", guard: true, src: `{{or false fail}}`, data: []any{nil}},
		{name: "not", src: `{{not .}} {{not 0}}`, data: []any{1, 0, "", "x", nil, []int{}}},
		{name: "comparisons", src: `{{eq .N 1 2 3}} {{eq .N .U}} {{ne .N .U}} {{lt .N .U}} {{le .N 3}} {{gt .F 1.2}} {{ge .Name "a"}} {{eq .M.nil nil}} {{eq .Name .Name}} {{lt -1 .U}}`, data: []any{it}},
		{name: "comparison errors", guard: true, src: `{{eq .N "x"}}`, data: []any{it}},
		{name: "comparison bool lt", guard: true, src: `{{lt true false}}`, data: []any{nil}},
		{name: "eq one arg", guard: true, src: `{{eq 1}}`, data: []any{nil}},
		{name: "eq structs", src: `{{eq . .}}`, data: []any{struct{ A int }{1}, []int{1}}},
		{name: "len index slice", src: `{{len .Tags}} {{len .Name}} {{len .M}} {{index .Tags 1}} {{index .M "k"}} {{index .M "missing"}} {{slice .Tags 1}} {{slice .Name 1 3}} {{slice .Tags 0 1 2}} {{index "abc" 1}}`, data: []any{it}},
		{name: "len error", guard: true, src: `{{len .}}`, data: []any{5, nilItem, nil}},
		{name: "index error", guard: true, src: `{{index . 10}}`, data: []any{[]int{1}, nil, 5}},
		{name: "slice error", guard: true, src: `{{slice . 2 1}}`, data: []any{[]int{1, 2, 3}, "abc"}},
		{name: "print", src: `{{print "a" "b"}} {{print 1 2}} {{print "a" 1 "b"}} {{print .}} {{print}} {{print nil}} {{println 1 "a"}} {{printf "%d-%s" 1 "x"}} {{printf "%v" .}} {{printf "%T" .}}`, data: values()},
		{name: "predefined escapers", src: `{{html .}} {{. | html}} {{js .}} {{urlquery . "x"}} <a href="/?q={{. | urlquery}}">`, data: []any{"<a href='x'>&</a>", 42, nil}},
		{name: "call", src: `{{call .Fn 2 3}}`, data: []any{it}},
		{name: "call errors", guard: true, src: `{{call .FnErr}}`, data: []any{it, &item{}}},
		{name: "funcs", src: `{{upper .Name}} {{t "k"}} {{tl "a" "b"}} {{n "k" 3}} {{n "k" .N}} {{tf "k"}} {{tf "k" 1 "a" .N}} {{url .}} {{url "x"}} {{anystr .Tags}} {{date .When}} {{isoDate .When true}} {{isoDate .When false}} {{raw "<i>x</i>"}} {{partial "p" .Name 1 2}} {{partial "p" 0}} {{frag "a" "b" .}} {{add 1 2}} {{add .N 2}} {{first 2 ints}} {{name .}} {{index (dict "a" 1 "b" "x") "b"}}`, data: []any{it}},
		{name: "func in attrs", src: `<a href="{{url .Name}}" title="{{t .Name}}" data-x="{{raw .Name}}">{{raw .Name}}</a><title>{{raw "a &amp; <b>"}}</title>`, data: []any{it}},
		{name: "func pipes", src: `{{.Name | upper}} {{"k" | t}} {{.N | add 1}} {{"x" | printf "%s-%s" "y"}} {{3 | n "k"}} {{.Name | upper | t}}`, data: []any{it}},
		{name: "func errors", guard: true, src: `{{terr "k"}}`, data: []any{it}},
		{name: "func panics", guard: true, src: `{{panics}}`, data: []any{it}},
		{name: "func wrong types", guard: true, src: `{{add 1 "x"}}`, data: []any{nil}},
		{name: "func wrong value type", src: `{{upper .}}`, data: []any{"ok", 5, nil, named("n")}},
		{name: "func arg count", guard: true, src: `{{add 1}}`, data: []any{nil}},
		{name: "func nil arg", guard: true, src: `{{name nil}} {{upper nil}}`, data: []any{nil}},
		{name: "func constants", src: `{{i8 300}} {{u 1}} {{fl 1}} {{fl 2.5}} {{cx 1i}} {{iface 1.0}} {{iface 'a'}} {{iface 0x10}} {{iface 1e3}} {{iface "s"}} {{iface true}} {{iface nil}} {{iface .}}`, data: []any{nil, 1}},
		{name: "func bad constants", guard: true, src: `{{u -1}}`, data: []any{nil}},
		{name: "func stringer arg", guard: true, src: `{{stringer "x"}}`, data: []any{nil}},
		{name: "func reflect values", src: `{{rv .}} {{rv 1}} {{rv nil}} {{mkrv}} {{not mkrv}} {{.Value}}`, data: []any{it, 1}},
		{name: "eval args", src: `<div>{{html .Name "x"}}</div><a title="{{html .}}">{{html .}}</a>`, data: []any{it, 5, "<b>", nil}},
		{name: "user html", src: `<div>{{html .Name "x"}}</div><a title="{{html .Name}}">{{html .Name}}</a>{{.Name | html}}`, data: []any{it}, funcs: template.FuncMap{"html": func(s string) template.HTML { return template.HTML(s) }}},
		{name: "empty template", src: `{{define "e"}}{{end}}{{define "c"}} {{/* only a comment */}} {{end}}[{{template "e" .}}{{template "c"}}]`, data: []any{nil}},
		{name: "undefined function at run time", src: `{{if .}}{{upper "x"}}{{end}}`, data: []any{false, true}},
		{name: "nil command", src: `{{if .}}{{nil}}{{end}}`, data: []any{false, true}},
		{name: "pipeline args", src: `{{printf "%s %d" (upper .Name) (add 1 (len .Tags))}} {{(printf "%d" 3)}} {{if (and .N (gt .N 1))}}big{{end}}`, data: []any{it}},
		{name: "constants", src: `{{1}} {{1.5}} {{"s"}} {{true}} {{'a'}} {{0x10}} {{1e3}} {{2i}}`, data: []any{nil}},
		{name: "printed without escaper", src: `{{html .}}|<a title="{{html .}}">`, data: values(), funcs: template.FuncMap{"html": func(x any) any { return x }}},
		{name: "printed channel", src: `{{html .}}`, data: []any{nil, make(chan int)}, funcs: template.FuncMap{"html": func(x any) any { return x }}},
		{name: "map key orders", src: `{{range $k, $v := .}}{{$k}}:{{$v}};{{end}}`, data: []any{
			map[struct {
				A int
				B string
			}]int{{2, "a"}: 1, {1, "b"}: 2, {1, "a"}: 3},
			map[any]int{1: 1, "a": 2, nil: 3, 2: 4, 1.5: 5, false: 6},
			map[complex128]int{1 + 2i: 1, 1 + 1i: 2, 0: 3},
			map[uint8]string{9: "a", 1: "b"},
			map[[2]string]int{{"b", "a"}: 1, {"a", "z"}: 2},
		}},
		{name: "index conversions", src: `{{index . 2}} {{index . (u 1)}}`, data: []any{map[int8]string{2: "two", 1: "one"}, map[int]string{2: "x"}, []string{"a", "b", "c"}, map[string]int{}}},
		{name: "call conversions", src: `{{call .F 2 .X}}`, data: []any{map[string]any{"F": func(a int8, b any) string { return fmt.Sprint(a, b) }, "X": nil}, map[string]any{"F": func(a uint, b any) string { return fmt.Sprint(a, b) }, "X": 1}}},
		{name: "value conversions", src: `{{byValue .}} {{byPtr .Ptr}} {{byStringer .V}}`, data: []any{sample(), &item{Ptr: &item{Name: "p"}, V: named("v")}}, funcs: template.FuncMap{
			"byValue":    func(i item) string { return "v:" + i.Name },
			"byPtr":      func(i *item) string { return fmt.Sprint(i != nil) },
			"byStringer": func(s fmt.Stringer) string { return "s:" + fmt.Sprint(s) },
		}},
		{name: "address-of conversion", src: `{{range .}}{{byPtr .}}{{end}}`, data: []any{[]item{{Name: "a"}}}, funcs: template.FuncMap{"byPtr": func(i *item) string { return i.Name }}},
		{name: "mixed comparisons", src: `{{lt .I .U}} {{lt .U .I}} {{le .U .I}} {{gt .I .U}} {{eq .U .I}} {{lt .F .G}} {{lt .S .T}} {{ge .S .T}} {{eq .C .D}}`, data: []any{
			map[string]any{"I": -1, "U": uint(3), "F": 1.5, "G": 2.5, "S": "a", "T": "b", "C": 1i, "D": 1i},
			map[string]any{"I": 3, "U": uint(3), "F": 2.5, "G": 1.5, "S": "b", "T": "a", "C": 1i, "D": 2i},
		}},
		{name: "eq mixed", src: `{{eq .A .B}}`, guard: true, data: []any{map[string]any{"A": 1, "B": "x"}, map[string]any{"A": []int{1}, "B": nil}, map[string]any{"A": nil, "B": nil}, map[string]any{"A": map[int]int{}, "B": map[int]int{}}, map[string]any{"A": &item{}, "B": &item{}}}},
		{name: "whitespace trim", src: "<ul>\n  {{- range .Tags}}\n  <li>{{.}}</li>\n  {{- end}}\n</ul>", data: []any{it}},
	}
}

func parseCase(t testing.TB, c tcase) *template.Template {
	t.Helper()
	tm := template.New("main").Funcs(testFuncs()).Funcs(c.funcs)
	if c.option != "" {
		tm.Option(c.option)
	}
	tm, err := tm.Parse(c.src)
	if err != nil {
		t.Fatalf("%s: parse: %v", c.name, err)
	}
	return tm
}

// errText gives an error's text, "" for none.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestDifferential(t *testing.T) {
	for _, c := range cases() {
		t.Run(c.name, func(t *testing.T) {
			if c.guard {
				c.src = "{{with .}}" + c.src + "{{end}}"
				c.data = append([]any{nil}, c.data...)
			}
			ref, tm := parseCase(t, c), parseCase(t, c)
			funcs := testFuncs()
			for k, f := range c.funcs {
				funcs[k] = f
			}
			s := New(tm, funcs, Options{})
			// The first pass runs on html/template and compiles; the
			// second is compiled if anything is.
			for pass := range 2 {
				for i, d := range c.data {
					var want, got bytes.Buffer
					wantErr := ref.ExecuteTemplate(&want, "main", d)
					before := s.fallbacks.Load()
					gotErr := s.Execute(&got, "main", d)
					if errText(gotErr) != errText(wantErr) {
						t.Errorf("pass %d, data %d (%#v): error\n got: %v\nwant: %v", pass, i, d, gotErr, wantErr)
					}
					if !bytes.Equal(got.Bytes(), want.Bytes()) {
						t.Errorf("pass %d, data %d (%#v):\n got: %q\nwant: %q", pass, i, d, got.Bytes(), want.Bytes())
					}
					if pass == 1 && wantErr == nil && !c.fallback && s.fallbacks.Load() != before {
						t.Errorf("data %d (%#v) fell back to html/template: %v", i, d, s.lastFallback.Load())
					}
				}
			}
			if compiled := s.Compiled("main"); compiled == c.unsupported {
				why := ""
				if v, ok := s.entries.Load("main"); ok {
					why = v.(*entry).why
				}
				t.Errorf("Compiled = %v, want %v (%s)", compiled, !c.unsupported, why)
			}
		})
	}
}

// TestErrorOnFirstExecution: a template compiles before its first
// execution (escaped in the shadow), whose error is html/template's; the
// functions never run during that escaping; a template executed before New
// cannot be cloned and runs on html/template, correctly.
func TestErrorOnFirstExecution(t *testing.T) {
	calls := 0
	funcs := testFuncs()
	funcs["count"] = func() string { calls++; return "" }
	tm := template.Must(template.New("main").Funcs(funcs).Parse(`{{count}}{{.Name}}`))
	s := New(tm, funcs, Options{})
	var b bytes.Buffer
	if err := s.Execute(&b, "main", 5); err == nil {
		t.Fatal("no error for a field of an int")
	}
	if !s.Compiled("main") {
		t.Fatal("not compiled at the first execution")
	}
	// Once compiled, once by html/template after the compiled run failed:
	// none while escaping.
	if calls != 2 {
		t.Errorf("the function ran %d times, want 2", calls)
	}
	b.Reset()
	if err := s.Execute(&b, "main", sample()); err != nil {
		t.Fatal(err)
	}
	if err := s.Execute(&b, "undefined", nil); err == nil || err.Error() != `html/template: "undefined" is undefined` {
		t.Errorf("undefined template: %v", err)
	}

	ran := template.Must(template.New("main").Funcs(funcs).Parse(`{{.Name}}`))
	if err := ran.Execute(io.Discard, sample()); err != nil {
		t.Fatal(err)
	}
	late := New(ran, funcs, Options{})
	b.Reset()
	if err := late.Execute(&b, "main", sample()); err != nil || b.String() != template.HTMLEscapeString(sample().Name) {
		t.Errorf("after an execution before New: %q, %v", b.String(), err)
	}
	if late.Compiled("main") {
		t.Error("compiled, though the template had run before New")
	}
}

// TestFallbackTruncates: output written before a failure is discarded.
func TestFallbackTruncates(t *testing.T) {
	const src = `before {{if .}}{{terr "x"}}{{end}} after`
	ref := template.Must(template.New("main").Funcs(testFuncs()).Parse(src))
	tm := template.Must(template.New("main").Funcs(testFuncs()).Parse(src))
	s := New(tm, testFuncs(), Options{})
	var want bytes.Buffer
	want.WriteString("prefix|")
	wantErr := ref.ExecuteTemplate(&want, "main", true)
	var b bytes.Buffer
	for _, d := range []any{false, false, true} {
		b.Reset()
		b.WriteString("prefix|")
		err := s.Execute(&b, "main", d)
		if d == true && (errText(err) != errText(wantErr) || b.String() != want.String()) {
			t.Errorf("got %q, %v\nwant %q, %v", b.String(), err, want.String(), wantErr)
		}
	}
	if !s.Compiled("main") || s.fallbacks.Load() != 1 {
		t.Errorf("compiled %v, fallbacks %d", s.Compiled("main"), s.fallbacks.Load())
	}
}

// TestVerify: Verify reports a difference, which here comes from a
// FuncMap that is not the one the template was parsed with.
func TestVerify(t *testing.T) {
	tm := template.Must(template.New("main").Funcs(testFuncs()).Parse(`<p>{{upper .}}</p>`))
	funcs := testFuncs()
	funcs["upper"] = strings.ToLower
	s := New(tm, funcs, Options{Verify: true})
	var b bytes.Buffer
	for range 2 {
		b.Reset()
		if err := s.Execute(&b, "main", "MiXeD"); err != nil {
			t.Logf("verify: %v", err)
			if !strings.Contains(err.Error(), `"main"`) || !strings.Contains(err.Error(), "at byte 3") {
				t.Errorf("error does not name the template and offset: %v", err)
			}
			return
		}
	}
	t.Error("Verify found no difference")
}

func TestProbes(t *testing.T) {
	escapers, err := newEscapers()
	if err != nil {
		t.Error(err)
	}
	for _, spec := range probeSpecs() {
		if escapers[spec.chain] == nil {
			t.Errorf("no escaper for %s", spec.chain)
		}
	}
}

// TestSameAs: a Set compiled from another language's escaped trees runs
// its own functions, writes what its own html/template writes, and leaves
// its own namespace unescaped (never cloned, never executed).
func TestSameAs(t *testing.T) {
	const src = `{{define "main"}}<p title="{{t "k"}}">{{t "k"}} {{.Name}}</p><a href="/{{t "k"}}">x</a>{{end}}`
	lang := func(word string) template.FuncMap {
		return template.FuncMap{"t": func(string) (string, error) { return word, nil }}
	}
	parse := func(funcs template.FuncMap) *template.Template {
		return template.Must(template.New("").Funcs(funcs).Parse(src))
	}
	pl, en := lang("zażółć <gęślą>"), lang("café & \"bar\"")
	first := New(parse(pl), pl, Options{})
	second := New(parse(en), en, Options{SameAs: first})
	if second.shadow != first.shadow {
		t.Fatal("the second set made a shadow of its own")
	}
	for _, c := range []struct {
		set   *Set
		funcs template.FuncMap
	}{{first, pl}, {second, en}} {
		var got, want bytes.Buffer
		if err := c.set.Execute(&got, "main", sample()); err != nil {
			t.Fatal(err)
		}
		if err := parse(c.funcs).ExecuteTemplate(&want, "main", sample()); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("got  %s\nwant %s", got.String(), want.String())
		}
		if !c.set.Compiled("main") {
			t.Error("not compiled")
		}
	}
}
