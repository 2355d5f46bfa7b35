package build

import (
	"sync"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/output"
	"github.com/lubuskie-es/sitegen/internal/work"
)

// emitter hands finished files to Options.Emit as they are made. Of the
// failures it keeps the one of the lowest path, so that the same failure
// gives the same message however the goroutines ran.
type emitter struct {
	emit func(output.File) error

	mu      sync.Mutex
	errPath string
	err     error
}

// on reports whether files go to Emit rather than into Result.Files.
func (e *emitter) on() bool { return e.emit != nil }

// hand gives f to Emit, if there is one.
func (e *emitter) hand(f output.File) {
	if e.emit == nil {
		return
	}
	if err := e.emit(f); err != nil {
		e.mu.Lock()
		if e.err == nil || f.Path < e.errPath {
			e.errPath, e.err = f.Path, err
		}
		e.mu.Unlock()
	}
}

// handAll gives files to Emit on workers goroutines and drops their data:
// only the paths stay, for Validate once every file is made.
func (e *emitter) handAll(files []output.File, workers int) {
	if e.emit == nil {
		return
	}
	work.Do(len(files), workers, func(i int) {
		e.hand(files[i])
		files[i].Data = nil
	})
}

// report adds the failure to hand a file over, if any, to problems.
func (e *emitter) report(problems *diag.List) {
	if e.err != nil {
		problems.Add(diag.Problem{Path: "public", Message: e.err.Error()})
	}
}
