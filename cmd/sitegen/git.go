package main

import (
	"bytes"
	"errors"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/lubuskie-es/sitegen/internal/check"
	"github.com/lubuskie-es/sitegen/internal/content"
)

// gitHistory tells when content files were last committed, from git run
// in the site's folder. It implements check.History.
type gitHistory struct {
	dir string
}

// LastChanges gives, for each path, the committer time of the newest
// commit that changed it: what `git log -1 --format=%ct -- path` prints,
// read for all files of content/ from one `git log` rather than one
// process per file. --relative makes the names relative to the site's
// folder even when it is a subfolder of the repository.
func (g gitHistory) LastChanges(paths []string) (map[string]time.Time, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, &check.NoHistoryError{Reason: "git is not installed"}
	}
	top := exec.Command("git", "rev-parse", "--is-inside-work-tree")
	top.Dir = g.dir
	if out, err := top.Output(); err != nil || strings.TrimSpace(string(out)) != "true" {
		return nil, &check.NoHistoryError{Reason: "the site's folder is not in a git repository"}
	}
	cmd := exec.Command("git", "-c", "core.quotePath=false", "log", "--no-color",
		"--format=%x00%ct", "--name-only", "--relative", "--", content.Dir)
	cmd.Dir = g.dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		// A repository without commits yet has no history either.
		if strings.Contains(stderr.String(), "does not have any commits") {
			return nil, &check.NoHistoryError{Reason: "the git repository has no commits yet"}
		}
		return nil, errors.New("git log: " + strings.TrimSpace(stderr.String()))
	}
	last := parseGitLog(out)
	want := make(map[string]time.Time, len(paths))
	for _, p := range paths {
		if t, ok := last[p]; ok {
			want[p] = t
		}
	}
	return want, nil
}

// parseGitLog reads "\x00<unix time>" lines, each followed by the files
// of that commit, newest commit first: the first time a file is named is
// its last change.
func parseGitLog(out []byte) map[string]time.Time {
	last := map[string]time.Time{}
	var cur time.Time
	for _, line := range strings.Split(string(out), "\n") {
		if ts, ok := strings.CutPrefix(line, "\x00"); ok {
			if sec, err := strconv.ParseInt(strings.TrimSpace(ts), 10, 64); err == nil {
				cur = time.Unix(sec, 0)
			}
			continue
		}
		if line == "" || cur.IsZero() {
			continue
		}
		if _, seen := last[line]; !seen {
			last[line] = cur
		}
	}
	return last
}
