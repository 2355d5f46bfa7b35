package main

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeRefusesForeignHost runs a real `sitegen serve` and sends it raw
// requests with forged Host headers, as a page of another site would after
// rebinding its name to 127.0.0.1: every path refuses them, and answers the
// names of this computer.
func TestServeRefusesForeignHost(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"site.yaml": "baseURL: https://example.org/\nlanguages:\n  - code: pl\n    title: Partnerstwo\n" +
			"    sections: {meetings: spotkania, partners: partnerzy, tags: tagi}\n  - code: en\n    title: Partnership\n",
		"content/o-nas.md": "---\ntitle: O nas\nmenu: 1\n---\nTekst.\n",
		"content/szkic.md": "---\ntitle: Szkic tajny\ndraft: true\n---\nTajne.\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, sub := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join("..", "..", sub))); err != nil {
			t.Fatal(err)
		}
	}

	for _, bind := range []string{"", "127.0.0.1", "localhost"} {
		args := []string{"serve", "--source", dir, "--port", "0", "--drafts"}
		if bind != "" {
			args = append(args, "--bind", bind)
		}
		addr := startServe(t, args)
		port := addr[strings.LastIndex(addr, ":")+1:]
		for _, host := range []string{"evil.example", "evil.example:" + port, "127.0.0.1.nip.io:" + port,
			"localhost.evil.example:" + port, "attacker.test:80", ""} {
			for _, target := range []string{"/", "/o-nas/", "/szkic/", "/_sitegen/events", "/_sitegen/reload.js", "/nie-ma/",
				"/_sitegen/editor/", "/_sitegen/editor/edit?path=szkic.md"} {
				status, body := rawRequest(t, addr, target, host)
				if status != http.StatusForbidden || strings.Contains(body, "Tajne") || strings.Contains(body, "O nas") {
					t.Errorf("bind %q: GET %s, Host %q: %d %q", bind, target, host, status, body)
				}
			}
		}
		for _, host := range []string{"127.0.0.1:" + port, "localhost:" + port, "localhost", "preview.localhost:" + port, "127.0.0.1"} {
			if status, body := rawRequest(t, addr, "/szkic/", host); status != http.StatusOK || !strings.Contains(body, "Tajne") {
				t.Errorf("bind %q: GET /szkic/, Host %q: %d %.200q", bind, host, status, body)
			}
		}
	}
}

// startServe starts sitegen with args and returns the host:port it serves
// on; the process is stopped with SIGINT when the test ends.
func startServe(t *testing.T, args []string) string {
	t.Helper()
	cmd := sitegenCmd(t, args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGINT)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			default:
			}
		}
	}()
	re := regexp.MustCompile(`at http://([^/]+)/`)
	select {
	case line := <-lines:
		m := re.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("serve printed %q", line)
		}
		return m[1]
	case <-time.After(60 * time.Second):
		t.Fatal("serve printed no address")
	}
	return ""
}

// rawRequest sends GET target with the Host header as given (none when
// host is empty, over HTTP/1.0), without a client's cleaning.
func rawRequest(t *testing.T, addr, target, host string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	req := "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"
	if host == "" {
		req = "GET " + target + " HTTP/1.0\r\n\r\n"
	}
	io.WriteString(conn, req)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		return resp.StatusCode, ""
	}
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}
