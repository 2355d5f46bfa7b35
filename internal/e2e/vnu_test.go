package e2e_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"testing"
)

// vnuMessage is one message of vnu.jar's JSON output.
type vnuMessage struct {
	Type    string `json:"type"`
	SubType string `json:"subType"`
	URL     string `json:"url"`
	Line    int    `json:"lastLine"`
	Column  int    `json:"lastColumn"`
	Message string `json:"message"`
	Extract string `json:"extract"`
}

// TestNuHTMLChecker validates every HTML file of the built site with the
// W3C Nu HTML Checker, in one Java process: zero errors.
func TestNuHTMLChecker(t *testing.T) {
	built(t)
	jar, err := npmTool("vnu-jar/build/dist/vnu.jar")
	need(t, "vnu.jar", err)
	java, err := exec.LookPath("java")
	need(t, "Java", err)

	args := []string{"-Xss4m", "-jar", jar, "--errors-only", "--format", "json"}
	for _, p := range sample.html {
		args = append(args, filepath.Join(sample.dir, filepath.FromSlash(p)))
	}
	cmd := exec.Command(java, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exits 1 when it found errors; the JSON tells which
	out := stderr.Bytes()
	if len(bytes.TrimSpace(out)) == 0 {
		out = stdout.Bytes()
	}
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("vnu.jar: %v (%v)\n%s", err, runErr, out)
	}
	errors := 0
	for _, m := range report.Messages {
		if m.Type != "error" && m.SubType != "fatal" {
			continue
		}
		errors++
		rel, _ := filepath.Rel(sample.dir, fromFileURL(m.URL))
		t.Errorf("%s:%d:%d: %s\n\t%s", rel, m.Line, m.Column, m.Message, m.Extract)
	}
	t.Logf("vnu.jar: %d errors in %d HTML files", errors, len(sample.html))
}

func fromFileURL(u string) string {
	const prefix = "file:"
	if len(u) > len(prefix) && u[:len(prefix)] == prefix {
		return u[len(prefix):]
	}
	return u
}
