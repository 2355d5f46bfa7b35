package markdown

import (
	"bytes"
	"fmt"
)

// maxDepth bounds how deeply blockquotes and lists may nest. goldmark's
// work grows with the square of the depth – one line of 50,000 '>' takes
// a second, lists nested 2,000 deep twelve – while no page needs more than
// a handful of levels, so deeper Markdown is refused before it is parsed.
// It is the bound front matter has too.
const maxDepth = 64

// maxBrackets bounds the '[' in one block (lines between blank lines).
// goldmark looks for the end of every link that opens, to the end of the
// block, so 80,000 of "[a](" took 31 s and 80,000 "[" then "]" 1.8 s;
// 5,000 take a tenth of a second, and a real paragraph or table has a few
// dozen.
const maxBrackets = 5000

// limit is a bound of the Markdown a page may have, broken: the line (of
// the body) where, and what to say.
type limit struct {
	line          int
	message, hint string
}

// overLimits checks the bounds that keep goldmark's time in proportion to
// the text, before it parses it.
func overLimits(src []byte) (limit, bool) {
	// No block can have more brackets than the whole source: counting
	// them per block is only needed when there are that many.
	countBrackets := bytes.Count(src, []byte("[")) > maxBrackets
	blockStart, brackets := 1, 0
	for n := 1; len(src) > 0; n++ {
		l := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			l, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if d := lineDepth(l); d > maxDepth {
			return limit{n, fmt.Sprintf("lists or quotes nested %d levels deep; at most %d are allowed", d, maxDepth),
				"nest fewer lists or quotes (>) inside each other"}, true
		}
		if !countBrackets {
			continue
		}
		if len(bytes.TrimSpace(l)) == 0 {
			blockStart, brackets = n+1, 0
			continue
		}
		if brackets += bytes.Count(l, []byte("[")); brackets > maxBrackets {
			return limit{blockStart, fmt.Sprintf("this paragraph has more than %d [ (links, footnotes or brackets)", maxBrackets),
				"split it into several paragraphs with blank lines"}, true
		}
	}
	return limit{}, false
}

// lineDepth counts how deep a line is nested, generously: every '>' and
// list marker that starts the line, and a level for every two columns of
// indentation before the first (a nested list item is indented by at
// least two). Lines that start with anything else, such as code, count 0.
func lineDepth(l []byte) int {
	cols, markers, i := 0, 0, 0
	for i < len(l) {
		switch c := l[i]; {
		case c == ' ' || c == '\t':
			switch { // indentation counts; spaces between markers do not
			case markers > 0:
			case c == '\t':
				cols += 4
			default:
				cols++
			}
			i++
		case c == '>':
			markers++
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			markers++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				markers++
				i = j + 1
				continue
			}
			return depthOf(cols, markers)
		default:
			return depthOf(cols, markers)
		}
	}
	return depthOf(cols, markers)
}

// depthOf counts a line with markers container markers and cols columns
// of whitespace among them: nothing for a line that opens no container.
func depthOf(cols, markers int) int {
	if markers == 0 {
		return 0
	}
	return markers + cols/2
}
