package server

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/lubuskie-es/sitegen/internal/diag"
	"github.com/lubuskie-es/sitegen/internal/output"
)

var site = []output.File{
	{Path: "index.html", Data: []byte(`<!doctype html><html lang="pl"><body><h1>Start</h1></body></html>`)},
	{Path: "en/index.html", Data: []byte(`<!doctype html><html lang="en"><body><h1>Home</h1></body></html>`)},
	{Path: "spotkania/index.html", Data: []byte(`<html lang="pl"><body>Spotkania</body></html>`)},
	{Path: "404.html", Data: []byte(`<html lang="pl"><body>Nie ma takiej strony</body></html>`)},
	{Path: "css/site.abc.css", Data: []byte(`body{color:red}`)},
	{Path: "js/search.js", Data: []byte(`1`)},
	{Path: "spotkania/calendar.ics", Data: []byte("BEGIN:VCALENDAR")},
	{Path: "spotkania/feed.xml", Data: []byte("<feed/>")},
	{Path: "szukaj/index.json", Data: []byte("{}")},
	{Path: "images/logo.svg", Data: []byte("<svg/>")},
	{Path: "images/only-files/a.png", Data: []byte("png")},
}

// serve starts a server on 127.0.0.1 with the site above.
func serve(t *testing.T) (*Server, *httptest.Server) {
	t.Helper()
	s := New(Options{})
	s.Update(Result{Files: site}, false)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close) // runs first: ends event streams so Close need not wait
	return s, ts
}

func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// rawGet sends a request line as it is, without the client cleaning the
// path, as an attacker would.
func rawGet(t *testing.T, ts *httptest.Server, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestServing(t *testing.T) {
	_, ts := serve(t)
	for _, tc := range []struct {
		path, status, ctype, body string
	}{
		{"/", "200", "text/html; charset=utf-8", "<h1>Start</h1>"},
		{"/en/", "200", "text/html; charset=utf-8", "<h1>Home</h1>"},
		{"/spotkania/index.html", "200", "text/html; charset=utf-8", "Spotkania"},
		{"/css/site.abc.css", "200", "text/css; charset=utf-8", "body{color:red}"},
		{"/js/search.js", "200", "text/javascript; charset=utf-8", "1"},
		{"/spotkania/calendar.ics", "200", "text/calendar; charset=utf-8", "BEGIN:VCALENDAR"},
		{"/spotkania/feed.xml", "200", "application/xml; charset=utf-8", "<feed/>"},
		{"/szukaj/index.json", "200", "application/json", "{}"},
		{"/images/logo.svg", "200", "image/svg+xml", "<svg/>"},
		{"/nie-ma/", "404", "text/html; charset=utf-8", "Nie ma takiej strony"},
		{"/images/only-files/", "404", "text/html; charset=utf-8", "Nie ma takiej strony"}, // no listings
		{"/images/", "404", "text/html; charset=utf-8", "Nie ma takiej strony"},
	} {
		resp, body := get(t, ts.URL+tc.path)
		if got := resp.Status[:3]; got != tc.status {
			t.Errorf("%s: status %s, want %s", tc.path, got, tc.status)
		}
		if got := resp.Header.Get("Content-Type"); got != tc.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tc.path, got, tc.ctype)
		}
		if !strings.Contains(body, tc.body) {
			t.Errorf("%s: body %q lacks %q", tc.path, body, tc.body)
		}
		isHTML := strings.HasPrefix(tc.ctype, "text/html")
		if got := strings.Contains(body, "/_sitegen/reload.js"); got != isHTML {
			t.Errorf("%s: reload script injected = %v, want %v", tc.path, got, isHTML)
		}
	}
	// The script goes before </body>.
	if _, body := get(t, ts.URL+"/"); !strings.HasSuffix(body, "</script></body></html>") {
		t.Errorf("script not before </body>: %q", body)
	}
	// A folder without its slash is redirected to it.
	if resp, _ := get(t, ts.URL+"/spotkania"); resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/spotkania/" {
		t.Errorf("/spotkania: %s to %q", resp.Status, resp.Header.Get("Location"))
	}
	resp, err := http.Post(ts.URL+"/", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: %s", resp.Status)
	}
}

