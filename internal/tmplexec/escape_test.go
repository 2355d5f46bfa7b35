package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"testing"
)

// newEscapers makes the escaper of every chain a probe stands for.
func newEscapers() (map[string]*escaper, error) {
	x := NewEscaping()
	escapers := map[string]*escaper{}
	var errs []error
	for _, spec := range probeSpecs() {
		e, err := x.escaper(spec.chain)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		escapers[spec.chain] = e
	}
	return escapers, errors.Join(errs...)
}

// native writes what the chain's native code makes of v; ok is false if
// it leaves v to the probe.
func native(e *escaper, v any) (out string, ok bool) {
	var b bytes.Buffer
	s := &state{w: &b}
	switch v := v.(type) {
	case string:
		if e.plain == nil {
			return "", false
		}
		e.plain(&b, v)
	case template.HTML:
		if e.html == nil || !e.html(&b, string(v)) {
			return "", false
		}
	case template.JS:
		if !e.keepJS {
			return "", false
		}
		e.write(s, reflect.ValueOf(v))
	case nil:
		if e.plain == nil {
			return "", false
		}
	default:
		if !e.basic || !s.writeBasic(reflect.ValueOf(v)) {
			return "", false
		}
	}
	return b.String(), true
}

// probed writes what html/template's escapers make of v.
func probed(t *testing.T, e *escaper, v any) string {
	t.Helper()
	var b bytes.Buffer
	s := &state{w: &b}
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s: probe of %#v failed: %v", e.chain, v, r)
		}
	}()
	e.probe.write(s, v)
	return b.String()
}

func escaperSeeds() []string {
	return []string{
		"", "plain", `"quotes" 'single'`, "<tag attr=\"x\">&amp;</tag>", "a+b=c", "\x00", "\xff\xfe\xc3",
		"\u2028\u2029", "javascript:alert(1)", " JavaScript:alert(1)", "JAVASCRIPT:x", "data:text/html;base64,xx",
		"mailto:someone@example.com", "MailTo:x", "http://example.com/?a=b&c=d#frag", "HTTPS://x", "//host/path",
		"%zz", "%", "%4", "%41%42", "100%", "a b\tc\nd", "ąęłńóśźżĄĘŁŃÓŚŹŻ", "Łódź", "#", "#frag", "?a=b&c",
		"/path:with:colons", "a/b:c", "!$&'()*+,;=", "[]@", "~-._", "`backtick`", "\ufdd0\uffff",
		"<b>bold</b> text", "no tags &amp; entity", "<!-- comment -->x", "1 < 2", "<", "a<b", "<script>x</script>",
	}
}

// FuzzEscapers checks that each native escaping equals html/template's,
// as the probes give it, for strings, template.HTML, template.JS and basic
// values.
func FuzzEscapers(f *testing.F) {
	for i, s := range escaperSeeds() {
		f.Add(s, int64(i*37-500))
	}
	f.Add("", int64(-1<<63))
	f.Add("x", int64(1<<62))
	escapers, err := newEscapers()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string, n int64) {
		// All integer kinds share writeBasic: a few stand for them.
		values := []any{s, template.HTML(s), template.JS(s), n, int8(n), uint64(n), n > 0, nil}
		for _, e := range escapers {
			for _, v := range values {
				got, ok := native(e, v)
				if !ok {
					continue
				}
				if want := probed(t, e, v); got != want {
					t.Errorf("%s of %T %q:\n native: %q\n  probe: %q", e.chain, v, fmt.Sprint(v), got, want)
				}
			}
		}
	})
}

// TestNativeCoverage makes sure FuzzEscapers has native code to check:
// the chains the site uses most run without a probe.
func TestNativeCoverage(t *testing.T) {
	escapers, err := newEscapers()
	if err != nil {
		t.Fatal(err)
	}
	for _, chain := range []string{"htmlescaper", "attrescaper", "rcdataescaper", "urlfilter|urlnormalizer|attrescaper", "urlescaper|attrescaper", "urlfilter|attrescaper"} {
		e := escapers[chain]
		if e == nil {
			t.Fatalf("no escaper %s", chain)
		}
		if _, ok := native(e, "x"); !ok {
			t.Errorf("%s: no native escaping of strings", chain)
		}
		if _, ok := native(e, 42); !ok {
			t.Errorf("%s: no native escaping of ints", chain)
		}
	}
	for _, chain := range []string{"htmlescaper", "attrescaper", "rcdataescaper"} {
		if _, ok := native(escapers[chain], template.HTML("x &amp; y")); !ok {
			t.Errorf("%s: no native escaping of template.HTML", chain)
		}
	}
	if _, ok := native(escapers["jsvalescaper"], template.JS(`{"a":1}`)); !ok {
		t.Error("jsvalescaper: no native writing of template.JS")
	}
	if got, _ := native(escapers["urlfilter|urlnormalizer|attrescaper"], "javascript:alert(1)"); got != "#ZgotmplZ" {
		t.Errorf("unsafe URL: %q", got)
	}
}
