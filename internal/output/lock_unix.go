//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package output

import (
	"fmt"
	"os"
	"syscall"
)

// lockFolder takes an exclusive flock(2) on the folder dir, waiting for any
// holder to finish, and returns the function that releases it. Without it,
// one build's cleanup could delete the half-built tree of another build
// running at the same time (a watcher and a manual build, say). The kernel
// drops the lock when its holder dies, so a killed build never blocks the
// next one.
func lockFolder(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("output: locking %s: %w", dir, err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("output: locking %s: %w", dir, err)
	}
	return func() { f.Close() }, nil // closing releases the lock
}
