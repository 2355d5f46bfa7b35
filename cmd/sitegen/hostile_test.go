package main

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/corpus"
)

// These tests run the real command, as the scripts do: TestMain puts the
// test binary in PATH as sitegen, which runs main's run().

// sitegenBin is the sitegen that TestMain installed in PATH.
func sitegenBin(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("sitegen")
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// sitegenCmd is sitegen with args, with the clock fixed to the corpus's
// present, so that every build of the same site is byte for byte the same.
func sitegenCmd(t *testing.T, args ...string) *exec.Cmd {
	cmd := exec.Command(sitegenBin(t), args...)
	cmd.Env = append(os.Environ(), "SITEGEN_TEST_NOW="+corpus.Now().Format(time.RFC3339))
	return cmd
}

func generate(t *testing.T, dir string, pages int, seed int64) {
	t.Helper()
	if err := corpus.Generate(dir, corpus.Options{Pages: pages, Seed: seed}); err != nil {
		t.Fatal(err)
	}
}

// treeOf maps every file under dir to a hash of its content, and every
// folder to "/": two trees are the same site when the maps are equal.
func treeOf(t *testing.T, dir string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			tree[rel] = "/"
			return nil
		}
		data, err := os.ReadFile(p)
		tree[rel] = fmt.Sprintf("%x", sha256.Sum256(data))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// siblings lists what builds leave next to dest on their way.
func siblings(t *testing.T, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "."+filepath.Base(dest)+".sitegen-") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestBuildSurvivesSIGKILL builds two different generated sites in turn
// into one destination with the real sitegen, SIGKILLs each build at a
// random moment, and checks that the destination is then one of the two
// complete sites, byte for byte: the one before the build, or, if the kill
// came after the swap, the new one. A third of the kills come at any
// moment of a build, a third while it writes (once the new tree appears
// beside the destination), a third right after the swap (once the
// destination holds the new site), while the previous tree is removed.
// After each kill a full build must succeed and leave nothing beside the
// destination.
func TestBuildSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated site two dozen times")
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	root := t.TempDir()
	srcs := [2]string{filepath.Join(root, "a"), filepath.Join(root, "b")}
	generate(t, srcs[0], 500, 1)
	generate(t, srcs[1], 500, 2)
	dest := filepath.Join(root, "out", "public")

	build := func(src string) {
		t.Helper()
		if out, err := sitegenCmd(t, "build", "--source", src, "--dest", dest).CombinedOutput(); err != nil {
			t.Fatalf("build of %s: %v\n%s", src, err, out)
		}
	}
	// The two complete sites, and how long a build takes and when it
	// starts writing (the new tree appears beside dest).
	build(srcs[1])
	trees := [2]map[string]string{nil, treeOf(t, dest)}
	start := time.Now()
	b := startBuild(t, srcs[0], dest)
	writeAt := b.watchForWrite(dest)
	if err := <-b.done; err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	trees[0] = treeOf(t, dest)
	if maps.Equal(trees[0], trees[1]) {
		t.Fatal("the two sites are the same")
	}
	writing := took - writeAt
	seed := uint64(time.Now().UnixNano())
	t.Logf("a build of %d files takes %v, of which writing %v; seed %d", len(trees[0]), took, writing, seed)
	rng := rand.New(rand.NewPCG(seed, 0))

	const rounds = 9
	var unchanged, replaced, leftovers int
	current := 0 // dest holds trees[current]
	for round := range rounds {
		next := 1 - current
		b := startBuild(t, srcs[next], dest)
		var delay time.Duration
		switch round % 3 {
		case 0: // any moment of the build
			delay = time.Duration(rng.Int64N(int64(took + took/10)))
			time.Sleep(delay)
		case 1: // while it writes the new tree
			delay = b.watchForWrite(dest)
			extra := time.Duration(rng.Int64N(int64(writing) + 1))
			time.Sleep(extra)
			delay += extra
		case 2: // right after the swap, while the old tree is removed
			delay = b.watchForSwap(t, dest, trees[next]["index.html"])
		}
		killed := b.kill(t)
		got := treeOf(t, dest)
		switch {
		case maps.Equal(got, trees[current]):
			unchanged++
		case maps.Equal(got, trees[next]):
			replaced++
		default:
			t.Fatalf("round %d, killed after %v: %s holds neither complete site (%d entries)", round, delay, dest, len(got))
		}
		if len(siblings(t, dest)) > 0 {
			leftovers++
		}
		t.Logf("round %d: killed after %v (killed: %v), dest %s, beside it: %v", round, delay, killed,
			map[bool]string{true: "the new site", false: "the previous site"}[maps.Equal(got, trees[next])], siblings(t, dest))

		// The next build cleans up and completes.
		build(srcs[next])
		if got := treeOf(t, dest); !maps.Equal(got, trees[next]) {
			t.Fatalf("round %d: the build after the kill wrote a different site", round)
		}
		if s := siblings(t, dest); len(s) > 0 {
			t.Fatalf("round %d: the build after the kill left %v", round, s)
		}
		current = next
	}
	t.Logf("%d kills: %d left the previous site, %d the new one; %d left leftovers that the next build removed",
		rounds, unchanged, replaced, leftovers)
}

