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
// really ran: html/template itself executes only the first pages of each
// kind, which it escapes, two at most per kind and language with two
// workers racing. If a template stopped compiling, every page of its kind
// would still come out right, only slowly; this is the test that notices.
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
	kinds := 13 // render's twelve page kinds and 404.html
	if most := 2 * kinds * len(res.PagesByLang); res.Stats.Interpreted > most {
		t.Errorf("html/template ran %d of %d pages itself; with compiled templates at most %d", res.Stats.Interpreted, pages, most)
	}
	t.Logf("html/template ran %d of %d pages", res.Stats.Interpreted, pages)
	if res.Stats.Interpreted == 0 {
		t.Error("no page ran on html/template, but the first of each kind must (it escapes the templates)")
	}
}
