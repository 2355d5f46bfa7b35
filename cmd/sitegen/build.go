package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/output"
)

// buildSynopsis is the form of `sitegen build`, in its --help and in
// `sitegen help`.
const buildSynopsis = "sitegen build [--source DIR] [--dest DIR] [--base-url URL] [--drafts] [--now DAY] [--force] [--quiet|--verbose]"

const buildUsage = "Usage: " + buildSynopsis + `

Builds the site. On any error nothing is written and the previous site
stays as it was; a good build replaces the destination whole. A folder
that holds files but no index.html is not a site built before, and is
replaced only with --force.

--base-url must be a plain http(s) address: no user:pass@, no port beyond
65535, no . or .. segments, no ?query or #fragment; an international host
name is written as punycode. A bad --base-url is bad usage (exit 2); the
same mistakes in site.yaml's baseURL are site errors (exit 1).

Examples:
  sitegen build                              ./ → ./public/
  sitegen build --source strona --dest out   ./strona → ./out/
  sitegen build --drafts                     include drafts (draft: true)
  sitegen build --now 2026-05-15             the site as it will be on that day
  sitegen build --base-url https://example.github.io/sitegen/preview/
                                             links for a preview address

Flags:
`

// buildFlags are the options of `sitegen build`.
type buildFlags struct {
	source, dest, baseURL string
	drafts, force         bool
	now                   *dayFlag
	quiet, verbose        *bool
}

func newBuildFlags(stderr io.Writer) (*flag.FlagSet, *buildFlags) {
	f := &buildFlags{}
	fs := newFlagSet("build", buildUsage, stderr)
	fs.StringVar(&f.source, "source", ".", "the site's folder (with site.yaml)")
	fs.StringVar(&f.dest, "dest", "", "where to write the site (default: public/ in the source folder)")
	fs.StringVar(&f.baseURL, "base-url", "", "replace site.yaml's baseURL, e.g. for a preview deployment")
	fs.BoolVar(&f.drafts, "drafts", false, "include documents marked draft: true")
	fs.BoolVar(&f.force, "force", false, "replace --dest even if it does not look like a site built before")
	f.now = nowFlag(fs)
	f.quiet, f.verbose = verbosityFlags(fs)
	return fs, f
}

func runBuild(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	fs, f := newBuildFlags(stderr)
	if code, done := parseFlags(fs, args, stderr); done {
		return code
	}
	st, ok := newStyle("build", *f.quiet, *f.verbose, stderr, stderr)
	if !ok {
		return exitUsage
	}
	if f.dest == "" {
		f.dest = filepath.Join(f.source, "public")
	}
	// These two speak of --dest as typed, with a hint on a line of its own.
	if err := checkDest(f.source, f.dest); err != nil {
		fmt.Fprintf(stderr, "sitegen build: %v\n", err)
		return exitUsage
	}
	if err := checkReplace(f.dest); err != nil && !f.force {
		fmt.Fprintf(stderr, "sitegen build: %v\n", err)
		return exitUsage
	}
	if !baseURLFlagOK("build", f.baseURL, stderr) {
		return exitUsage
	}
	if st.verbose {
		fmt.Fprintf(stderr, "sitegen build: site %s → %s, base URL %s, drafts %v\n",
			f.source, f.dest, cmp.Or(f.baseURL, "from site.yaml"), f.drafts)
	}

	// now is the build's notion of the present (tests fix it); how long
	// the build took is measured on the real clock.
	began := time.Now()
	src, closeSrc := siteFS(f.source)
	defer closeSrc()
	// Pages go into the new tree as they are rendered, so the site is
	// never all in memory; the tree is swapped in only if the build has
	// no errors.
	w, err := output.Begin(f.dest)
	if err != nil {
		fmt.Fprintf(stderr, "sitegen build: %s\n", diag.Escape(err.Error()))
		return exitProblems
	}
	defer w.Abort() // after Commit, nothing
	var written fileList
	res := build.Run(src, build.Options{BaseURL: f.baseURL, Drafts: f.drafts, Now: f.now.clock(now),
		ImageCache: filepath.Join(f.source, build.ImageCacheDir), Emit: func(file output.File) error {
			written.add(file)
			return w.Add(file)
		}})
	st.printProblems(stderr, res.Problems)
	if res.Problems.HasErrors() {
		if err := w.Abort(); err != nil {
			fmt.Fprintf(stderr, "sitegen build: %s\n", diag.Escape(err.Error()))
		}
		fmt.Fprintln(stderr, "sitegen build: nothing was written")
		return exitProblems
	}
	if err := w.Commit(); err != nil {
		fmt.Fprintf(stderr, "sitegen build: %s\n", diag.Escape(err.Error()))
		return exitProblems
	}
	files := written.sorted()
	if st.verbose {
		for _, file := range files {
			fmt.Fprintf(stderr, "  %s (%d bytes)\n", diag.Escape(file.path), file.size)
		}
	}
	if !st.quiet {
		fmt.Fprintln(stdout, summary(res, f.dest, len(files), time.Since(began)))
		fmt.Fprintln(stdout, nextChange(res.Site))
	}
	return exitOK
}