// running is a build started in the background.
type running struct {
	cmd  *exec.Cmd
	done chan error // receives the result of Wait
}

func startBuild(t *testing.T, src, dest string) *running {
	t.Helper()
	b := &running{cmd: sitegenCmd(t, "build", "--source", src, "--dest", dest), done: make(chan error, 1)}
	if err := b.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { b.done <- b.cmd.Wait() }()
	return b
}

// watchForWrite polls until the build's new tree appears beside dest, or
// the build ends, and returns how long that took.
func (b *running) watchForWrite(dest string) time.Duration {
	start := time.Now()
	prefix := "." + filepath.Base(dest) + ".sitegen-new-"
	for {
		entries, _ := os.ReadDir(filepath.Dir(dest))
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), prefix) {
				return time.Since(start)
			}
		}
		select {
		case err := <-b.done:
			b.done <- err // for whoever waits next
			return time.Since(start)
		default:
		}
		time.Sleep(200 * time.Microsecond)
	}
}

// watchForSwap polls until dest's index.html is the new site's (its hash is
// want), or the build ends, and returns how long that took.
func (b *running) watchForSwap(t *testing.T, dest, want string) time.Duration {
	start := time.Now()
	for {
		if data, err := os.ReadFile(filepath.Join(dest, "index.html")); err == nil && fmt.Sprintf("%x", sha256.Sum256(data)) == want {
			return time.Since(start)
		}
		select {
		case err := <-b.done:
			b.done <- err
			return time.Since(start)
		default:
		}
		time.Sleep(100 * time.Microsecond)
	}
}

// kill SIGKILLs the build and waits for it; it reports whether the build
// was still running (false: it had finished on its own).
func (b *running) kill(t *testing.T) bool {
	t.Helper()
	_ = b.cmd.Process.Signal(syscall.SIGKILL)
	err := <-b.done
	var exit *exec.ExitError
	switch {
	case err == nil:
		return false
	case errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL:
		return true
	}
	t.Fatalf("the build ended with %v", err)
	return false
}

