package main

import (
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// Commands for the scripts of broken and hostile sites (hostile_*.txtar,
// broken_*.txtar), registered in TestScripts.

// writeBytes: writebytes FILE HEX... writes the bytes that the hex digits
// spell to FILE (making its folder): a txtar file can hold neither NUL nor
// bytes that are not UTF-8.
func writeBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: writebytes FILE HEX...")
	}
	data, err := hex.DecodeString(strings.Join(args[1:], ""))
	ts.Check(err)
	writeScriptFile(ts, args[0], data)
}

// unescapeBytes: unescapebytes SRC DST copies SRC to DST, turning every \xHH
// into the byte HH and \\ into \, so that a file of mostly text with a few
// bytes that are not UTF-8 can be written readably in the archive. DST is
// unescaped too, for file names with control characters or in NFD.
func unescapeBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: unescapebytes SRC DST")
	}
	writeScriptFile(ts, string(unescape(ts, args[1])), unescape(ts, ts.ReadFile(args[0])))
}

// unescape turns every \xHH of src into the byte HH and \\ into \.
func unescape(ts *testscript.TestScript, src string) []byte {
	var out []byte
	for i := 0; i < len(src); i++ {
		switch {
		case strings.HasPrefix(src[i:], `\\`):
			out = append(out, '\\')
			i++
		case strings.HasPrefix(src[i:], `\x`) && i+4 <= len(src):
			b, err := strconv.ParseUint(src[i+2:i+4], 16, 8)
			if err != nil {
				ts.Fatalf("bad escape %q", src[i:i+4])
			}
			out = append(out, byte(b))
			i += 3
		default:
			out = append(out, src[i])
		}
	}
	return out
}

func writeScriptFile(ts *testscript.TestScript, name string, data []byte) {
	p := ts.MkAbs(name)
	ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
	ts.Check(os.WriteFile(p, data, 0o644))
}

// exitCode: exitcode N PROG ARGS... runs PROG as exec does (stdout and
// stderr are kept for the commands that follow) and fails unless it exits
// with code N: `! exec` only knows that it failed.
func exitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		got = exit.ExitCode()
	case err != nil:
		ts.Fatalf("%s: %v", args[1], err)
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// leftovers DIR fails unless the folder beside DIR holds a folder a build
// writes on its way (.DIR.sitegen-new-…, .DIR.sitegen-old-…); use it as
// `! leftovers public` after a build.
func leftovers(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: leftovers DIR")
	}
	dir := ts.MkAbs(args[0])
	entries, err := os.ReadDir(filepath.Dir(dir))
	ts.Check(err)
	var found []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(dir)+".sitegen-") {
			found = append(found, e.Name())
		}
	}
	switch {
	case neg && len(found) > 0:
		ts.Fatalf("a build left %s behind", strings.Join(found, ", "))
	case !neg && len(found) == 0:
		ts.Fatalf("no leftovers beside %s", args[0])
	}
}

// paths DIR FILE [SKIP...] writes the sorted paths under DIR to FILE,
// leaving out the paths SKIP (relative to DIR, with what is below them): to
// check with cmp that a build wrote nothing outside its destination.
func paths(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: paths DIR FILE [SKIP...]")
	}
	root := ts.MkAbs(args[0])
	var list []string
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if slices.ContainsFunc(args[2:], func(skip string) bool { return rel == skip || strings.HasPrefix(rel, skip+"/") }) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		list = append(list, rel)
		return nil
	})
	ts.Check(err)
	slices.Sort(list)
	writeScriptFile(ts, args[1], []byte(strings.Join(list, "\n")+"\n"))
}
