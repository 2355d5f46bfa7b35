package tmplexec

import (
	"fmt"
	"html/template"
	"net/url"
	"reflect"
	"strings"
	ttemplate "text/template"
	"text/template/parse"
	"time"
)

// Function calls: FuncMap functions, which are known when a template is
// compiled, so their argument conversions are settled then and the common
// signatures are called directly rather than through reflect.Value.Call;
// and text/template's builtins.

// argSrc is one argument of a call as the template gives it.
type argSrc struct {
	konst parse.Node // a constant (bool, number, string, nil), converted to the parameter's type
	e     expr       // otherwise the operand's value…
	final bool       // …or, if final, the previous command's value
}

// value is the argument as a parameter of type typ, for calls whose
// parameter types are known only at run time (methods).
func (a *argSrc) value(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
	if a.konst != nil {
		v, err := constArg(typ, a.konst)
		if err != nil {
			s.fail("bad constant argument")
		}
		return v
	}
	return s.validate(a.e.val(s, dot, reflect.Value{}), typ)
}

// failing is an expression that always fails, for code text/template
// rejects only when it runs it: the fallback then gives its error.
func failing(why string) expr {
	return expr{val: func(s *state, _, _ reflect.Value) reflect.Value {
		s.fail(why)
		return reflect.Value{}
	}}
}

// argValue evaluates a to a parameter of type typ.
func argValue(a argSrc, typ reflect.Type) evalFn {
	switch {
	case a.konst != nil:
		v, err := constArg(typ, a.konst)
		if err != nil {
			return failing(err.Error()).val
		}
		return func(*state, reflect.Value, reflect.Value) reflect.Value { return v }
	case a.final:
		return func(s *state, _, final reflect.Value) reflect.Value { return s.validate(final, typ) }
	}
	get := a.e.val
	return func(s *state, dot, _ reflect.Value) reflect.Value {
		return s.validate(get(s, dot, reflect.Value{}), typ)
	}
}

// argString evaluates a to a string parameter without boxing it.
func argString(a argSrc) strFn {
	stringT := reflect.TypeFor[string]()
	switch {
	case a.konst != nil:
		v, err := constArg(stringT, a.konst)
		if err != nil {
			return func(s *state, _, _ reflect.Value) string { s.fail(err.Error()); return "" }
		}
		str := v.String()
		return func(*state, reflect.Value, reflect.Value) string { return str }
	case a.final:
		return func(s *state, _, final reflect.Value) string { return s.asString(final) }
	case a.e.str != nil && a.e.typ == stringT:
		str := a.e.str
		return func(s *state, dot, _ reflect.Value) string { return str(s, dot, reflect.Value{}) }
	}
	get := a.e.val
	return func(s *state, dot, _ reflect.Value) string { return s.asString(get(s, dot, reflect.Value{})) }
}

func (s *state) asString(v reflect.Value) string {
	if v.Kind() == reflect.String && v.Type() == reflect.TypeFor[string]() {
		return v.String()
	}
	return s.validate(v, reflect.TypeFor[string]()).String()
}

// argOf evaluates a to a parameter of the concrete type T.
func argOf[T any](a argSrc) func(*state, reflect.Value, reflect.Value) T {
	get := argValue(a, reflect.TypeFor[T]())
	return func(s *state, dot, final reflect.Value) T {
		t, ok := reflect.TypeAssert[T](get(s, dot, final))
		if !ok {
			s.fail("argument of another type")
		}
		return t
	}
}

// argRaw evaluates a as a parameter of type any gets it: constants typed
// by their syntax, nil as the invalid value.
func argRaw(a argSrc) evalFn {
	switch {
	case a.konst != nil:
		v, err := emptyInterfaceConst(a.konst)
		if err != nil {
			return failing(err.Error()).val
		}
		return func(*state, reflect.Value, reflect.Value) reflect.Value { return v }
	case a.final:
		return func(_ *state, _, final reflect.Value) reflect.Value { return final }
	}
	get := a.e.val
	return func(s *state, dot, _ reflect.Value) reflect.Value { return get(s, dot, reflect.Value{}) }
}

// argIface evaluates a as a parameter of type reflect.Value gets it, as
// the builtins that take reflect.Values do.
func argIface(a argSrc) evalFn {
	get := argRaw(a)
	if a.konst != nil {
		return get
	}
	return func(s *state, dot, final reflect.Value) reflect.Value { return unwrapValue(get(s, dot, final)) }
}

