package output

import (
	"bufio"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// childDestEnv, when set, turns the test binary into a child that writes into
// the folder it names, over and over, until it is killed.
const childDestEnv = "SITEGEN_OUTPUT_TEST_CHILD_DEST"

// bigSite is a site of n files in generation gen; each generation has paths
// the other lacks, so a stale file of the wrong generation shows up.
func bigSite(gen, n int) []File {
	files := make([]File, n)
	for i := range files {
		files[i] = File{
			Path: fmt.Sprintf("g%d/%03d/%d/index.html", gen, i%97, i),
			Data: fmt.Appendf(nil, "<p>generation %d, page %d</p>%0600d", gen, i, i),
		}
	}
	return append(files, File{Path: "index.html", Data: fmt.Appendf(nil, "gen %d", gen)})
}

const bigSiteFiles = 1000

// runChild is the child's side: print a marker so the parent knows writing
// has begun, then alternate between two generations forever.
func runChild(dest string) {
	sites := [2][]File{bigSite(0, bigSiteFiles), bigSite(1, bigSiteFiles)}
	fmt.Println("writing")
	for i := 1; ; i++ {
		if err := Write(dest, sites[i%2]); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(3)
		}
	}
}

func TestWriteSurvivesSIGKILL(t *testing.T) {
	if dest := os.Getenv(childDestEnv); dest != "" {
		runChild(dest)
	}
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	wants := [2]map[string]string{want(bigSite(0, bigSiteFiles)), want(bigSite(1, bigSiteFiles))}
	start := time.Now()
	if err := Write(dest, bigSite(0, bigSiteFiles)); err != nil {
		t.Fatal(err)
	}
	oneWrite := time.Since(start)
	seed := uint64(time.Now().UnixNano())
	t.Logf("one Write of %d files: %v; seed %d", bigSiteFiles+1, oneWrite, seed)
	rng := rand.New(rand.NewPCG(seed, 0))

	midWrite := 0
	for round := range 6 {
		delay := time.Duration(rng.Int64N(int64(2 * oneWrite)))
		leftovers := killChildAfter(t, dest, delay)
		if leftovers {
			midWrite++
		}
		got := tree(t, dest)
		if !maps.Equal(got, wants[0]) && !maps.Equal(got, wants[1]) {
			t.Fatalf("round %d, killed after %v: dest is neither complete tree (%d entries)", round, delay, len(got))
		}
		// The next Write removes whatever the killed one left behind.
		if err := Write(dest, bigSite(0, bigSiteFiles)); err != nil {
			t.Fatal(err)
		}
		noSiblings(t, dest)
	}
	t.Logf("%d of 6 kills left a partial tree behind", midWrite)
}

// killChildAfter starts a child writing into dest, SIGKILLs it delay after
// it began writing, and reports whether it left sibling folders behind.
func killChildAfter(t *testing.T, dest string, delay time.Duration) (leftovers bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriteSurvivesSIGKILL$", "-test.count=1")
	cmd.Env = append(os.Environ(), childDestEnv+"="+dest)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "writing\n" {
		cmd.Process.Kill()
		t.Fatalf("child said %q, %v", line, err)
	}
	time.Sleep(delay)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child ended with %v, not by SIGKILL", err)
	}
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	return len(entries) > 1
}
