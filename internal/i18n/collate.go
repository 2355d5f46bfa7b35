package i18n

import (
	"bytes"
	"slices"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Collator compares and sorts strings in the order of a language's
// dictionaries (CLDR collation): Polish puts "Ł" after "L" and "Ż" after
// "Ź", and digit runs compare by value, so "Spotkanie 2" comes before
// "Spotkanie 10".
//
// A collate.Collator keeps working state between calls and is not safe for
// concurrent use. A Collator guards one with a mutex instead, so that a
// single Collator per language can serve every goroutine of a parallel
// build. Creating a collate.Collator per call, the other safe design, was
// measured at about 20 times the cost of a mutex-guarded comparison
// (4.5 µs against 0.23 µs; see BenchmarkCompare).
type Collator struct {
	mu  sync.Mutex
	col *collate.Collator
}

// NewCollator returns a Collator for the BCP 47 language lang. An invalid
// tag gives the language-neutral CLDR root order rather than an error,
// because sorting is never a reason to fail a build; Parse has already
// reported a bad tag for the catalog of the same language.
func NewCollator(lang string) *Collator {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.Und
	}
	return &Collator{col: collate.New(tag, collate.Numeric)}
}

// Compare returns -1, 0 or +1 as a sorts before, equal to or after b.
func (c *Collator) Compare(a, b string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.col.CompareString(a, b)
}

// Sort sorts ss in place. Strings that collate as equal keep their order.
func (c *Collator) Sort(ss []string) {
	SortFunc(c, ss, func(s string) string { return s })
}

// SortFunc sorts items in place by the collation order of key(item),
// stably, so that items with equal keys keep their order (list pages sort
// by name after sorting by date).
//
// It computes one collation key per item and sorts by comparing the keys
// as bytes: n key computations instead of n·log n collations (already a
// fifth faster for 16 names, see BenchmarkSort), and the lock is held only
// while the keys are made, not while sorting.
func SortFunc[T any](c *Collator, items []T, key func(T) string) {
	type keyed struct {
		key  []byte
		item T
	}
	// key is called before locking: it is the caller's code, and might
	// itself use c.
	strs := make([]string, len(items))
	for i, it := range items {
		strs[i] = key(it)
	}
	ks := make([]keyed, len(items))
	// The keys point into buf, which lives until the function returns.
	var buf collate.Buffer
	c.mu.Lock()
	for i, it := range items {
		ks[i] = keyed{c.col.KeyFromString(&buf, strs[i]), it}
	}
	c.mu.Unlock()
	slices.SortStableFunc(ks, func(a, b keyed) int { return bytes.Compare(a.key, b.key) })
	for i := range ks {
		items[i] = ks[i].item
	}
}
