// Package check verifies a built site the way a reader, a screen reader
// and a translator would meet it: every internal link, image and asset of
// the HTML output resolves (with its #fragment), images have alt text,
// links say where they lead, headings do not skip levels, and every page of
// the default language has up-to-date translations.
//
// Its one job is output files + site → problems. It reads no files itself:
// the version history of the content comes through History and the site's
// folder (for files the build skips) through Options.Source, so that tests
// pass fakes and cmd/sitegen passes git and the disk.
//
// A problem found in the HTML is reported at the content file and line
// that wrote it when the page's Markdown has a link or image with the same
// destination; otherwise it comes from the templates and is reported at
// the output file (public/…), once for all pages that share it.
package check

import (
	"cmp"
	"io/fs"
	"slices"
	"time"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// Rules name what a Finding is about, for tools reading --format json.
const (
	RuleBuild            = "build"               // the build's own problems
	RuleLink             = "link"                // a link, image or asset that leads nowhere
	RuleAnchor           = "anchor"              // a #fragment that is not an id on its page
	RuleAlt              = "alt"                 // an image without alt text
	RuleLinkText         = "link-text"           // a link without text
	RuleVagueLinkText    = "vague-link-text"     // "kliknij tutaj", "read more"
	RuleHeadingOrder     = "heading-order"       // a heading level skipped in content
	RuleTranslation      = "translation-missing" // a default-language page not translated
	RuleStaleTranslation = "translation-stale"   // a translation older than its source
	RuleStrayFile        = "stray-file"          // a file in content/ that the build ignores
	RuleAccessInfo       = "accessibility-info"  // easy-to-read text or Polish Sign Language missing
	RuleTranslationAlt   = "translation-alt"     // a photo's or document's text taken from the default language
)

// outputDir names output files in findings as a build writes them by
// default: "public/spotkania/index.html".
const outputDir = "public"

// History tells when content files were last changed, from version
// control. cmd/sitegen implements it with git.
type History interface {
	// LastChanges returns when each path (relative to the site root, as
	// "content/x.pl.md") was last committed. Paths never committed are
	// left out. When the site has no history at all it returns a
	// *NoHistoryError.
	LastChanges(paths []string) (map[string]time.Time, error)
}

// NoHistoryError says why there is no version history to compare
// translations with; Run turns it into a note rather than a problem.
type NoHistoryError struct{ Reason string }

func (e *NoHistoryError) Error() string { return e.Reason }

// Options are what Run needs besides the build's output.
type Options struct {
	// History, when set, lets Run find translations older than their
	// source.
	History History
	// Source is the site's folder; when set, files under content/ that
	// the build skips are reported (a Notepad "x.md.txt", an image).
	Source fs.FS
}

// Finding is one problem with the rule that found it.
type Finding struct {
	diag.Problem
	Rule string
}

// Coverage is how much of the default language one language translates.
type Coverage struct {
	Lang       string
	Total      int      // content pages in the default language
	Translated int      // of them, those with a translation in Lang
	Missing    []string // the default-language files without one
}

// Stats count what was checked, for the summary.
type Stats struct {
	Pages    int // HTML files
	Links    int // internal links, images and assets followed
	External int // links to other sites, not fetched
	Images   int
	Content  int // content files whose Markdown was read
	History  int // files whose git history was compared
}

// Report is the result of a check.
type Report struct {
	Findings []Finding // sorted by path, line, column, message
	Coverage []Coverage
	// Notes say what could not be checked and why.
	Notes []string
	Stats Stats
}

// Counts returns the number of errors and warnings.
func (r *Report) Counts() (errors, warnings int) {
	for _, f := range r.Findings {
		if f.Severity == diag.Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// AddBuild adds the build's own problems (front matter, Markdown, templates).
func (r *Report) AddBuild(problems diag.List) {
	for _, p := range problems.Items() {
		r.Findings = append(r.Findings, Finding{Problem: p, Rule: RuleBuild})
	}
	r.sort()
}

func (r *Report) sort() {
	slices.SortStableFunc(r.Findings, func(a, b Finding) int {
		return cmp.Or(diag.Compare(a.Problem, b.Problem), cmp.Compare(a.Rule, b.Rule))
	})
	r.Findings = slices.Compact(r.Findings)
}

// Run checks a built site: its output files and the resolved site they
// were made from. It never fails: what it cannot check is a note.
func Run(files []output.File, s *site.Site, opts Options) *Report {
	c := newChecker(files, s)
	c.content()
	c.pages()
	c.translations(opts.History)
	c.accessInfo()
	c.translationAlt()
	if opts.Source != nil {
		c.strayFiles(opts.Source)
	}
	c.report.Findings = append(c.report.Findings, c.foldTemplateFindings()...)
	c.report.sort()
	return &c.report
}

// checker holds one run's state.
type checker struct {
	site    *site.Site
	files   map[string][]byte // output path → data
	paths   []string          // output paths, sorted
	html    map[string]*page  // parsed HTML files by output path
	sources map[string]*source
	base    baseURL
	report  Report
	// fromTemplates are findings without a content origin, folded by
	// foldTemplateFindings so that a footer bug is one line, not one
	// per page.
	fromTemplates []Finding
}

func newChecker(files []output.File, s *site.Site) *checker {
	c := &checker{site: s, files: make(map[string][]byte, len(files)), html: map[string]*page{},
		sources: map[string]*source{}, base: parseBaseURL(s.Config.BaseURL)}
	for _, f := range files {
		c.files[f.Path] = f.Data
		c.paths = append(c.paths, f.Path)
	}
	slices.Sort(c.paths)
	return c
}

// add records a finding at a content file, or at the output file when
// at is nil.
func (c *checker) add(rule string, at *origin, outPath string, sev diag.Severity, msg, hint string) {
	f := Finding{Rule: rule, Problem: diag.Problem{Severity: sev, Message: msg, Hint: hint}}
	if at != nil {
		f.Path, f.Line, f.Col = at.path, at.line, at.col
		c.report.Findings = append(c.report.Findings, f)
		return
	}
	f.Path = outputDir + "/" + outPath
	c.fromTemplates = append(c.fromTemplates, f)
}

// foldTemplateFindings reports a problem that the templates put on many
// pages once, at the first page, saying on how many others it is.
func (c *checker) foldTemplateFindings() []Finding {
	type key struct {
		rule, msg, hint string
		sev             diag.Severity
	}
	groups := map[key][]Finding{}
	var order []key
	for _, f := range c.fromTemplates {
		k := key{f.Rule, f.Message, f.Hint, f.Severity}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], f)
	}
	var out []Finding
	for _, k := range order {
		g := groups[k]
		slices.SortFunc(g, func(a, b Finding) int { return cmp.Compare(a.Path, b.Path) })
		g = slices.CompactFunc(g, func(a, b Finding) bool { return a.Path == b.Path })
		f := g[0]
		f.Message += " (in the HTML the templates write"
		if len(g) > 1 {
			f.Message += "; also on " + diag.Count(len(g)-1, "other page", "other pages")
		}
		f.Message += ")"
		// The writer's hint (link to the .md file …) does not apply.
		f.Hint = "fix it in templates/ (layouts/, partials/, or i18n/ for the texts), not in content/"
		out = append(out, f)
	}
	return out
}
