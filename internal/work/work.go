// Package work runs the generator's parallel loops: a bounded pool of
// goroutines over the indexes 0..n-1, each call writing its own slot of
// slices the caller sized beforehand, so that results come out in input
// order without locks, however the goroutines were scheduled.
package work

import (
	"sync"
	"sync/atomic"
)

// Do calls f(i) for every i in [0, n) on at most workers goroutines (at
// least one) and returns when all calls have returned.
func Do(n, workers int, f func(i int)) {
	if n <= 0 {
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, n)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// Try is Do for calls that can fail. After the first failure it starts no
// new calls, and it returns the error of the lowest failing index, so that
// the same bad input gives the same message on every run.
func Try(n, workers int, f func(i int) error) error {
	errs := make([]error, max(n, 0))
	var failed atomic.Bool
	Do(n, workers, func(i int) {
		if failed.Load() {
			return
		}
		if errs[i] = f(i); errs[i] != nil {
			failed.Store(true)
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
