package main

import "path/filepath"

// realPath is the absolute path p names once symbolic links are resolved;
// p need not exist: the longest part that exists is resolved and the rest
// joined to it. Comparing real paths keeps a link from hiding that --dest is
// the site itself ("--source link --dest real") or holds its sources
// ("--dest link-to-content/x"), which the swap of the new site would delete.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}