// TestPathEscape: nothing outside the built site is reachable, whatever
// the path says; unclean paths get the 404 page.
func TestPathEscape(t *testing.T) {
	_, ts := serve(t)
	for _, target := range []string{
		"/../site.yaml", "/../../../../etc/passwd", "/%2e%2e/site.yaml", "/en/../index.html",
		"/spotkania/..%2f..%2fsite.yaml", "/..\\site.yaml", "/%5c..%5csite.yaml", "/index.html%00.css",
		"//etc/passwd", "/./index.html",
	} {
		status, body := rawGet(t, ts, target)
		if status != http.StatusNotFound && status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 404", target, status)
		}
		if strings.Contains(body, "root:") || strings.Contains(body, "Start") {
			t.Errorf("%s: served %q", target, body)
		}
	}
}

// TestOverlay: a failed build keeps the last good site and lays its errors,
// escaped, over every HTML page in the page's language; a good build takes
// them away.
func TestOverlay(t *testing.T) {
	s, ts := serve(t)
	var bad diag.List
	bad.Errorf("content/a.pl.md", 3, 7, "unknown key <script>alert(1)</script>")
	s.Update(Result{Problems: bad}, false)
	_, body := get(t, ts.URL+"/")
	for _, want := range []string{"<h1>Start</h1>", `id="sitegen-errors"`, "Strona ma błędy",
		"content/a.pl.md:3:7: unknown key &lt;script&gt;alert(1)&lt;/script&gt;"} {
		if !strings.Contains(body, want) {
			t.Errorf("page with errors lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<script>alert") {
		t.Error("problem not escaped")
	}
	if _, body := get(t, ts.URL+"/en/"); !strings.Contains(body, "The site has errors") {
		t.Errorf("English page's overlay not in English:\n%s", body)
	}
	if _, body := get(t, ts.URL+"/css/site.abc.css"); body != "body{color:red}" {
		t.Errorf("CSS changed by the overlay: %q", body)
	}
	s.Update(Result{Files: site}, false)
	if _, body := get(t, ts.URL+"/"); strings.Contains(body, "sitegen-errors") {
		t.Error("overlay still there after a good build")
	}
}

// TestNoGoodBuildYet: when the first build fails, every page is the errors.
func TestNoGoodBuildYet(t *testing.T) {
	s := New(Options{})
	var bad diag.List
	bad.Errorf("site.yaml", 1, 1, "broken")
	s.Update(Result{Problems: bad}, false)
	ts := httptest.NewServer(s)
	defer ts.Close()
	resp, body := get(t, ts.URL+"/")
	if resp.StatusCode != http.StatusInternalServerError || !strings.Contains(body, "site.yaml:1:1: broken") ||
		!strings.Contains(body, "reload.js") {
		t.Errorf("%s\n%s", resp.Status, body)
	}
}

// events opens the reload stream and returns its lines.
func events(t *testing.T, ctx context.Context, url, host string) (*http.Response, <-chan string) {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", url+Prefix+"events", nil)
	if host != "" {
		req.Host = host
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 16)
	go func() {
		defer close(lines)
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: ") {
				lines <- strings.TrimPrefix(sc.Text(), "event: ")
			}
		}
	}()
	return resp, lines
}

