// Package diag holds problems found in a site as data: where (path, line,
// column), what, and a hint on how to fix it. Every phase collects problems
// instead of stopping at the first, so that a writer sees all of them at once.
package diag

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"
)

// Severity tells whether a problem stops the build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is reported but the build goes on.
	Warning
)

// Problem is one thing wrong with the input, at a place in a file.
// Line and Col are 1-based; 0 means unknown.
type Problem struct {
	Path     string // relative to the site root, with forward slashes
	Line     int
	Col      int
	Severity Severity
	Message  string
	Hint     string // optional: what to do about it
}

// String formats the problem as "path:line:col: message (hint)", one
// line, with every control character escaped (see Escape).
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(Escape(p.Path))
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(Escape(p.Message))
	if p.Hint != "" {
		b.WriteString(" (")
		b.WriteString(Escape(p.Hint))
		b.WriteString(")")
	}
	return b.String()
}

// Escape makes text from a site safe to print on a terminal or in a CI
// log: content, front matter and file names reach messages, and a control
// sequence among them could clear the screen, set the window title (OSC),
// hide text or forge other messages. Tab, newline and carriage return
// become \t, \n, \r (a message is one line); every other C0 control and
// DEL become \xHH; C1 controls, the bidirectional embeddings, overrides
// and isolates (U+202A–U+202E, U+2066–U+2069) and the marks that reorder
// or hide text (U+061C, U+200B–U+200F, U+2028, U+2029, U+FEFF) become
// \uHHHH; bytes that are not UTF-8 become \xHH. Everything else, Polish
// letters included, is left as it is.
func Escape(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unsafe(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s // the usual case: nothing to escape, nothing allocated
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case !unsafe(r, size):
			b.WriteString(s[i : i+size])
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < utf8.RuneSelf || size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += size
	}
	return b.String()
}

// unsafe reports whether the rune r, of size bytes in the text, must be
// escaped by Escape.
func unsafe(r rune, size int) bool {
	switch {
	case r == utf8.RuneError && size == 1: // not UTF-8: a lone 0x9b is CSI to some terminals
		return true
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x061c, r >= 0x200b && r <= 0x200f, r == 0x2028, r == 0x2029, r == 0xfeff:
		return true
	}
	return false
}

// List collects problems. The zero value is ready to use. A List is not safe
// for concurrent use: parallel phases give each worker its own List and
// Merge them in input order.
type List struct {
	items []Problem
}

// Add records a problem.
func (l *List) Add(p Problem) { l.items = append(l.items, p) }

// Errorf records an error at path:line:col.
func (l *List) Errorf(path string, line, col int, format string, args ...any) {
	l.Add(Problem{Path: path, Line: line, Col: col, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at path:line:col.
func (l *List) Warnf(path string, line, col int, format string, args ...any) {
	l.Add(Problem{Path: path, Line: line, Col: col, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// Merge appends all problems of other.
func (l *List) Merge(other List) { l.items = append(l.items, other.items...) }

// Items returns the problems sorted by path, line, column and message, so
// that output does not depend on the order in which goroutines finished.
func (l *List) Items() []Problem {
	out := slices.Clone(l.items)
	slices.SortStableFunc(out, Compare)
	return slices.CompactFunc(out, func(a, b Problem) bool { return a == b })
}

// Errors returns the problems that are errors, sorted as Items sorts them.
func (l *List) Errors() []Problem {
	return slices.DeleteFunc(l.Items(), func(p Problem) bool { return p.Severity != Error })
}

// HasErrors reports whether any problem is an Error.
func (l *List) HasErrors() bool {
	return slices.ContainsFunc(l.items, func(p Problem) bool { return p.Severity == Error })
}

// Counts returns the number of errors and warnings.
func (l *List) Counts() (errors, warnings int) {
	for _, p := range l.Items() {
		if p.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return errors, warnings
}

// Len is the number of problems recorded.
func (l *List) Len() int { return len(l.items) }

// Print writes every problem, one per line, sorted, then a count line
// such as "2 errors, 1 warning". It writes nothing when the list is empty.
func (l *List) Print(w io.Writer) {
	items := l.Items()
	if len(items) == 0 {
		return
	}
	for _, p := range items {
		fmt.Fprintln(w, p.String())
	}
	e, wn := l.Counts()
	fmt.Fprintln(w, Summary(e, wn))
}

// Summary is the closing count line: "1 error", "3 errors, 1 warning".
func Summary(errors, warnings int) string {
	var parts []string
	if errors > 0 {
		parts = append(parts, Count(errors, "error", "errors"))
	}
	if warnings > 0 {
		parts = append(parts, Count(warnings, "warning", "warnings"))
	}
	if len(parts) == 0 {
		return "no problems"
	}
	return strings.Join(parts, ", ")
}

// Count writes n and the English noun for it, one or many: "1 error",
// "3 errors". It is for the tool's own messages, which are in English;
// the site's words for numbers follow CLDR rules in package i18n.
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Compare orders problems as List.Items gives them: by path, line,
// column, then message.
func Compare(a, b Problem) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
		cmp.Compare(a.Message, b.Message),
	)
}

// Suggest returns the candidate closest to word by edit distance, or "" when
// none is close enough to be a likely typo. It powers "did you mean" hints.
func Suggest(word string, candidates []string) string {
	best, bestDist := "", len(word)/2+2
	lw := strings.ToLower(word)
	for _, c := range candidates {
		d := levenshtein(lw, strings.ToLower(c))
		if d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	// Up to a third of the letters may be wrong (at least 2): half, as
	// before, suggested "leader" for "member".
	// A short candidate two edits away must at least start alike: "end"
	// is no likely typo of "menu", but "few" is of "fwe".
	if bestDist > max(2, utf8.RuneCountInString(word)/3) ||
		bestDist > 1 && bestDist >= utf8.RuneCountInString(best)-1 && !sameStart(lw, strings.ToLower(best)) {
		return ""
	}
	return best
}

func sameStart(a, b string) bool {
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return ra == rb
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
