package tmplexec

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
)

// Escaping. html/template ends every action's pipeline with calls of its
// unexported escaping functions (_html_template_htmlescaper and so on),
// chosen by the action's context. tmplexec cannot call them, so for each
// chain it keeps a probe: a private html/template whose only action is
// {{.}} escaped by exactly that chain. Executing the probe with a value
// and cutting off its constant text gives what the chain makes of the
// value, whatever its type. The common cases, strings and template.HTML
// in text, attributes, <title> and URLs, are done natively here instead;
// FuzzEscapers checks them against the probes.

// escaper writes values through one chain of escaping functions, named
// without their prefix and joined by |, e.g. "urlescaper|attrescaper".
type escaper struct {
	chain string
	probe *probe
	// plain writes the escaped form of a string; nil if only the probe
	// knows it. Where it is set, nil escapes to nothing, as "" does.
	plain func(w *bytes.Buffer, s string)
	// html writes the escaped form of a template.HTML, or reports false
	// for the probe to do it; nil if only the probe knows it.
	html func(w *bytes.Buffer, s string) bool
	// basic: predeclared integers and booleans come out as fmt prints
	// them (the chain leaves digits, '-' and letters alone).
	basic bool
	// keepJS: a template.JS comes out as it is, as jsvalescaper leaves
	// script its caller vouches for (JSON-LD the renderer encoded).
	keepJS bool
}

// probeSpec is a probe's template and the chain html/template must have
// put in its action for the probe to stand for that chain.
type probeSpec struct {
	chain string
	src   string
}

func probeSpecs() []probeSpec {
	return []probeSpec{
		{"htmlescaper", `{{.}}`},
		{"attrescaper", `<a title="{{.}}">`},
		{"rcdataescaper", `<title>{{.}}</title>`},
		{"urlfilter|urlnormalizer|attrescaper", `<a href="{{.}}">`},
		{"urlnormalizer|attrescaper", `<a href="/{{.}}">`},
		{"urlescaper|attrescaper", `<a href="/?q={{.}}">`},
		{"urlfilter|attrescaper", `<meta http-equiv="refresh" content="0; url={{.}}">`},
		{"jsvalescaper", `<script>{{.}}</script>`},
		{"jsvalescaper|attrescaper", `<a onclick="{{.}}">`},
		{"jsstrescaper", `<script>"{{.}}"</script>`},
		{"jstmpllitescaper", "<script>`{{.}}`</script>"},
		{"nospaceescaper", `<a title={{.}}>`},
		{"urlfilter|urlnormalizer|nospaceescaper", `<a href={{.}}>`},
		{"cssvaluefilter", `<style>p{color:{{.}}}</style>`},
		{"cssvaluefilter|attrescaper", `<p style="color:{{.}}">`},
		{"srcsetescaper|attrescaper", `<img srcset="{{.}}">`},
	}
}

// Escaping is html/template's own escaping of what tmplexec has no native
// code for, through a probe per chain, made the first time a template
// needs that chain. Sets made with the same Escaping share its probes (a
// site's layouts, parsed once per language and kind, use the same few
// chains); it is safe for concurrent use.
type Escaping struct {
	mu      sync.Mutex
	byChain map[string]*escaper
	errs    map[string]error
}

// NewEscaping returns an Escaping with no probe made yet.
func NewEscaping() *Escaping {
	return &Escaping{byChain: map[string]*escaper{}, errs: map[string]error{}}
}

// escaper gives the escaper of chain, making its probe on first use; an
// error when no probe stands for chain or html/template did not escape the
// probe as its spec says, and templates using the chain stay on
// html/template.
func (x *Escaping) escaper(chain string) (*escaper, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if e := x.byChain[chain]; e != nil {
		return e, nil
	}
	if err := x.errs[chain]; err != nil {
		return nil, err
	}
	i := slices.IndexFunc(probeSpecs(), func(s probeSpec) bool { return s.chain == chain })
	if i < 0 {
		x.errs[chain] = fmt.Errorf("no probe for the escapers %s", chain)
		return nil, x.errs[chain]
	}
	p, err := newProbe(probeSpecs()[i])
	if err != nil {
		x.errs[chain] = err
		return nil, err
	}
	e := &escaper{chain: chain, probe: p, keepJS: chain == "jsvalescaper"}
	e.plain, e.html, e.basic = natives(chain)
	x.byChain[chain] = e
	return e, nil
}

