package i18n

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"

	"github.com/lubuskie-es/sitegen/internal/diag"
)

// Keys a catalog file may have, in the order they are documented.
var (
	topKeys   = []string{"dates", "strings"}
	dateKeys  = []string{"months", "months_genitive", "long", "month_year", "short"}
	dateVars  = []string{"day", "dd", "mm", "month", "month_genitive", "year"}
	formNames = []string{"zero", "one", "two", "few", "many", "other"}
)

// forms maps CLDR plural category names to x/text's values.
var forms = map[string]plural.Form{
	"zero":  plural.Zero,
	"one":   plural.One,
	"two":   plural.Two,
	"few":   plural.Few,
	"many":  plural.Many,
	"other": plural.Other,
}

// yamlLine matches the position yaml.v3 puts in its syntax errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Parse reads the catalog file src for the BCP 47 language lang ("pl",
// "en", "de" …). path is used only in problem reports. Parse reports every
// problem it finds, not just the first; it returns a nil Catalog when any
// of them is an error. Problems that cannot stop a correct page from being
// written, such as a plural category the language never uses, are
// warnings.
func Parse(path, lang string, src []byte) (*Catalog, diag.List) {
	p := &parser{path: path}
	tag, err := language.Parse(lang)
	if err != nil {
		p.errs.Errorf(path, 0, 0, "invalid language tag %q: %v", lang, err)
		// Carry on with the root locale to find the file's other
		// problems; only "other" is then required in plural messages.
		tag = language.Und
	}
	p.required = requiredForms(tag)
	if err == nil {
		// With no valid language there is no telling which categories
		// are unused; only the missing "other" is worth reporting.
		p.used = usedForms(tag)
	}
	p.cat = &Catalog{
		tag:     tag,
		text:    map[string]string{},
		plurals: map[string]map[plural.Form]string{},
	}
	if root := p.decode(src); root != nil {
		p.top(root)
	}
	if p.errs.HasErrors() {
		return nil, p.errs
	}
	return p.cat, p.errs
}

type parser struct {
	path string
	cat  *Catalog
	errs diag.List
	// required and used are the plural categories of the catalog's
	// language, worked out once per file (see requiredForms, usedForms);
	// used is nil when the language is unknown.
	required, used []plural.Form
}

func (p *parser) errorf(n *yaml.Node, hint, format string, args ...any) {
	p.add(diag.Error, n, hint, format, args...)
}

func (p *parser) warnf(n *yaml.Node, hint, format string, args ...any) {
	p.add(diag.Warning, n, hint, format, args...)
}

func (p *parser) add(sev diag.Severity, n *yaml.Node, hint, format string, args ...any) {
	pr := diag.Problem{Path: p.path, Severity: sev, Message: fmt.Sprintf(format, args...), Hint: hint}
	if n != nil {
		pr.Line, pr.Col = n.Line, n.Column
	}
	p.errs.Add(pr)
}

// decode parses src as a single YAML document and returns its top-level
// node, or nil after reporting why there is none.
func (p *parser) decode(src []byte) (root *yaml.Node) {
	defer func() {
		// yaml.v3 has panicked on malformed input before (CVE-2022-28948);
		// a broken catalog must give a message, not crash the build.
		if r := recover(); r != nil {
			p.errorf(nil, "", "invalid YAML: %v", r)
			root = nil
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.errorf(nil, "", "empty catalog: expected the keys %s", quoteList(topKeys))
		} else {
			p.yamlError(err)
		}
		return nil
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		p.errorf(&extra, "remove the \"---\" line", "a catalog must be a single YAML document")
	case !errors.Is(err, io.EOF):
		p.yamlError(err)
	}
	if len(doc.Content) == 0 {
		p.errorf(nil, "", "empty catalog: expected the keys %s", quoteList(topKeys))
		return nil
	}
	return doc.Content[0]
}

func (p *parser) yamlError(err error) {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		p.errs.Errorf(p.path, line, 0, "invalid YAML: %s", m[2])
		return
	}
	p.errs.Errorf(p.path, 0, 0, "invalid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// pair is one key and value of a YAML mapping.
type pair struct {
	key        string
	knode, val *yaml.Node
}

// mapping returns the entries of the mapping n, which describes itself as
// what, or reports that n is not a mapping and returns false. Aliases are
// followed; duplicate keys and keys that are not strings are reported and
// skipped.
func (p *parser) mapping(n *yaml.Node, what, expect string) ([]pair, bool) {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "", "%s must be %s, not %s", what, expect, kindName(n))
		return nil, false
	}
	var out []pair
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := resolve(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "", "keys in %s must be names, not %s", what, kindName(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			p.errorf(k, fmt.Sprintf("first defined at line %d", first.Line), "duplicate key %q in %s", k.Value, what)
			continue
		}
		seen[k.Value] = k
		out = append(out, pair{k.Value, k, v})
	}
	return out, true
}

