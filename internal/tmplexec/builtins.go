package tmplexec

import (
	"cmp"
	"reflect"
	"slices"
)

// The builtins of text/template/funcs.go that take reflect.Values, with
// the same results. They report failure with ok=false instead of an error
// value: any failure sends the execution back to html/template, which
// produces the message.

type kind int

const (
	invalidKind kind = iota
	boolKind
	complexKind
	intKind
	floatKind
	stringKind
	uintKind
)

func basicKind(v reflect.Value) kind {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind
	case reflect.Float32, reflect.Float64:
		return floatKind
	case reflect.Complex64, reflect.Complex128:
		return complexKind
	case reflect.String:
		return stringKind
	}
	return invalidKind
}

// isNilValue is true for the invalid value and a nil of a nillable kind.
func isNilValue(v reflect.Value) bool {
	if !v.IsValid() {
		return true
	}
	switch v.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return v.IsNil()
	}
	return false
}

// eq is a == b || a == c || …, comparing basic kinds by value (signed
// and unsigned integers with each other too) and other values with ==.
func eq(a reflect.Value, bs []reflect.Value) (result, ok bool) {
	a = indirectInterface(a)
	if len(bs) == 0 {
		return false, false
	}
	ka := basicKind(a)
	for _, b := range bs {
		b = indirectInterface(b)
		kb := basicKind(b)
		equal := false
		if ka != kb {
			switch {
			case ka == intKind && kb == uintKind:
				equal = a.Int() >= 0 && uint64(a.Int()) == b.Uint()
			case ka == uintKind && kb == intKind:
				equal = b.Int() >= 0 && a.Uint() == uint64(b.Int())
			case a.IsValid() && b.IsValid():
				return false, false
			}
		} else {
			switch ka {
			case boolKind:
				equal = a.Bool() == b.Bool()
			case complexKind:
				equal = a.Complex() == b.Complex()
			case floatKind:
				equal = a.Float() == b.Float()
			case intKind:
				equal = a.Int() == b.Int()
			case stringKind:
				equal = a.String() == b.String()
			case uintKind:
				equal = a.Uint() == b.Uint()
			default:
				if a.Kind() != b.Kind() && a.IsValid() && b.IsValid() {
					return false, false
				}
				if isNilValue(a) || isNilValue(b) {
					equal = isNilValue(a) == isNilValue(b)
				} else {
					if !b.Type().Comparable() {
						return false, false
					}
					equal = a.Interface() == b.Interface()
				}
			}
		}
		if equal {
			return true, true
		}
	}
	return false, true
}

// lt is a < b for basic kinds other than bool and complex.
func lt(a, b reflect.Value) (result, ok bool) {
	a, b = indirectInterface(a), indirectInterface(b)
	ka, kb := basicKind(a), basicKind(b)
	if ka == invalidKind || kb == invalidKind {
		return false, false
	}
	if ka != kb {
		switch {
		case ka == intKind && kb == uintKind:
			return a.Int() < 0 || uint64(a.Int()) < b.Uint(), true
		case ka == uintKind && kb == intKind:
			return b.Int() >= 0 && a.Uint() < uint64(b.Int()), true
		}
		return false, false
	}
	switch ka {
	case floatKind:
		return a.Float() < b.Float(), true
	case intKind:
		return a.Int() < b.Int(), true
	case stringKind:
		return a.String() < b.String(), true
	case uintKind:
		return a.Uint() < b.Uint(), true
	}
	return false, false
}

// compare evaluates the builtin name (ne, lt, le, gt, ge) on a and b.
func compare(name string, a, b reflect.Value) (result, ok bool) {
	switch name {
	case "ne":
		r, ok := eq(a, []reflect.Value{b})
		return !r, ok
	case "lt":
		return lt(a, b)
	case "ge":
		r, ok := lt(a, b)
		return !r, ok
	}
	// le and gt: a <= b is a < b or a == b.
	r, ok := lt(a, b)
	if !ok {
		return false, false
	}
	if !r {
		if r, ok = eq(a, []reflect.Value{b}); !ok {
			return false, false
		}
	}
	if name == "gt" {
		return !r, true
	}
	return r, true
}

// length is the builtin len.
func length(v reflect.Value) (int, bool) {
	v, isNil := indirect(v)
	if isNil {
		return 0, false
	}
	switch v.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return v.Len(), true
	}
	return 0, false
}

// indexArg converts an index to int, checking it against limit.
func indexArg(i reflect.Value, limit int) (int, bool) {
	var x int64
	switch i.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x = i.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		x = int64(i.Uint())
	default:
		return 0, false
	}
	if x < 0 || int(x) < 0 || int(x) > limit {
		return 0, false
	}
	return int(x), true
}

// prepareArg makes v usable as a map key or call argument of type t.
func prepareArg(v reflect.Value, t reflect.Type) (reflect.Value, bool) {
	if !v.IsValid() {
		if !canBeNil(t) {
			return reflect.Value{}, false
		}
		v = reflect.Zero(t)
	}
	if v.Type().AssignableTo(t) {
		return v, true
	}
	if intLike(v.Kind()) && intLike(t.Kind()) && v.Type().ConvertibleTo(t) {
		return v.Convert(t), true
	}
	return reflect.Value{}, false
}

