package main

import (
	"io/fs"
	"os"
)

// siteFS opens the site's folder for reading through an os.Root, so that no
// read can leave it, by ".." or by a symbolic link, whatever the build's
// own checks might miss. Those checks (internal/build/links.go) still give
// the friendly messages, as they look at every link before it is opened.
// A folder that cannot be opened is read through os.DirFS, so that the
// build says what it always said: site.yaml cannot be read, and why. The
// function returned closes the Root.
func siteFS(dir string) (fs.FS, func()) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return os.DirFS(dir), func() {}
	}
	return root.FS(), func() { root.Close() }
}