// fileList records the files a build wrote, for the summary and --verbose,
// from the goroutines that hand them over.
type fileList struct {
	mu    sync.Mutex
	files []writtenFile
}

type writtenFile struct {
	path string
	size int
}

func (l *fileList) add(f output.File) {
	l.mu.Lock()
	l.files = append(l.files, writtenFile{f.Path, len(f.Data)})
	l.mu.Unlock()
}

// sorted returns the files by path, whatever order they were written in.
func (l *fileList) sorted() []writtenFile {
	slices.SortFunc(l.files, func(a, b writtenFile) int { return strings.Compare(a.path, b.path) })
	return l.files
}

// summary is the one line a build ends with:
// "built public/: pl 18 pages, en 18 pages; 45 files in 52 ms".
func summary(res *build.Result, dest string, files int, took time.Duration) string {
	var parts []string
	for _, l := range res.Site.Config.Languages {
		parts = append(parts, fmt.Sprintf("%s %d pages", l.Code, res.PagesByLang[l.Code]))
	}
	return fmt.Sprintf("built %s: %s; %d files in %d ms", dest, strings.Join(parts, ", "), files, took.Milliseconds())
}

// checkDest refuses destinations that would overwrite the sources: the
// site folder itself, a folder above it, or one of its input folders.
func checkDest(source, dest string) error {
	src, err := realPath(source)
	if err != nil {
		return err
	}
	dst, err := realPath(dest)
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

// checkReplace refuses a destination a build would wipe out by mistake: a
// folder that holds files but no index.html at its top, which every site
// built before has (a typo in --dest, or a folder of documents). Zola asks
// for --force in the same case. A missing or empty folder is fine, and what
// else is wrong with dest is output.Write's to say.
func checkReplace(dest string) error {
	entries, err := os.ReadDir(dest)
	if err != nil || len(entries) == 0 {
		return nil
	}
	if fi, err := os.Stat(filepath.Join(dest, "index.html")); err == nil && fi.Mode().IsRegular() {
		return nil
	}
	return fmt.Errorf("--dest %s holds %d files or folders but no index.html, so it is not a site built before, and a build would replace all of it\n"+
		"  hint: choose another folder, empty this one, or pass --force to replace it", dest, len(entries))
}

// isWithin reports whether path is below (not equal to) dir.
func isWithin(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// baseURLFlagOK reports whether --base-url is empty or a base URL the site
// can be published at, and says why not: a bad flag is bad usage (exit 2),
// where the same mistake in site.yaml is a site error at its line.
func baseURLFlagOK(cmd, baseURL string, stderr io.Writer) bool {
	if baseURL == "" {
		return true
	}
	_, err := config.NormalizeBaseURL(baseURL)
	var bad *config.BaseURLError
	if errors.As(err, &bad) {
		fmt.Fprintf(stderr, "sitegen %s: --base-url %q %s\n  hint: %s\n", cmd, bad.URL, bad.Message, bad.Hint)
		return false
	}
	return true
}