func intLike(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Int64 || k >= reflect.Uint && k <= reflect.Uintptr
}

// index is the builtin index: item[i][j]….
func index(item reflect.Value, indexes []reflect.Value) (reflect.Value, bool) {
	item = indirectInterface(item)
	if !item.IsValid() {
		return reflect.Value{}, false
	}
	for _, i := range indexes {
		i = indirectInterface(i)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			return reflect.Value{}, false
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			x, ok := indexArg(i, item.Len())
			if !ok || x == item.Len() {
				return reflect.Value{}, false
			}
			item = item.Index(x)
		case reflect.Map:
			k, ok := prepareArg(i, item.Type().Key())
			if !ok {
				return reflect.Value{}, false
			}
			if x := item.MapIndex(k); x.IsValid() {
				item = x
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			return reflect.Value{}, false
		}
	}
	return item, true
}

// slice is the builtin slice: item[i:j:k].
func slice(item reflect.Value, indexes []reflect.Value) (reflect.Value, bool) {
	item = indirectInterface(item)
	if !item.IsValid() {
		return reflect.Value{}, false
	}
	item, isNil := indirect(item)
	if isNil || len(indexes) > 3 {
		return reflect.Value{}, false
	}
	var limit int
	switch item.Kind() {
	case reflect.String:
		if len(indexes) == 3 {
			return reflect.Value{}, false
		}
		limit = item.Len()
	case reflect.Array, reflect.Slice:
		limit = item.Cap()
	default:
		return reflect.Value{}, false
	}
	idx := [3]int{0, item.Len()}
	for n, i := range indexes {
		x, ok := indexArg(i, limit)
		if !ok {
			return reflect.Value{}, false
		}
		idx[n] = x
	}
	if idx[0] > idx[1] {
		return reflect.Value{}, false
	}
	if len(indexes) < 3 {
		return item.Slice(idx[0], idx[1]), true
	}
	if idx[1] > idx[2] {
		return reflect.Value{}, false
	}
	return item.Slice3(idx[0], idx[1], idx[2]), true
}

// call is the builtin call: fn(args…), with its result as text/template
// gives it (not unwrapped a second time).
func (s *state) call(fn reflect.Value, args []reflect.Value) reflect.Value {
	fn = indirectInterface(fn)
	if !fn.IsValid() || fn.Kind() != reflect.Func {
		s.fail("call of a non-function")
	}
	typ := fn.Type()
	if why := checkCall(typ, len(args)); why != "" {
		s.fail(why)
	}
	argv := make([]reflect.Value, len(args))
	for i, a := range args {
		v, ok := prepareArg(indirectInterface(a), paramType(typ, i))
		if !ok {
			s.fail("bad argument to call")
		}
		argv[i] = v
	}
	out := fn.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		s.fail("a function returned an error")
	}
	return out[0]
}

// mapEntry is a key and value of a map being ranged over.
type mapEntry struct{ key, value reflect.Value }

// sortedMap gives m's entries in the order text/template ranges over
// them (that of internal/fmtsort).
func sortedMap(m reflect.Value) []mapEntry {
	entries := make([]mapEntry, 0, m.Len())
	for it := m.MapRange(); it.Next(); {
		entries = append(entries, mapEntry{it.Key(), it.Value()})
	}
	slices.SortStableFunc(entries, func(a, b mapEntry) int { return compareKeys(a.key, b.key) })
	return entries
}

// compareKeys orders map keys: numbers and strings by value (NaN first),
// false before true, pointers and channels by address, structs and arrays
// element by element, interfaces by their dynamic type, then value.
func compareKeys(a, b reflect.Value) int {
	if a.Type() != b.Type() {
		return -1
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.String:
		return cmp.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.Complex64, reflect.Complex128:
		x, y := a.Complex(), b.Complex()
		if c := cmp.Compare(real(x), real(y)); c != 0 {
			return c
		}
		return cmp.Compare(imag(x), imag(y))
	case reflect.Bool:
		x, y := a.Bool(), b.Bool()
		switch {
		case x == y:
			return 0
		case x:
			return 1
		}
		return -1
	case reflect.Pointer, reflect.UnsafePointer:
		return cmp.Compare(a.Pointer(), b.Pointer())
	case reflect.Chan:
		if c, ok := nilFirst(a, b); ok {
			return c
		}
		return cmp.Compare(a.Pointer(), b.Pointer())
	case reflect.Struct:
		for i := range a.NumField() {
			if c := compareKeys(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Array:
		for i := range a.Len() {
			if c := compareKeys(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Interface:
		if c, ok := nilFirst(a, b); ok {
			return c
		}
		if c := compareKeys(reflect.ValueOf(a.Elem().Type()), reflect.ValueOf(b.Elem().Type())); c != 0 {
			return c
		}
		return compareKeys(a.Elem(), b.Elem())
	}
	panic("tmplexec: bad map key type " + a.Type().String())
}

// nilFirst orders nil before non-nil; ok is false if neither is nil.
func nilFirst(a, b reflect.Value) (int, bool) {
	switch {
	case a.IsNil() && b.IsNil():
		return 0, true
	case a.IsNil():
		return -1, true
	case b.IsNil():
		return 1, true
	}
	return 0, false
}
