package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/check"
)

// git runs git in dir with a fixed identity and commit date.
func git(t *testing.T, dir, date string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=T", "GIT_AUTHOR_EMAIL=t@example.org",
		"GIT_COMMITTER_NAME=T", "GIT_COMMITTER_EMAIL=t@example.org",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestGitHistory reads the history of a site that is a subfolder of a
// real repository, with Polish letters in a file name, and checks that one
// `git log` gives what `git log -1 --format=%ct -- file` gives per file.
func TestGitHistory(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	site := filepath.Join(repo, "strona")
	git(t, repo, "2026-01-01T00:00:00Z", "init", "-q")
	write(t, filepath.Join(site, "content/o-nas.pl.md"), "a")
	write(t, filepath.Join(site, "content/o-nas.en.md"), "a")
	write(t, filepath.Join(site, "content/łódź.pl.md"), "a")
	write(t, filepath.Join(repo, "content/poza-strona.md"), "a") // outside the site
	git(t, repo, "2026-01-10T09:00:00Z", "add", ".")
	git(t, repo, "2026-01-10T09:00:00Z", "commit", "-q", "-m", "1")
	write(t, filepath.Join(site, "content/o-nas.pl.md"), "b")
	write(t, filepath.Join(site, "content/łódź.pl.md"), "b")
	git(t, repo, "2026-03-02T10:00:00Z", "commit", "-q", "-am", "2")
	write(t, filepath.Join(site, "content/nowy.pl.md"), "never committed")

	paths := []string{"content/o-nas.pl.md", "content/o-nas.en.md", "content/łódź.pl.md", "content/nowy.pl.md", "content/poza-strona.md"}
	got, err := gitHistory{dir: site}.LastChanges(paths)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		out := strings.TrimSpace(git(t, site, "2026-01-01T00:00:00Z", "log", "-1", "--format=%ct", "--", p))
		if out == "" {
			if _, ok := got[p]; ok {
				t.Errorf("%s: got %v, but git log has no commit for it", p, got[p])
			}
			continue
		}
		sec, _ := strconv.ParseInt(out, 10, 64)
		if !got[p].Equal(time.Unix(sec, 0)) {
			t.Errorf("%s: got %v, git log -1 says %v", p, got[p], time.Unix(sec, 0))
		}
	}
	if want := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC); !got["content/łódź.pl.md"].Equal(want) {
		t.Errorf("łódź: %v, want %v", got["content/łódź.pl.md"], want)
	}
}

// TestNoGitRepository: a folder outside any repository has no history,
// which check reports as a note.
func TestNoGitRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	_, err := gitHistory{dir: t.TempDir()}.LastChanges([]string{"content/a.md"})
	var nh *check.NoHistoryError
	if !errors.As(err, &nh) {
		t.Fatalf("err = %v, want a NoHistoryError", err)
	}
	dir := t.TempDir()
	git(t, dir, "2026-01-01T00:00:00Z", "init", "-q")
	if _, err := (gitHistory{dir: dir}).LastChanges(nil); !errors.As(err, &nh) || !strings.Contains(nh.Reason, "no commits") {
		t.Errorf("empty repository: err = %v", err)
	}
}
