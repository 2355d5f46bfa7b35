// Command gencorpus writes a generated site (package corpus) into a folder,
// for profiling the real command line on it:
//
//	go run ./internal/corpus/testdata/gencorpus /tmp/site 10000 [seed]
//	go run ./cmd/sitegen build --source /tmp/site --dest /tmp/site-public
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/lubuskie-es/sitegen/internal/corpus"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus DIR PAGES [SEED]")
		os.Exit(2)
	}
	pages, err := strconv.Atoi(os.Args[2])
	seed := int64(1)
	if err == nil && len(os.Args) > 3 {
		seed, err = strconv.ParseInt(os.Args[3], 10, 64)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
	if err := corpus.Generate(os.Args[1], corpus.Options{Pages: pages, Seed: seed}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
