package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/check"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// checkSynopsis is the form of `sitegen check`, in its --help and in
// `sitegen help`.
const checkSynopsis = "sitegen check [--source DIR] [--drafts] [--base-url URL] [--now DAY] [--format text|json] [--quiet|--verbose]"

const checkUsage = "Usage: " + checkSynopsis + `

Builds the site in memory (nothing is written) and checks it as readers,
screen readers and translators will meet it:
  - the build's own problems (front matter, Markdown, templates);
  - every link, image and file of this site that a page points to exists,
    including #fragments, which must be an id on the target page
    (links to other sites are not fetched);
  - images have alt text, links have text, and text that says where they
    lead rather than "kliknij tutaj" or "read more" (a warning);
  - headings in the text do not skip a level (a warning);
  - pages of the default language that another language lacks (warnings,
    counted per language), and translations committed to git before the
    last change of their source (warnings; skipped outside a git repository);
  - files in content/ that the build leaves out, such as x.md.txt (warnings).

Problems are printed as path:line:col: message, grouped by file; a link in
Markdown is reported at its line in the content file. Exit codes: 0 no
errors (warnings allowed), 1 errors, 2 bad usage.

Examples:
  sitegen check                         check the site in the current folder
  sitegen check --source strona         check the site in ./strona
  sitegen check --quiet                 errors only, for a quick look
  sitegen check --format json > r.json  for other tools

Flags:
`

// checkFlags are the options of `sitegen check`.
type checkFlags struct {
	source, baseURL, format string
	drafts                  bool
	now                     *dayFlag
	quiet, verbose          *bool
}

func newCheckFlags(stderr io.Writer) (*flag.FlagSet, *checkFlags) {
	f := &checkFlags{}
	fs := newFlagSet("check", checkUsage, stderr)
	fs.StringVar(&f.source, "source", ".", "the site's folder (with site.yaml)")
	fs.BoolVar(&f.drafts, "drafts", false, "check documents marked draft: true too")
	fs.StringVar(&f.baseURL, "base-url", "", "check the site as published at this address (a preview deployment)")
	fs.StringVar(&f.format, "format", "text", "text, for people, or json, for tools")
	f.now = nowFlag(fs)
	f.quiet, f.verbose = verbosityFlags(fs)
	return fs, f
}

func runCheck(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fs, f := newCheckFlags(stderr)
	if code, done := parseFlags(fs, args, stderr); done {
		return code
	}
	if f.format != "text" && f.format != "json" {
		fmt.Fprintf(stderr, "sitegen check: --format must be text or json, not %q\n", f.format)
		return exitUsage
	}
	st, ok := newStyle("check", *f.quiet, *f.verbose, stdout, stderr)
	if !ok {
		return exitUsage
	}

	if !baseURLFlagOK("check", f.baseURL, stderr) {
		return exitUsage
	}
	start := f.now.clock(now)
	src, closeSrc := siteFS(f.source)
	defer closeSrc()
	res := build.Run(src, build.Options{BaseURL: f.baseURL, Drafts: f.drafts, Now: start,
		ImageCache: filepath.Join(f.source, build.ImageCacheDir)})
	var rep *check.Report
	if res.Problems.HasErrors() {
		rep = &check.Report{Notes: []string{"the site does not build, so its pages were not checked: fix the errors above first"}}
	} else {
		rep = check.Run(res.Files, res.Site, check.Options{History: gitHistory{dir: f.source}, Source: src})
	}
	rep.AddBuild(res.Problems)

	built := res.Site
	if res.Problems.HasErrors() {
		built = nil // its dates say nothing of a site that does not build
	}
	if f.format == "json" {
		writeJSON(stdout, rep, built)
	} else {
		st.report(stdout, rep)
		if line := nextChange(built); line != "" && !st.quiet {
			fmt.Fprintln(stdout, line)
		}
	}
	if errs, _ := rep.Counts(); errs > 0 {
		return exitProblems
	}
	return exitOK
}

// report prints findings grouped by file (a blank line between files),
// then the translation counts, notes and a one-line summary.
func (s style) report(w io.Writer, r *check.Report) {
	prev := ""
	for _, f := range r.Findings {
		if s.quiet && f.Severity == diag.Warning {
			continue
		}
		if prev != "" && f.Path != prev {
			fmt.Fprintln(w)
		}
		prev = f.Path
		fmt.Fprintln(w, s.problem(f.Problem))
	}
	errs, warns := r.Counts()
	if s.quiet {
		if errs > 0 {
			fmt.Fprintln(w, s.summary(errs, 0, "check: "+diag.Summary(errs, 0)))
		}
		return
	}
	if prev != "" {
		fmt.Fprintln(w)
	}
	for _, c := range r.Coverage {
		fmt.Fprintf(w, "translations: %s has %d of %d pages", c.Lang, c.Translated, c.Total)
		if n := len(c.Missing); n > 0 {
			fmt.Fprintf(w, " (%d missing)", n)
		}
		fmt.Fprintln(w)
	}
	for _, n := range r.Notes {
		fmt.Fprintln(w, "note: "+diag.Escape(n))
	}
	if s.verbose {
		s.verboseReport(w, r)
	}
	st := r.Stats
	line := fmt.Sprintf("check: %s in %d pages (%s followed, %s", diag.Summary(errs, warns), st.Pages,
		diag.Count(st.Links, "link or file", "links and files"), diag.Count(st.Images, "image", "images"))
	if st.External > 0 {
		line += fmt.Sprintf("; %s not fetched", diag.Count(st.External, "link to another site", "links to other sites"))
	}
	fmt.Fprintln(w, s.summary(errs, warns, line+")"))
}

