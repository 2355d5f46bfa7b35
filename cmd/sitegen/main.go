// Command sitegen builds the website of the Partnerstwo na rzecz ekonomii
// społecznej from Markdown content. It parses flags, wires the phases and
// sets the exit code; the work happens in internal/.
package main

import (
	"fmt"
	"io"
	"os"
	"time"
	_ "time/tzdata" // site.yaml names IANA zones; do not depend on the host's zoneinfo

	"github.com/lubuskie-es/sitegen/internal/diag"
)

// Exit codes, as DESIGN.md fixes them.
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
  sitegen build [--source DIR] [--dest DIR] [--base-url URL] [--drafts]
  sitegen version
  sitegen help

Commands:
  build     build the site into public/ (or --dest); on any problem nothing
            is written and the previous site stays as it was
  version   print the version

Examples:
  sitegen build                          build ./ into ./public/
  sitegen build --drafts                 include drafts (draft: true)
  sitegen build --base-url https://preview.example.org/pr-12/

Problems are printed as path:line:col: message. Exit codes: 0 success,
1 the site has errors, 2 bad usage.
`

func run(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:], stdout, stderr, now)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "sitegen %s\n", version)
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "sitegen: unknown command %q", args[0])
	if s := diag.Suggest(args[0], []string{"build", "version", "help"}); s != "" {
		fmt.Fprintf(stderr, " (did you mean %q?)", s)
	}
	fmt.Fprintf(stderr, "\nRun 'sitegen help' for usage.\n")
	return exitUsage
}
