// The search page (templates/layouts/search.html): searches, in the
// browser, the index that the build writes beside the page (package
// internal/search, which documents its format). No third-party code, no
// inline script, no innerHTML: every text from the index reaches the page
// through text nodes.
//
// fold, stem, terms and match follow rules.json, which index.json carries
// (its "rules"); internal/search/testdata/cases.json checks this file and
// the Go code against the same cases.

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const PAGE = 10;
// Weights of the fields a word is found in (body, summary, names, title):
// any title match outranks every other; an exact match counts double.
const WEIGHT = [1, 2, 4, 1000];
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';

const len = (s) => [...s].length;

// fold lower-cases a word and takes away its accents: "Żary" → "zary".
export const fold = (s, r) =>
  s.normalize('NFKD').toLowerCase().replace(/\p{Mn}/gu, '').replace(/./gsu, (c) => r.fold[c] ?? c);

// each calls fn with every folded word of text and where its original is.
const each = (text, r, fn) => {
  for (const m of text.matchAll(WORD)) {
    for (const f of fold(m[0], r).match(WORD) || []) fn(f, m);
  }
};

export const stem = (w, r) => {
  for (const step of r.steps) {
    for (const [suffix, by] of step) {
      if (w.endsWith(suffix) && len(w) - len(suffix) + len(by) >= r.min) {
        w = w.slice(0, w.length - suffix.length) + by;
        break;
      }
    }
  }
  return w;
};

const indexed = (f, r) => len(f) > 1 && !r.stop.includes(f);

// terms gives the index terms of a text, as the build makes them.
export const terms = (text, r) => {
  const out = [];
  each(text, r, (f) => indexed(f, r) && out.push(stem(f, r)));
  return out;
};

// match tells whether query word f (stem s) finds index term t: 2 for the
// same stem, 1 for a prefix or an ending the stemmer leaves, else 0.
export const match = (f, s, t, r) =>
  t === s ? 2 : (len(f) > 1 && t.startsWith(f)) || (f.startsWith(t) && len(t) >= r.min && len(f) - len(t) <= r.ext) ? 1 : 0;

const VALUE = new Int8Array(128);
[...DIGITS].forEach((c, i) => (VALUE[c.charCodeAt(0)] = i));

// decode calls fn(doc, field) for each posting of a term (see
// encodePostings in internal/search).
const decode = (p, fn) => {
  for (let i = 0, doc = -1, n = 0; i < p.length; i++) {
    const v = VALUE[p.charCodeAt(i)];
    n = n * 32 + (v & 31);
    if (v < 32) {
      doc += (n >> 2) + 1;
      fn(doc, n & 3);
      n = 0;
    }
  }
};

const el = (tag, text) => {
  const e = document.createElement(tag);
  if (text) e.textContent = text;
  return e;
};

const form = document.getElementById('search-form');
if (form) start(form);