func (p *parser) top(root *yaml.Node) {
	pairs, ok := p.mapping(root, "the catalog", "a mapping with the keys "+quoteList(topKeys))
	if !ok {
		return
	}
	found := map[string]bool{}
	for _, e := range pairs {
		found[e.key] = true
		switch e.key {
		case "dates":
			p.dates(e)
		case "strings":
			p.strings(e)
		default:
			p.unknownKey(e.knode, "unknown top-level key %q", e.key, topKeys)
		}
	}
	p.requireKeys(resolve(root), found, topKeys, "")
}

func (p *parser) dates(e pair) {
	pairs, ok := p.mapping(e.val, `"dates"`, "a mapping")
	if !ok {
		return
	}
	found := map[string]bool{}
	for _, d := range pairs {
		found[d.key] = true
		name := "dates." + d.key
		switch d.key {
		case "months":
			p.months(d.val, name, &p.cat.months)
		case "months_genitive":
			p.months(d.val, name, &p.cat.genitive)
		case "long":
			p.cat.long = p.dateFormat(d.val, name)
		case "month_year":
			p.cat.monthYr = p.dateFormat(d.val, name)
		case "short":
			p.cat.short = p.dateFormat(d.val, name)
		default:
			p.unknownKey(d.knode, `unknown key %q in "dates"`, d.key, dateKeys)
		}
	}
	p.requireKeys(e.knode, found, dateKeys, "dates.")
}

func (p *parser) months(n *yaml.Node, name string, dst *[12]string) {
	n = resolve(n)
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "", "%q must be a list of the 12 month names, not %s", name, kindName(n))
		return
	}
	if len(n.Content) != 12 {
		p.errorf(n, "", "%q must list 12 months, found %d", name, len(n.Content))
		return
	}
	for i, m := range n.Content {
		if s, ok := p.text(m, fmt.Sprintf("%s[%d]", name, i+1)); ok {
			dst[i] = s
		}
	}
}

func (p *parser) dateFormat(n *yaml.Node, name string) string {
	s, ok := p.text(n, name)
	if !ok {
		return ""
	}
	rest := s
	for {
		v, _, after, ok := nextPlaceholder(rest)
		if !ok {
			break
		}
		if !slices.Contains(dateVars, v) {
			hint := "known placeholders: " + placeholderList(dateVars)
			if sug := diag.Suggest(v, dateVars); sug != "" {
				hint = fmt.Sprintf("did you mean {%s}?", sug)
			}
			p.errorf(resolve(n), hint, "unknown placeholder {%s} in %q", v, name)
		}
		rest = after
	}
	return s
}

func (p *parser) strings(e pair) {
	pairs, ok := p.mapping(e.val, `"strings"`, "a mapping of keys to text")
	if !ok {
		return
	}
	for _, s := range pairs {
		name := "strings." + s.key
		if !validKey(s.key) {
			p.errorf(s.knode, "use lower-case letters, digits and underscores, starting with a letter",
				"invalid key %q", s.key)
			continue
		}
		v := resolve(s.val)
		switch v.Kind {
		case yaml.MappingNode:
			if forms, ok := p.pluralMessage(s, name); ok {
				p.cat.plurals[s.key] = forms
			}
		case yaml.ScalarNode:
			if t, ok := p.text(v, name); ok {
				p.cat.text[s.key] = t
			}
		default:
			p.errorf(v, "", "%q must be text or a plural mapping (one: …, other: …), not %s", name, kindName(v))
		}
	}
}

func (p *parser) pluralMessage(e pair, name string) (map[plural.Form]string, bool) {
	pairs, _ := p.mapping(e.val, fmt.Sprintf("%q", name), "a mapping")
	lang := p.cat.Lang()
	out := map[plural.Form]string{}
	ok := true
	for _, c := range pairs {
		f, known := forms[c.key]
		if !known {
			hint := "CLDR plural categories: " + strings.Join(formNames, ", ")
			if sug := diag.Suggest(c.key, formNames); sug != "" {
				hint = fmt.Sprintf("did you mean %q?", sug)
			}
			p.errorf(c.knode, hint, "unknown plural category %q in %q", c.key, name)
			ok = false
			continue
		}
		if p.used != nil && !slices.Contains(p.used, f) {
			p.warnf(c.knode, "the CLDR rules for "+lang+" use "+formList(p.used),
				"plural category %q in %q is never used for %s", c.key, name, lang)
		}
		if s, good := p.text(c.val, name+"."+c.key); good {
			out[f] = s
		} else {
			ok = false
		}
	}
	var missing []string
	for _, f := range p.required {
		if _, has := out[f]; !has && !hasPair(pairs, formName(f)) {
			missing = append(missing, formName(f))
		}
	}
	if len(missing) > 0 {
		p.errorf(e.knode, lang+" needs "+formList(p.required), "plural message %q lacks %s", name, quoteList(missing))
		ok = false
	}
	return out, ok
}

