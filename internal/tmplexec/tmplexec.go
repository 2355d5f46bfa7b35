// Package tmplexec executes html/template templates from compiled Go
// closures, writing the bytes html/template would.
//
// text/template interprets a parse tree with reflection on every
// execution: about a microsecond per action, most of it finding fields,
// functions and conversions by name. tmplexec settles those once, when it
// compiles a template's escaped tree into closures, and then only runs
// them.
//
// html/template remains the source of truth. It escapes every template
// itself, in a clone whose functions do nothing (html/template escapes a
// template when it first executes it), and only the trees it has
// rewritten are compiled. Its escaping functions decide the
// output for every value the native fast paths here do not cover (see
// escape.go). And whenever a compiled execution fails, for whatever
// reason (an error from a function, a nil pointer, a case tmplexec leaves
// alone such as ranging over a channel), its output is discarded and
// html/template runs instead, so errors and their messages are always
// html/template's. A template using anything tmplexec does not compile
// simply always runs on html/template.
package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"maps"
	"reflect"
	"slices"
	"sync"
	"sync/atomic"
)

// Options configure a Set. The zero value is what production wants.
type Options struct {
	// Verify, for tests: every compiled execution is also run by
	// html/template, and a difference is an error naming the template and
	// the first differing offset. w receives html/template's output.
	Verify bool
	// Escaping, when not nil, is shared with other Sets (see Escaping).
	Escaping *Escaping
	// Reference, when not nil, says that the template given to New was
	// parsed with Inert(funcs), to serve as the shadow itself (nothing
	// else may execute it), and gives the same sources parsed with the
	// real functions: the html/template that runs whatever the compiled
	// code does not. It is called once, the first time it is needed
	// (with Verify, at the first execution), so that a build whose pages
	// all run compiled never parses them for html/template.
	Reference func() *template.Template
	// SameAs, when not nil, is a Set of the same template sources parsed
	// with other functions of the same names and types (a site's other
	// language): this Set compiles the trees html/template escapes for
	// that one rather than cloning and escaping its own, which is most of
	// what preparing a Set costs. Escaping does not depend on what the
	// functions do.
	SameAs *Set
}

// Set executes the templates of one html/template namespace (a
// *template.Template and every template associated with it) from
// compiled closures.
type Set struct {
	// t is the namespace html/template executes, made by ref if nil;
	// use reference().
	t          *template.Template
	ref        func() *template.Template
	refOnce    sync.Once
	funcs      template.FuncMap
	opts       Options
	missingKey missingKey
	// shadow is a clone of t whose functions do nothing: html/template
	// escapes a template only when it first executes it, and executing
	// the shadow (with no data) has it escape the shadow's copy of the
	// templates, which are the trees compiled, without a call of the real
	// functions, which may cache what they make. nil if t had already
	// executed when New was called: everything then runs on html/template.
	shadow *template.Template

	// entries holds the compilation of every name asked for.
	entries sync.Map // string → *entry

	escaping *Escaping

	mu       sync.Mutex // serialises compilation; guards compiled
	compiled map[string]*tmpl

	fields sync.Map  // accessKey → *access
	states sync.Pool // *state

	// fallbacks counts compiled executions that failed and ran again on
	// html/template, lastFallback says why the last one did: for tests.
	fallbacks    atomic.Int64
	lastFallback atomic.Value // string
}

// entry is the compilation of one template name, made once: prog, or why
// there is none.
type entry struct {
	once sync.Once
	prog *tmpl
	why  string
}

// missingKey is text/template's missingkey option, which decides what a
// missing map key gives.
type missingKey int

const (
	missingKeyUnknown missingKey = iota // a missing key fails, so html/template decides
	missingKeyInvalid                   // "default", "invalid": no value
	missingKeyZero                      // "zero"
	missingKeyError                     // "error"
)

// maxDepth bounds nested {{template}} calls; deeper executions fall back
// to html/template, which has its own (higher) limit and error.
const maxDepth = 10000

