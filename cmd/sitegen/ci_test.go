package main

import (
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The publishing workflows, .github/workflows/site.yml and .gitlab-ci.yml,
// are checked here since no CI of ours runs them: they must parse, use the
// Go pinned in go.mod, run only sitegen commands and flags that exist, run
// check before build, and run the commands README.md documents.

// flagSets gives each subcommand's real flag set, so that a workflow
// cannot use a flag sitegen does not have.
func flagSets() map[string]*flag.FlagSet {
	b, _ := newBuildFlags(io.Discard)
	c, _ := newCheckFlags(io.Discard)
	n, _, _ := newNewFlags(io.Discard)
	return map[string]*flag.FlagSet{"build": b, "check": c, "new": n}
}

func readYAML(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

// goVersion is the go directive of go.mod.
func goVersion(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(data)
	if m == nil {
		t.Fatal("go.mod has no go directive")
	}
	return string(m[1])
}

// commands returns the shell lines a workflow runs: GitHub's run: and
// GitLab's script:, before_script: and after_script:.
func workflowCommands(node any) []string {
	var out []string
	switch n := node.(type) {
	case map[string]any:
		keys := make([]string, 0, len(n))
		for k := range n {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			switch v := n[k].(type) {
			case string:
				if k == "run" {
					out = append(out, splitLines(v)...)
				}
			case []any:
				if k == "script" || k == "before_script" || k == "after_script" {
					for _, s := range v {
						if str, ok := s.(string); ok {
							out = append(out, splitLines(str)...)
						}
					}
					continue
				}
				out = append(out, workflowCommands(v)...)
			default:
				out = append(out, workflowCommands(v)...)
			}
		}
	case []any:
		for _, v := range n {
			out = append(out, workflowCommands(v)...)
		}
	}
	return out
}

func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// shellWords splits a command line as a shell would, well enough for
// these files: quotes group, variables and ${{ }} expressions stand for a
// value.
func shellWords(line string) []string {
	line = regexp.MustCompile(`\$\{\{[^}]*\}\}|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?`).ReplaceAllString(line, "https://example.org/x")
	var words []string
	var cur strings.Builder
	quote, in := rune(0), false
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '"' || r == '\'':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, cur.String())
	}
	return words
}

// checkCommands checks every sitegen command of a workflow against the
// real flag sets and README.md, and returns the subcommands in order.
func checkCommands(t *testing.T, file string, lines []string, readme string) []string {
	t.Helper()
	var subs []string
	for _, line := range lines {
		words := shellWords(line)
		switch {
		case len(words) >= 2 && words[0] == "go" && words[1] == "test":
			if line != "go test ./..." {
				t.Errorf("%s: %q: the tests run as README.md says, go test ./...", file, line)
			}
		case len(words) >= 3 && words[0] == "go" && words[1] == "run":
			if words[2] != "./cmd/sitegen" || len(words) < 4 {
				t.Errorf("%s: %q: run sitegen as README.md does, go run ./cmd/sitegen COMMAND", file, line)
				continue
			}
			sub := words[3]
			fs := flagSets()[sub]
			if fs == nil {
				t.Errorf("%s: %q: sitegen has no command %q", file, line, sub)
				continue
			}
			if err := fs.Parse(words[4:]); err != nil || fs.NArg() > 0 {
				t.Errorf("%s: %q: sitegen %s does not take these arguments: %v %v", file, line, sub, err, fs.Args())
			}
			if !strings.Contains(readme, line) {
				t.Errorf("%s: %q is not in README.md's Publishing section", file, line)
			}
			subs = append(subs, sub)
		}
	}
	return subs
}

