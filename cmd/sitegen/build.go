package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/output"
)

func runBuild(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	source := fs.String("source", ".", "the site's folder (with site.yaml)")
	dest := fs.String("dest", "", "where to write the site (default: public/ in the source folder)")
	baseURL := fs.String("base-url", "", "replace site.yaml's baseURL, e.g. for a preview deployment")
	drafts := fs.Bool("drafts", false, "include documents marked draft: true")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: sitegen build [--source DIR] [--dest DIR] [--base-url URL] [--drafts]\n\nBuilds the site. On any error nothing is written.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sitegen build: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if *dest == "" {
		*dest = filepath.Join(*source, "public")
	}
	if err := checkDest(*source, *dest); err != nil {
		fmt.Fprintf(stderr, "sitegen build: %v\n", err)
		return exitUsage
	}

	start := now()
	res := build.Run(os.DirFS(*source), build.Options{BaseURL: *baseURL, Drafts: *drafts, Now: start})
	res.Problems.Print(stderr)
	if res.Problems.HasErrors() {
		fmt.Fprintln(stderr, "sitegen build: nothing was written")
		return exitProblems
	}
	if err := output.Write(*dest, res.Files); err != nil {
		fmt.Fprintf(stderr, "sitegen build: %v\n", err)
		return exitProblems
	}
	fmt.Fprintln(stdout, summary(res, *dest, time.Since(start)))
	return exitOK
}

// summary is the one line a build ends with:
// "built public/: pl 18 pages, en 18 pages; 45 files in 52 ms".
func summary(res *build.Result, dest string, took time.Duration) string {
	var parts []string
	for _, l := range res.Site.Config.Languages {
		parts = append(parts, fmt.Sprintf("%s %d pages", l.Code, res.PagesByLang[l.Code]))
	}
	return fmt.Sprintf("built %s: %s; %d files in %d ms", dest, strings.Join(parts, ", "), len(res.Files), took.Milliseconds())
}

// checkDest refuses destinations that would overwrite the sources: the
// site folder itself, a folder above it, or one of its input folders.
func checkDest(source, dest string) error {
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	dst, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if dst == src || isWithin(src, dst) {
		return fmt.Errorf("--dest %s would replace the site's own folder", dest)
	}
	for _, in := range []string{"content", "templates", "static", "site.yaml", "cmd", "internal", ".git"} {
		if p := filepath.Join(src, in); dst == p || isWithin(dst, p) {
			return fmt.Errorf("--dest %s is inside the site's sources (%s)", dest, in)
		}
	}
	return nil
}

// isWithin reports whether path is below (not equal to) dir.
func isWithin(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && !strings.HasPrefix(rel, "..") && !filepath.IsAbs(rel)
}
