package tmplexec

import (
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"text/template/parse"
)

// This file holds the value semantics of text/template's exec.go: truth,
// indirection, argument conversion, field and method access and printing.
// Where text/template would report an error, the code here calls s.fail:
// the compiled execution is abandoned and html/template runs instead, so
// the messages are never ours.

// failure is the panic value of s.fail; Execute recovers it (and any other
// panic) and falls back to html/template.
type failure string

func (s *state) fail(why string) { panic(failure(why)) }

// check fails on a function's error result.
func (s *state) check(err error) {
	if err != nil {
		s.fail("a function returned an error")
	}
}

// indirect walks through pointers and interfaces to the value they hold,
// stopping at a nil one (reported by isNil), as text/template's indirect.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// indirectInterface gives the concrete value inside an interface value, or
// the invalid value for a nil interface.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// digInterface is what evalPipeline does after every command: a value of
// type interface{} is replaced by the value inside it.
func digInterface(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
		return v.Elem()
	}
	return v
}

// isTrue is text/template's definition of truth for if, with, and, or, not.
func isTrue(v reflect.Value) (truth, ok bool) {
	if !v.IsValid() {
		return false, true
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0, true
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0, true
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0, true
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0, true
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0, true
	case reflect.Struct:
		return true, true
	}
	return false, false
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

// canBeNil reports whether an untyped nil can be assigned to typ.
func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflect.TypeFor[reflect.Value]()
	}
	return false
}

// validate makes v a value assignable to a parameter of type typ, as
// text/template's validateType: nil becomes the zero value, an interface
// is opened, and one pointer indirection or address-of is tried.
func (s *state) validate(v reflect.Value, typ reflect.Type) reflect.Value {
	if v.IsValid() && v.Type() == typ {
		return v
	}
	if !v.IsValid() {
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.fail("invalid value")
	}
	if typ == reflect.TypeFor[reflect.Value]() {
		return reflect.ValueOf(v)
	}
	if v.Type().AssignableTo(typ) {
		return v
	}
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
		if v.Type().AssignableTo(typ) {
			return v
		}
	}
	switch {
	case v.Kind() == reflect.Pointer && v.Type().Elem().AssignableTo(typ):
		v = v.Elem()
		if !v.IsValid() {
			s.fail("dereference of nil pointer")
		}
	case reflect.PointerTo(v.Type()).AssignableTo(typ) && v.CanAddr():
		v = v.Addr()
	default:
		s.fail("wrong type for value")
	}
	return v
}

// unwrapValue gives what a function with a reflect.Value parameter
// receives for v.
func unwrapValue(v reflect.Value) reflect.Value {
	if v.IsValid() && v.Type() == reflect.TypeFor[reflect.Value]() {
		return v.Interface().(reflect.Value)
	}
	return v
}

// constArg converts a constant node to a parameter of type typ, as
// text/template's evalArg does for constants.
func constArg(typ reflect.Type, n parse.Node) (reflect.Value, error) {
	if _, ok := n.(*parse.NilNode); ok {
		if canBeNil(typ) {
			return reflect.Zero(typ), nil
		}
		return reflect.Value{}, fmt.Errorf("cannot assign nil to %s", typ)
	}
	bad := errBadConst{n, typ}
	num, _ := n.(*parse.NumberNode)
	value := reflect.New(typ).Elem()
	switch typ.Kind() {
	case reflect.Bool:
		b, ok := n.(*parse.BoolNode)
		if !ok {
			return reflect.Value{}, bad
		}
		value.SetBool(b.True)
	case reflect.Complex64, reflect.Complex128:
		if num == nil || !num.IsComplex {
			return reflect.Value{}, bad
		}
		value.SetComplex(num.Complex128)
	case reflect.Float32, reflect.Float64:
		if num == nil || !num.IsFloat {
			return reflect.Value{}, bad
		}
		value.SetFloat(num.Float64)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if num == nil || !num.IsInt {
			return reflect.Value{}, bad
		}
		value.SetInt(num.Int64)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if num == nil || !num.IsUint {
			return reflect.Value{}, bad
		}
		value.SetUint(num.Uint64)
	case reflect.String:
		str, ok := n.(*parse.StringNode)
		if !ok {
			return reflect.Value{}, bad
		}
		value.SetString(str.Text)
	case reflect.Interface:
		if typ.NumMethod() != 0 {
			return reflect.Value{}, bad
		}
		return emptyInterfaceConst(n)
	case reflect.Struct:
		if typ != reflect.TypeFor[reflect.Value]() {
			return reflect.Value{}, bad
		}
		v, err := emptyInterfaceConst(n)
		return reflect.ValueOf(v), err
	default:
		return reflect.Value{}, bad
	}
	return value, nil
}

