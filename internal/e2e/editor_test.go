package e2e_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// serveBinary builds cmd/sitegen and runs `sitegen serve` on a copy of
// the sample site on a free loopback port until the test ends; it
// returns the copy and the editor's address.
func serveBinary(t *testing.T) (dir, editorURL string) {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "sitegen")
	if out, err := exec.Command("go", "build", "-o", bin, filepath.Join(root, "cmd", "sitegen")).CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir = t.TempDir()
	for _, d := range []string{"content", "templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(root, d))); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), mustRead(t, filepath.Join(root, "site.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--source", dir, "--port", "0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	})
	found := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`Editor at (http://\S+)`)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
	}()
	select {
	case u := <-found:
		return dir, u
	case <-time.After(60 * time.Second):
		t.Fatal("sitegen serve did not say where the editor is")
	}
	return "", ""
}

// axeClean runs axe-core on the open page and fails on any violation.
func axeClean(t *testing.T, ctx context.Context, where string) {
	t.Helper()
	axePath, err := npmTool("axe-core/axe.min.js")
	need(t, "axe-core", err)
	eval[chromedp.Void](t, ctx, string(mustRead(t, axePath)))
	for _, v := range eval[[]violation](t, ctx, axeRun) {
		t.Errorf("%s: %s (%s, %s)\n\t%s", where, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
}

// shot saves a screenshot to testdata/screenshots when SCREENSHOTS is
// set, for people to look at.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if os.Getenv("SCREENSHOTS") == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	writeScreenshot(t, name, png)
}

// TestEditor drives the editor of a real `sitegen serve` in Chromium:
// open a meeting from the list, edit a field by keyboard, save, see the
// file on disk; the preview shows the edit; a file changed on disk since
// it was opened is not overwritten. axe-core finds nothing on any screen
// at either width.
func TestEditor(t *testing.T) {
	dir, editorURL := serveBinary(t)
	file := filepath.Join(dir, "content", "meetings", "2015-05-14-spotkanie-sygnatariuszy", "index.pl.md")
	// A page without its translation puts a "Przetłumacz" button in the
	// list for axe to see.
	if err := os.WriteFile(filepath.Join(dir, "content", "tylko-po-polsku.pl.md"), []byte("---\ntitle: Tylko po polsku\n---\nTekst.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, width := range widths {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			ctx := tab(t, width, "light")
			if err := chromedp.Do(ctx, chromedp.Navigate(editorURL)); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "list", `document.querySelector("h1").innerText === "Treść strony" && document.body.innerText.includes("Tylko po polsku")`)
			axeClean(t, ctx, fmt.Sprintf("list at %d px", width))
			shot(t, ctx, fmt.Sprintf("editor-list-%d", width))

			// Open the meeting from the list, as a writer would.
			if err := chromedp.Do(ctx, chromedp.Click(`a[href*="2015-05-14-spotkanie-sygnatariuszy%2findex.pl.md" i]`)); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "form", `!!document.getElementById("f-location")`)
			waitFor(t, ctx, "preview", `(document.getElementById("preview").contentDocument||{body:null}).body !== null && document.getElementById("preview").srcdoc.includes("<h1")`)
			axeClean(t, ctx, fmt.Sprintf("form at %d px", width))
			shot(t, ctx, fmt.Sprintf("editor-form-%d", width))

			// Keyboard: Tab goes from the skip link through every control
			// to the Save button, each with a visible focus indicator.
			reached := map[string]bool{}
			for i := 0; i < 150 && !reached["Zapisz"]; i++ {
				f := press(t, ctx, kb.Tab)
				if f.Tag == "body" {
					break
				}
				reached[f.ID] = true
				if f.Tag == "button" {
					reached[f.Text] = true
				}
				if !f.Visible || !f.Outlined {
					t.Errorf("Tab %d focused %+v without a visible focus indicator", i+1, f)
				}
			}
			for _, want := range []string{"f-title", "f-date", "f-host", "f-participants-0", "guest-name-0", "tag-0", "f-draft", "body", "Zapisz"} {
				if !reached[want] {
					t.Errorf("Tab never reached %s", want)
				}
			}

			// Edit the location by keyboard only, and see it in the preview.
			place := fmt.Sprintf("Sala %d, Zielona Góra", width)
			if err := chromedp.Do(ctx,
				chromedp.Focus(`#f-location`),
				chromedp.Evaluate[chromedp.Void](`document.getElementById("f-location").select()`),
				chromedp.KeyEvent(place),
			); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "preview updated", fmt.Sprintf(`document.getElementById("preview").srcdoc.includes(%q)`, place))
			if strings.Contains(string(mustRead(t, file)), place) {
				t.Fatal("the preview saved the file")
			}
			// Enter in a text field submits the form.
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "saved", `(document.querySelector('[role="status"].ok')||{innerText:""}).innerText.startsWith("Zapisano")`)
			if got := string(mustRead(t, file)); !strings.Contains(got, "location: "+place+"\n") {
				t.Fatalf("the file on disk lacks the new location:\n%s", got)
			}

			// Another program changes the file while the form is open.
			other := strings.Replace(string(mustRead(t, file)), "title: ", "title: Zmienione gdzie indziej – ", 1)
			if err := os.WriteFile(file, []byte(other), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx,
				chromedp.SetValue(`#f-title`, "Moja zmiana"),
				chromedp.Click(`form#edit button:not([type])`),
			); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "conflict", `document.querySelector("h1").innerText === "Plik zmienił się na dysku"`)
			if got := string(mustRead(t, file)); got != other {
				t.Fatal("the file changed on disk was overwritten")
			}
			if !eval[bool](t, ctx, `document.getElementById("mine").value.includes("title: Moja zmiana") && document.getElementById("disk").value.includes("Zmienione gdzie indziej")`) {
				t.Error("the conflict page does not show both versions")
			}
			axeClean(t, ctx, fmt.Sprintf("conflict at %d px", width))
			shot(t, ctx, fmt.Sprintf("editor-conflict-%d", width))
			// A new meeting through the list's form: on disk at once, and in
			// the preview with its title.
			if err := chromedp.Do(ctx, chromedp.Navigate(editorURL)); err != nil {
				t.Fatal(err)
			}
			title := fmt.Sprintf("Spotkanie w Żarach %d", width)
			if err := chromedp.Do(ctx,
				chromedp.SendKeys(`#new-title`, title),
				chromedp.Click(`button[value="meeting"]`),
			); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, "new meeting's form", fmt.Sprintf(`(document.getElementById("f-title")||{}).value === %q`, title))
			waitFor(t, ctx, "new meeting's preview", fmt.Sprintf(`document.getElementById("preview").srcdoc.includes(%q)`, title))
			made, _ := filepath.Glob(filepath.Join(dir, "content", "meetings", fmt.Sprintf("*-spotkanie-w-zarach-%d.pl.md", width)))
			if len(made) != 1 || !strings.Contains(string(mustRead(t, made[0])), title) {
				t.Errorf("the new meeting is not on disk: %v", made)
			}

			// Put the file back for the next width.
			if err := os.WriteFile(file, mustRead(t, filepath.Join(root, "content", "meetings", "2015-05-14-spotkanie-sygnatariuszy", "index.pl.md")), 0o644); err != nil {
				t.Fatal(err)
			}
		})
	}
}
