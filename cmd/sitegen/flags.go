package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
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