// text returns the string value of the scalar n, or reports that n is not
// a non-empty string. An empty UI string is always a mistake: it would
// leave a button or heading blank on the page.
func (p *parser) text(n *yaml.Node, name string) (string, bool) {
	n = resolve(n)
	switch {
	case n.Kind != yaml.ScalarNode:
		p.errorf(n, "", "%q must be text, not %s", name, kindName(n))
	case n.Tag == "!!null" || n.Value == "":
		p.errorf(n, "", "%q has no text", name)
	default:
		return n.Value, true
	}
	return "", false
}

// unknownKey reports key, found at n, with a hint: the closest of known
// keys when there is one, since most unknown keys are typos, else all.
func (p *parser) unknownKey(n *yaml.Node, format, key string, known []string) {
	hint := "expected " + quoteList(known)
	if sug := diag.Suggest(key, known); sug != "" {
		hint = fmt.Sprintf("did you mean %q?", sug)
	}
	p.errorf(n, hint, format, key)
}

// requireKeys reports each of keys not in found, at n: the mapping (or its
// key) that should have held them.
func (p *parser) requireKeys(n *yaml.Node, found map[string]bool, keys []string, prefix string) {
	for _, k := range keys {
		if !found[k] {
			p.errorf(n, "", "missing key %q", prefix+k)
		}
	}
}

// resolve follows an alias to the node it names, so that an English
// catalog may write "months_genitive: *months".
func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return "text"
	}
	return "something else"
}

func validKey(k string) bool {
	if k == "" || k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for i := range len(k) {
		c := k[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func hasPair(pairs []pair, key string) bool {
	return slices.ContainsFunc(pairs, func(e pair) bool { return e.key == key })
}

// integerForms returns the plural categories the CLDR cardinal rules of
// tag give to whole numbers, in CLDR order. x/text does not export the
// list, so it is found by trying numbers: every rule looks at most at the
// last six digits and at whether the number is small, so 0–1000 and a few
// millions cover all of them (French uses "many" for 1 000 000).
func integerForms(tag language.Tag) []plural.Form {
	seen := map[plural.Form]bool{}
	for i := range 1001 {
		seen[plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)] = true
	}
	for _, i := range []int{1_000_000, 2_000_000, 10_000_000, 100_000_000} {
		seen[plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0)] = true
	}
	return sortedForms(seen)
}

// requiredForms is what every plural message in tag must provide: the
// integer categories, which N can select, and "other", the fallback.
func requiredForms(tag language.Tag) []plural.Form {
	return sortedForms(setOf(append(integerForms(tag), plural.Other)))
}

// usedForms is every category the rules of tag give to any number,
// including decimals such as 1.5, which Polish writes with "other".
func usedForms(tag language.Tag) []plural.Form {
	seen := setOf(append(integerForms(tag), plural.Other))
	for v, limit := range []int{1: 10, 2: 100} {
		for f := range limit {
			for _, i := range []int{0, 1, 2, 5} {
				w, t := v, f
				for w > 0 && t%10 == 0 {
					w, t = w-1, t/10
				}
				seen[plural.Cardinal.MatchPlural(tag, i, v, w, f, t)] = true
			}
		}
	}
	return sortedForms(seen)
}

func setOf(fs []plural.Form) map[plural.Form]bool {
	m := map[plural.Form]bool{}
	for _, f := range fs {
		m[f] = true
	}
	return m
}

func sortedForms(set map[plural.Form]bool) []plural.Form {
	var out []plural.Form
	for _, name := range formNames {
		if set[forms[name]] {
			out = append(out, forms[name])
		}
	}
	return out
}

func formName(f plural.Form) string {
	for name, g := range forms {
		if g == f {
			return name
		}
	}
	return "?"
}

func formList(fs []plural.Form) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = formName(f)
	}
	return strings.Join(names, ", ")
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func placeholderList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "{" + s + "}"
	}
	return strings.Join(q, " ")
}
