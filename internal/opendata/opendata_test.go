package opendata_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/lubuskie-es/sitegen/internal/build"
)

// now makes the fixture's 2030 meeting an announcement.
var now = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// fixture is the sample site with a partner and an announced meeting whose
// front matter has what CSV and JSON treat specially: commas, quotes,
// line breaks, non-ASCII letters.
func fixture(t *testing.T) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	root := os.DirFS("../..")
	for _, dir := range []string{"site.yaml", "templates", "static", "content"} {
		err := fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(root, p)
			m[p] = &fstest.MapFile{Data: data}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	m["content/partners/spoldzielnia.pl.md"] = &fstest.MapFile{Data: []byte(`---
title: "Spółdzielnia Socjalna „Razem”, Łagów"
short: "SS \"Razem\""
sector: ngo
role: signatory
joined: 2016-01-20
address: "ul. Polna 2,\n66-220 Łagów"
---
Opis.
`)}
	m["content/meetings/2030-01-15-zebranie.pl.md"] = &fstest.MapFile{Data: []byte(`---
title: "Zebranie, czyli \"walne\""
date: 2030-01-15T10:00:00+01:00
end: 2030-01-15T13:00:00+01:00
location: "Łagów, sala nr 2"
host: spoldzielnia
participants: [wup-zielona-gora, lubuska-wk-ohp]
tags: ["ekonomia społeczna", "walne; zebranie"]
---
Zapowiedź.
`)}
	return m
}

func buildFiles(t *testing.T, src fs.FS) map[string][]byte {
	t.Helper()
	res := build.Run(src, build.Options{Now: now})
	if res.Problems.HasErrors() {
		var b strings.Builder
		res.Problems.Print(&b)
		t.Fatalf("the site has problems:\n%s", b.String())
	}
	files := map[string][]byte{}
	for _, f := range res.Files {
		files[f.Path] = f.Data
	}
	return files
}

var datasets = []struct{ csv, json, schema string }{
	{"dane/partnerzy.csv", "dane/partnerzy.json", "partners"},
	{"dane/spotkania.csv", "dane/spotkania.json", "meetings"},
	{"en/data/partners.csv", "en/data/partners.json", "partners"},
	{"en/data/meetings.csv", "en/data/meetings.json", "meetings"},
}

// rowsOfJSON gives the JSON rows as the CSV writes them: every value a
// string, lists joined by "; ".
func rowsOfJSON(t *testing.T, data []byte) []map[string]string {
	t.Helper()
	var rows []map[string]any
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatal(err)
	}
	out := make([]map[string]string, len(rows))
	for i, r := range rows {
		out[i] = map[string]string{}
		for k, v := range r {
			switch v := v.(type) {
			case string:
				out[i][k] = v
			case []any:
				var parts []string
				for _, p := range v {
					parts = append(parts, p.(string))
				}
				out[i][k] = strings.Join(parts, "; ")
			default:
				t.Fatalf("%s: %v is %T, not a string or a list", k, v, v)
			}
		}
	}
	return out
}

// TestCSVAndJSONAgree reads every CSV back with encoding/csv and with
// Python's csv module and compares both with the JSON of the same data.
func TestCSVAndJSONAgree(t *testing.T) {
	files := buildFiles(t, fixture(t))
	python, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 is needed to read the CSV files as a re-user would")
		}
		t.Log("no python3: the CSV files are read by encoding/csv only")
	}
	for _, d := range datasets {
		want := rowsOfJSON(t, files[d.json])
		data := files[d.csv]
		if !bytes.HasSuffix(data, []byte("\r\n")) || bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
			t.Errorf("%s: want CRLF line ends (RFC 4180) and no byte-order mark", d.csv)
		}
		r := csv.NewReader(bytes.NewReader(data))
		records, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", d.csv, err)
		}
		got := recordsToRows(records)
		if !slices.EqualFunc(got, want, mapsEqual) {
			t.Errorf("%s read by encoding/csv:\n%v\nwant (from %s):\n%v", d.csv, got, d.json, want)
		}
		if python == "" {
			continue
		}
		cmd := exec.Command(python, "-c", `import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))
json.dump(rows, sys.stdout, ensure_ascii=False)`, writeTemp(t, data))
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: python3: %v", d.csv, err)
		}
		var py []map[string]string
		if err := json.Unmarshal(out, &py); err != nil {
			t.Fatal(err)
		}
		// RFC 4180 writes a line break in a value as CRLF too, and Python
		// keeps it so; encoding/csv and the JSON have LF.
		for _, row := range py {
			for k, v := range row {
				row[k] = strings.ReplaceAll(v, "\r\n", "\n")
			}
		}
		if !slices.EqualFunc(py, want, mapsEqual) {
			t.Errorf("%s read by Python:\n%v\nwant:\n%v", d.csv, py, want)
		}
	}
	// The hostile partner and meeting came through whole.
	rows := rowsOfJSON(t, files["dane/spotkania.json"])
	if rows[0]["title"] != `Zebranie, czyli "walne"` || rows[0]["end"] != "2030-01-15T13:00:00+01:00" ||
		rows[0]["ics"] != "https://partnerstwo-es.example.org/spotkania/2030/zebranie.ics" ||
		rows[0]["participants"] != "wup-zielona-gora; lubuska-wk-ohp" {
		t.Errorf("first meeting row: %v", rows[0])
	}
}

func recordsToRows(records [][]string) []map[string]string {
	var rows []map[string]string
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, h := range records[0] {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "*.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		t.Fatal(err)
	}
	return f.Name()
}

