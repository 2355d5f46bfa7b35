package build

import (
	"io/fs"
	"syscall"
)

// stampOf identifies the state of a file on disk without reading it: the
// same device, inode, size and change times mean the same bytes, provided
// the times are old enough (see Cache.read). ctime cannot be set by a
// program, so a tool that restores mtime after writing still shows.
func stampOf(fi fs.FileInfo) (fileStamp, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileStamp{}, false
	}
	return fileStamp{
		dev: uint64(st.Dev), ino: st.Ino, size: st.Size,
		mtime: st.Mtim.Nano(), ctime: st.Ctim.Nano(),
	}, true
}
