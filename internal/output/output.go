// Package output is the generator's set of output files in memory and the
// only code that writes the destination folder. It minifies and fingerprints
// files, checks their paths, and swaps a complete new tree into place so that
// a reader of the destination never sees a half-written site.
package output

import (
	"errors"
	"fmt"
	"strings"

	"github.com/lubuskie-es/sitegen/internal/slug"
)

// File is one output file. Path is slash-separated and relative to the site
// root, e.g. "spotkania/2015/x/index.html".
type File struct {
	Path string
	Data []byte
}

// Validate checks that every path is a clean relative slash path that
// Windows can hold too, that no two files share a path, not even one that
// differs only in case, and that no file sits where another file needs a
// folder ("a" and "a/b"). It reports every bad path, not just the first, so
// that the build can show them all at once; the error is nil when all are fine.
func Validate(files []File) error {
	var errs []error
	paths := make(map[string]struct{}, len(files))
	for _, f := range files {
		if err := checkPath(f.Path); err != nil {
			errs = append(errs, err)
			continue
		}
		if _, dup := paths[f.Path]; dup {
			errs = append(errs, fmt.Errorf("output: %q: two files have this path", f.Path))
			continue
		}
		paths[f.Path] = struct{}{}
	}
	errs = append(errs, folderConflicts(files, paths)...)
	errs = append(errs, caseConflicts(files, paths)...)
	return errors.Join(errs...)
}

// checkPath rejects any path that could leave the destination folder, that
// names it in more than one way, or that some file system cannot store.
func checkPath(p string) error {
	bad := func(why string) error { return fmt.Errorf("output: %q: %s", p, why) }
	switch {
	case p == "":
		return bad("empty path")
	case strings.ContainsRune(p, 0):
		return bad("contains a NUL byte")
	case strings.ContainsRune(p, '\\'):
		return bad("contains a backslash; use forward slashes")
	case strings.HasPrefix(p, "/"):
		return bad("absolute path; paths are relative to the site root")
	case hasDriveLetter(p):
		return bad("starts with a Windows drive letter")
	}
	for seg := range strings.SplitSeq(p, "/") {
		switch seg {
		case "":
			return bad("empty path segment (doubled or trailing slash)")
		case ".", "..":
			return bad(fmt.Sprintf("%q segment; paths must be clean", seg))
		}
		if why := slug.Unportable(seg); why != "" {
			return bad(fmt.Sprintf("Windows cannot hold %q: %s", seg, why))
		}
	}
	return nil
}

// hasDriveLetter spots "C:" so that a path meant to be relative cannot turn
// into an absolute one when the generator runs on Windows.
func hasDriveLetter(p string) bool {
	if len(p) < 2 || p[1] != ':' {
		return false
	}
	c := p[0] | 0x20 // ASCII lower case
	return 'a' <= c && c <= 'z'
}

// folderConflicts finds files whose path is needed as a folder by another
// file. paths holds the valid, distinct file paths; files gives the order in
// which conflicts are reported, so that the message is deterministic.
func folderConflicts(files []File, paths map[string]struct{}) []error {
	var errs []error
	for _, f := range files {
		if _, ok := paths[f.Path]; !ok {
			continue // invalid; already reported
		}
		for i := range len(f.Path) {
			if f.Path[i] != '/' {
				continue
			}
			if _, clash := paths[f.Path[:i]]; clash {
				errs = append(errs, fmt.Errorf("output: %q is a file, but %q needs it to be a folder", f.Path[:i], f.Path))
				break
			}
		}
	}
	return errs
}

// caseConflicts finds files whose paths differ only in case ("Logo.png"
// and "logo.png"): a case-insensitive disk (Windows, macOS), where the
// preview is unpacked, keeps one of the two. A file whose path is a folder
// of another's in another case ("A" and "a/b") cannot be unpacked either.
func caseConflicts(files []File, paths map[string]struct{}) []error {
	var errs []error
	seen := make(map[string]string, len(paths))
	for _, f := range files {
		if _, ok := paths[f.Path]; ok {
			folded := slug.FoldCase(f.Path)
			if prev, dup := seen[folded]; dup && prev != f.Path {
				errs = append(errs, fmt.Errorf("output: %q and %q differ only in case, and a case-insensitive disk (Windows, macOS) holds only one of them", prev, f.Path))
				continue
			}
			seen[folded] = f.Path
		}
	}
	for _, f := range files {
		if _, ok := paths[f.Path]; !ok {
			continue
		}
		folded := slug.FoldCase(f.Path)
		for i := range len(folded) {
			if folded[i] != '/' {
				continue
			}
			if prev, clash := seen[folded[:i]]; clash && prev != f.Path[:i] {
				errs = append(errs, fmt.Errorf("output: %q is a file, but %q needs it to be a folder on a case-insensitive disk (Windows, macOS)", prev, f.Path))
				break
			}
		}
	}
	return errs
}