func argIfaces(as []argSrc) []evalFn {
	fns := make([]evalFn, len(as))
	for i, a := range as {
		fns[i] = argIface(a)
	}
	return fns
}

// argAny evaluates a to a parameter of type any.
func argAny(a argSrc) func(*state, reflect.Value, reflect.Value) any {
	if a.konst != nil {
		v, err := emptyInterfaceConst(a.konst)
		if err != nil {
			return func(s *state, _, _ reflect.Value) any { s.fail(err.Error()); return nil }
		}
		x := ifaceOf(v)
		return func(*state, reflect.Value, reflect.Value) any { return x }
	}
	get := argRaw(a)
	return func(s *state, dot, final reflect.Value) any { return ifaceOf(get(s, dot, final)) }
}

// argsAny evaluates a variadic ...any tail. The slice is new on every
// call, as the callee may keep it, and never nil, as reflect passes none.
func argsAny(as []argSrc) func(*state, reflect.Value, reflect.Value) []any {
	fns := make([]func(*state, reflect.Value, reflect.Value) any, len(as))
	for i, a := range as {
		fns[i] = argAny(a)
	}
	return func(s *state, dot, final reflect.Value) []any {
		out := make([]any, len(fns))
		for i, f := range fns {
			out[i] = f(s, dot, final)
		}
		return out
	}
}

// collect pushes the values of fns on the argument stack and returns
// where they start; release pops them.
func (s *state) collect(fns []evalFn, dot, final reflect.Value) int {
	mark := len(s.args)
	for _, f := range fns {
		v := f(s, dot, final)
		s.args = append(s.args, v)
	}
	return mark
}

func (s *state) release(mark int) {
	clear(s.args[mark:])
	s.args = s.args[:mark]
}

// stringExpr is an expression of type string computed by f.
func stringExpr(f strFn) expr {
	return expr{
		str: f,
		typ: reflect.TypeFor[string](),
		val: func(s *state, dot, final reflect.Value) reflect.Value { return reflect.ValueOf(f(s, dot, final)) },
	}
}

// htmlExpr is an expression of type template.HTML computed by f.
func htmlExpr(f func(*state, reflect.Value, reflect.Value) template.HTML) expr {
	return expr{
		str: func(s *state, dot, final reflect.Value) string { return string(f(s, dot, final)) },
		typ: reflect.TypeFor[template.HTML](),
		val: func(s *state, dot, final reflect.Value) reflect.Value { return reflect.ValueOf(f(s, dot, final)) },
	}
}

// call compiles a call of a FuncMap function.
func call(name string, fn any, args []argSrc) expr {
	fv := reflect.ValueOf(fn)
	if !fv.IsValid() || fv.Kind() != reflect.Func {
		return failing(name + " is not a function")
	}
	typ := fv.Type()
	if why := checkCall(typ, len(args)); why != "" {
		return failing(why)
	}
	if e, ok := fastCall(fn, args); ok {
		return e
	}
	params := make([]evalFn, len(args))
	for i, a := range args {
		params[i] = argValue(a, paramType(typ, i))
	}
	return expr{val: func(s *state, dot, final reflect.Value) reflect.Value {
		return s.callReflect(fv, params, dot, final)
	}}
}

