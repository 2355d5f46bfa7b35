package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/lubuskie-es/sitegen/internal/diag"
)

// style is how a command talks: how much, and whether in colour.
type style struct {
	quiet, verbose bool
	colour         bool
}

// verbosityFlags adds --quiet and --verbose to a command's flags.
func verbosityFlags(fs *flag.FlagSet) (quiet, verbose *bool) {
	quiet = fs.Bool("quiet", false, "print only errors: no warnings, no summary when all is well")
	verbose = fs.Bool("verbose", false, "also print what was done and what was checked")
	return quiet, verbose
}

// newStyle checks the verbosity flags and decides on colour for w.
func newStyle(cmd string, quiet, verbose bool, w, stderr io.Writer) (style, bool) {
	if quiet && verbose {
		fmt.Fprintf(stderr, "sitegen %s: --quiet and --verbose cannot be used together\n", cmd)
		return style{}, false
	}
	return style{quiet: quiet, verbose: verbose, colour: useColour(w, os.Getenv)}, true
}

// useColour reports whether w is a terminal that wants colour: not when
// NO_COLOR is set (https://no-color.org), TERM is dumb, or w is a file or
// pipe (a CI log, `sitegen check > report.txt`). Without golang.org/x/term
// a terminal is told by its being a character device.
func useColour(w io.Writer, getenv func(string) string) bool {
	if getenv("NO_COLOR") != "" || getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// ANSI colours, used only when style.colour is set.
const (
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiGreen  = "\x1b[32m"
	ansiReset  = "\x1b[0m"
)

func (s style) paint(code, text string) string {
	if !s.colour || text == "" {
		return text
	}
	return code + text + ansiReset
}

// problem formats p as diag.Problem.String does, "path:line:col: message
// (hint)" with control characters escaped, with the place in bold and warnings marked in yellow, errors
// in red, on a terminal.
func (s style) problem(p diag.Problem) string {
	if !s.colour {
		return p.String()
	}
	place := diag.Escape(p.Path)
	if p.Line > 0 {
		place += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			place += fmt.Sprintf(":%d", p.Col)
		}
	}
	body := diag.Escape(p.Message)
	if p.Hint != "" {
		body += " (" + diag.Escape(p.Hint) + ")"
	}
	mark := s.paint(ansiRed, "error:")
	if p.Severity == diag.Warning {
		mark = s.paint(ansiYellow, "warning:")
	}
	return s.paint(ansiBold, place) + ": " + mark + " " + body
}

// printProblems writes the problems of a build as diag.List.Print does
// (sorted, then a count), leaving out warnings when quiet.
func (s style) printProblems(w io.Writer, l diag.List) {
	var shown []diag.Problem
	for _, p := range l.Items() {
		if s.quiet && p.Severity == diag.Warning {
			continue
		}
		shown = append(shown, p)
	}
	if len(shown) == 0 {
		return
	}
	errs, warns := 0, 0
	for _, p := range shown {
		fmt.Fprintln(w, s.problem(p))
		if p.Severity == diag.Error {
			errs++
		} else {
			warns++
		}
	}
	fmt.Fprintln(w, s.summary(errs, warns, diag.Summary(errs, warns)))
}

// summary colours a closing line by the worst problem in it.
func (s style) summary(errs, warns int, line string) string {
	switch {
	case errs > 0:
		return s.paint(ansiRed, line)
	case warns > 0:
		return s.paint(ansiYellow, line)
	}
	return s.paint(ansiGreen, line)
}
