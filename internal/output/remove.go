package output

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/lubuskie-es/sitegen/internal/work"
)

// removeAll removes the tree at root like os.RemoveAll, but unlinks files on
// several goroutines: removing the previous build costs as much as writing
// the new one, and os.RemoveAll does it one file at a time. Should the tree
// change underneath it, os.RemoveAll finishes the job and gives the error.
func removeAll(root string) error {
	levels, files, err := listTree(root)
	if err == nil {
		err = work.Try(len(files), workers(), func(i int) error { return os.Remove(files[i]) })
	}
	for d := len(levels) - 1; err == nil && d > 0; d-- {
		err = work.Try(len(levels[d]), workers(), func(i int) error { return os.Remove(levels[d][i]) })
	}
	return os.RemoveAll(root)
}

// listTree returns the folders under root by depth (levels[0] is root
// itself) and every other entry, without following symbolic links.
func listTree(root string) (levels [][]string, files []string, err error) {
	levels = [][]string{{root}}
	for len(levels[len(levels)-1]) > 0 {
		dirs := levels[len(levels)-1]
		subdirs := make([][]string, len(dirs))
		others := make([][]string, len(dirs))
		err := work.Try(len(dirs), workers(), func(i int) error {
			entries, err := os.ReadDir(dirs[i])
			for _, e := range entries {
				p := filepath.Join(dirs[i], e.Name())
				if e.IsDir() {
					subdirs[i] = append(subdirs[i], p)
				} else {
					others[i] = append(others[i], p)
				}
			}
			return err
		})
		if err != nil {
			return nil, nil, err
		}
		levels = append(levels, slices.Concat(subdirs...))
		files = append(files, slices.Concat(others...)...)
	}
	return levels, files, nil
}