// errBadConst is a constant that does not convert to a parameter's type.
// Its text is made only if asked for: methods convert constants on
// every call.
type errBadConst struct {
	n   parse.Node
	typ reflect.Type
}

func (e errBadConst) Error() string {
	return fmt.Sprintf("can't handle %s for arg of type %s", e.n, e.typ)
}

// emptyInterfaceConst is the value of a constant passed where any type
// goes: its type follows from its syntax.
func emptyInterfaceConst(n parse.Node) (reflect.Value, error) {
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), nil
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), nil
	case *parse.NumberNode:
		return idealConstant(n)
	case *parse.NilNode:
		return reflect.Value{}, nil
	}
	return reflect.Value{}, fmt.Errorf("can't handle %s", n)
}

// idealConstant types a number by its syntax, as Go does for untyped
// constants: complex, float, or int (never uint).
func idealConstant(n *parse.NumberNode) (reflect.Value, error) {
	switch {
	case n.IsComplex:
		return reflect.ValueOf(n.Complex128), nil
	case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
		return reflect.ValueOf(n.Float64), nil
	case n.IsInt:
		i := int(n.Int64)
		if int64(i) != n.Int64 {
			return reflect.Value{}, fmt.Errorf("%s overflows int", n.Text)
		}
		return reflect.ValueOf(i), nil
	case n.IsUint:
		return reflect.Value{}, fmt.Errorf("%s overflows int", n.Text)
	}
	return reflect.Value{}, nil
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}

// plainString reports whether fmt prints a value of type t as its string
// content: a string kind with no String or Error method on t or *t.
func plainString(t reflect.Type) bool {
	if t == reflect.TypeFor[string]() {
		return true
	}
	return t.Kind() == reflect.String && t.NumMethod() == 0 && reflect.PointerTo(t).NumMethod() == 0
}

// print writes an action's value without an escaper, as printValue.
func (s *state) print(v reflect.Value) {
	if v.Kind() == reflect.Pointer {
		v, _ = indirect(v)
	}
	if !v.IsValid() {
		s.w.WriteString("<no value>")
		return
	}
	t := v.Type()
	if plainString(t) {
		s.w.WriteString(v.String())
		return
	}
	errorType, stringerType := reflect.TypeFor[error](), reflect.TypeFor[fmt.Stringer]()
	if !t.Implements(errorType) && !t.Implements(stringerType) {
		pt := reflect.PointerTo(t)
		if v.CanAddr() && (pt.Implements(errorType) || pt.Implements(stringerType)) {
			v = v.Addr()
		} else if k := v.Kind(); k == reflect.Chan || k == reflect.Func {
			s.fail("can't print a channel or function")
		}
	}
	fmt.Fprint(s.w, v.Interface())
}

// access is how a field name resolves on one receiver type: a method, a
// struct field or a map key. Resolving takes reflect's by-name searches,
// so it is done once per type and name.
type access struct {
	typ  reflect.Type // the receiver after indirection
	addr bool         // the receiver is addressable: methods of *typ count
	// method indexes the method set of typ (or *typ if addr); -1 if none.
	method int
	// field is the struct field's index path, nil if typ has none by the name.
	field    []int
	exported bool
	// mapKey: typ is a map whose key type takes the name.
	mapKey bool
}

type accessKey struct {
	typ  reflect.Type
	addr bool
	name string
}

// access resolves name on receivers of type typ, sharing the answer
// across all sites of the Set.
func (set *Set) access(typ reflect.Type, addr bool, name string) *access {
	k := accessKey{typ, addr, name}
	if a, ok := set.fields.Load(k); ok {
		return a.(*access)
	}
	a := &access{typ: typ, addr: addr, method: -1}
	mt := typ
	if addr {
		mt = reflect.PointerTo(typ)
	}
	if m, ok := mt.MethodByName(name); ok {
		a.method = m.Index
	}
	switch typ.Kind() {
	case reflect.Struct:
		if f, ok := typ.FieldByName(name); ok {
			a.field, a.exported = f.Index, f.IsExported()
		}
	case reflect.Map:
		a.mapKey = reflect.TypeFor[string]().AssignableTo(typ.Key())
	}
	set.fields.Store(k, a)
	return a
}

// fieldSite is one .Name of a field chain in a template. The last one of
// a command also carries the command's arguments, which go to a method.
type fieldSite struct {
	name    string
	nameVal reflect.Value // the name as a map key
	args    []argSrc
	// hasFinal: the command receives the previous command's value.
	hasFinal bool
	// cache holds the last receiver type's access, so that a site that
	// always sees one type (nearly all) skips the shared map.
	cache atomic.Pointer[access]
}

