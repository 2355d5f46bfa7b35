package main

import (
	"bytes"
	"flag"
	"io"
	"os"
	"strings"
	"testing"
)

// TestSynopsesNameEveryFlag fails when a command's synopsis, which both
// its --help and `sitegen help` print, leaves out one of its flags (as it
// once left out --force for build, and --drafts and --base-url for check),
// or names one it does not have; and when docs/cli.md shows another.
func TestSynopsesNameEveryFlag(t *testing.T) {
	commands := []struct {
		synopsis string
		flags    func(io.Writer) *flag.FlagSet
	}{
		{buildSynopsis, func(w io.Writer) *flag.FlagSet { fs, _ := newBuildFlags(w); return fs }},
		{serveSynopsis, func(w io.Writer) *flag.FlagSet { fs, _ := newServeFlags(w); return fs }},
		{checkSynopsis, func(w io.Writer) *flag.FlagSet { fs, _ := newCheckFlags(w); return fs }},
		{newSynopsis, func(w io.Writer) *flag.FlagSet { fs, _, _ := newNewFlags(w); return fs }},
	}
	doc, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range commands {
		fs := c.flags(io.Discard)
		named := map[string]bool{}
		for _, word := range strings.FieldsFunc(c.synopsis, func(r rune) bool { return strings.ContainsRune(" []|", r) }) {
			if name, ok := strings.CutPrefix(word, "--"); ok {
				named[name] = true
				if fs.Lookup(name) == nil {
					t.Errorf("%q names --%s, which sitegen %s does not have", c.synopsis, name, fs.Name())
				}
			}
		}
		fs.VisitAll(func(f *flag.Flag) {
			if !named[f.Name] {
				t.Errorf("%q leaves out --%s", c.synopsis, f.Name)
			}
		})
		if !strings.Contains(usage, "  "+c.synopsis+"\n") {
			t.Errorf("sitegen help does not show %q", c.synopsis)
		}
		if !strings.Contains(string(doc), "\n"+c.synopsis+"\n") {
			t.Errorf("docs/cli.md does not show %q", c.synopsis)
		}
	}
}

// TestParseArgs checks the prologue every command shares: flags anywhere
// among the words, --help ends with 0, a bad flag or a stray word with 2.
func TestParseArgs(t *testing.T) {
	tests := []struct {
		args        []string
		flagsOnly   bool
		words       string
		code        int
		done        bool
		lang        string
		stderrHolds string
	}{
		{args: []string{"meeting", "Tytuł", "--lang", "en"}, words: "meeting|Tytuł", lang: "en"},
		{args: []string{"--lang=en", "page", "X"}, words: "page|X", lang: "en"},
		{args: []string{}, words: ""},
		{args: []string{"--help"}, code: exitOK, done: true, stderrHolds: "Usage: x"},
		{args: []string{"page", "-h"}, code: exitOK, done: true},
		{args: []string{"--nope"}, code: exitUsage, done: true, stderrHolds: "flag provided but not defined: -nope"},
		{args: []string{"--lang"}, code: exitUsage, done: true, stderrHolds: "flag needs an argument"},
		{args: []string{"--lang", "en"}, flagsOnly: true, lang: "en"},
		{args: []string{"--lang", "en", "extra"}, flagsOnly: true, code: exitUsage, done: true, stderrHolds: `sitegen x: unexpected argument "extra"`},
	}
	for _, tt := range tests {
		var stderr bytes.Buffer
		fs := newFlagSet("x", "Usage: x\n", &stderr)
		lang := fs.String("lang", "", "a language")
		var (
			words []string
			code  int
			done  bool
		)
		if tt.flagsOnly {
			code, done = parseFlags(fs, tt.args, &stderr)
		} else {
			words, code, done = parseArgs(fs, tt.args)
		}
		if got := strings.Join(words, "|"); got != tt.words || code != tt.code || done != tt.done {
			t.Errorf("%q: words %q, code %d, done %v; want %q, %d, %v", tt.args, got, code, done, tt.words, tt.code, tt.done)
		}
		if !done && *lang != tt.lang {
			t.Errorf("%q: --lang %q, want %q", tt.args, *lang, tt.lang)
		}
		if !strings.Contains(stderr.String(), tt.stderrHolds) {
			t.Errorf("%q: stderr %q does not hold %q", tt.args, stderr.String(), tt.stderrHolds)
		}
	}
}
