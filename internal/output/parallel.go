package output

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// workers bounds the goroutines that touch the file system at once: enough
// to hide the latency of each call, few enough that thousands of files do
// not run the process out of file descriptors.
func workers() int { return 2 * runtime.GOMAXPROCS(0) }

// forEach calls fn(i) for every i in [0, n) on at most workers() goroutines.
// After the first failure it starts no new calls. It returns the error of the
// lowest failing index, so that the same bad input gives the same message
// however the goroutines were scheduled.
func forEach(n int, fn func(i int) error) error {
	var (
		next    atomic.Int64
		failed  atomic.Bool
		mu      sync.Mutex
		firstAt = n
		first   error
		wg      sync.WaitGroup
	)
	for range min(n, workers()) {
		wg.Go(func() {
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := fn(i); err != nil {
					failed.Store(true)
					mu.Lock()
					if i < firstAt {
						firstAt, first = i, err
					}
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return first
}