// verboseReport counts findings by rule and says what was read.
func (s style) verboseReport(w io.Writer, r *check.Report) {
	byRule := map[string]int{}
	for _, f := range r.Findings {
		byRule[f.Rule]++
	}
	rules := []string{check.RuleBuild, check.RuleLink, check.RuleAnchor, check.RuleAlt, check.RuleLinkText,
		check.RuleVagueLinkText, check.RuleHeadingOrder, check.RuleTranslation, check.RuleStaleTranslation, check.RuleStrayFile, check.RuleAccessInfo}
	var parts []string
	for _, rule := range rules {
		parts = append(parts, fmt.Sprintf("%s %d", rule, byRule[rule]))
	}
	fmt.Fprintln(w, "by rule: "+strings.Join(parts, ", "))
	fmt.Fprintf(w, "read: %d content files, %d HTML pages, git history of %d files\n", r.Stats.Content, r.Stats.Pages, r.Stats.History)
	for _, c := range r.Coverage {
		for _, m := range c.Missing {
			fmt.Fprintf(w, "  not in %s: %s\n", c.Lang, diag.Escape(m))
		}
	}
}

// jsonReport is the --format json output; its field names are a contract
// with the tools that read it.
type jsonReport struct {
	OK           bool              `json:"ok"`
	Errors       int               `json:"errors"`
	Warnings     int               `json:"warnings"`
	Problems     []jsonProblem     `json:"problems"`
	Translations []jsonTranslation `json:"translations"`
	Notes        []string          `json:"notes"`
	Stats        jsonStats         `json:"stats"`
	// NextChange is the day the output next changes by the calendar
	// alone; null when no date in the content lies ahead, or the site
	// does not build.
	NextChange *jsonNextChange `json:"next_change"`
}

type jsonNextChange struct {
	Date   string `json:"date"`
	Path   string `json:"path"`
	Reason string `json:"reason"` // publishDate, expiryDate or past
}

type jsonStats struct {
	Pages    int `json:"pages"`
	Links    int `json:"links"`
	External int `json:"external"`
	Images   int `json:"images"`
	Content  int `json:"content"`
	History  int `json:"history"`
}

type jsonProblem struct {
	Path     string `json:"path"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Severity string `json:"severity"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
}

type jsonTranslation struct {
	Lang       string   `json:"lang"`
	Total      int      `json:"total"`
	Translated int      `json:"translated"`
	Missing    []string `json:"missing"`
}

func writeJSON(w io.Writer, r *check.Report, s *site.Site) {
	errs, warns := r.Counts()
	out := jsonReport{OK: errs == 0, Errors: errs, Warnings: warns, Problems: []jsonProblem{},
		Translations: []jsonTranslation{}, Notes: []string{},
		Stats: jsonStats(r.Stats)}
	for _, f := range r.Findings {
		sev := "error"
		if f.Severity == diag.Warning {
			sev = "warning"
		}
		// Escaped as on the terminal: encoding/json leaves C1 and bidi
		// controls raw, and the report is read with cat and less too.
		out.Problems = append(out.Problems, jsonProblem{Path: diag.Escape(f.Path), Line: f.Line, Col: f.Col, Severity: sev,
			Rule: f.Rule, Message: diag.Escape(f.Message), Hint: diag.Escape(f.Hint)})
	}
	for _, n := range r.Notes {
		out.Notes = append(out.Notes, diag.Escape(n))
	}
	for _, c := range r.Coverage {
		out.Translations = append(out.Translations, jsonTranslation{Lang: c.Lang, Total: c.Total,
			Translated: c.Translated, Missing: escapeAll(c.Missing)})
	}
	if s != nil && !s.NextChange.IsZero() {
		out.NextChange = &jsonNextChange{Date: s.NextChange.Format(time.DateOnly), Path: diag.Escape(s.NextReason.Path), Reason: s.NextReason.What}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}

// escapeAll is diag.Escape of each string, never nil.
func escapeAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = diag.Escape(s)
	}
	return out
}
