package check

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// pair is a default-language page and its translation into one language.
type pair struct {
	source, translation *site.Page
}

// translations reports default-language pages that another language
// lacks (warnings, with a count per language), and, when the version
// history is known, translations last changed before their source.
func (c *checker) translations(h History) {
	cfg := c.site.Config
	def := cfg.Default().Code
	var sources []*site.Page
	for _, p := range c.site.Pages {
		if p.Doc != nil && p.Kind != site.Alias && p.Lang.Code == def {
			sources = append(sources, p)
		}
	}
	slices.SortFunc(sources, func(a, b *site.Page) int { return strings.Compare(a.Doc.Path, b.Doc.Path) })
	var pairs []pair
	for _, l := range cfg.Languages[1:] {
		cov := Coverage{Lang: l.Code, Total: len(sources)}
		for _, s := range sources {
			t := c.site.Translation(s.Key, l.Code)
			if t == nil || t.Doc == nil {
				cov.Missing = append(cov.Missing, s.Doc.Path)
				c.add(RuleTranslation, &origin{path: s.Doc.Path}, "", diag.Warning,
					fmt.Sprintf("no %s translation", languageName(l)),
					"add "+translationPath(s.Doc.Path, def, l.Code)+" (copy this file, change the language suffix and translate it)")
				continue
			}
			cov.Translated++
			pairs = append(pairs, pair{s, t})
		}
		c.report.Coverage = append(c.report.Coverage, cov)
	}
	if h != nil && len(pairs) > 0 {
		c.staleTranslations(h, pairs)
	}
}

func languageName(l config.Language) string {
	if l.Name != "" {
		return l.Name + " (" + l.Code + ")"
	}
	return l.Code
}

// translationPath is where the translation of a default-language file
// into lang goes: x.pl.md or x.md → x.<lang>.md.
func translationPath(p, def, lang string) string {
	base := strings.TrimSuffix(p, ".md")
	base = strings.TrimSuffix(base, "."+def)
	return base + "." + lang + ".md"
}

// staleTranslations compares when each source and its translation were
// last committed. A file never committed (being written right now) is
// not compared.
func (c *checker) staleTranslations(h History, pairs []pair) {
	var paths []string
	for _, p := range pairs {
		paths = append(paths, p.source.Doc.Path, p.translation.Doc.Path)
	}
	slices.Sort(paths)
	paths = slices.Compact(paths)
	times, err := h.LastChanges(paths)
	if err != nil {
		var nh *NoHistoryError
		if errors.As(err, &nh) {
			c.report.Notes = append(c.report.Notes, "translations were not compared with their sources: "+nh.Reason)
		} else {
			c.report.Notes = append(c.report.Notes, "translations were not compared with their sources: "+err.Error())
		}
		return
	}
	c.report.Stats.History = len(times)
	loc := c.site.Config.Location
	for _, p := range pairs {
		src, okS := times[p.source.Doc.Path]
		tr, okT := times[p.translation.Doc.Path]
		if !okS || !okT || !src.After(tr) {
			continue
		}
		c.add(RuleStaleTranslation, &origin{path: p.translation.Doc.Path}, "", diag.Warning,
			fmt.Sprintf("the translation is older than its source: %s changed on %s, this file last on %s",
				p.source.Doc.Path, stamp(src, loc), stamp(tr, loc)),
			fmt.Sprintf("see what changed with: git log -p %s; update this file and commit it", p.source.Doc.Path))
	}
}

func stamp(t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format("2006-01-02 15:04")
}
