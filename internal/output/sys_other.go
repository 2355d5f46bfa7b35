//go:build !linux

package output

import "errors"

// exchange reports that folders cannot be swapped in one step here; swapIn
// then uses two renames.
func exchange(a, b string) error { return errors.ErrUnsupported }

// syncTree does nothing: without syncfs(2) the only choices are an fsync per
// file, too slow for thousands of files, or sync(2), which waits for every
// disk of the machine. The output can always be built again.
func syncTree(dir string) error { return nil }

// syncFolder does nothing, for the same reason as syncTree, and because
// Windows cannot open a folder for syncing.
func syncFolder(dir string) error { return nil }
