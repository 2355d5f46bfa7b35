package editor

import "html/template"

// pages are the editor's screens, in Polish, server-rendered; the script
// only adds the preview, the toolbar and more rows.
var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"inc": func(i int) int { return i + 1 },
}).Parse(`
{{define "top"}}<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.}} – edytor strony</title>
<link rel="stylesheet" href="/_sitegen/editor/editor.css">
</head>
<body>
<a class="skip" href="#main">Przejdź do treści</a>
<header class="bar"><nav aria-label="Edytor"><a href="/_sitegen/editor/">Lista dokumentów</a> <a href="/">Strona (podgląd)</a></nav></header>
<main id="main">
{{end}}

{{define "bottom"}}</main>
<script src="/_sitegen/editor/editor.js" defer></script>
</body>
</html>
{{end}}

{{define "list"}}{{template "top" "Lista dokumentów"}}
<h1>Treść strony</h1>
{{with .Error}}<p class="error" role="alert">{{.}}</p>{{end}}
<section aria-labelledby="new-h">
<h2 id="new-h">Nowy dokument</h2>
<form method="post" action="/_sitegen/editor/new" class="row">
<input type="hidden" name="token" value="{{.Token}}">
<div class="field"><label for="new-title">Tytuł</label>
<input id="new-title" name="title" required aria-describedby="new-help"></div>
<div class="field"><label for="new-lang">Język</label>
<select id="new-lang" name="lang">{{range .Langs}}<option value="{{.Value}}"{{if .Selected}} selected{{end}}>{{.Label}}</option>{{end}}</select></div>
<p id="new-help" class="help">Plik powstanie tak jak po poleceniu <code>sitegen new</code>: we właściwym folderze, ze wszystkimi kluczami nagłówka.</p>
<div class="buttons">
<button name="kind" value="meeting">Nowe spotkanie</button>
<button name="kind" value="partner">Nowy partner</button>
<button name="kind" value="page">Nowa strona</button>
</div>
</form>
</section>
<section aria-labelledby="find-h">
<h2 id="find-h">Szukaj</h2>
<form method="get" action="/_sitegen/editor/" class="row" role="search">
<div class="field"><label for="q">Tytuł lub nazwa pliku</label>
<input id="q" type="search" name="q" value="{{.Query}}"></div>
<div class="field"><label for="sort">Kolejność</label>
<select id="sort" name="sort">
<option value="desc"{{if eq .Sort "desc"}} selected{{end}}>od najnowszych</option>
<option value="asc"{{if eq .Sort "asc"}} selected{{end}}>od najstarszych</option>
<option value="title"{{if eq .Sort "title"}} selected{{end}}>alfabetycznie</option>
</select></div>
<div class="buttons"><button>Pokaż</button></div>
</form>
</section>
{{range .Groups}}
<section aria-labelledby="g-{{.Kind}}">
<h2 id="g-{{.Kind}}">{{.Title}} ({{len .Entries}})</h2>
{{if .Entries}}
<div class="scroll" role="region" aria-labelledby="g-{{.Kind}}" tabindex="0">
<table>
<thead><tr><th scope="col">Tytuł</th>{{if eq .Kind "spotkanie"}}<th scope="col">Data</th>{{end}}<th scope="col">Wersje językowe</th></tr></thead>
<tbody>
{{$kind := .Kind}}{{range .Entries}}<tr>
<th scope="row"><a href="/_sitegen/editor/edit?path={{.Path}}">{{.Title}}</a></th>
{{if eq $kind "spotkanie"}}<td>{{.Date}}</td>{{end}}
<td>{{$e := .}}{{range .Langs}}{{if .Value}}<a href="/_sitegen/editor/edit?path={{.Value}}" class="lang" aria-label="{{$e.Title}}: wersja {{.Label}}">{{.Label}}</a> {{else}}<span class="missing">{{.Label}}: brak tłumaczenia</span>
<form method="post" action="/_sitegen/editor/translate" class="inline"><input type="hidden" name="token" value="{{$e.Token}}"><input type="hidden" name="path" value="{{$e.Path}}"><input type="hidden" name="lang" value="{{.Label}}"><button aria-label="Przetłumacz: {{$e.Title}} na {{.Label}}">Przetłumacz</button></form> {{end}}{{end}}</td>
</tr>
{{end}}</tbody>
</table>
</div>
{{else}}<p>Nic nie znaleziono.</p>{{end}}
</section>
{{end}}
{{template "bottom"}}{{end}}

{{define "errors"}}{{if .Errors}}<ul class="error" id="{{.ID}}-err">{{range .Errors}}<li>{{.}}</li>{{end}}</ul>{{end}}{{end}}
{{define "described"}} aria-describedby="{{.ID}}-help{{if .Errors}} {{.ID}}-err{{end}}"{{if .Errors}} aria-invalid="true"{{end}}{{end}}

{{define "field"}}
{{if .Editable}}<input type="hidden" name="shown" value="{{.Key}}">{{end}}
{{if not .Editable}}
<div class="field"><p class="label">{{.Label}}</p>
<pre>{{.Raw}}</pre>
<p class="help">Formularz nie zmienia tej wartości: zostaje taka, jak w pliku.</p>{{template "errors" .}}</div>
{{else if eq .In.Name "check"}}
<div class="field check"><input type="checkbox" id="{{.ID}}" name="{{.Key}}" value="true"{{if .Checked}} checked{{end}}{{template "described" .}}>
<label for="{{.ID}}">{{.Label}}</label>
<p id="{{.ID}}-help" class="help">{{.Help}}</p>{{template "errors" .}}</div>
{{else if eq .In.Name "partners"}}
<fieldset class="field"{{template "described" .}}><legend>{{.Label}}</legend>
<p id="{{.ID}}-help" class="help">{{.Help}}</p>
{{$id := .ID}}{{range $i, $o := .Options}}<div class="check"><input type="checkbox" id="{{$id}}-{{$i}}" name="participants" value="{{$o.Value}}"{{if $o.Selected}} checked{{end}}>
<label for="{{$id}}-{{$i}}">{{$o.Label}}</label></div>
{{else}}<p>Nie ma jeszcze partnerów.</p>{{end}}{{template "errors" .}}</fieldset>
{{else if eq .In.Name "guests"}}
<fieldset class="field repeat" data-add="gościa"{{template "described" .}}><legend>{{.Label}}</legend>
<p id="{{.ID}}-help" class="help">{{.Help}}</p>
{{range $i, $g := .Guests}}<div class="item">
<div class="field"><label for="guest-name-{{$i}}">Gość {{inc $i}}: imię i nazwisko</label><input id="guest-name-{{$i}}" name="guest-name" value="{{$g.Name}}"></div>
<div class="field"><label for="guest-role-{{$i}}">Gość {{inc $i}}: funkcja</label><input id="guest-role-{{$i}}" name="guest-role" value="{{$g.Role}}"></div>
</div>
{{end}}{{template "errors" .}}</fieldset>
{{else if eq .In.Name "tags"}}
<fieldset class="field repeat" data-add="temat"{{template "described" .}}><legend>{{.Label}}</legend>
<p id="{{.ID}}-help" class="help">{{.Help}} Podpowiedzi to tematy już użyte na stronie.</p>
{{range $i, $t := .Values}}<div class="item"><div class="field"><label for="tag-{{$i}}">Temat {{inc $i}}</label><input id="tag-{{$i}}" name="tags" value="{{$t}}" list="tags-list"></div></div>
{{end}}<div class="item"><div class="field"><label for="tag-new">Temat {{inc (len .Values)}}</label><input id="tag-new" name="tags" list="tags-list"></div></div>
{{template "errors" .}}</fieldset>
{{else}}
<div class="field"><label for="{{.ID}}">{{.Label}}{{if .Required}} (wymagane){{end}}</label>
{{if eq .In.Name "area" "lines"}}<textarea id="{{.ID}}" name="{{.Key}}" rows="3"{{template "described" .}}>
{{.Value}}</textarea>
{{else if eq .In.Name "select"}}<select id="{{.ID}}" name="{{.Key}}"{{if .Required}} required{{end}}{{template "described" .}}><option value="">(wybierz)</option>{{range .Options}}<option value="{{.Value}}"{{if .Selected}} selected{{end}}>{{.Label}}</option>{{end}}</select>
{{else if eq .In.Name "host"}}<select id="{{.ID}}" name="{{.Key}}"{{template "described" .}}><option value="">(brak)</option>{{range .Options}}<option value="{{.Value}}"{{if .Selected}} selected{{end}}>{{.Label}}</option>{{end}}</select>
{{else}}<input id="{{.ID}}" name="{{.Key}}" value="{{.Value}}"{{if eq .In.Name "date"}} type="{{if .DateTime}}datetime-local{{else}}date{{end}}"{{else if eq .In.Name "number"}} type="number" step="1"{{else if eq .In.Name "url"}} type="url"{{end}}{{if .Required}} required{{end}}{{template "described" .}}>
{{end}}{{if eq .In.Name "date"}}<div class="check" hidden><input type="checkbox" id="{{.ID}}-time" data-time-for="{{.ID}}"{{if .DateTime}} checked{{end}}><label for="{{.ID}}-time">{{.Label}}: z godziną</label></div>
{{end}}<p id="{{.ID}}-help" class="help">{{.Help}}</p>{{template "errors" .}}</div>
{{end}}
{{end}}

{{define "form"}}{{template "top" .Title}}
<h1>{{.Title}}</h1>
<p class="meta">Rodzaj: {{.Kind}} · plik <code>content/{{.Path}}</code></p>
{{if .Saved}}<p class="ok" role="status">Zapisano. Strona przebuduje się sama.</p>{{end}}
{{if .Problems}}<div class="error" role="alert"><p>Nie zapisano – popraw błędy:</p><ul>{{range .Problems}}<li>{{.}}</li>{{end}}</ul></div>{{end}}
{{range .Fields}}{{if .Errors}}<p class="error" role="alert">Nie zapisano – popraw pola oznaczone poniżej.</p>{{break}}{{end}}{{end}}
<form method="post" action="/_sitegen/editor/save" id="edit" class="doc">
<input type="hidden" name="token" value="{{.Token}}">
<input type="hidden" name="path" value="{{.Path}}">
<input type="hidden" name="hash" value="{{.Hash}}">
<div class="columns">
{{if .SourceMode}}
<div class="field"><label for="source">Cały plik: nagłówek i tekst</label>
<textarea id="source" name="source" rows="24" aria-describedby="source-help">
{{.Source}}</textarea>
<p id="source-help" class="help">Nagłówek tego pliku nie jest listą kluczy, więc formularz go nie pokaże. Popraw go tutaj.</p></div>
{{else}}
<fieldset class="head"><legend>Nagłówek</legend>
{{range .Fields}}{{template "field" .}}{{end}}
<datalist id="tags-list">{{range .Tags}}<option value="{{.}}">{{end}}</datalist>
</fieldset>
<div class="text">
<div class="field"><label for="body">Tekst (Markdown)</label>
<div class="toolbar" role="toolbar" aria-label="Formatowanie tekstu" aria-controls="body" hidden>
<button type="button" data-md="heading">Śródtytuł</button>
<button type="button" data-md="bold">Pogrubienie</button>
<button type="button" data-md="list">Lista</button>
<label for="link-target">Odnośnik do</label>
<select id="link-target">{{range .Links}}<option value="{{.Value}}">{{.Label}}</option>{{end}}</select>
<button type="button" data-md="link">Wstaw odnośnik</button>
</div>
<textarea id="body" name="body" rows="24" aria-describedby="body-help">
{{.Body}}</textarea>
<p id="body-help" class="help">Śródtytuły zaczynaj od <code>##</code>; odnośnik do innej strony to ścieżka jej pliku, np. <code>../partners/wup-zielona-gora.pl.md</code>.</p></div>
<div class="buttons"><button>Zapisz</button></div>
{{if .Orig}}
<div class="field"><label for="orig">Oryginał: content/{{.OrigPath}}</label>
<textarea id="orig" rows="16" readonly>
{{.Orig}}</textarea></div>
{{end}}
{{if $.Preview}}
<section aria-labelledby="preview-h" class="preview">
<h2 id="preview-h">Podgląd (bez zapisywania)</h2>
<p class="help" id="preview-status" role="status"></p>
<iframe id="preview" title="Podgląd strony" sandbox="allow-same-origin"></iframe>
</section>
{{end}}
</div>
{{end}}
</div>
<div class="buttons"><button>Zapisz</button></div>
</form>
{{template "bottom"}}{{end}}

{{define "conflict"}}{{template "top" "Plik zmienił się na dysku"}}
<h1>Plik zmienił się na dysku</h1>
<p class="error" role="alert">Nie zapisano: plik <code>content/{{.Path}}</code> zmienił się, odkąd go otwarto (w innej karcie, innym programie albo przez git). Twoje zmiany są poniżej – nic nie przepadło.</p>
<div class="columns">
<form method="post" action="/_sitegen/editor/save">
<input type="hidden" name="token" value="{{.Token}}">
<input type="hidden" name="path" value="{{.Path}}">
<input type="hidden" name="hash" value="{{.DiskHash}}">
<div class="field"><label for="mine">Twoja wersja (możesz ją jeszcze poprawić)</label>
<textarea id="mine" name="source" rows="24">
{{.Mine}}</textarea></div>
<div class="buttons"><button>Zapisz moją wersję zamiast tej z dysku</button></div>
</form>
<div class="field"><label for="disk">Wersja na dysku</label>
<textarea id="disk" rows="24" readonly>
{{.Disk}}</textarea>
<p><a href="/_sitegen/editor/edit?path={{.Path}}">Porzuć moje zmiany i otwórz wersję z dysku</a></p></div>
</div>
{{template "bottom"}}{{end}}

{{define "previewErrors"}}<!doctype html><html lang="pl"><meta charset="utf-8"><title>Podgląd niemożliwy</title>
<body><h1>Podgląd niemożliwy</h1><p>Strona ma błędy:</p><ul>{{range .}}<li>{{.}}</li>{{end}}</ul></body></html>{{end}}
`))