function start(form) {
  const input = form.elements.q;
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const home = new URL(form.dataset.index, location.href);
  const files = new Map();
  // Shards and chunks are named by their content, so a cached one is never
  // stale; index.json is asked again (a cheap 304) so that it never names
  // files a newer build has removed.
  const get = (name, cache) => {
    const url = new URL(name, home).href;
    if (!files.has(url)) {
      const p = fetch(url, { cache }).then((res) => {
        if (!res.ok) throw new Error(res.status);
        return res.json();
      });
      p.catch(() => files.delete(url)); // try again next time
      files.set(url, p);
    }
    return files.get(url);
  };
  const manifest = get(home, 'no-cache');
  const plural = new Intl.PluralRules(document.documentElement.lang);

  let seq = 0; // the latest query; older ones stop at their next await
  let hits = [];
  let shown = 0;
  let words = [];
  let timer;

  // say puts a message in the live region once typing pauses, so that a
  // screen reader reads the outcome rather than every keystroke.
  const say = (text, now) => {
    clearTimeout(timer);
    timer = setTimeout(() => (status.textContent = text), now ? 0 : 600);
  };
  const count = (n) => {
    const cat = plural.select(n);
    for (const k of [1, 2, 5, 0, 11]) {
      if (plural.select(k) === cat) return status.dataset['n' + k].replace(k, n);
    }
    return String(n);
  };

  // hit tells whether a word of a result is one the query found.
  const hit = (w, r) => {
    let yes = false;
    each(w, r, (f) => (yes ||= indexed(f, r) && words.some((q) => match(q.f, q.s, stem(f, r), r) > 0)));
    return yes;
  };

  // marked is text as nodes, the words the query found in <mark>.
  const marked = (text, r) => {
    const out = [];
    let at = 0;
    for (const m of text.matchAll(WORD)) {
      if (hit(m[0], r)) {
        out.push(text.slice(at, m.index), el('mark', m[0]));
        at = m.index + m[0].length;
      }
    }
    out.push(text.slice(at));
    return out;
  };

  // snippet is about 30 words of text from a little before the first word
  // the query found.
  const snippet = (text, r) => {
    const ms = [...text.matchAll(WORD)];
    const from = Math.max(0, ms.findIndex((m) => hit(m[0], r)) - 8);
    const to = Math.min(ms.length, from + 30);
    if (!ms.length) return [];
    const end = to < ms.length ? ms[to - 1].index + ms[to - 1][0].length : text.length;
    return marked((from ? '…' : '') + text.slice(from && ms[from].index, end) + (to < ms.length ? '…' : ''), r);
  };

  const item = ([kind, url, title, date, when, text], r) => {
    const li = el('li');
    const h = el('h2');
    const a = el('a');
    a.href = url;
    a.append(...marked(title, r));
    h.append(a);
    const meta = el('p', list.dataset[kind]);
    meta.className = 'meta';
    if (date) {
      const t = el('time', when);
      t.dateTime = date;
      meta.append(' · ', t);
    }
    const p = el('p');
    p.append(...snippet(text, r));
    li.append(h, meta, p);
    return li;
  };

  // page shows the next PAGE hits, after the ones shown when add is true.
  const page = async (my, add) => {
    const m = await manifest;
    const ids = hits.slice(shown, (shown += PAGE)); // before awaiting: a second click takes the next ones
    const docs = await Promise.all(ids.map((id) => get(m.d[Math.floor(id / m.chunk)]).then((c) => c[id % m.chunk])));
    if (my !== seq) return;
    const items = docs.map((d) => item(d, m.rules));
    if (add) list.append(...items);
    else list.replaceChildren(...items);
    more.hidden = shown >= hits.length;
    return items[0];
  };

  const search = async (q, now) => {
    const my = ++seq;
    try {
      await find(q, now, my);
    } catch {
      if (my !== seq) return;
      list.replaceChildren();
      more.hidden = true;
      say(status.dataset.error, true);
    }
  };

  const find = async (q, now, my) => {
    const m = await manifest;
    const r = m.rules;
    const typing = /[\p{L}\p{N}\p{M}]$/u.test(q);
    const fs = [];
    each(q, r, (f) => fs.push(f));
    // Stop words are not in the index, but the last word may be the start
    // of a longer one.
    words = fs
      .filter((f, i) => indexed(f, r) || (typing && i === fs.length - 1 && len(f) > 1))
      .map((f) => ({ f, s: stem(f, r) }));
    let scores;
    for (const { f, s } of words) {
      const keys = Object.keys(m.t).filter((k) => k.startsWith(f) || f.startsWith(k) || s.startsWith(k));
      const shards = await Promise.all(keys.map((k) => get(m.t[k])));
      if (my !== seq) return;
      const best = new Map();
      for (const shard of shards) {
        for (const t in shard) {
          const x = match(f, s, t, r);
          if (x) decode(shard[t], (doc, field) => best.get(doc) >= x * WEIGHT[field] || best.set(doc, x * WEIGHT[field]));
        }
      }
      if (scores) {
        for (const [doc, w] of scores) {
          if (best.has(doc)) scores.set(doc, w + best.get(doc));
          else scores.delete(doc);
        }
      } else scores = best;
    }
    hits = [...(scores || [])].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map((h) => h[0]);
    shown = 0;
    await page(my);
    if (my !== seq) return;
    history.replaceState(null, '', q.trim() ? '?q=' + encodeURIComponent(q.trim()) : location.pathname);
    say(!words.length ? '' : hits.length ? count(hits.length) : status.dataset.none.replace('{q}', q.trim()), now);
  };

  input.addEventListener('input', () => search(input.value));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    search(input.value, true);
  });
  more.addEventListener('click', () =>
    page(seq, true).then(
      (first) => first && first.querySelector('a').focus(),
      () => say(status.dataset.error, true),
    ),
  );

  // Arrow keys move between the field, the results and the button for
  // more; Escape goes back to the field.
  form.parentNode.addEventListener('keydown', (e) => {
    const stops = [input, ...list.querySelectorAll('a'), more].filter((x) => !x.hidden);
    const i = stops.indexOf(document.activeElement);
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, Escape: 0 }[e.key];
    if (i < 0 || to === undefined || (e.key === 'Escape' && !i) || !stops[to]) return;
    e.preventDefault();
    stops[to].focus();
  });

  const q = new URLSearchParams(location.search).get('q');
  if (q) input.value = q;
  if (input.value) search(input.value, true);
}
