package build

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"unicode"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/slug"
	"golang.org/x/text/unicode/norm"
)

// maxLinks bounds the symbolic links followed for one path, as the kernel
// does (ELOOP after 40), so that a loop of links ends with an error.
const maxLinks = 40

// Why a symbolic link is refused.
var (
	errLeavesSite = errors.New("leads outside the site")
	errAbsolute   = errors.New("is an absolute link, which may lead outside the site")
	errLinkLoop   = errors.New("goes round in a loop of links")
)

// linkInSite reports a symbolic link at p (under content/ or static/) that
// leads outside the site, to nothing or round in a loop, and says whether
// the entry is fine to use; any other entry is. os.DirFS follows links when
// it opens a file, so without this a link could publish any file the build
// can read, such as ~/.ssh/id_rsa. A link that stays inside the site is
// followed.
func linkInSite(src fs.FS, p string, d fs.DirEntry, problems *diag.List) bool {
	if d.Type()&fs.ModeSymlink == 0 {
		return true
	}
	_, err := resolveInSite(src, p)
	if err == nil {
		return true
	}
	target, _ := fs.ReadLink(src, p)
	msg, hint := " "+err.Error(), "copy the file into the site instead of linking to it"
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg, hint = " leads to nothing", "correct the link or remove it"
	case errors.Is(err, errAbsolute):
		hint += ", or make the link relative to a file inside the site"
	case errors.Is(err, errLeavesSite), errors.Is(err, errLinkLoop):
	default:
		msg, hint = ": "+describeErr(err), ""
	}
	problems.Add(diag.Problem{Path: p, Message: "symbolic link to " + target + msg, Hint: hint})
	return false
}

// rootInSite checks the folder dir (content or static) itself, which may be
// a link too; a missing folder is the caller's business.
func rootInSite(src fs.FS, dir string, problems *diag.List) bool {
	fi, err := fs.Lstat(src, dir)
	if err != nil {
		return true
	}
	return linkInSite(src, dir, fs.FileInfoToDirEntry(fi), problems)
}

// regularFile says whether the entry at p, a link followed, is a regular
// file, and reports it if it is not: reading a named pipe would wait for a
// writer for ever, and a device may have no end.
func regularFile(src fs.FS, p string, d fs.DirEntry, problems *diag.List) bool {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		fi, err := fs.Stat(src, p)
		if err != nil {
			problems.Add(diag.Problem{Path: p, Message: describeErr(err)})
			return false
		}
		mode = fi.Mode()
	}
	switch {
	case mode.IsRegular():
		return true
	case mode.IsDir():
		problems.Add(diag.Problem{Path: p, Message: "symbolic link to a folder, which the build does not follow",
			Hint: "copy the folder into the site, or link its files one by one"})
	default:
		problems.Add(diag.Problem{Path: p, Message: "not a regular file (" + fileType(mode) + ")",
			Hint: "remove it: the site is built from files and folders only"})
	}
	return false
}

// publishableName reports a file whose name no web address carries as it
// is: under static/, a backslash, which Windows and some servers read as a
// folder separator (under content/ the slug drops it); anywhere, a control
// character such as a line break, which would also break the one line a
// problem is printed on, so such a name is quoted and the problem put at
// the top folder. Without this the writer refuses the output path, naming
// neither the file nor why.
func publishableName(p string, problems *diag.List) bool {
	top, _, _ := strings.Cut(p, "/")
	switch {
	case strings.ContainsFunc(p, unicode.IsControl):
		problems.Add(diag.Problem{Path: top, Message: fmt.Sprintf("the file name %q has a control character", p), Hint: "rename the file"})
	case top == StaticDir && strings.Contains(p, `\`):
		problems.Add(diag.Problem{Path: p, Message: `the file name has a backslash (\), which Windows and some servers read as a folder separator`,
			Hint: "rename the file"})
	case top == StaticDir && unportableName(p) != "":
		problems.Add(diag.Problem{Path: p, Message: "the file cannot be published: " + unportableName(p),
			Hint: "rename it: the site is unpacked on Windows too"})
	case top == StaticDir && !norm.NFC.IsNormalString(p):
		// Published under its name as it is: a link typed in NFC, as
		// keyboards type, would not find it. (content/ warns on its own.)
		problems.Add(diag.Problem{Path: p, Severity: diag.Warning,
			Message: fmt.Sprintf("the file name is not in Unicode NFC form (its letters are decomposed: %s), so links typed as %s do not find it",
				strconv.QuoteToASCII(p), norm.NFC.String(strings.TrimPrefix(p, StaticDir))),
			Hint: "rename the file, typing its name again"})
		return true
	default:
		return true
	}
	return false
}

// fileType names the kind of a file that is not a regular one.
func fileType(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// resolveInSite follows every symbolic link on the way to name, as the
// kernel would, but within src: it returns the path inside the site where
// name ends up, or an error when a link is absolute (src does not know where
// it lives on the disk) or climbs above the site's root.
func resolveInSite(src fs.FS, name string) (string, error) {
	resolved := "" // a path inside the site without links; "" is its root
	rest := strings.Split(name, "/")
	links := 0
	for len(rest) > 0 {
		seg := rest[0]
		rest = rest[1:]
		switch seg {
		case "", ".":
			continue
		case "..":
			if resolved == "" {
				return "", errLeavesSite
			}
			if resolved = path.Dir(resolved); resolved == "." {
				resolved = ""
			}
			continue
		}
		next := path.Join(resolved, seg)
		fi, err := fs.Lstat(src, next)
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			resolved = next
			continue
		}
		if links++; links > maxLinks {
			return "", errLinkLoop
		}
		target, err := fs.ReadLink(src, next)
		if err != nil {
			return "", err
		}
		// "C:\x" or "\\host\x" is absolute on Windows, where \ separates too.
		target = strings.ReplaceAll(target, `\`, "/")
		if strings.HasPrefix(target, "/") || len(target) > 1 && target[1] == ':' {
			return "", errAbsolute
		}
		// The target is relative to the folder of the link: resolved.
		rest = append(strings.Split(target, "/"), rest...)
	}
	return resolved, nil
}

// unportableName says why the path p (its folders and its name) cannot
// be held on Windows, or "".
func unportableName(p string) string {
	for seg := range strings.SplitSeq(p, "/") {
		if why := slug.Unportable(seg); why != "" {
			return fmt.Sprintf("Windows cannot hold %q: %s", seg, why)
		}
	}
	return ""
}

// caseTwins reports paths that differ from an earlier one only in case
// (static/Logo.png and static/logo.png): a case-insensitive disk
// (Windows, macOS) keeps one of them, so a writer who clones or unpacks
// the site there loses the other. paths are in walk order.
func caseTwins(paths []string, problems *diag.List) {
	seen := make(map[string]string, len(paths))
	for _, p := range paths {
		folded := slug.FoldCase(p)
		if prev, ok := seen[folded]; ok && prev != p {
			problems.Add(diag.Problem{Path: p,
				Message: fmt.Sprintf("%s and %s differ only in case: on Windows or macOS only one of them can exist", prev, p),
				Hint:    "rename one of them"})
			continue
		}
		seen[folded] = p
	}
}
