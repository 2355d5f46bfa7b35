package build_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/build"
)

// TestOptionsClassified fails when a field of build.Options is not said to
// be output-relevant (in the cache's settings key) or not: a new option
// that changes the output must not slip past the cache unnoticed. It also
// checks that the key holds exactly the fields so classified.
func TestOptionsClassified(t *testing.T) {
	inKey := build.OptionsInKey()
	typ := reflect.TypeFor[build.Options]()
	var fields []string
	for i := range typ.NumField() {
		f := typ.Field(i)
		fields = append(fields, f.Name)
		in, known := inKey[f.Name]
		if !known {
			t.Errorf("build.Options.%s is not in optionsInKey (cache.go): say whether it can change what a build gives (true) or only how it runs (false)", f.Name)
			continue
		}
		var opts build.Options
		set(t, reflect.ValueOf(&opts).Elem().Field(i))
		base := build.SettingsKey([]byte("title: x\n"), build.Options{})
		changed := build.SettingsKey([]byte("title: x\n"), opts)
		if got := changed != base; got != in {
			t.Errorf("build.Options.%s: in optionsInKey %v, but setting it changes the settings key: %v", f.Name, in, got)
		}
	}
	for name := range inKey {
		if !slices.Contains(fields, name) {
			t.Errorf("optionsInKey (cache.go) names %s, which build.Options does not have", name)
		}
	}
	if build.SettingsKey([]byte("a: 1\n"), build.Options{}) == build.SettingsKey([]byte("a: 2\n"), build.Options{}) {
		t.Error("the settings key does not depend on site.yaml")
	}
}

// set gives v a value other than its zero value.
func set(t *testing.T, v reflect.Value) {
	t.Helper()
	if v.Type() == reflect.TypeFor[time.Time]() {
		v.Set(reflect.ValueOf(time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64, reflect.Int32:
		v.SetInt(3)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
	case reflect.Func:
		v.Set(reflect.MakeFunc(v.Type(), func([]reflect.Value) []reflect.Value {
			t.Fatalf("set: the test value of a %s was called", v.Type())
			return nil
		}))
	default:
		t.Fatalf("set: no test value for a %s; add one", v.Type())
	}
}
