// Command hugo-compare times sitegen side by side with Hugo on the
// generated benchmark corpus (package internal/corpus): the same content
// files, built by the sitegen CLI and, converted into a Hugo site with the
// layouts in hugo-layouts/, by each Hugo binary given. It reports wall time,
// user+system CPU and peak RSS per tool, medians and ranges of runs that
// alternate between the tools, and the ratios of the medians.
//
//	go run ./tools/hugo-compare -pages 1000 -runs 5 -hugo /path/to/hugo
//
// It never installs or builds Hugo: it only runs the binaries it is given.
// See README.md beside this file.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/lubuskie-es/sitegen/internal/corpus"
)

// hugoList collects the repeatable -hugo flag.
type hugoList []string

func (h *hugoList) String() string     { return strings.Join(*h, ",") }
func (h *hugoList) Set(v string) error { *h = append(*h, v); return nil }

func main() {
	var hugos hugoList
	pages := flag.Int("pages", 1000, "content files in the generated corpus")
	seed := flag.Int64("seed", 1, "seed of the generated corpus")
	runs := flag.Int("runs", 5, "timed runs of each tool, alternating")
	work := flag.String("work", "", "folder for the corpus, the Hugo site and the outputs (default: a new temporary folder, removed at the end)")
	flag.Var(&hugos, "hugo", "path of a Hugo binary to compare (repeatable; default $HUGO)")
	flag.Parse()
	if len(hugos) == 0 && os.Getenv("HUGO") != "" {
		hugos = append(hugos, os.Getenv("HUGO"))
	}
	if err := run(*pages, *seed, *runs, *work, hugos); err != nil {
		fmt.Fprintln(os.Stderr, "hugo-compare:", err)
		os.Exit(1)
	}
}

func run(pages int, seed int64, runs int, work string, hugos []string) error {
	if runs < 1 {
		return fmt.Errorf("-runs is %d; it must be at least 1", runs)
	}
	if work == "" {
		dir, err := os.MkdirTemp("", "hugo-compare-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		work = dir
	}
	root, err := corpus.RepoRoot()
	if err != nil {
		return err
	}
	c, err := corpus.New(corpus.Options{Pages: pages, Seed: seed})
	if err != nil {
		return err
	}
	src := filepath.Join(work, "corpus")
	if err := os.RemoveAll(src); err != nil {
		return err
	}
	if err := c.Write(src); err != nil {
		return err
	}
	fmt.Printf("corpus: %d content files (%d meetings, %d partners, %d pages), %.1f MB of content, seed %d\n",
		c.Meetings+c.Partners+c.Pages, c.Meetings, c.Partners, c.Pages, float64(c.ContentBytes)/1e6, seed)

	bin := filepath.Join(work, "sitegen")
	build := exec.Command("go", "build", "-o", bin, "./cmd/sitegen")
	build.Dir, build.Stdout, build.Stderr = root, os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("go build ./cmd/sitegen: %w", err)
	}
	now := corpus.Now().Format("2006-01-02")
	tools := []tool{{
		name: "sitegen",
		dest: filepath.Join(work, "out-sitegen"),
		args: func(dest string) []string {
			return []string{bin, "build", "--quiet", "--source", src, "--dest", dest, "--now", now}
		},
	}}

	site := filepath.Join(work, "hugo-site")
	if len(hugos) > 0 {
		if err := writeHugoSite(c, site); err != nil {
			return err
		}
	}
	for i, h := range hugos {
		v, err := hugoVersion(h)
		if err != nil {
			return err
		}
		config, err := writeHugoConfig(site, v)
		if err != nil {
			return err
		}
		cache := filepath.Join(work, fmt.Sprintf("hugo-cache-%d", i))
		tools = append(tools, tool{
			name: "hugo " + v.String(),
			dest: filepath.Join(work, fmt.Sprintf("out-hugo-%d", i)),
			args: func(dest string) []string {
				return []string{h, "--quiet", "--source", site, "--config", config, "--cacheDir", cache, "--destination", dest}
			},
		})
	}

	fmt.Printf("load average before: %s\n", loadAverage())
	// One untimed run of each first: it fills the page cache with the
	// files and checks that every tool builds the site.
	for _, t := range tools {
		if _, err := t.run(); err != nil {
			return err
		}
		n, size, err := outputSize(t.dest)
		if err != nil {
			return err
		}
		fmt.Printf("%-14s writes %d files (%d HTML), %.1f MB\n", t.name, n.all, n.html, float64(size)/1e6)
	}
	results := make([][]sample, len(tools))
	for r := range runs {
		// Alternate the order, so that neither tool always runs right
		// after the other one warmed the machine.
		for k := range tools {
			i := (k + r) % len(tools)
			s, err := tools[i].run()
			if err != nil {
				return err
			}
			results[i] = append(results[i], s)
		}
	}
	fmt.Printf("load average after: %s\n", loadAverage())
	report(os.Stdout, tools, results, runs)
	return nil
}

// tool is one generator to time.
type tool struct {
	name string
	dest string
	args func(dest string) []string
}

// sample is one timed run.
type sample struct {
	wall, cpu time.Duration
	rssKB     int64
}

// run builds the site into a new, empty t.dest, as a first build does:
// neither tool may reuse the output or a build cache of a previous run.
func (t tool) run() (sample, error) {
	if err := os.RemoveAll(t.dest); err != nil {
		return sample{}, err
	}
	args := t.args(t.dest)
	cmd := exec.Command(args[0], args[1:]...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("%s: %w\n%s", t.name, err, out.String())
	}
	cpu, rss := usage(cmd.ProcessState)
	return sample{wall: wall, cpu: cpu, rssKB: rss}, nil
}

// loadAverage is the first three fields of /proc/loadavg, or "unknown".
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

type fileCount struct{ all, html int }

// outputSize counts the files a build wrote and their bytes.
func outputSize(dir string) (fileCount, int64, error) {
	var n fileCount
	var size int64
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n.all++
		if strings.HasSuffix(p, ".html") {
			n.html++
		}
		size += info.Size()
		return nil
	})
	return n, size, err
}