// script is the editor's whole script: the debounced preview, the
// Markdown toolbar and "add another" rows. Without it the form still
// edits and saves.
const script = `(function(){
"use strict";
var form=document.getElementById("edit"),frame=document.getElementById("preview");
if(form&&frame){
  var status=document.getElementById("preview-status"),timer=0,seq=0;
  var show=function(){
    var n=++seq;status.textContent="Odświeżam podgląd…";
    fetch("/_sitegen/editor/preview",{method:"POST",body:new URLSearchParams(new FormData(form))})
      .then(function(r){return r.text()})
      .then(function(t){if(n!==seq)return;frame.srcdoc=t;status.textContent="Podgląd aktualny."})
      .catch(function(){status.textContent="Podgląd niedostępny."});
  };
  var later=function(){clearTimeout(timer);timer=setTimeout(show,600)};
  form.addEventListener("input",later);form.addEventListener("change",later);show();
}
document.querySelectorAll("fieldset.repeat").forEach(function(set){
  var b=document.createElement("button");b.type="button";b.textContent="Dodaj "+set.dataset.add;
  b.addEventListener("click",function(){
    var items=set.querySelectorAll(".item"),last=items[items.length-1],copy=last.cloneNode(true),k=items.length+1;
    copy.querySelectorAll("input").forEach(function(i){i.value="";i.id=i.id.replace(/-[^-]*$/,"-"+k)});
    copy.querySelectorAll("label").forEach(function(l){l.htmlFor=l.htmlFor.replace(/-[^-]*$/,"-"+k);l.textContent=l.textContent.replace(/\d+/,k)});
    last.after(copy);copy.querySelector("input").focus();
  });
  set.appendChild(b);
});
document.querySelectorAll("input[data-time-for]").forEach(function(box){
  var inp=document.getElementById(box.dataset.timeFor);box.parentNode.hidden=false;
  box.addEventListener("change",function(){
    var v=inp.value;
    if(box.checked){inp.type="datetime-local";if(v)inp.value=v.slice(0,10)+"T10:00"}
    else{inp.type="date";if(v)inp.value=v.slice(0,10)}
    inp.dispatchEvent(new Event("input",{bubbles:true}));
  });
});
var body=document.getElementById("body"),bar=document.querySelector(".toolbar");
if(body&&bar){
  bar.hidden=false;
  bar.addEventListener("click",function(e){
    var what=e.target.dataset&&e.target.dataset.md;if(!what)return;
    var s=body.selectionStart,en=body.selectionEnd,sel=body.value.slice(s,en),out;
    if(what==="heading")out="\n## "+(sel||"Śródtytuł")+"\n";
    else if(what==="bold")out="**"+(sel||"tekst")+"**";
    else if(what==="list")out="\n- "+(sel||"punkt").split("\n").join("\n- ")+"\n";
    else{var to=document.getElementById("link-target"),o=to.options[to.selectedIndex];
      out="["+(sel||(o?o.text:"tekst odnośnika"))+"]("+(o?o.value:"")+")"}
    body.setRangeText(out,s,en,"select");body.focus();body.dispatchEvent(new Event("input",{bubbles:true}));
  });
}
})();
`