// New prepares t's namespace. funcs must be the FuncMap t was parsed with
// (the same values). Call it before t is executed: html/template cannot
// clone a template that has run, and without its clone every template of
// the Set runs on html/template.
func New(t *template.Template, funcs template.FuncMap, opts Options) *Set {
	s := &Set{
		t:          t,
		funcs:      funcs,
		opts:       opts,
		missingKey: readMissingKey(t),
		compiled:   map[string]*tmpl{},
		escaping:   opts.Escaping,
	}
	if s.escaping == nil {
		s.escaping = NewEscaping()
	}
	switch {
	case opts.SameAs != nil:
		s.shadow = opts.SameAs.shadow
	case opts.Reference != nil:
		s.shadow = t
	default:
		if shadow, err := t.Clone(); err == nil {
			s.shadow = shadow.Funcs(Inert(funcs))
		}
	}
	if opts.Reference != nil {
		s.t, s.ref = nil, opts.Reference
	}
	s.states.New = func() any { return &state{set: s} }
	return s
}

// Inert gives, for every function, one of the same type that does
// nothing and returns zero values: the functions of a shadow (see
// Options.Reference).
func Inert(funcs template.FuncMap) template.FuncMap {
	out := make(template.FuncMap, len(funcs))
	for name, fn := range funcs {
		typ := reflect.TypeOf(fn)
		if typ == nil || typ.Kind() != reflect.Func {
			continue // html/template refused it at Funcs already
		}
		out[name] = reflect.MakeFunc(typ, func([]reflect.Value) []reflect.Value {
			results := make([]reflect.Value, typ.NumOut())
			for i := range results {
				results[i] = reflect.Zero(typ.Out(i))
			}
			return results
		}).Interface()
	}
	return out
}

// Execute writes the template named name, applied to data, to w: the
// same bytes t.ExecuteTemplate(w, name, data) writes. It is safe for
// concurrent use.
func (s *Set) Execute(w *bytes.Buffer, name string, data any) error {
	v, ok := s.entries.Load(name)
	if !ok {
		v, _ = s.entries.LoadOrStore(name, &entry{})
	}
	e := v.(*entry)
	e.once.Do(func() { s.compile(e, name) })
	if e.prog == nil {
		return s.reference().ExecuteTemplate(w, name, data)
	}
	return s.executeCompiled(w, e.prog, name, data)
}

// reference gives the namespace html/template executes.
func (s *Set) reference() *template.Template {
	s.refOnce.Do(func() {
		if s.t == nil {
			s.t = s.ref()
		}
	})
	return s.t
}

// Compiled reports whether name runs compiled.
func (s *Set) Compiled(name string) bool {
	v, ok := s.entries.Load(name)
	return ok && v.(*entry).prog != nil
}

// executeCompiled runs t, and html/template instead if t fails.
func (s *Set) executeCompiled(w *bytes.Buffer, t *tmpl, name string, data any) error {
	if s.opts.Verify {
		return s.verify(w, t, name, data)
	}
	start := w.Len()
	if s.run(t, w, data) {
		return nil
	}
	w.Truncate(start)
	return s.reference().ExecuteTemplate(w, name, data)
}

