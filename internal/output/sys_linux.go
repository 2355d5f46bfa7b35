package output

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

// From <linux/fs.h> and <linux/fcntl.h>, the same on every architecture.
const (
	renameExchange = 1 << 1 // RENAME_EXCHANGE
	atFDCWD        = -100   // AT_FDCWD; ignored for absolute paths
)

// exchange swaps the folders at the absolute paths a and b in one step, with
// renameat2(2) and RENAME_EXCHANGE (Linux 3.15 and later).
func exchange(a, b string) error {
	trap := renameat2Trap()
	if trap == 0 {
		return errors.ErrUnsupported
	}
	pa, err := syscall.BytePtrFromString(a)
	if err != nil {
		return err
	}
	pb, err := syscall.BytePtrFromString(b)
	if err != nil {
		return err
	}
	cwd := atFDCWD // a variable: a negative constant cannot become uintptr
	_, _, errno := syscall.Syscall6(trap,
		uintptr(cwd), uintptr(unsafe.Pointer(pa)),
		uintptr(cwd), uintptr(unsafe.Pointer(pb)),
		renameExchange, 0)
	if errno != 0 {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: errno}
	}
	return nil
}

// renameat2Trap is the system call number of renameat2, which the syscall
// package lacks on amd64. Only numbers checked against the kernel headers are
// listed; other architectures fall back to two renames.
func renameat2Trap() uintptr {
	switch runtime.GOARCH {
	case "amd64":
		return 316
	case "arm64", "riscv64", "loong64":
		return 276
	}
	return 0
}

// syncfsTrap is the system call number of syncfs, or 0 where unchecked.
func syncfsTrap() uintptr {
	switch runtime.GOARCH {
	case "amd64":
		return 306
	case "arm64", "riscv64", "loong64":
		return 267
	}
	return 0
}

// syncTree flushes the new tree to disk before it is swapped in, so that a
// power cut cannot leave dest naming files whose data never got written.
// One syncfs(2) for the whole file system costs far less than an fsync per
// file.
func syncTree(dir string) error {
	trap := syncfsTrap()
	if trap == 0 {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, _, errno := syscall.Syscall(trap, f.Fd(), 0, 0); errno != 0 {
		return fmt.Errorf("output: syncing %s: %w", dir, errno)
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
