package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/lubuskie-es/sitegen/internal/config"
	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/newdoc"
)

// newSynopsis is the form of `sitegen new`, in its --help and in
// `sitegen help`.
const newSynopsis = `sitegen new meeting|partner|page "Tytuł" [--lang pl] [--source DIR]`

const newUsage = "Usage: " + newSynopsis + `

Starts a new file with every front matter key of its kind, each explained
in a comment (in Polish for pl, in English otherwise), and prints its path
and the address the page will have. It never overwrites a file.

  meeting   content/meetings/YYYY-MM-DD-<slug>.<lang>.md, dated today
  partner   content/partners/<slug>.<lang>.md (the slug is the partner's id)
  page      content/<slug>.<lang>.md

Examples:
  sitegen new meeting "Spotkanie sygnatariuszy w Żarach"
  sitegen new partner "Fundacja Przykładowa"
  sitegen new page "Signatories" --lang en

Flags (before or after the title):
`

func newNewFlags(stderr io.Writer) (*flag.FlagSet, *string, *string) {
	fs := newFlagSet("new", newUsage, stderr)
	lang := fs.String("lang", "", "the language of the file (default: the site's first language)")
	source := fs.String("source", ".", "the site's folder (with site.yaml)")
	return fs, lang, source
}

func runNew(args []string, stdout, stderr io.Writer, now func() time.Time) int {
	flags, lang, source := newNewFlags(stderr)
	words, code, done := parseArgs(flags, args)
	if done {
		return code
	}
	if len(words) != 2 || !slices.Contains(newdoc.Kinds(), words[0]) {
		fmt.Fprintln(stderr, `sitegen new: give the kind and the title, e.g. sitegen new meeting "Spotkanie w Żarach"`)
		if len(words) > 2 {
			fmt.Fprintln(stderr, "  (a title of several words goes in quotes)")
		}
		fmt.Fprintln(stderr, "Run 'sitegen new --help' for more.")
		return exitUsage
	}

	data, err := os.ReadFile(filepath.Join(*source, config.FileName))
	if err != nil {
		fmt.Fprintf(stderr, "sitegen new: cannot read %s: %v (run it in the site's folder or pass --source DIR)\n",
			diag.Escape(filepath.Join(*source, config.FileName)), errors.Unwrap(err))
		return exitUsage
	}
	cfg, problems := config.Parse(data)
	if problems.HasErrors() {
		problems.Print(stderr)
		return exitProblems
	}
	doc, err := newdoc.Make(cfg, newdoc.Request{Kind: words[0], Title: words[1], Lang: *lang, Now: now()})
	if err != nil {
		fmt.Fprintf(stderr, "sitegen new: %s\n", diag.Escape(err.Error()))
		var bad *newdoc.BadRequest
		if errors.As(err, &bad) {
			return exitUsage
		}
		return exitProblems
	}
	path := filepath.Join(*source, filepath.FromSlash(doc.Path))
	// A file without a language suffix is in the default language: it is
	// the same page as the one about to be made, and the two would collide.
	if twin, ok := strings.CutSuffix(doc.Path, "."+cfg.Default().Code+".md"); ok {
		twinPath := filepath.Join(*source, filepath.FromSlash(twin+".md"))
		if _, err := os.Lstat(twinPath); err == nil {
			fmt.Fprintf(stderr, "sitegen new: %s already is this page (a file without a language suffix is in %s); it was left as it is (choose another title, or edit that file)\n", twinPath, cfg.Default().Code)
			return exitProblems
		}
	}
	if err := checkFolders(*source, doc.Path); err != nil {
		fmt.Fprintf(stderr, "sitegen new: %s\n", diag.Escape(err.Error()))
		return exitProblems
	}
	if err := writeNew(path, doc.Data); err != nil {
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(stderr, "sitegen new: %s already exists; it was left as it is (choose another title, or edit that file)\n", path)
		} else {
			fmt.Fprintf(stderr, "sitegen new: %s\n", diag.Escape(err.Error()))
		}
		return exitProblems
	}
	fmt.Fprintf(stdout, "created %s\n", filepath.ToSlash(path))
	fmt.Fprintf(stdout, "address once built: %s\n", doc.URL)
	return exitOK
}

// checkFolders checks the folders of rel (a path under the site's folder
// source, with forward slashes) that exist, before writeNew makes the rest:
// a symbolic link that leads nowhere is reported as such (MkdirAll would
// say "file exists", as if the file were there), and one that leads out of
// the site is refused, since the file would be written outside the site
// and the build refuses such a folder.
func checkFolders(source, rel string) error {
	root, err := realPath(source)
	if err != nil {
		return err
	}
	dir := source
	parts := strings.Split(rel, "/")
	for _, part := range parts[:len(parts)-1] {
		dir = filepath.Join(dir, part)
		fi, err := os.Lstat(dir)
		if errors.Is(err, fs.ErrNotExist) {
			return nil // MkdirAll makes it and what is below it
		}
		if err != nil {
			return err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(dir)
			st, err := os.Stat(dir)
			if err != nil {
				return fmt.Errorf("%s is a symbolic link to %s, which does not exist: nothing was written (remove the link, or make the folder it points to)", dir, target)
			}
			real, err := realPath(dir)
			if err != nil {
				return err
			}
			if r, err := filepath.Rel(root, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				return fmt.Errorf("%s is a symbolic link to %s, outside the site: nothing was written there (the build leaves such a folder out; replace the link by a folder in the site)", dir, real)
			}
			fi = st
		}
		if !fi.IsDir() {
			return fmt.Errorf("%s is a file, not a folder: nothing was written (rename or move that file)", dir)
		}
	}
	return nil
}

// writeNew creates path, refusing to replace a file that is there (even
// one created a moment ago by someone else: O_EXCL decides atomically).
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}