func want(t *testing.T, lines <-chan string, event string) {
	t.Helper()
	select {
	case got := <-lines:
		if got != event {
			t.Fatalf("event %q, want %q", got, event)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("no %q event", event)
	}
}

func TestEvents(t *testing.T) {
	s, ts := serve(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	// DNS rebinding: another site's name pointing at 127.0.0.1.
	resp, _ := events(t, ctx, ts.URL, "evil.example:1313")
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("foreign Host: %s, want 403", resp.Status)
	}
	for _, host := range []string{"localhost:1313", "127.0.0.1", "[::1]:1313"} {
		resp, lines := events(t, ctx, ts.URL, host)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/event-stream" {
			t.Fatalf("%s: %s %s", host, resp.Status, resp.Header.Get("Content-Type"))
		}
		want(t, lines, "version")
	}

	resp, lines := events(t, ctx, ts.URL, "")
	if resp.StatusCode != http.StatusOK {
		t.Fatal(resp.Status)
	}
	want(t, lines, "version")
	s.Update(Result{Files: site}, false)
	want(t, lines, "reload")
	s.Update(Result{Files: site}, true)
	want(t, lines, "css")
	var bad diag.List
	bad.Errorf("a", 1, 1, "x")
	s.Update(Result{Problems: bad}, true) // errors: a full reload shows them
	want(t, lines, "reload")
	s.Update(Result{Files: site}, true) // fixed: a reload takes them away
	want(t, lines, "reload")

	// Close ends the streams (what Shutdown does through RegisterOnShutdown).
	s.Close()
	select {
	case _, ok := <-lines:
		if ok {
			t.Fatal("event after Close")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("stream still open after Close")
	}
}

func TestRunRebuildsPerBatch(t *testing.T) {
	var got [][]string
	s := New(Options{Rebuild: func(changed []string) Result {
		got = append(got, changed)
		return Result{Files: site}
	}})
	batches := make(chan []string)
	done := make(chan struct{})
	go func() { s.Run(context.Background(), batches); close(done) }()
	batches <- []string{"content/a.md"}
	batches <- []string{"static/css/site.css"}
	close(batches)
	<-done
	if len(got) != 2 || got[1][0] != "static/css/site.css" {
		t.Fatalf("rebuilds: %v", got)
	}
}

func TestListen(t *testing.T) {
	l, err := Listen("127.0.0.1", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	port := l.Addr().(*net.TCPAddr).Port
	_, err = Listen("127.0.0.1", port)
	if err == nil || !strings.Contains(err.Error(), "already in use") || !strings.Contains(err.Error(), "--port") {
		t.Fatalf("second Listen on port %d: %v", port, err)
	}
	for bind, want := range map[string]bool{"127.0.0.1": true, "localhost": true, "::1": true, "0.0.0.0": false, "192.168.1.5": false} {
		if got := IsLoopback(bind); got != want {
			t.Errorf("IsLoopback(%q) = %v", bind, got)
		}
	}
}

// TestDeferred: files a build defers are made when a path the others lack
// is asked for, once per build; a deferred error brings up the overlay;
// a newer build's files are not mixed with an older build's rest.
func TestDeferred(t *testing.T) {
	var eager, later []output.File
	for _, f := range site {
		if strings.HasSuffix(f.Path, ".xml") || strings.HasSuffix(f.Path, ".json") || strings.HasSuffix(f.Path, ".ics") {
			later = append(later, f)
		} else {
			eager = append(eager, f)
		}
	}
	calls := 0
	deferred := func(problems diag.List) func() ([]output.File, diag.List) {
		return func() ([]output.File, diag.List) {
			calls++
			return later, problems
		}
	}
	s := New(Options{})
	s.Update(Result{Files: eager, Deferred: deferred(diag.List{})}, false)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close)

	if resp, body := get(t, ts.URL+"/spotkania/"); resp.StatusCode != 200 || !strings.Contains(body, "Spotkania") || calls != 0 {
		t.Fatalf("an eager page: %d %q, deferred made %d times", resp.StatusCode, body, calls)
	}
	if resp, body := get(t, ts.URL+"/spotkania/feed.xml"); resp.StatusCode != 200 || body != "<feed/>" {
		t.Fatalf("a deferred file: %d %q", resp.StatusCode, body)
	}
	if resp, _ := get(t, ts.URL+"/szukaj/index.json"); resp.StatusCode != 200 {
		t.Fatalf("another deferred file: %d", resp.StatusCode)
	}
	if resp, _ := get(t, ts.URL+"/nie-ma/"); resp.StatusCode != 404 {
		t.Fatalf("a missing page: %d", resp.StatusCode)
	}
	if calls != 1 {
		t.Fatalf("deferred made %d times, want once", calls)
	}

	// A deferred error shows over the pages, as a failed build's does.
	var bad diag.List
	bad.Add(diag.Problem{Path: "site.yaml", Line: 1, Col: 1, Message: "baseURL: zepsuty"})
	s.Update(Result{Files: eager, Deferred: deferred(bad)}, false)
	if _, body := get(t, ts.URL+"/spotkania/calendar.ics"); body != "BEGIN:VCALENDAR" {
		t.Fatalf("the deferred file is still served: %q", body)
	}
	if _, body := get(t, ts.URL+"/"); !strings.Contains(body, "baseURL: zepsuty") {
		t.Fatalf("no overlay for a deferred error: %q", body)
	}

	// The rest of an older build, made while a newer build came in, is
	// not added to the newer one.
	release, started := make(chan struct{}), make(chan struct{})
	s.Update(Result{Files: eager, Deferred: func() ([]output.File, diag.List) {
		close(started)
		<-release
		return []output.File{{Path: "spotkania/feed.xml", Data: []byte("<feed>stary</feed>")}}, diag.List{}
	}}, false)
	done := make(chan string)
	go func() {
		resp, err := http.Get(ts.URL + "/spotkania/feed.xml")
		if err != nil {
			done <- err.Error()
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		done <- string(body)
	}()
	<-started
	s.Update(Result{Files: eager, Deferred: func() ([]output.File, diag.List) {
		return []output.File{{Path: "spotkania/feed.xml", Data: []byte("<feed>nowy</feed>")}}, diag.List{}
	}}, false)
	close(release)
	if body := <-done; body != "<feed>nowy</feed>" {
		t.Fatalf("a request made while a newer build came in: %q", body)
	}
	if _, body := get(t, ts.URL+"/spotkania/feed.xml"); body != "<feed>nowy</feed>" {
		t.Fatalf("the newer build's deferred file: %q", body)
	}
}

// TestDeferredAfterFailedBuild: a failed build may have changed what the
// last good build's deferred files are made from, so they are not made
// from it: such a path answers with the errors (503) until a build
// succeeds, while the good pages stay served.
func TestDeferredAfterFailedBuild(t *testing.T) {
	var eager []output.File
	for _, f := range site {
		if !strings.HasSuffix(f.Path, ".xml") {
			eager = append(eager, f)
		}
	}
	calls := 0
	deferred := func() ([]output.File, diag.List) {
		calls++
		return []output.File{{Path: "spotkania/feed.xml", Data: []byte("<feed/>")}}, diag.List{}
	}
	s := New(Options{})
	s.Update(Result{Files: eager, Deferred: deferred}, false)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close)

	var bad diag.List
	bad.Add(diag.Problem{Path: "content/a.pl.md", Line: 2, Col: 1, Message: "zepsute"})
	s.Update(Result{Problems: bad}, false)
	if resp, body := get(t, ts.URL+"/spotkania/feed.xml"); resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "content/a.pl.md:2:1: zepsute") {
		t.Fatalf("a deferred path after a failed build: %d %q", resp.StatusCode, body)
	}
	if calls != 0 {
		t.Fatal("the last good build's deferred files were made after a failed build")
	}
	if resp, body := get(t, ts.URL+"/spotkania/"); resp.StatusCode != 200 || !strings.Contains(body, "Spotkania") {
		t.Fatalf("the last good page: %d %q", resp.StatusCode, body)
	}
	s.Update(Result{Files: eager, Deferred: deferred}, false)
	if resp, body := get(t, ts.URL+"/spotkania/feed.xml"); resp.StatusCode != 200 || body != "<feed/>" {
		t.Fatalf("after a good build again: %d %q", resp.StatusCode, body)
	}
	if resp, _ := get(t, ts.URL+"/nie-ma/"); resp.StatusCode != 404 {
		t.Fatalf("a missing page after a good build: %d", resp.StatusCode)
	}
}

