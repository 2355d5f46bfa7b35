package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/diag"
)

func TestUseColour(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	// /dev/null is a character device, as a terminal is: what the check
	// looks at without golang.org/x/term.
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer devNull.Close()
	file, err := os.Create(t.TempDir() + "/out.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	cases := []struct {
		name string
		w    any
		env  map[string]string
		want bool
	}{
		{"terminal", devNull, nil, true},
		{"NO_COLOR", devNull, map[string]string{"NO_COLOR": "1"}, false},
		{"dumb terminal", devNull, map[string]string{"TERM": "dumb"}, false},
		{"file", file, nil, false},
		{"buffer", &bytes.Buffer{}, nil, false},
	}
	for _, tc := range cases {
		w := tc.w.(interface{ Write([]byte) (int, error) })
		if got := useColour(w, env(tc.env)); got != tc.want {
			t.Errorf("%s: useColour = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestStyleProblem(t *testing.T) {
	p := diag.Problem{Path: "content/a.md", Line: 3, Col: 7, Severity: diag.Warning, Message: "m", Hint: "h"}
	if got, want := (style{}).problem(p), p.String(); got != want {
		t.Errorf("plain: %q, want %q (the same as diag)", got, want)
	}
	got := style{colour: true}.problem(p)
	want := ansiBold + "content/a.md:3:7" + ansiReset + ": " + ansiYellow + "warning:" + ansiReset + " m (h)"
	if got != want {
		t.Errorf("colour: %q, want %q", got, want)
	}
	e := diag.Problem{Path: "site.yaml", Message: "bad"}
	if got := (style{colour: true}).problem(e); !strings.Contains(got, ansiRed+"error:"+ansiReset+" bad") {
		t.Errorf("colour error: %q", got)
	}
}
