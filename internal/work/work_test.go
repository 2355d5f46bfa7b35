package work_test

import (
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/lubuskie-es/sitegen/internal/work"
)

func TestDoCallsEachIndexOnce(t *testing.T) {
	for _, tc := range []struct{ n, workers int }{{0, 4}, {1, 4}, {1000, 1}, {1000, 3}, {5, 0}, {5, 100}} {
		calls := make([]atomic.Int32, tc.n)
		work.Do(tc.n, tc.workers, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("Do(%d, %d): index %d called %d times", tc.n, tc.workers, i, c)
			}
		}
	}
}

func TestDoBoundsTheGoroutines(t *testing.T) {
	var running, most atomic.Int32
	work.Do(200, 3, func(int) {
		r := running.Add(1)
		for {
			m := most.Load()
			if r <= m || most.CompareAndSwap(m, r) {
				break
			}
		}
		for range 100 { // stay a while, so that others overlap
			runtime.Gosched()
		}
		running.Add(-1)
	})
	if m := most.Load(); m > 3 || m < 1 {
		t.Errorf("%d calls at once, want 1 to 3", m)
	}
}

func TestTryGivesTheLowestFailingIndex(t *testing.T) {
	for range 20 { // the same error however the goroutines run
		err := work.Try(100, 4, func(i int) error {
			if i%10 == 7 {
				return fmt.Errorf("fail %d", i)
			}
			return nil
		})
		if err == nil || err.Error() != "fail 7" {
			t.Fatalf("err = %v, want fail 7", err)
		}
	}
}

func TestTry(t *testing.T) {
	var sum atomic.Int64
	if err := work.Try(1000, 4, func(i int) error { sum.Add(int64(i)); return nil }); err != nil || sum.Load() != 999*1000/2 {
		t.Errorf("sum %d, err %v", sum.Load(), err)
	}
	if err := work.Try(0, 4, func(int) error { panic("called") }); err != nil {
		t.Error(err)
	}
}

func TestTryStopsAfterAFailure(t *testing.T) {
	var calls atomic.Int32
	err := work.Try(10000, 1, func(i int) error {
		calls.Add(1)
		return fmt.Errorf("fail %d", i)
	})
	if err == nil || err.Error() != "fail 0" || calls.Load() != 1 {
		t.Errorf("err %v after %d calls, want fail 0 after 1", err, calls.Load())
	}
}