// style is plain: system fonts, strong contrast, visible focus, one
// column on a phone and form beside text on a wide screen.
const style = `*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}
main{padding:1rem;max-width:110rem;margin:0 auto}
a{color:#0b4f9c}
:focus-visible,input:focus,input:focus-within,select:focus,textarea:focus{outline:3px solid #b35900;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
.bar{background:#0b3a6e;padding:.5rem 1rem}.bar a{color:#fff;margin-right:1.5rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem}
.field{margin:0 0 1rem}label,.label,legend{display:block;font-weight:600;margin:0 0 .25rem}
.check label{display:inline;font-weight:400;margin-left:.4rem}
.help{color:#444;font-size:.9rem;margin:.25rem 0}
input,select,textarea,button{font:inherit}
input:not([type=checkbox]),select,textarea{width:100%;padding:.4rem;border:1px solid #555;border-radius:3px;background:#fff;color:#1a1a1a}
textarea{font-family:ui-monospace,monospace}
button{padding:.45rem .9rem;border:1px solid #0b3a6e;border-radius:3px;background:#0b3a6e;color:#fff;cursor:pointer;margin:.25rem .5rem .25rem 0}
.toolbar button,fieldset.repeat>button{background:#fff;color:#0b3a6e}
.toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem}.toolbar label{margin:0 .25rem 0 .5rem}
.toolbar select{width:auto;max-width:100%}
fieldset{border:1px solid #999;border-radius:3px;margin:0 0 1rem;padding:.5rem 1rem}
.item{display:grid;gap:0 1rem;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr))}
.error{color:#a00000;border-left:4px solid #a00000;padding:.25rem .75rem;margin:.5rem 0}
.ok{color:#075e1f;border-left:4px solid #075e1f;padding:.25rem .75rem}
.missing{color:#6b4200}
.row{display:grid;gap:0 1rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));align-items:end}
.row .help{grid-column:1/-1}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ccc;vertical-align:top}
td a.lang{margin-right:.5rem}
form.inline{display:inline}form.inline button{padding:.1rem .5rem;margin:0 0 0 .25rem}
pre{white-space:pre-wrap;background:#f3f3f3;padding:.5rem}
.preview iframe{width:100%;height:40rem;border:1px solid #555}
@media (min-width:64rem){.columns{display:grid;grid-template-columns:minmax(20rem,1fr) 2fr;gap:1.5rem}}
`
