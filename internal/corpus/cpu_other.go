//go:build !unix

package corpus

import "time"

// CPUTime returns the CPU time the process has used so far; on this system
// it cannot tell, and returns false.
func CPUTime() (time.Duration, bool) { return 0, false }