func readme(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestGitHubWorkflow(t *testing.T) {
	const file = "../../.github/workflows/site.yml"
	doc := readYAML(t, file)
	for _, k := range []string{"name", "on", "jobs"} {
		if doc[k] == nil {
			t.Errorf("%s: no %q", file, k)
		}
	}
	// The Go of go.mod: setup-go reads it from go.mod itself.
	var setupGo []map[string]any
	var uses []string
	jobs, _ := doc["jobs"].(map[string]any)
	for _, j := range jobs {
		steps, _ := j.(map[string]any)["steps"].([]any)
		for _, s := range steps {
			step, _ := s.(map[string]any)
			u, _ := step["uses"].(string)
			uses = append(uses, u)
			if strings.HasPrefix(u, "actions/setup-go@") {
				with, _ := step["with"].(map[string]any)
				setupGo = append(setupGo, with)
			}
		}
	}
	if len(setupGo) == 0 {
		t.Errorf("%s: no actions/setup-go step", file)
	}
	for _, with := range setupGo {
		if with["go-version-file"] != "go.mod" && with["go-version"] != goVersion(t) {
			t.Errorf("%s: setup-go must use go-version-file: go.mod (or go-version: %s), has %v", file, goVersion(t), with)
		}
	}
	for _, want := range []string{"actions/checkout@", "actions/upload-pages-artifact@", "actions/deploy-pages@"} {
		if !slices.ContainsFunc(uses, func(u string) bool { return strings.HasPrefix(u, want) }) {
			t.Errorf("%s: no %s step", file, want)
		}
	}
	// A nightly run, so that the calendar's changes are published.
	on, _ := doc["on"].(map[string]any)
	schedule, _ := on["schedule"].([]any)
	if len(schedule) != 1 || !cronRE.MatchString(fmt2(schedule[0].(map[string]any)["cron"])) {
		t.Errorf("%s: want one on.schedule cron, daily: %v", file, on["schedule"])
	}
	// It deploys only a site that changed.
	deploy, _ := jobs["deploy"].(map[string]any)
	if cond, _ := deploy["if"].(string); !strings.Contains(cond, "needs.build.outputs.changed == 'true'") {
		t.Errorf("%s: the deploy job must wait for a changed site: if %q", file, cond)
	}
	subs := checkCommands(t, file, workflowCommands(doc), readme(t))
	wantOrder(t, file, subs)
}

// cronRE is a daily cron: minute and hour fixed, every day.
var cronRE = regexp.MustCompile(`^\d{1,2} \d{1,2}(,\d{1,2})* \* \* \*$`)

func fmt2(v any) string { s, _ := v.(string); return s }

func TestGitLabPipeline(t *testing.T) {
	const file = "../../.gitlab-ci.yml"
	doc := readYAML(t, file)
	if want := "golang:" + goVersion(t); doc["image"] != want {
		t.Errorf("%s: image %v, want %s (the Go of go.mod)", file, doc["image"], want)
	}
	pages, ok := doc["pages"].(map[string]any)
	if !ok {
		t.Fatalf("%s: no pages job", file)
	}
	rules, _ := pages["rules"].([]any)
	schedule := false
	for _, r := range rules {
		cond, _ := r.(map[string]any)["if"].(string)
		if !strings.Contains(cond, "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH") {
			t.Errorf("%s: the pages job must run on the default branch only: %q", file, cond)
		}
		schedule = schedule || strings.Contains(cond, `$CI_PIPELINE_SOURCE == "schedule"`)
	}
	if !schedule {
		t.Errorf("%s: the pages job needs a rule for scheduled pipelines: %v", file, rules)
	}
	// A scheduled run that finds the site unchanged ends with exit code 3,
	// allowed, and publishes nothing.
	allow, _ := pages["allow_failure"].(map[string]any)
	codes, _ := allow["exit_codes"].([]any)
	script := strings.Join(workflowCommands(map[string]any{"script": pages["script"]}), "\n")
	if len(codes) != 1 || codes[0] != 3 || !strings.Contains(script, "exit 3") || !strings.Contains(script, ".site-digest") {
		t.Errorf("%s: the pages job must skip an unchanged site with an allowed exit 3: allow_failure %v, script %q", file, allow, script)
	}
	art, _ := pages["artifacts"].(map[string]any)
	if paths, _ := art["paths"].([]any); len(paths) != 1 || strings.TrimSuffix(paths[0].(string), "/") != "public" {
		t.Errorf("%s: the pages job must publish public/: %v", file, art)
	}
	subs := checkCommands(t, file, workflowCommands(doc), readme(t))
	wantOrder(t, file, subs)
}

// wantOrder: a workflow checks the site, then builds it.
func wantOrder(t *testing.T, file string, subs []string) {
	t.Helper()
	ci := slices.Index(subs, "check")
	bi := slices.Index(subs, "build")
	if ci < 0 || bi < 0 || ci > bi {
		t.Errorf("%s: must run sitegen check, then sitegen build; runs %v", file, subs)
	}
}

// TestShellWords checks the small shell reader the tests above rely on.
func TestShellWords(t *testing.T) {
	got := shellWords(`go run ./cmd/sitegen build --base-url "$CI_PAGES_URL/"  --drafts`)
	want := []string{"go", "run", "./cmd/sitegen", "build", "--base-url", "https://example.org/x/", "--drafts"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestGitLabSkipsUnchangedSite runs the pages job's script after its
// build, with bash, on a built public/: a scheduled run publishes a site
// that changed and stops with the allowed exit code 3 on one that did not.
func TestGitLabSkipsUnchangedSite(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	doc := readYAML(t, "../../.gitlab-ci.yml")
	pages, _ := doc["pages"].(map[string]any)
	lines := workflowCommands(map[string]any{"script": pages["script"]})
	if len(lines) < 2 || !strings.Contains(lines[0], "sitegen build") {
		t.Fatalf("the pages job should build first: %q", lines)
	}
	script := strings.Join(lines[1:], "\n")
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(source string) int {
		cmd := exec.Command(bash, "-e", "-c", script)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "CI_PIPELINE_SOURCE="+source)
		err := cmd.Run()
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	}
	write("public/index.html", "<p>Najbliższe spotkania: 1</p>")
	write("public/spotkania/index.html", "<p>spotkanie</p>")
	for i, c := range []struct {
		source, change string
		want           int
	}{
		{"push", "", 0},     // a push publishes, and records the site
		{"schedule", "", 3}, // the night after: unchanged, nothing published
		{"schedule", "<p>Najbliższe spotkania: 0</p>", 0}, // the meeting is past: published
		{"schedule", "", 3},
		{"push", "", 0}, // a push publishes whatever
	} {
		if c.change != "" {
			write("public/index.html", c.change)
		}
		if got := run(c.source); got != c.want {
			t.Errorf("run %d (%s): exit %d, want %d", i, c.source, got, c.want)
		}
	}
}
