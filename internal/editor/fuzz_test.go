package editor

import (
	"bytes"
	"testing"

	"gopkg.in/yaml.v3"
)

// FuzzEdit: a file that splits joins back to its bytes; a key set in it
// is written so that the file splits again with that value, and the
// other keys keep their values.
func FuzzEdit(f *testing.F) {
	for _, seed := range []string{
		"---\ntitle: x\n---\nbody\n",
		"\uFEFF---\r\ntitle: \"a\"  # c\r\ntags: [a, b]\r\n---\r\n",
		"---\n# head\ntitle: x\n\n# next\nsummary: |\n  a\n  # not a comment\nparams: {a: 1}\n---\n",
		"---\n{title: x, date: 2026-03-12}\n---\n",
		"---\n---\n",
	} {
		f.Add([]byte(seed), "Nowy: tytuł #1")
	}
	f.Fuzz(func(t *testing.T, src []byte, title string) {
		s, err := split(src)
		if err != nil {
			return
		}
		if !bytes.Equal(s.bytes(), src) {
			t.Fatalf("split and join changed the file")
		}
		before, twice := map[string]string{}, map[string]bool{}
		for i := 0; i+1 < len(s.root.Content); i += 2 {
			k, v := s.root.Content[i], s.root.Content[i+1]
			if _, seen := before[k.Value]; seen {
				twice[k.Value] = true
			}
			if v.Kind == yaml.ScalarNode && k.Value != "title" {
				before[k.Value] = v.Value
			}
		}
		for k := range twice {
			delete(before, k) // which one value() finds is not the point
		}
		s.set("title", scalar("!!str", title))
		if err := s.encode(); err != nil {
			return // yaml.v3 refuses to write some values (invalid UTF-8)
		}
		again, err := split(s.bytes())
		if err != nil {
			t.Fatalf("the edited file does not split: %v\n%q", err, s.bytes())
		}
		if n := again.value("title"); n == nil || n.Value != title {
			t.Fatalf("title not kept: %v\n%q", n, s.bytes())
		}
		for k, v := range before {
			if n := again.value(k); n == nil || n.Value != v {
				t.Fatalf("key %s lost its value %q\n%q", k, v, s.bytes())
			}
		}
	})
}