func TestHostAllowed(t *testing.T) {
	bound := []string{"192.168.1.20", "laptop.lan", "[fe80::1]"}
	for _, tc := range []struct {
		host string
		ok   bool
	}{
		{"localhost", true},
		{"localhost:1313", true},
		{"LOCALHOST:1313", true},
		{"localhost.:1313", true},
		{"preview.localhost:1313", true},
		{"127.0.0.1", true},
		{"127.0.0.1:1313", true},
		{"127.1.2.3:80", true},
		{"[::1]:1313", true},
		{"[::1]", true},
		{"192.168.1.20:1313", true},
		{"Laptop.LAN", true},
		{"[fe80::1]:1313", true},
		{"localhost:", true},

		{"", false},
		{"evil.example", false},
		{"evil.example:1313", false},
		{"localhost.evil.example:1313", false},
		{"evillocalhost:1313", false},
		{"127.0.0.1.evil.example", false},
		{"128.0.0.1:1313", false},
		{"0.0.0.0:1313", false},
		{"[::2]:1313", false},
		{"192.168.1.21:1313", false},
		{"localhost:99999", false},
		{"localhost:http", false},
		{"::1", true}, // no browser sends it so, but it is this computer
		{"local host", false},
	} {
		if got := HostAllowed(tc.host, bound); got != tc.ok {
			t.Errorf("HostAllowed(%q) = %v, want %v", tc.host, got, tc.ok)
		}
	}
}

// TestForeignHostEverywhere: every path, the site's and the server's own,
// refuses a Host that is not this computer's (DNS rebinding).
func TestForeignHostEverywhere(t *testing.T) {
	_, ts := serve(t)
	for _, target := range []string{"/", "/en/", "/spotkania/", "/css/site.abc.css", "/szukaj/index.json",
		"/nie-ma/", Prefix + "reload.js", Prefix + "events"} {
		for _, host := range []string{"evil.example", "evil.example:" + ts.URL[strings.LastIndex(ts.URL, ":")+1:], "127.0.0.1.nip.io"} {
			conn, err := net.Dial("tcp", ts.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n")
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			conn.Close()
			if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(body), "forbidden Host") ||
				strings.Contains(string(body), "Start") {
				t.Errorf("GET %s with Host %s: %s %q", target, host, resp.Status, body)
			}
		}
	}
}
