package markdown_test

import (
	"fmt"

	"github.com/lubuskie-es/sitegen/internal/markdown"
)

func ExampleConverter_Convert() {
	c := markdown.New(markdown.Options{Quotes: [4]string{"„", "”", "‚", "’"}})
	src := []byte("## Zakłady Aktywności Zawodowej\n\n\"Partnerstwo\" -- zob. [partnerzy](partners/index.pl.md#lista) i [stary](old.md).\n")
	resolve := func(path string) (string, bool) {
		if path == "partners/index.pl.md" {
			return "/pl/partnerzy/", true
		}
		return "", false
	}
	r := c.Convert(src, resolve)
	fmt.Println(string(r.HTML))
	fmt.Println(r.Summary)
	fmt.Println(r.Headings[0].ID)
	for _, p := range r.Problems {
		fmt.Println(p.Diag("content/ekonomia.pl.md", 4))
	}
	// Output:
	// <h2 id="zaklady-aktywnosci-zawodowej">Zakłady Aktywności Zawodowej</h2><p>„Partnerstwo” – zob. <a href="/pl/partnerzy/#lista">partnerzy</a> i <a href="old.md">stary</a>.</p>
	// „Partnerstwo” – zob. partnerzy i stary.
	// zaklady-aktywnosci-zawodowej
	// content/ekonomia.pl.md:7:65: link to a missing file: old.md (the path is relative to this file; check the spelling and the language suffix)
}
