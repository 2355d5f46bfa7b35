//go:build unix

package corpus

import (
	"syscall"
	"time"
)

// CPUTime returns the CPU time, user and system, that the process has used
// so far, and whether the system could tell. On a busy machine it is a
// steadier measure of a build's work than wall time, which grows with the
// other processes' load.
func CPUTime() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