// fastCall calls functions of common signatures directly. The caller has
// checked the number of arguments against the signature.
func fastCall(fn any, a []argSrc) (expr, bool) {
	type in = reflect.Value // the shape of every closure below: (s, dot, final)
	switch f := fn.(type) {
	case func(string) string:
		x := argString(a[0])
		return stringExpr(func(s *state, dot, final in) string { return f(x(s, dot, final)) }), true
	case func(string) (string, error):
		x := argString(a[0])
		return stringExpr(func(s *state, dot, final in) string {
			r, err := f(x(s, dot, final))
			s.check(err)
			return r
		}), true
	case func(string, string) (string, error):
		x, y := argString(a[0]), argString(a[1])
		return stringExpr(func(s *state, dot, final in) string {
			r, err := f(x(s, dot, final), y(s, dot, final))
			s.check(err)
			return r
		}), true
	case func(string, int) (string, error):
		x, y := argString(a[0]), argOf[int](a[1])
		return stringExpr(func(s *state, dot, final in) string {
			r, err := f(x(s, dot, final), y(s, dot, final))
			s.check(err)
			return r
		}), true
	case func(string, ...any) (string, error):
		x, rest := argString(a[0]), argsAny(a[1:])
		return stringExpr(func(s *state, dot, final in) string {
			r, err := f(x(s, dot, final), rest(s, dot, final)...)
			s.check(err)
			return r
		}), true
	case func(any) string:
		x := argAny(a[0])
		return stringExpr(func(s *state, dot, final in) string { return f(x(s, dot, final)) }), true
	case func(any) (string, error):
		x := argAny(a[0])
		return stringExpr(func(s *state, dot, final in) string {
			r, err := f(x(s, dot, final))
			s.check(err)
			return r
		}), true
	case func(time.Time) string:
		x := argOf[time.Time](a[0])
		return stringExpr(func(s *state, dot, final in) string { return f(x(s, dot, final)) }), true
	case func(time.Time, bool) string:
		x, y := argOf[time.Time](a[0]), argOf[bool](a[1])
		return stringExpr(func(s *state, dot, final in) string { return f(x(s, dot, final), y(s, dot, final)) }), true
	case func(string) template.HTML:
		x := argString(a[0])
		return htmlExpr(func(s *state, dot, final in) template.HTML { return f(x(s, dot, final)) }), true
	case func(string, any, ...any) (template.HTML, error):
		x, y, rest := argString(a[0]), argAny(a[1]), argsAny(a[2:])
		return htmlExpr(func(s *state, dot, final in) template.HTML {
			r, err := f(x(s, dot, final), y(s, dot, final), rest(s, dot, final)...)
			s.check(err)
			return r
		}), true
	case func(string, string, any) (template.HTML, error):
		x, y, z := argString(a[0]), argString(a[1]), argAny(a[2])
		return htmlExpr(func(s *state, dot, final in) template.HTML {
			r, err := f(x(s, dot, final), y(s, dot, final), z(s, dot, final))
			s.check(err)
			return r
		}), true
	case func(int, int) int:
		x, y := argOf[int](a[0]), argOf[int](a[1])
		return expr{val: func(s *state, dot, final in) in { return reflect.ValueOf(f(x(s, dot, final), y(s, dot, final))) }}, true
	case func(...any) (map[string]any, error):
		rest := argsAny(a)
		return expr{val: func(s *state, dot, final in) in {
			r, err := f(rest(s, dot, final)...)
			s.check(err)
			return reflect.ValueOf(r)
		}}, true
	}
	return expr{}, false
}

// evalArgs is html/template's _eval_args_, which it puts before a
// predefined escaper called with arguments ({{html .X}}): the arguments
// printed as fmt.Sprint would, after dereferencing pointers.
func evalArgs(a []argSrc) expr {
	args := argsAny(a)
	return stringExpr(func(s *state, dot, final reflect.Value) string {
		xs := args(s, dot, final)
		if len(xs) == 1 {
			if str, ok := xs[0].(string); ok {
				return str
			}
		}
		for i, x := range xs {
			xs[i] = indirectToStringerOrError(x)
		}
		return fmt.Sprint(xs...)
	})
}

