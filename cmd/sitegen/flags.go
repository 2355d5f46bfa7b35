package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/site"
)

// newFlagSet returns the flag set of a subcommand: its errors go to
// stderr, and its --help prints help (the synopsis, what the command does,
// examples), then the flags with their defaults.
func newFlagSet(name, help string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, help)
		fs.PrintDefaults()
	}
	return fs
}

// parseArgs parses a subcommand's args by fs, flags before, between and
// after its words, as people type them (sitegen new meeting "Tytuł"
// --lang en), and returns the words. When the command ends here, done is
// set and code is its exit code: exitOK after --help, exitUsage after a
// flag that fs refused (and explained).
func parseArgs(fs *flag.FlagSet, args []string) (words []string, code int, done bool) {
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, true
			}
			return nil, exitUsage, true
		}
		if fs.NArg() == 0 {
			return words, exitOK, false
		}
		words = append(words, fs.Arg(0))
		rest = fs.Args()[1:]
	}
}

// parseFlags is parseArgs for a subcommand that takes flags alone: a word
// is a usage error.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) (code int, done bool) {
	words, code, done := parseArgs(fs, args)
	if !done && len(words) > 0 {
		fmt.Fprintf(stderr, "sitegen %s: unexpected argument %q\n", fs.Name(), words[0])
		return exitUsage, true
	}
	return code, done
}

// dayFlag is --now: the day a build takes as today, YYYY-MM-DD or RFC
// 3339, to preview the site as it will be on that day (announcements
// become reports, publishDate and expiryDate take effect). Unset, the
// clock decides.
type dayFlag struct {
	t   time.Time
	set bool
}

func (d *dayFlag) String() string {
	if !d.set {
		return ""
	}
	return d.t.Format(time.RFC3339)
}

func (d *dayFlag) Set(s string) error {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		// Noon UTC is the same day in every zone a site may be in but the
		// farthest from Greenwich; the build then takes the day in the
		// site's zone.
		d.t, d.set = t.Add(12*time.Hour), true
		return nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return fmt.Errorf("%q is not a day (YYYY-MM-DD, e.g. 2026-05-14) or an RFC 3339 time", s)
	}
	d.t, d.set = t, true
	return nil
}

// nowFlag adds --now to fs.
func nowFlag(fs *flag.FlagSet) *dayFlag {
	d := &dayFlag{}
	fs.Var(d, "now", "build as if today were this day (YYYY-MM-DD), to preview announcements, publishDate and expiryDate")
	return d
}

// clock gives now, or the --now day when one was given.
func (d *dayFlag) clock(now func() time.Time) time.Time {
	if d.set {
		return d.t
	}
	return now()
}

// nextChange says on which day the output changes by the calendar alone,
// and why: the line a build and check end with.
func nextChange(s *site.Site) string {
	if s == nil {
		return ""
	}
	if s.NextChange.IsZero() {
		return "next change by the calendar: none (no date in the content lies ahead)"
	}
	why := map[string]string{"publishDate": "is published (publishDate)", "expiryDate": "expires (expiryDate)",
		"past": "becomes a past meeting"}[s.NextReason.What]
	return fmt.Sprintf("next change by the calendar: %s, when %s %s", s.NextChange.Format(time.DateOnly), diag.Escape(s.NextReason.Path), why)
}
