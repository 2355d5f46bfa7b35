package build_test

import (
	"strings"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/corpus"
)

// TestCompiledTemplates builds a generated site with every page run both
// by the compiled templates and by html/template (VerifyTemplates, which
// turns any difference into an error), and checks that the compiled ones
// really ran, for every page. If a template stopped compiling, every page
// of its kind would still come out right, only slowly; this is the test
// that notices.
func TestCompiledTemplates(t *testing.T) {
	c, err := corpus.New(corpus.Options{Pages: 400, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	res := build.Run(c.FS(), build.Options{Now: corpus.Now(), Workers: 2, VerifyTemplates: true})
	if res.Problems.Len() > 0 {
		var b strings.Builder
		res.Problems.Print(&b)
		t.Fatalf("the corpus does not build:\n%s", b.String())
	}
	pages := 0
	for _, n := range res.PagesByLang {
		pages += n
	}
	if pages < 400 || res.Stats.Interpreted != 0 {
		t.Errorf("html/template ran %d of %d pages itself; with compiled templates, none", res.Stats.Interpreted, pages)
	}
}
