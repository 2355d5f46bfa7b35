package check

import (
	"strings"
	"unicode"

	"github.com/lubuskie-es/sitegen/internal/diag"
)

// vagueLinkTexts are link texts that say nothing about where a link
// leads, by language. A screen reader user who lists a page's links hears
// them out of context: ten times "więcej" tells nothing. Compared after
// lower-casing and trimming punctuation.
var vagueLinkTexts = map[string][]string{
	"pl": {"kliknij tutaj", "kliknij tu", "kliknij", "tutaj", "tu", "więcej", "czytaj więcej", "czytaj dalej",
		"zobacz więcej", "link", "ten link", "odnośnik"},
	"en": {"click here", "click", "here", "read more", "more", "learn more", "continue reading", "this link", "link"},
}

// isVague reports whether a link's text is one of the vague ones of the
// page's language; a language without a list of its own is held to all
// of them.
func isVague(lang, text string) bool {
	t := strings.ToLower(strings.TrimFunc(text, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
	}))
	if t == "" {
		return false
	}
	lists := [][]string{vagueLinkTexts[baseLang(lang)]}
	if lists[0] == nil {
		lists = lists[:0]
		for _, l := range vagueLinkTexts {
			lists = append(lists, l)
		}
	}
	for _, l := range lists {
		for _, v := range l {
			if t == v {
				return true
			}
		}
	}
	return false
}

// baseLang is the language of a BCP 47 tag: "pl-PL" → "pl".
func baseLang(tag string) string {
	l, _, _ := strings.Cut(strings.ToLower(tag), "-")
	return l
}

// linkText checks that a link has a name, and one that says where it
// leads. Severity follows WCAG 2.1 AA, which the site must meet: a link
// without a name fails it (2.4.4, 4.1.2); a vague one fails only the AAA
// criterion 2.4.9 and may pass in context, so it is a warning.
func (c *checker) linkText(pg *page, r ref, where func() *origin) {
	if r.attr != "href" {
		return
	}
	if r.name == "" {
		c.add(RuleLinkText, where(), pg.path, diag.Error, "link without text: "+r.url,
			"a screen reader would read out only the address; write what the link leads to, as in [Kontakt](kontakt.pl.md), or give the image inside it alt text")
		return
	}
	if isVague(pg.lang, r.name) {
		c.add(RuleVagueLinkText, where(), pg.path, diag.Warning, "link text \""+r.name+"\" does not say where the link leads",
			"name the target instead, e.g. \"Sprawozdanie ze spotkania 14 maja\" rather than \"kliknij tutaj\": screen reader users often hear the links of a page without the text around them")
	}
}
