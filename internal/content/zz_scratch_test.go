package content

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func bomb(key string) string {
	var b strings.Builder
	b.WriteString("---\ntitle: x\n")
	b.WriteString(key + ":\n  a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "  a%d: &a%d [", i, i)
		for j := 0; j < 9; j++ {
			if j > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("---\n")
	return b.String()
}

func TestZZScratch(t *testing.T) {
	opts := Options{Languages: []string{"pl", "en"}, Location: time.UTC}
	for _, k := range []string{"params", "guests", "tags"} {
		start := time.Now()
		_, ps := Parse("a.md", []byte(bomb(k)), opts)
		fmt.Println(k, time.Since(start))
		for _, p := range ps.Items() {
			fmt.Printf("    %s\n", p)
		}
	}
	src := "---\ntitle: x\nparams:\n  a: &a [1]\n  b: *a\ntags: &t [a, b]\naliases: *t\n---\n"
	d, ps := Parse("a.md", []byte(src), opts)
	fmt.Println(d.Params, d.Tags, d.Aliases, ps.Items())
}