// TestJSONSchema validates the JSON files of the sample site and the
// fixture against the schemas in testdata.
func TestJSONSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	schemas := map[string]*jsonschema.Schema{}
	for _, name := range []string{"partners", "meetings"} {
		s, err := c.Compile("testdata/" + name + ".schema.json")
		if err != nil {
			t.Fatal(err)
		}
		schemas[name] = s
	}
	for _, src := range []fs.FS{os.DirFS("../.."), fixture(t)} {
		files := buildFiles(t, src)
		for _, d := range datasets {
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(files[d.json]))
			if err != nil {
				t.Fatalf("%s: %v", d.json, err)
			}
			if err := schemas[d.schema].Validate(v); err != nil {
				t.Errorf("%s: %v", d.json, err)
			}
			if n := len(rowsOfJSON(t, files[d.json])); n == 0 {
				t.Errorf("%s: no rows", d.json)
			}
		}
	}
}

type node = map[string]any

// TestDCAT checks the DCAT-AP description for the classes and properties
// the profile makes mandatory, and that it points at the files the build
// writes.
func TestDCAT(t *testing.T) {
	files := buildFiles(t, os.DirFS("../.."))
	for _, path := range []string{"dane/dcat.jsonld", "en/data/dcat.jsonld"} {
		var cat node
		if err := json.Unmarshal(files[path], &cat); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		ctx, _ := cat["@context"].(node)
		if ctx["dcat"] != "http://www.w3.org/ns/dcat#" || ctx["dct"] != "http://purl.org/dc/terms/" {
			t.Errorf("%s: @context %v", path, ctx)
		}
		if cat["@type"] != "dcat:Catalog" {
			t.Errorf("%s: @type %v, want dcat:Catalog", path, cat["@type"])
		}
		requireProps(t, path, cat, "dct:title", "dct:description", "dct:publisher", "dct:license", "dcat:dataset")
		if pub, _ := cat["dct:publisher"].(node); pub["@type"] != "foaf:Agent" || pub["foaf:name"] == nil {
			t.Errorf("%s: publisher %v", path, pub)
		}
		if id(cat["dct:license"]) != "https://creativecommons.org/licenses/by/4.0/" {
			t.Errorf("%s: licence %v, want site.yaml's", path, cat["dct:license"])
		}
		sets, _ := cat["dcat:dataset"].([]any)
		if len(sets) != 2 {
			t.Fatalf("%s: %d datasets, want 2", path, len(sets))
		}
		for _, s := range sets {
			set := s.(node)
			if set["@type"] != "dcat:Dataset" {
				t.Errorf("%s: dataset type %v", path, set["@type"])
			}
			requireProps(t, path, set, "dct:title", "dct:description", "dct:publisher", "dct:language", "dct:modified", "dcat:distribution")
			dists, _ := set["dcat:distribution"].([]any)
			if len(dists) != 2 {
				t.Errorf("%s: %d distributions, want CSV and JSON", path, len(dists))
			}
			for _, d := range dists {
				dist := d.(node)
				if dist["@type"] != "dcat:Distribution" {
					t.Errorf("%s: distribution type %v", path, dist["@type"])
				}
				requireProps(t, path, dist, "dcat:accessURL", "dcat:downloadURL", "dct:format", "dct:license")
				file := strings.TrimPrefix(id(dist["dcat:downloadURL"]), "https://partnerstwo-es.example.org/")
				if files[file] == nil {
					t.Errorf("%s: downloadURL %s is not a file of the build", path, file)
				}
				if landing := strings.TrimPrefix(id(dist["dcat:accessURL"]), "https://partnerstwo-es.example.org/"); files[landing+"index.html"] == nil {
					t.Errorf("%s: accessURL %s is not a page of the build", path, landing)
				}
				if f := id(dist["dct:format"]); !strings.HasPrefix(f, "http://publications.europa.eu/resource/authority/file-type/") {
					t.Errorf("%s: format %s is not from the EU's file-type table", path, f)
				}
			}
		}
	}
}

func requireProps(t *testing.T, path string, n node, props ...string) {
	t.Helper()
	for _, p := range props {
		if n[p] == nil {
			t.Errorf("%s: %v has no %s", path, n["@id"], p)
		}
	}
}

func id(v any) string {
	n, _ := v.(node)
	s, _ := n["@id"].(string)
	return s
}

// TestTextFile checks the machine-readable text of the easy-to-read page
// in both languages: beside the page, linked from it, plain UTF-8 text.
func TestTextFile(t *testing.T) {
	files := buildFiles(t, os.DirFS("../.."))
	for page, file := range map[string]string{
		"tekst-latwy-do-czytania/index.html": "tekst-latwy-do-czytania.txt",
		"en/easy-read/index.html":            "en/easy-read.txt",
	} {
		data := string(files[file])
		if !strings.HasPrefix(data, "Informacje w tekście łatwym do czytania\r\n\r\nKim jesteśmy\r\n") &&
			!strings.HasPrefix(data, "Easy-to-read information\r\n\r\nWho we are\r\n") {
			t.Errorf("%s starts %q", file, data[:min(len(data), 80)])
		}
		if strings.ContainsAny(data, "<>*#") {
			t.Errorf("%s has markup in it", file)
		}
		if !strings.Contains(string(files[page]), `href="/`+file+`"`) {
			t.Errorf("%s does not link %s", page, file)
		}
	}
}