// natives gives the native escaping of strings and template.HTML for a
// chain, and whether basic values pass unchanged.
func natives(chain string) (plain func(*bytes.Buffer, string), html func(*bytes.Buffer, string) bool, basic bool) {
	asHTML := func(f func(*bytes.Buffer, string)) func(*bytes.Buffer, string) bool {
		// The URL escapers treat template.HTML as plain text.
		return func(w *bytes.Buffer, s string) bool { f(w, s); return true }
	}
	switch chain {
	case "htmlescaper":
		return escapeText, keepHTML, true
	case "attrescaper":
		return escapeText, attrHTML, true
	case "rcdataescaper":
		return escapeText, rcdataHTML, true
	case "urlfilter|urlnormalizer|attrescaper":
		return filteredURL, asHTML(filteredURL), true
	case "urlnormalizer|attrescaper":
		return normalizedURL, asHTML(normalizedURL), true
	case "urlescaper|attrescaper":
		return escapedURL, asHTML(escapedURL), true
	case "urlfilter|attrescaper":
		return filteredText, asHTML(filteredText), true
	}
	return nil, nil, false
}

// action compiles the writing of p's value through the chain, choosing
// the native escaping at compile time when p's type is static.
func (e *escaper) action(p expr) execFn {
	if p.str != nil {
		str := p.str
		switch {
		case p.typ == reflect.TypeFor[string]() && e.plain != nil:
			plain := e.plain
			return func(s *state, dot reflect.Value) ctrl {
				plain(s.w, str(s, dot, reflect.Value{}))
				return ctrlNext
			}
		case p.typ == reflect.TypeFor[template.JS]() && e.keepJS:
			return func(s *state, dot reflect.Value) ctrl {
				s.w.WriteString(str(s, dot, reflect.Value{}))
				return ctrlNext
			}
		case p.typ == reflect.TypeFor[template.HTML]() && e.html != nil:
			return func(s *state, dot reflect.Value) ctrl {
				if h := str(s, dot, reflect.Value{}); !e.html(s.w, h) {
					e.probe.write(s, template.HTML(h))
				}
				return ctrlNext
			}
		}
	}
	val := p.val
	return func(s *state, dot reflect.Value) ctrl {
		e.write(s, val(s, dot, reflect.Value{}))
		return ctrlNext
	}
}

// write writes v escaped by the chain: natively if it can, else by the probe.
func (e *escaper) write(s *state, v reflect.Value) {
	v = indirectInterface(v)
	if !v.IsValid() {
		if e.plain == nil {
			e.probe.write(s, nil)
		}
		return
	}
	switch v.Type() {
	case reflect.TypeFor[string]():
		if e.plain != nil {
			e.plain(s.w, v.String())
			return
		}
	case reflect.TypeFor[template.HTML]():
		if e.html != nil && e.html(s.w, v.String()) {
			return
		}
	case reflect.TypeFor[template.JS]():
		if e.keepJS {
			s.w.WriteString(v.String())
			return
		}
	}
	if e.basic && s.writeBasic(v) {
		return
	}
	e.probe.write(s, v.Interface())
}

// writeBasic writes a value of a predeclared integer or boolean type as
// fmt would, reporting false for any other type.
func (s *state) writeBasic(v reflect.Value) bool {
	k := v.Kind()
	if v.Type() != basicType(k) {
		return false
	}
	switch {
	case k == reflect.Bool:
		s.w.WriteString(strconv.FormatBool(v.Bool()))
	case k >= reflect.Int && k <= reflect.Int64:
		s.w.Write(strconv.AppendInt(s.num[:0], v.Int(), 10))
	default:
		s.w.Write(strconv.AppendUint(s.num[:0], v.Uint(), 10))
	}
	return true
}

// basicType is the predeclared integer or boolean type of kind k, or nil.
func basicType(k reflect.Kind) reflect.Type {
	switch k {
	case reflect.Bool:
		return reflect.TypeFor[bool]()
	case reflect.Int:
		return reflect.TypeFor[int]()
	case reflect.Int8:
		return reflect.TypeFor[int8]()
	case reflect.Int16:
		return reflect.TypeFor[int16]()
	case reflect.Int32:
		return reflect.TypeFor[int32]()
	case reflect.Int64:
		return reflect.TypeFor[int64]()
	case reflect.Uint:
		return reflect.TypeFor[uint]()
	case reflect.Uint8:
		return reflect.TypeFor[uint8]()
	case reflect.Uint16:
		return reflect.TypeFor[uint16]()
	case reflect.Uint32:
		return reflect.TypeFor[uint32]()
	case reflect.Uint64:
		return reflect.TypeFor[uint64]()
	case reflect.Uintptr:
		return reflect.TypeFor[uintptr]()
	}
	return nil
}

// escapeHTML is html/template's htmlReplacer with its htmlReplacementTable
// (amp true) or htmlNormReplacementTable. The table has only ASCII
// entries, and an ASCII byte is always a rune of its own in UTF-8, valid
// or not, so a byte loop finds what the rune loop does; other runes pass
// ("bad runes" are allowed in these contexts).
func escapeHTML(w *bytes.Buffer, s string, amp bool) {
	last := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			if !amp {
				continue
			}
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(repl)
		last = i + 1
	}
	w.WriteString(s[last:])
}

// escapeText is htmlescaper, attrescaper and rcdataescaper of a string.
func escapeText(w *bytes.Buffer, s string) { escapeHTML(w, s, true) }

