package config

import (
	"fmt"
	"testing"
	"golang.org/x/text/language"
)

func TestZZScratch(t *testing.T) {
	for _, c := range []string{"xx", "PL", "pl_PL", "123", "de", "qaa", "zz-zz", "i-klingon", "x-a"} {
		_, err := language.Parse(c)
		fmt.Println(c, err)
	}
	for _, src := range []string{
		"",
		"baseURL: https://x.org\nlanguages:\n  - code: 12\n    title: a\n",
		"baseURL: https://x.org\nlanguages:\n  - pl\n",
		"baseURL: https://x.org\nlanguages:\n  - code: pl\n    title: a\n    quotes: [a, b]\n",
		"baseURL: https://x.org\nlanguages: pl\n",
		"baseURL: https://x.org\nlanguages:\n  - code: pl\n    title: a\n  - code: pl\n    title: b\n",
		"baseURL: https://x.org\ntimezone: Europe/Warszawa\nlanguages:\n  - code: pl\n    title: a\n",
		"baseURL: https://x.org\ntimezone: \"\"\nlanguages:\n  - code: pl\n    title: a\n",
		"baseURL: https://x.org\ntimezone: Local\nlanguages:\n  - code: pl\n    title: a\n",
	} {
		c, ps := Parse([]byte(src))
		fmt.Printf("%q\n", src)
		if c != nil { fmt.Printf("   %+v\n", *c) }
		for _, p := range ps.Items() { fmt.Println("   ", p) }
	}
}