// eval is text/template's evalField: recv.Name, or the call of method
// Name on recv with the site's arguments.
func (f *fieldSite) eval(s *state, dot, recv, final reflect.Value) reflect.Value {
	if !recv.IsValid() {
		if s.set.missingKey != missingKeyInvalid && s.set.missingKey != missingKeyZero {
			s.fail("nil data")
		}
		return reflect.Value{}
	}
	recv, isNil := indirect(recv)
	if isNil && recv.Kind() == reflect.Interface {
		s.fail("nil pointer evaluating an interface")
	}
	typ := recv.Type()
	addr := recv.Kind() != reflect.Pointer && recv.CanAddr()
	a := f.cache.Load()
	if a == nil || a.typ != typ || a.addr != addr {
		a = s.set.access(typ, addr, f.name)
		f.cache.Store(a)
	}
	if a.method >= 0 {
		ptr := recv
		if addr {
			ptr = recv.Addr()
		}
		return s.callMethod(ptr.Method(a.method), f, dot, final)
	}
	hasArgs := len(f.args) > 0 || f.hasFinal
	switch recv.Kind() {
	case reflect.Struct:
		if a.field == nil {
			break
		}
		if !a.exported || hasArgs {
			s.fail("unexported field or arguments to a field")
		}
		if len(a.field) == 1 {
			return recv.Field(a.field[0])
		}
		v, err := recv.FieldByIndexErr(a.field)
		if err != nil {
			s.fail("nil pointer to embedded struct")
		}
		return v
	case reflect.Map:
		if !a.mapKey {
			break
		}
		if hasArgs {
			s.fail("arguments to a map key")
		}
		v := recv.MapIndex(f.nameVal)
		if !v.IsValid() {
			switch s.set.missingKey {
			case missingKeyInvalid:
			case missingKeyZero:
				v = reflect.Zero(typ.Elem())
			default:
				s.fail("missing map key")
			}
		}
		return v
	}
	s.fail("can't evaluate field")
	return reflect.Value{}
}

// paramType is the type of the i'th argument of a function of type typ.
func paramType(typ reflect.Type, i int) reflect.Type {
	if typ.IsVariadic() && i >= typ.NumIn()-1 {
		return typ.In(typ.NumIn() - 1).Elem()
	}
	return typ.In(i)
}

// checkCall reports why a function of type typ cannot take numIn
// arguments or cannot be called from a template, "" if it can.
func checkCall(typ reflect.Type, numIn int) string {
	if typ.IsVariadic() {
		if numIn < typ.NumIn()-1 {
			return "too few arguments"
		}
	} else if numIn != typ.NumIn() {
		return "wrong number of arguments"
	}
	switch typ.NumOut() {
	case 1:
		return ""
	case 2:
		if typ.Out(1) == reflect.TypeFor[error]() {
			return ""
		}
	}
	return "bad result signature"
}

// callMethod calls a method found by a field site. Its type is known only
// now, so arguments are converted here rather than at compile time.
func (s *state) callMethod(m reflect.Value, f *fieldSite, dot, final reflect.Value) reflect.Value {
	typ := m.Type()
	numIn := len(f.args)
	if f.hasFinal {
		numIn++
	}
	if why := checkCall(typ, numIn); why != "" {
		s.fail(why)
	}
	mark := len(s.args)
	for i := range f.args {
		v := f.args[i].value(s, dot, paramType(typ, i))
		s.args = append(s.args, v)
	}
	if f.hasFinal {
		v := s.validate(final, paramType(typ, numIn-1))
		s.args = append(s.args, v)
	}
	out := m.Call(s.args[mark:])
	clear(s.args[mark:])
	s.args = s.args[:mark]
	return s.result(out)
}

// result is a called function's value, failing on a non-nil error.
func (s *state) result(out []reflect.Value) reflect.Value {
	if len(out) == 2 && !out[1].IsNil() {
		s.fail("a function returned an error")
	}
	return unwrapValue(out[0])
}

// callReflect calls fn with the values of params, through reflection: the
// path for functions without a typed fast path.
func (s *state) callReflect(fn reflect.Value, params []evalFn, dot, final reflect.Value) reflect.Value {
	mark := len(s.args)
	for _, p := range params {
		v := p(s, dot, final)
		s.args = append(s.args, v)
	}
	out := fn.Call(s.args[mark:])
	clear(s.args[mark:])
	s.args = s.args[:mark]
	return s.result(out)
}

// ifaceOf is what a parameter of type any receives for v.
func ifaceOf(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	return v.Interface()
}

// indirectToStringerOrError is html/template's: dereference pointers
// until a Stringer or error (for _eval_args_).
func indirectToStringerOrError(a any) any {
	if a == nil {
		return nil
	}
	errorType, stringerType := reflect.TypeFor[error](), reflect.TypeFor[fmt.Stringer]()
	v := reflect.ValueOf(a)
	for !v.Type().Implements(stringerType) && !v.Type().Implements(errorType) && v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}
