//go:build !unix

package main

import "github.com/rogpeppe/go-internal/testscript"

// mkfifo: there are no named pipes here; scripts guard it with [unix].
func mkfifo(ts *testscript.TestScript, neg bool, args []string) {
	ts.Fatalf("mkfifo needs a Unix system: write [unix] mkfifo")
}
