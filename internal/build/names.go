package build

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"golang.org/x/text/encoding/charmap"
)

const polishLetters = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"

// notUTF8Name is the problem of a file or folder whose name is not UTF-8,
// as unpacking a zip made on Windows gives on Linux: Go's file system
// calls refuse such a name ("invalid argument"). The name is shown
// escaped (by diag); when its bytes read as Polish letters in one of the
// old code pages, the name they mean is shown and how to rename.
func notUTF8Name(p string, dir bool) diag.Problem {
	what := "file"
	if dir {
		what = "folder"
	}
	prob := diag.Problem{Path: p, Message: fmt.Sprintf("the %s name is not UTF-8, so it cannot be read", what),
		Hint: "rename it, typing its name again; a zip made on Windows keeps names in the DOS code page: unpack it again with unzip -O CP852"}
	guess, pages := guessName(p)
	if guess == "" {
		return prob
	}
	prob.Message += fmt.Sprintf("; read as %s it is %q", strings.Join(pages, " or "), guess)
	prob.Hint = fmt.Sprintf("rename it: mv %s %s", shellQuote(p), shellQuote(guess))
	if pages[0] == "CP852" {
		prob.Hint += ", or unpack the zip again with unzip -O CP852 (Windows keeps a zip's names in the DOS code page)"
	}
	return prob
}

// skipNotUTF8 reports the entry p of a walk, whose name is not UTF-8, and
// passes over it; a folder is reported once, when it is entered, and not
// read (reading it would fail with "invalid argument").
func skipNotUTF8(p string, d fs.DirEntry, problems *diag.List) error {
	dir := d != nil && d.IsDir()
	if i := strings.LastIndexByte(p, '/'); i >= 0 && !utf8.ValidString(p[:i]) {
		return nil // inside a folder already reported
	}
	problems.Add(notUTF8Name(p, dir))
	if dir {
		return fs.SkipDir
	}
	return nil
}

// guessName reads every segment of p that is not UTF-8 in each code page
// of namePages and keeps the reading with the most Polish letters and no
// other letters beyond ASCII; it returns "" when none reads so. pages
// names every code page that gives that reading.
func guessName(p string) (string, []string) {
	// Most likely first: CP852 is what Windows' own zip folders write (the
	// DOS code page of a Polish Windows); Windows-1250 and ISO-8859-2 what
	// older tools, and disks mounted without utf8, give.
	namePages := []struct {
		name string
		cm   *charmap.Charmap
	}{
		{"CP852", charmap.CodePage852},
		{"Windows-1250", charmap.Windows1250},
		{"ISO-8859-2", charmap.ISO8859_2},
	}
	best, bestScore := "", 0
	var pages []string
	for _, np := range namePages {
		segs := strings.Split(p, "/")
		score := 0
		for i, seg := range segs {
			if utf8.ValidString(seg) {
				continue
			}
			dec, err := np.cm.NewDecoder().String(seg)
			if err != nil {
				score = -1
				break
			}
			for _, r := range dec {
				switch {
				case r < utf8.RuneSelf:
				case strings.ContainsRune(polishLetters, r):
					score++
				default:
					score = -1
				}
				if score < 0 {
					break
				}
			}
			if score < 0 {
				break
			}
			segs[i] = dec
		}
		name := strings.Join(segs, "/")
		switch {
		case score <= 0:
		case score > bestScore:
			best, bestScore, pages = name, score, []string{np.name}
		case score == bestScore && name == best:
			pages = append(pages, np.name)
		}
	}
	return best, pages
}

// shellQuote quotes p for a POSIX shell, its bytes that are not UTF-8
// (and other controls) written as $'\xHH', so that a writer can paste it.
func shellQuote(p string) string {
	var b strings.Builder
	b.WriteString("$'")
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		switch {
		case (r == utf8.RuneError && n == 1) || r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, p[i])
		case r == '\'' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteString(p[i : i+n])
		}
		i += n
	}
	b.WriteString("'")
	return b.String()
}
