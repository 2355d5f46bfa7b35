package i18n

import (
	"slices"
	"sync"
	"testing"
)

func TestCollatorPolish(t *testing.T) {
	c := NewCollator("pl")
	// Each list is in correct Polish dictionary order (CLDR pl: a < ą,
	// c < ć, e < ę, l < ł, n < ń, o < ó, s < ś, z < ź < ż, as primary
	// differences: "Ł" is a letter of its own, not an accented "L").
	orders := [][]string{
		{"Lubsko", "Łagów", "Małomice"},
		{"Sulechów", "Świebodzin", "Tuplice"},
		{"Zielona Góra", "Źródła", "Żagań", "Żary"},
		{"Lubrza", "Lubsko", "Łęknica"},
		{"Lipinki Łużyckie", "Łagów", "Łęknica"},
		{"Nowa Sól", "Nowe Miasteczko", "Nowogród Bobrzański"},
		{"Cybinka", "Czerwieńsk", "Ćwiklice"},
		{"Osiecznica", "Ośno Lubuskie", "Otyń"},
		{"łan", "Łan"},                  // lower case first on a tie (CLDR default)
		{"Spotkanie 2", "Spotkanie 10"}, // numeric
		{"2", "10", "a"},
	}
	for _, want := range orders {
		for i := 1; i < len(want); i++ {
			if got := c.Compare(want[i-1], want[i]); got >= 0 {
				t.Errorf("Compare(%q, %q) = %d, want < 0", want[i-1], want[i], got)
			}
			if got := c.Compare(want[i], want[i-1]); got <= 0 {
				t.Errorf("Compare(%q, %q) = %d, want > 0", want[i], want[i-1], got)
			}
		}
		got := slices.Clone(want)
		slices.Reverse(got)
		c.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("Sort = %q, want %q", got, want)
		}
	}
	if got := c.Compare("Żary", "Żary"); got != 0 {
		t.Errorf("Compare(equal) = %d", got)
	}
}

func TestCollatorEnglishDiffers(t *testing.T) {
	// In English (root) order Ł is an L with a mark, so "Łagów" sorts
	// among the Ls and before "Lubsko"; the Polish collator puts it after.
	en, pl := NewCollator("en"), NewCollator("pl")
	if en.Compare("Łagów", "Lubsko") >= 0 {
		t.Error(`en: want "Łagów" < "Lubsko"`)
	}
	if pl.Compare("Łagów", "Lubsko") <= 0 {
		t.Error(`pl: want "Łagów" > "Lubsko"`)
	}
	bad := NewCollator("not a tag!")
	if bad.Compare("a", "b") >= 0 {
		t.Error("fallback collator: want a < b")
	}
}

func TestSortFuncStable(t *testing.T) {
	type partner struct {
		name string
		id   int
	}
	items := []partner{
		{"Żary", 1}, {"Lubsko", 2}, {"Łagów", 3}, {"Lubsko", 4}, {"Zielona Góra", 5}, {"Łagów", 6},
	}
	SortFunc(NewCollator("pl"), items, func(p partner) string { return p.name })
	var ids []int
	for _, p := range items {
		ids = append(ids, p.id)
	}
	if want := []int{2, 4, 3, 6, 5, 1}; !slices.Equal(ids, want) {
		t.Errorf("order of ids = %v, want %v", ids, want)
	}
	SortFunc(NewCollator("pl"), []partner(nil), func(p partner) string { return p.name }) // must not panic
}

// TestCollatorConcurrent is meant for go test -race: one Collator shared
// by goroutines, as in a parallel build.
func TestCollatorConcurrent(t *testing.T) {
	c := NewCollator("pl")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				names := slices.Clone(benchNames)
				c.Sort(names)
				if c.Compare(names[0], names[len(names)-1]) >= 0 {
					t.Error("not sorted")
				}
			}
		})
	}
	wg.Wait()
}
