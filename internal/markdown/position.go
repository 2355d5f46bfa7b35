package markdown

import (
	"bytes"
	"slices"
	"unicode/utf8"
)

// positions turns byte offsets of one source into lines and columns in
// time that does not grow with the offset: a 5 MB file with thousands of
// headings, links or problems would otherwise be counted from its start
// for each of them. The zero value with src set is ready to use.
type positions struct {
	src []byte
	// starts are the offsets where lines start, built when a place
	// before the last one is asked for; until then, each place is
	// counted on from the last.
	starts []int
	// The last place asked for: the walk asks in document order, so the
	// next place is counted on from there.
	lastOff, lastLine, lastCol int
	lastLineStart              int
}

// at returns the 1-based line and column of offset off; the column counts
// characters, as editors do, so that Polish letters count as one. Both
// are 0 for an offset outside the source.
func (p *positions) at(off int) (line, col int) {
	if off < 0 || off > len(p.src) {
		return 0, 0
	}
	var start int // where the line starts
	switch {
	case p.starts == nil && p.lastLine > 0 && off >= p.lastOff:
		// Onwards from the last place, with the newlines between
		// counted at once: no index is needed while the places come in
		// order, as they almost always do.
		between := p.src[p.lastOff:off]
		line, start = p.lastLine, p.lastLineStart
		if n := bytes.Count(between, []byte{'\n'}); n > 0 {
			line += n
			start = p.lastOff + bytes.LastIndexByte(between, '\n') + 1
		}
	case p.starts == nil && p.lastLine == 0:
		// The first place.
		before := p.src[:off]
		line = 1 + bytes.Count(before, []byte{'\n'})
		start = bytes.LastIndexByte(before, '\n') + 1
	default:
		p.index()
		i, found := slices.BinarySearch(p.starts, off)
		if !found {
			i--
		}
		line, start = i+1, p.starts[i]
	}
	// Counting on from the last place is exact only from a character's
	// first byte; goldmark's offsets always are one.
	if line == p.lastLine && off >= p.lastOff && (p.lastOff == len(p.src) || utf8.RuneStart(p.src[p.lastOff])) {
		col = p.lastCol + utf8.RuneCount(p.src[p.lastOff:off])
	} else {
		col = utf8.RuneCount(p.src[start:off]) + 1
	}
	p.lastOff, p.lastLine, p.lastCol, p.lastLineStart = off, line, col, start
	return line, col
}

// index builds starts, if it is not built yet.
func (p *positions) index() {
	if p.starts != nil {
		return
	}
	p.starts = make([]int, 1, 1+bytes.Count(p.src, []byte{'\n'}))
	for i := 0; ; {
		j := bytes.IndexByte(p.src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		p.starts = append(p.starts, i)
	}
}

// position is positions.at for a single question.
func position(src []byte, off int) (line, col int) {
	p := positions{src: src}
	return p.at(off)
}

// position is where offset off of the walker's source is.
func (w *walker) position(off int) (line, col int) {
	if w.pos.src == nil {
		w.pos.src = w.src
	}
	return w.pos.at(off)
}
