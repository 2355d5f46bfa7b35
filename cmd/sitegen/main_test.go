package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary act as the real sitegen command inside
// scripts, so that every script runs sitegen as a separate process and sees
// its real exit code, stdout and stderr.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"sitegen": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, testClock())) },
	})
}

// testClock is time.Now, or the moment in SITEGEN_TEST_NOW (RFC 3339), so
// that a script can know the date `sitegen new` puts in a file name.
func testClock() func() time.Time {
	if v := os.Getenv("SITEGEN_TEST_NOW"); v != "" {
		if t, err := time.Parse(time.RFC3339, v); err == nil {
			return func() time.Time { return t }
		}
	}
	return time.Now
}

// TestScripts runs testdata/script/*.txtar. Each script starts in a folder
// holding the repository's templates/ and static/ (so scripts need only
// site.yaml and content/) unless it removes them.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			for _, dir := range []string{"templates", "static"} {
				if err := os.CopyFS(filepath.Join(env.WorkDir, dir), os.DirFS(filepath.Join("..", "..", dir))); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// snapshot DIR FILE records every path and size under DIR, to
			// check later with cmp that a failed build changed nothing.
			"snapshot": snapshot,
			// cmpprefix stdout FILE: stdout starts with FILE's text, for
			// output that ends in counts that grow with the templates.
			"cmpprefix": cmpPrefix,
			// For broken and hostile sites: see scriptcmds_test.go.
			"writebytes":    writeBytes,
			"unescapebytes": unescapeBytes,
			"exitcode":      exitCode,
			"mkfifo":        mkfifo,
			"leftovers":     leftovers,
			"paths":         paths,
		},
	})
}

func snapshot(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: snapshot DIR FILE")
	}
	root := ts.MkAbs(args[0])
	var lines []byte
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			lines = append(lines, filepath.ToSlash(rel)+"/\n"...)
			return nil
		}
		data, err := os.ReadFile(p)
		lines = append(lines, filepath.ToSlash(rel)+" "+string(data)+"\n"...)
		return err
	})
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), lines, 0o644))
}

func cmpPrefix(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 || args[0] != "stdout" {
		ts.Fatalf("usage: cmpprefix stdout FILE")
	}
	got, want := ts.ReadFile("stdout"), ts.ReadFile(args[1])
	if !strings.HasPrefix(got, want) {
		ts.Fatalf("stdout does not start with %s:\n--- stdout\n%s\n--- %s\n%s", args[1], got, args[1], want)
	}
}