// builtin compiles text/template's builtin name; ok is false if there is
// no such builtin.
func builtin(name string, a []argSrc) (e expr, ok bool) {
	n := len(a)
	wrongArgs := failing("wrong number of args for " + name)
	switch name {
	case "and", "or":
		if n < 1 {
			return wrongArgs, true
		}
		return andOr(name == "or", a), true
	case "not":
		if n != 1 {
			return wrongArgs, true
		}
		x := argIface(a[0])
		return expr{val: func(s *state, dot, final reflect.Value) reflect.Value {
			return reflect.ValueOf(!truth(x(s, dot, final)))
		}}, true
	case "eq":
		if n < 1 {
			return wrongArgs, true
		}
		first, rest := argIface(a[0]), argIfaces(a[1:])
		return expr{val: func(s *state, dot, final reflect.Value) reflect.Value {
			x := first(s, dot, final)
			mark := s.collect(rest, dot, final)
			r, ok := eq(x, s.args[mark:])
			s.release(mark)
			if !ok {
				s.fail("bad comparison")
			}
			return reflect.ValueOf(r)
		}}, true
	case "ne", "lt", "le", "gt", "ge":
		if n != 2 {
			return wrongArgs, true
		}
		x, y := argIface(a[0]), argIface(a[1])
		return expr{val: func(s *state, dot, final reflect.Value) reflect.Value {
			xv := x(s, dot, final)
			r, ok := compare(name, xv, y(s, dot, final))
			if !ok {
				s.fail("bad comparison")
			}
			return reflect.ValueOf(r)
		}}, true
	case "len":
		if n != 1 {
			return wrongArgs, true
		}
		x := argIface(a[0])
		return expr{val: func(s *state, dot, final reflect.Value) reflect.Value {
			l, ok := length(x(s, dot, final))
			if !ok {
				s.fail("bad len")
			}
			return reflect.ValueOf(l)
		}}, true
	case "index", "slice", "call":
		if n < 1 {
			return wrongArgs, true
		}
		first, rest := argIface(a[0]), argIfaces(a[1:])
		return expr{val: func(s *state, dot, final reflect.Value) reflect.Value {
			x := first(s, dot, final)
			mark := s.collect(rest, dot, final)
			var r reflect.Value
			ok := true
			switch name {
			case "index":
				r, ok = index(x, s.args[mark:])
			case "slice":
				r, ok = slice(x, s.args[mark:])
			default:
				r = s.call(x, s.args[mark:])
			}
			s.release(mark)
			if !ok {
				s.fail("bad " + name)
			}
			return r
		}}, true
	case "print":
		return stringExpr(sprint(a)), true
	case "println", "html", "js", "urlquery":
		return stringExpr(formatter(name, a)), true
	case "printf":
		if n < 1 {
			return wrongArgs, true
		}
		format, rest := argString(a[0]), argsAny(a[1:])
		return stringExpr(func(s *state, dot, final reflect.Value) string {
			return fmt.Sprintf(format(s, dot, final), rest(s, dot, final)...)
		}), true
	}
	return expr{}, false
}

// andOr compiles and/or, which stop at the first false (true) argument.
// A value from the pipeline is the result if no argument decides: it is
// not itself tested.
func andOr(or bool, a []argSrc) expr {
	var args []evalFn
	hasFinal := false
	for _, x := range a {
		if x.final {
			hasFinal = true
			continue
		}
		args = append(args, argIface(x))
	}
	return expr{val: func(s *state, dot, final reflect.Value) reflect.Value {
		var v reflect.Value
		for _, f := range args {
			if v = f(s, dot, final); truth(v) == or {
				return v
			}
		}
		if hasFinal {
			v = unwrapValue(final)
		}
		return v
	}}
}

// sprint is the builtin print. Strings alone are joined without fmt,
// which puts no spaces between strings either.
func sprint(a []argSrc) strFn {
	args := make([]evalFn, len(a))
	for i, x := range a {
		args[i] = argRaw(x)
	}
	return func(s *state, dot, final reflect.Value) string {
		mark := s.collect(args, dot, final)
		defer s.release(mark)
		vs := s.args[mark:]
		size := 0
		for _, v := range vs {
			if !v.IsValid() || v.Type() != reflect.TypeFor[string]() {
				xs := make([]any, len(vs))
				for i, v := range vs {
					xs[i] = ifaceOf(v)
				}
				return fmt.Sprint(xs...)
			}
			size += v.Len()
		}
		if len(vs) == 1 {
			return vs[0].String()
		}
		var b strings.Builder
		b.Grow(size)
		for _, v := range vs {
			b.WriteString(v.String())
		}
		return b.String()
	}
}

// formatter is println, html, js or urlquery; the escapers skip fmt for
// a single string.
func formatter(name string, a []argSrc) strFn {
	args := argsAny(a)
	return func(s *state, dot, final reflect.Value) string {
		xs := args(s, dot, final)
		str, single := "", false
		if len(xs) == 1 {
			str, single = xs[0].(string)
		}
		switch name {
		case "html":
			if single {
				return ttemplate.HTMLEscapeString(str)
			}
			return ttemplate.HTMLEscaper(xs...)
		case "js":
			if single {
				return ttemplate.JSEscapeString(str)
			}
			return ttemplate.JSEscaper(xs...)
		case "urlquery":
			if single {
				return url.QueryEscape(str)
			}
			return ttemplate.URLQueryEscaper(xs...)
		}
		return fmt.Sprintln(xs...)
	}
}