// keepHTML is htmlescaper of template.HTML: the content as it is.
func keepHTML(w *bytes.Buffer, s string) bool {
	w.WriteString(s)
	return true
}

// attrHTML is attrescaper of template.HTML: the text without tags,
// escaped except for '&'. Stripping tags takes html/template's lexer, so
// content with a '<' goes to the probe; without one it is all text.
func attrHTML(w *bytes.Buffer, s string) bool {
	if strings.IndexByte(s, '<') >= 0 {
		return false
	}
	escapeHTML(w, s, false)
	return true
}

// rcdataHTML is rcdataescaper of template.HTML: escaped except for '&',
// so entities stay entities.
func rcdataHTML(w *bytes.Buffer, s string) bool {
	escapeHTML(w, s, false)
	return true
}

// filteredURL is urlfilter | urlnormalizer | attrescaper: an unsafe
// scheme makes the whole URL "#ZgotmplZ".
func filteredURL(w *bytes.Buffer, s string) {
	if !isSafeURL(s) {
		s = "#ZgotmplZ"
	}
	writeURL(w, s, true)
}

// filteredText is urlfilter | attrescaper, for the URL in a refresh
// <meta>'s content, which is not normalized.
func filteredText(w *bytes.Buffer, s string) {
	if !isSafeURL(s) {
		s = "#ZgotmplZ"
	}
	escapeText(w, s)
}

// normalizedURL is urlnormalizer | attrescaper.
func normalizedURL(w *bytes.Buffer, s string) { writeURL(w, s, true) }

// escapedURL is urlescaper | attrescaper.
func escapedURL(w *bytes.Buffer, s string) { writeURL(w, s, false) }

// isSafeURL is true for a relative URL or one with scheme http, https or
// mailto.
func isSafeURL(s string) bool {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
	}
	return true
}

// writeURL is html/template's processURLOnto followed by attrescaper. It
// percent-encodes (lowercase hex) every byte but the unreserved ones;
// normalizing (norm) also keeps the reserved ones and valid %xx escapes.
// Of what that leaves, attrescaper changes only the reserved '&' and '+'.
func writeURL(w *bytes.Buffer, s string, norm bool) {
	const hex = "0123456789abcdef"
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		repl := ""
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				switch c {
				case '&':
					repl = "&amp;"
				case '+':
					repl = "&#43;"
				default:
					continue
				}
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		w.WriteString(s[last:i])
		if repl != "" {
			w.WriteString(repl)
		} else {
			w.WriteByte('%')
			w.WriteByte(hex[c>>4])
			w.WriteByte(hex[c&15])
		}
		last = i + 1
	}
	w.WriteString(s[last:])
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// probe is a private html/template whose output is prefix, the escaped
// value, suffix.
type probe struct {
	t              *template.Template
	prefix, suffix string
}

// newProbe parses spec's template, has html/template escape it, and
// checks that the escaped tree is the text around one {{. | chain}}.
func newProbe(spec probeSpec) (*probe, error) {
	t, err := template.New("probe").Parse(spec.src)
	if err == nil {
		err = t.Execute(io.Discard, "")
	}
	if err != nil {
		return nil, fmt.Errorf("probe %s: %w", spec.chain, err)
	}
	var before, after strings.Builder
	var action *parse.ActionNode
	for _, n := range t.Tree.Root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			if action == nil {
				before.Write(n.Text)
			} else {
				after.Write(n.Text)
			}
		case *parse.ActionNode:
			if action != nil {
				return nil, fmt.Errorf("probe %s: two actions", spec.chain)
			}
			action = n
		default:
			return nil, fmt.Errorf("probe %s: unexpected %s", spec.chain, n)
		}
	}
	if action == nil || len(action.Pipe.Decl) > 0 {
		return nil, fmt.Errorf("probe %s: no action", spec.chain)
	}
	cmds, chain := splitEscapers(action.Pipe.Cmds)
	if len(cmds) != 1 || len(cmds[0].Args) != 1 || cmds[0].Args[0].Type() != parse.NodeDot || chain != spec.chain {
		return nil, fmt.Errorf("probe %s: html/template escaped it as %s", spec.chain, action)
	}
	return &probe{t: t, prefix: before.String(), suffix: after.String()}, nil
}

// write writes what the probe's chain makes of x.
func (p *probe) write(s *state, x any) {
	if _, ok := x.(reflect.Value); ok {
		// Execute would take it for the value it holds.
		s.fail("a reflect.Value to escape")
	}
	b := &s.scratch
	b.Reset()
	if err := p.t.Execute(b, x); err != nil {
		s.fail("the probe failed")
	}
	out := b.Bytes()
	if len(out) < len(p.prefix)+len(p.suffix) ||
		string(out[:len(p.prefix)]) != p.prefix || string(out[len(out)-len(p.suffix):]) != p.suffix {
		s.fail("the probe's text changed")
	}
	s.w.Write(out[len(p.prefix) : len(out)-len(p.suffix)])
}