// compile has html/template escape name in the shadow, then compiles the
// escaped trees; or says in e.why why name runs on html/template.
func (s *Set) compile(e *entry, name string) {
	if s.shadow == nil {
		e.why = "the template had executed before tmplexec.New: it cannot be cloned"
		return
	}
	// Only an error of escaping matters here; html/template then reports
	// it on every execution.
	if err := s.escape(name); err != nil {
		e.why = err.Error()
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.compileName(name)
	if err != nil {
		e.why = err.Error()
		return
	}
	e.prog = t
}

// escape has html/template escape name in the shadow, and returns the
// error of escaping if there is one. Execution without data stops at the
// first field, and the inert functions make nothing, nor a panic anything
// but the end of that execution (text/template panics on a range over a
// nil function, the zero value of an iterator).
func (s *Set) escape(name string) (err error) {
	defer func() {
		if recover() != nil {
			err = nil
		}
	}()
	var escapeErr *template.Error
	if err := s.shadow.ExecuteTemplate(io.Discard, name, nil); errors.As(err, &escapeErr) {
		return err
	}
	return nil
}

func (s *Set) compileName(name string) (t *tmpl, err error) {
	defer func() {
		if r := recover(); r != nil {
			t, err = nil, fmt.Errorf("tmplexec: compiling %q: %v", name, r)
		}
	}()
	ss := &session{set: s, pending: map[string]*tmpl{}}
	if t, err = ss.template(name); err != nil {
		return nil, err
	}
	maps.Copy(s.compiled, ss.pending)
	return t, nil
}

// state is one compiled execution's. States are pooled: their stacks
// are reused.
type state struct {
	set     *Set
	w       *bytes.Buffer
	vars    []reflect.Value // the frames of the templates being executed
	base    int             // where the current template's frame starts
	depth   int             // of nested {{template}} calls
	args    []reflect.Value // arguments being gathered for calls
	scratch bytes.Buffer    // a probe's output
	num     [24]byte        // a number being formatted
}

// run executes t into w, reporting false if it failed; what it wrote
// is then to be discarded. It never panics.
func (s *Set) run(t *tmpl, w *bytes.Buffer, data any) (ok bool) {
	st := s.states.Get().(*state)
	st.w = w
	defer func() {
		if r := recover(); r != nil {
			ok = false
			s.fallbacks.Add(1)
			s.lastFallback.Store(fmt.Sprint(r))
		}
		st.reset()
		s.states.Put(st)
	}()
	dot, isValue := data.(reflect.Value)
	if !isValue {
		dot = reflect.ValueOf(data)
	}
	st.exec(t, dot)
	return true
}

func (st *state) reset() {
	st.w = nil
	clear(st.vars)
	st.vars = st.vars[:0]
	clear(st.args)
	st.args = st.args[:0]
	st.base, st.depth = 0, 0
	st.scratch.Reset()
}

// exec runs t with dot in a new frame: templates see no variables of
// their callers, $ is dot.
func (st *state) exec(t *tmpl, dot reflect.Value) {
	if st.depth >= maxDepth {
		st.fail("too deeply nested templates")
	}
	base := st.base
	st.base = len(st.vars)
	st.vars = slices.Grow(st.vars, t.nvars)[:st.base+t.nvars]
	st.vars[st.base] = dot
	st.depth++
	t.root(st, dot)
	st.depth--
	clear(st.vars[st.base:])
	st.vars = st.vars[:st.base]
	st.base = base
}

// verify runs t and html/template and compares their output.
func (s *Set) verify(w *bytes.Buffer, t *tmpl, name string, data any) error {
	var got bytes.Buffer
	ok := s.run(t, &got, data)
	start := w.Len()
	err := s.reference().ExecuteTemplate(w, name, data)
	switch {
	case !ok:
		return err
	case err != nil:
		return fmt.Errorf("tmplexec: %q ran compiled, but html/template failed: %w", name, err)
	}
	if want := w.Bytes()[start:]; !bytes.Equal(got.Bytes(), want) {
		return mismatch(name, got.Bytes(), want)
	}
	return nil
}

// mismatch describes the first difference between two outputs.
func mismatch(name string, got, want []byte) error {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	around := func(b []byte) []byte {
		return b[max(0, i-40):min(len(b), i+40)]
	}
	return fmt.Errorf("tmplexec: %q: compiled output differs from html/template's at byte %d:\ncompiled:      %q\nhtml/template: %q",
		name, i, around(got), around(want))
}

// readMissingKey reads the missingkey option of t's namespace. Neither
// template package exports it, so it is read from text/template's
// unexported fields; if their layout ever changes, the option is unknown
// and a missing map key makes the compiled execution fall back.
func readMissingKey(t *template.Template) missingKey {
	v := reflect.ValueOf(t)
	for _, name := range []string{"text", "common", "option", "missingKey"} {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return missingKeyUnknown
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			return missingKeyUnknown
		}
		if v = v.FieldByName(name); !v.IsValid() {
			return missingKeyUnknown
		}
	}
	if v.Kind() != reflect.Int {
		return missingKeyUnknown
	}
	switch v.Int() {
	case 0:
		return missingKeyInvalid
	case 1:
		return missingKeyZero
	case 2:
		return missingKeyError
	}
	return missingKeyUnknown
}
