package output

import (
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders at the absolute paths a and b in one step, with
// renameat2(2) and RENAME_EXCHANGE (Linux 3.15 and later). Some file systems
// refuse the flag (EINVAL), and old kernels or sandboxes lack the call
// (ENOSYS); swapIn then falls back to two renames on any error.
func exchange(a, b string) error {
	if err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE); err != nil {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return nil
}

// syncTree flushes the new tree to disk before it is swapped in, so that a
// power cut cannot leave dest naming files whose data never got written.
// One syncfs(2) for the whole file system costs far less than an fsync per
// file.
func syncTree(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := unix.Syncfs(int(f.Fd())); err != nil {
		return fmt.Errorf("output: syncing %s: %w", dir, err)
	}
	return nil
}

// syncFolder makes the renames inside dir durable.
func syncFolder(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("output: syncing %s: %w", dir, err)
	}
	return nil
}
