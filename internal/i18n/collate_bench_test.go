package i18n

import (
	"slices"
	"testing"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

var benchNames = []string{
	"Żary", "Zielona Góra", "Łagów", "Lubsko", "Świebodzin", "Sulechów",
	"Małomice", "Żagań", "Gorzów Wielkopolski", "Nowa Sól", "Międzyrzecz",
	"Słubice", "Kostrzyn nad Odrą", "Krosno Odrzańskie", "Wschowa", "Drezdenko",
}

// BenchmarkCompare compares the guarded shared collator Compare uses with
// making a new collate.Collator for every comparison, the other way to be
// safe for concurrent use.
func BenchmarkCompare(b *testing.B) {
	b.Run("mutex", func(b *testing.B) {
		c := NewCollator("pl")
		for b.Loop() {
			c.Compare("Zielona Góra", "Żary")
		}
	})
	b.Run("new-per-call", func(b *testing.B) {
		tag := language.Polish
		for b.Loop() {
			collate.New(tag, collate.Numeric).CompareString("Zielona Góra", "Żary")
		}
	})
}

// BenchmarkSort compares sorting by precomputed keys (SortFunc) with
// sorting by Compare.
func BenchmarkSort(b *testing.B) {
	c := NewCollator("pl")
	b.Run("keys", func(b *testing.B) {
		for b.Loop() {
			c.Sort(slices.Clone(benchNames))
		}
	})
	b.Run("compare", func(b *testing.B) {
		for b.Loop() {
			slices.SortStableFunc(slices.Clone(benchNames), c.Compare)
		}
	})
}
