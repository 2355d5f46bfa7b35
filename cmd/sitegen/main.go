// Command sitegen builds the website of the Partnerstwo na rzecz ekonomii
// społecznej from Markdown content. It parses flags, wires the phases and
// sets the exit code; the work happens in internal/.
package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"time"
	_ "time/tzdata" // site.yaml names IANA zones; do not depend on the host's zoneinfo

	"github.com/lubuskie-es/sitegen/internal/diag"
)

// Exit codes, as docs/cli.md promises them.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

// version is set at link time (-ldflags "-X main.version=…").
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now))
}

const usage = `sitegen builds the website of the Partnerstwo na rzecz ekonomii społecznej
from Markdown files with YAML front matter.

Usage:
  ` + buildSynopsis + `
  ` + serveSynopsis + `
  ` + checkSynopsis + `
  ` + newSynopsis + `
  sitegen version
  sitegen help [COMMAND]

Commands:
  build     build the site into public/ (or --dest); on any problem nothing
            is written and the previous site stays as it was
  serve     preview the site at http://127.0.0.1:1313/: rebuilds on every
            change, reloads the browser, shows errors over the page
  check     build in memory and check links, images, headings, link texts
            and translations; nothing is written
  new       start a new meeting report, partner profile or page, with every
            front matter key explained
  version   print the version

Examples:
  sitegen build                          build ./ into ./public/
  sitegen build --drafts                 include drafts (draft: true)
  sitegen build --base-url https://preview.example.org/pr-12/
  sitegen check                          find broken links and other problems
  sitegen new meeting "Spotkanie w Żarach"

Run 'sitegen COMMAND --help' for the flags and examples of a command; the
writers' guide is docs/poradnik.md. Problems are printed as
path:line:col: message. Exit codes: 0 success, 1 the site has errors,
2 bad usage. Colour is used only on a terminal, never when NO_COLOR is set.
`

// commands are the subcommands, for "did you mean" and `sitegen help CMD`.
func commands() []string { return []string{"build", "serve", "check", "new", "version", "help"} }

func run(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr, now)
	case "check":
		return runCheck(args[1:], stdout, stderr, now)
	case "new":
		return runNew(args[1:], stdout, stderr, now)
	case "serve":
		return runServe(args[1:], stdout, stderr, now)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "sitegen %s\n", version)
		return exitOK
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && args[1] != "help" && slices.Contains(commands(), args[1]) {
			// "sitegen help check" is "sitegen check --help", on stdout.
			return run([]string{args[1], "--help"}, stdout, stdout, now)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "sitegen: unknown command %q", args[0])
	if s := diag.Suggest(args[0], commands()); s != "" {
		fmt.Fprintf(stderr, " (did you mean %q?)", s)
	}
	fmt.Fprintf(stderr, "\nRun 'sitegen help' for usage.\n")
	return exitUsage
}