// TestBuildManyFilesFewDescriptors builds a site of 5,000 content files
// with the real sitegen, allowed only 256 open files, twice (the second
// build also removes the first): reading, writing and removing thousands
// of files must keep few of them open at once.
func TestBuildManyFilesFewDescriptors(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 5,000 files")
	}
	if runtime.GOOS == "windows" {
		t.Skip("needs ulimit")
	}
	root := t.TempDir()
	src := filepath.Join(root, "site")
	generate(t, src, corpus.MinPages, 1)
	// 5,000 pages in 50 folders, each linking to the next.
	const pages = 5000
	for i := range pages {
		text := fmt.Sprintf("---\ntitle: Strona %d\n---\nTekst strony %d, dalej [następna](../%02d/s%04d.md).\n",
			i, i, (i+1)%pages/100, (i+1)%pages)
		p := filepath.Join(src, "content", "archiwum", fmt.Sprintf("%02d", i/100), fmt.Sprintf("s%04d.md", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(root, "public")
	for i := range 2 {
		start := time.Now()
		cmd := exec.Command("/bin/sh", "-c", `ulimit -n 256 && ulimit -n && exec "$0" "$@"`,
			sitegenBin(t), "build", "--source", src, "--dest", dest)
		cmd.Env = append(os.Environ(), "SITEGEN_TEST_NOW="+corpus.Now().Format(time.RFC3339))
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("build %d under ulimit -n 256: %v\n%s", i+1, err, out)
		}
		limit, summary, _ := strings.Cut(string(out), "\n")
		if limit != "256" {
			t.Fatalf("the limit was not set: %q", out)
		}
		summary, _, _ = strings.Cut(summary, " files in ")
		t.Logf("build %d with at most 256 open files: %s files in %v", i+1, summary, time.Since(start))
	}
	if _, err := os.Stat(filepath.Join(dest, "archiwum", "49", "s4999", "index.html")); err != nil {
		t.Error(err)
	}
}

// TestBuildLargeFile builds a site with one Markdown file of 5 MB, of the
// kind a long report pasted from Word becomes, with the real sitegen: it
// must take seconds, not minutes.
func TestBuildLargeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 5 MB page")
	}
	root := t.TempDir()
	src := filepath.Join(root, "site")
	generate(t, src, corpus.MinPages, 1)
	data := largeMarkdown(5 << 20)
	if err := os.WriteFile(filepath.Join(src, "content", "raport.pl.md"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	out, err := sitegenCmd(t, "build", "--source", src, "--dest", filepath.Join(root, "public")).CombinedOutput()
	took := time.Since(start)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	page, err := os.ReadFile(filepath.Join(root, "public", "raport", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("a %.1f MB Markdown file: page of %.1f MB, whole build %v", float64(len(data))/(1<<20), float64(len(page))/(1<<20), took)
	if took > 30*time.Second {
		t.Errorf("the build took %v", took)
	}
	if !strings.Contains(string(page), "Koniec raportu.") {
		t.Errorf("the page lacks the end of the text")
	}
}

// largeMarkdown is about size bytes of varied Markdown: headings, long
// paragraphs with emphasis and links, lists, tables and quotes.
func largeMarkdown(size int) []byte {
	words := strings.Fields("partnerstwo ekonomia społeczna spotkanie sygnatariuszy województwo lubuskie " +
		"zatrudnienie wsparcie przedsiębiorstwo spółdzielnia socjalna zakład aktywności zawodowej urząd pracy " +
		"fundusze europejskie program regionalny organizacja pozarządowa żółć gęśl jaźń")
	rng := rand.New(rand.NewPCG(5, 5))
	var b strings.Builder
	b.WriteString("---\ntitle: Raport roczny\nsummary: Bardzo długi raport.\n---\n")
	for i := 1; b.Len() < size; i++ {
		switch {
		case i%25 == 0:
			fmt.Fprintf(&b, "\n## Rozdział %d\n\n", i/25)
		case i%11 == 0:
			for j := range 6 {
				fmt.Fprintf(&b, "- punkt %d: %s **%s**\n", j, words[rng.IntN(len(words))], words[rng.IntN(len(words))])
			}
			b.WriteString("\n")
		case i%17 == 0:
			b.WriteString("| Powiat | Spotkania | Partnerzy |\n|---|--:|--:|\n")
			for j := range 8 {
				fmt.Fprintf(&b, "| %s | %d | %d |\n", words[rng.IntN(len(words))], j*3, j*7)
			}
			b.WriteString("\n")
		case i%13 == 0:
			fmt.Fprintf(&b, "> \"%s\" -- powiedział %s...\n\n", words[rng.IntN(len(words))], words[rng.IntN(len(words))])
		default:
			for j := range 80 {
				w := words[rng.IntN(len(words))]
				switch j % 20 {
				case 3:
					w = "*" + w + "*"
				case 9:
					w = "[" + w + "](https://example.org/" + w + ")"
				case 15:
					w = "`" + w + "`"
				}
				b.WriteString(w)
				b.WriteString(" ")
			}
			b.WriteString("\n\n")
		}
	}
	b.WriteString("Koniec raportu.\n")
	return []byte(b.String())
}
