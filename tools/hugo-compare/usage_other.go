//go:build !linux

package main

import (
	"os"
	"time"
)

// usage returns the user+system CPU time of a finished process; the peak
// RSS (0) is measured on Linux only, where rusage gives it in KiB.
func usage(ps *os.ProcessState) (time.Duration, int64) {
	return ps.UserTime() + ps.SystemTime(), 0
}
