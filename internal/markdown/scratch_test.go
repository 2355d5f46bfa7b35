package markdown

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	pl := New(Options{Quotes: [4]string{"„", "”", "‚", "’"}, Unsafe: true})
	res := func(p string) (string, bool) {
		if p == "ok.md" || p == "../partners/index.pl.md" {
			return "/pl/ok/", true
		}
		return "", false
	}
	for _, s := range []string{
		"\"Partnerstwo\" -- 2020--2021 ... --- 'x' Kennedy'ego",
		"# Zakłady Aktywności Zawodowej\n\n## Zakłady Aktywności Zawodowej\n\n## Foo {#Bar_Baz}\n\n## Foo {#wstep style=\"color:red\" .x}\n\n# [link](ok.md) &amp; *x*",
		"Tekst\n\nzdanie [a](ok.md#kontakt) i [b](../partners/nope.pl.md?x#y)\n\nżółć [c](nope.md)",
		"[x](javascript:alert(1)) [y](JAVA&#x09;SCRIPT:alert(1)) [z](javascript&amp;colon;alert(1)) <javascript:alert(1)> ![a](data:image/png;base64,xx) [r][ref]\n\n[ref]: vbscript:msgbox",
		"<div>\nhi\n</div>\n\npara <span>x</span> y <!-- c -->\n\n<!-- comment -->\n\n<b>only</b>",
		"![](a.png) ![-](b.png) ![Mapa \"x\"](c.png)",
		"| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\nfoot[^1] www.example.com\n\n[^1]: Note *here*.",
		"> quote para\n\n- [ ] task\n- [x] done\n\n```go\nx := 1\n```\n",
	} {
		r := pl.Convert([]byte(s), res)
		fmt.Printf("=== %q\n%s--- summary=%q\n--- text=%q\n--- headings=%+v\n", s, r.HTML, r.Summary, r.Text, r.Headings)
		for _, p := range r.Problems {
			fmt.Printf("    %+v\n", p)
		}
	}
}
