package main

import (
	"os"
	"syscall"
	"time"
)

// usage returns the user+system CPU time and the peak RSS in KiB of a
// finished process, from the rusage wait4 reported.
func usage(ps *os.ProcessState) (time.Duration, int64) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return ps.UserTime() + ps.SystemTime(), 0
	}
	return ps.UserTime() + ps.SystemTime(), ru.Maxrss // Linux reports Maxrss in KiB
}
