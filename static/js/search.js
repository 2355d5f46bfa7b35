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
const WEIGHT = [1, 2, 40, 1000];
// Words found next to each other add NEAR, less as they are further apart;
// the newest meeting adds NEW, the oldest nothing.
const NEAR = 30;
const NEW = 0.9;
// EXCERPT is the number of words an excerpt shows.
const EXCERPT = 30;
// PAUSE is how long typing must stop before excerpts are loaded, in ms.
const PAUSE = 200;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
// KINDS maps the address's kind to the index's.
const KINDS = { meetings: 'm', partners: 'p', pages: 'a' };

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

// words reads a query: its folded words, each with its stem and, inside
// double quotes, its phrase and its place in the phrase, counted as the
// build counts positions. A quote left open is a phrase being typed.
export const words = (q, r) => {
  const out = [];
  q.split('"').forEach((part, i) => {
    let at = 0;
    each(part, r, (f) => out.push({ f, s: stem(f, r), g: i % 2 ? i : -1, at: at++ }));
  });
  // Stop words are not in the index, but the last word may be the start
  // of a longer one.
  const typing = /[\p{L}\p{N}\p{M}]$/u.test(q);
  return out.filter((w, i) => indexed(w.f, r) || (typing && i === out.length - 1 && len(w.f) > 1 && w.g < 0));
};

const VALUE = new Int8Array(128);
[...DIGITS].forEach((c, i) => (VALUE[c.charCodeAt(0)] = i));

// numbers calls fn with each number of an encoded string (see
// appendNumber in internal/search), from offset i to the end or a comma.
const numbers = (p, fn, i = 0) => {
  for (let n = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c === 44) break;
    const v = VALUE[c];
    n = n * 32 + (v & 31);
    if (v < 32) {
      fn(n);
      n = 0;
    }
  }
};

// decode calls fn(doc, field, n) for the n-th posting of a term.
const decode = (p, fn) => {
  let doc = -1;
  let n = 0;
  numbers(p, (v) => fn((doc += (v >> 2) + 1), v & 3, n++));
};

// places returns the positions of a term in the n-th document of its
// postings, from its encoded positions p (split once, kept in cut).
const places = (p, n, cut) => {
  if (!cut.has(p)) cut.set(p, p.split(','));
  const out = [];
  let at = -1;
  numbers(cut.get(p)[n], (v) => out.push((at += v + 1)));
  return out;
};

// span is the fewest words a stretch of text needs to hold one position
// of every list of lists (each sorted), or Infinity.
const span = (lists) => {
  const all = lists.flatMap((ps, i) => ps.map((p) => [p, i])).sort((a, b) => a[0] - b[0]);
  const have = new Array(lists.length).fill(0);
  let best = Infinity;
  let missing = lists.length;
  for (let lo = 0, hi = 0; hi < all.length; hi++) {
    if (!have[all[hi][1]]++) missing--;
    while (!missing) {
      best = Math.min(best, all[hi][0] - all[lo][0] + 1);
      if (!--have[all[lo++][1]]) missing++;
    }
  }
  return best;
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
  const filters = ['kind', 'year', 'sector'].map((n) => form.elements[n]).filter(Boolean);
  const status = document.getElementById('search-status');
  const list = document.getElementById('search-results');
  const more = document.getElementById('search-more');
  const home = new URL(form.dataset.index, location.href);
  const files = new Map();
  const cut = new Map();
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
  // shard is the file of a map of shards (prefix → file) holding term t.
  const shard = (map, t) => get(map[Object.keys(map).reduce((b, k) => (t.startsWith(k) && k.length > b.length ? k : b), '')]);

  let seq = 0; // the latest query; older ones stop at their next await
  let hits = [];
  let shown = 0;
  let query = [];
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

  // found tells which query word a word of a result is, or -1.
  const memo = new Map();
  const found = (w, r) => {
    if (!memo.has(w)) {
      let i = -1;
      each(w, r, (f) => i < 0 && indexed(f, r) && (i = query.findIndex((q) => match(q.f, q.s, stem(f, r), r) > 0)));
      memo.set(w, i);
    }
    return memo.get(w);
  };

  // marked is text as nodes, the words the query found in <mark>.
  const marked = (text, r) => {
    const out = [];
    let at = 0;
    for (const m of text.matchAll(WORD)) {
      if (found(m[0], r) >= 0) {
        out.push(text.slice(at, m.index), el('mark', m[0]));
        at = m.index + m[0].length;
      }
    }
    out.push(text.slice(at));
    return out;
  };

  // excerpt is EXCERPT words of text from a little before the stretch of
  // EXCERPT words that holds the most query words; null when text has
  // none of them.
  const excerpt = (text, r) => {
    const ms = [...text.matchAll(WORD)];
    const which = ms.map((m) => found(m[0], r));
    const n = new Map(); // query word → times in the stretch ending at hi
    let best = 0;
    let from = 0;
    for (let hi = 0; hi < ms.length; hi++) {
      const lo = hi - EXCERPT + 1;
      if (which[hi] >= 0) n.set(which[hi], (n.get(which[hi]) || 0) + 1);
      const gone = which[lo - 1];
      if (gone >= 0 && n.set(gone, n.get(gone) - 1).get(gone) === 0) n.delete(gone);
      if (n.size > best) {
        best = n.size;
        from = Math.max(0, which.findIndex((w, i) => i >= lo && w >= 0) - 5);
      }
    }
    if (!best) return null;
    const to = Math.min(ms.length, from + EXCERPT);
    const end = to < ms.length ? ms[to - 1].index + ms[to - 1][0].length : text.length;
    return marked((from ? '…' : '') + text.slice(from && ms[from].index, end) + (to < ms.length ? '…' : ''), r);
  };

  const item = ([kind, url, title, date, when], r) => {
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
    li.append(h, meta, el('p'));
    return li;
  };

  // page shows the next PAGE hits, after the ones shown when add is true.
  // While the visitor types (lazy), the titles come at once, and the
  // excerpts, which need each result's text, once typing pauses: the
  // texts of words half typed are never loaded.
  const page = async (my, add, lazy) => {
    const m = await manifest;
    const ids = hits.slice(shown, (shown += PAGE)); // before awaiting: a second click takes the next ones
    const docs = await Promise.all(ids.map((id) => get(m.d[Math.floor(id / m.chunk)]).then((c) => c[id % m.chunk])));
    if (my !== seq) return;
    const items = docs.map((d) => item(d, m.rules));
    if (add) list.append(...items);
    else list.replaceChildren(...items);
    more.hidden = shown >= hits.length;
    // More results: the focus goes to the first of them.
    if (add && items[0]) items[0].querySelector('a').focus();
    if (lazy) await new Promise((r) => setTimeout(r, PAUSE));
    if (my !== seq) return;
    const texts = await Promise.all(docs.map((d) => get(d[5])));
    if (my !== seq) return;
    texts.forEach(([front, body], i) =>
      items[i].lastChild.replaceChildren(...(excerpt(body, m.rules) || excerpt(front, m.rules) || [body.split(/\s+/).slice(0, EXCERPT).join(' ') || front])),
    );
  };

  // address is the search as the page's address: ?q=…&kind=…
  const address = () => {
    const p = new URLSearchParams();
    if (input.value.trim()) p.set('q', input.value.trim());
    for (const f of filters) if (f.value) p.set(f.name, f.value);
    return p.size ? '?' + p : location.pathname;
  };
  // read fills the form from the address; a value the form does not
  // offer (a year without meetings) is added, so that the search is the
  // one asked for.
  const read = () => {
    const p = new URLSearchParams(location.search);
    input.value = p.get('q') || '';
    for (const f of filters) {
      const v = p.get(f.name) || '';
      if (![...f.options].some((o) => o.value === v)) f.add(new Option(v));
      f.value = v;
    }
  };

  // how: 'push' makes the search a new entry of the history, 'replace'
  // (typing) rewrites the current one, '' (back and forward) leaves it.
  const search = async (now, how = 'replace') => {
    const my = ++seq;
    memo.clear();
    try {
      await find(input.value, now, my);
      if (my !== seq) return;
      const to = address();
      if (how === 'push' && to !== location.search && (to !== location.pathname || location.search)) history.pushState(null, '', to);
      else if (how) history.replaceState(null, '', to);
    } catch {
      if (my !== seq) return;
      list.replaceChildren();
      more.hidden = true;
      say(status.dataset.error, true);
    }
  };

  // allowed returns a test of the documents the filters let through, or
  // null when they let every one through.
  const allowed = async (m) => {
    const v = Object.fromEntries(filters.map((f) => [f.name, f.value]));
    const ranges = [];
    if (KINDS[v.kind]) ranges.push(m.k[KINDS[v.kind]] || [0, 0]);
    if (v.year) ranges.push(m.y[v.year] || [0, 0]);
    let sector;
    if (v.sector) {
      sector = new Set();
      decode((await get(m.s))[v.sector] || '', (doc) => sector.add(doc));
    }
    if (!ranges.length && !sector) return null;
    return (doc) => ranges.every(([a, b]) => doc >= a && doc < b) && (!sector || sector.has(doc));
  };

  const find = async (q, now, my) => {
    const m = await manifest;
    const r = m.rules;
    query = words(q, r);
    const ok = await allowed(m);
    // Each query word: the documents it finds, with its best score in
    // each and the terms (with their postings' index) that found it.
    const per = await Promise.all(
      query.map(async ({ f, s }) => {
        // The shards of the terms f and s start with, and of the longer
        // terms that start with f, once it has three letters: a word
        // being typed does not load half the index at its second letter.
        const keys = Object.keys(m.t).filter((k) => f.startsWith(k) || s.startsWith(k) || (len(f) > 2 && k.startsWith(f)));
        const docs = new Map();
        for (const sh of await Promise.all(keys.map((k) => get(m.t[k])))) {
          for (const t in sh) {
            const x = match(f, s, t, r);
            if (!x) continue;
            decode(sh[t], (doc, field, n) => {
              if (ok && !ok(doc)) return;
              const d = docs.get(doc) || docs.set(doc, { score: 0, terms: [] }).get(doc);
              d.score = Math.max(d.score, x * WEIGHT[field]);
              d.terms.push([t, n]);
            });
          }
        }
        return docs;
      }),
    );
    if (my !== seq) return;
    let scores = new Map();
    if (!query.length) {
      // Filters alone list what they let through, in the index's order.
      if (ok) for (let doc = 0; doc < m.docs; doc++) if (ok(doc)) scores.set(doc, 0);
    } else {
      for (const doc of per[0].keys()) {
        if (per.every((f) => f.has(doc))) scores.set(doc, per.reduce((n, f) => n + f.get(doc).score, 0));
      }
    }
    // Phrases and nearness need the words' positions in each document.
    const phrases = new Set(query.filter((w) => w.g >= 0).map((w) => w.g));
    const needed = new Set(query.length > 1 ? per.flatMap((f) => [...f.values()].flatMap((d) => d.terms.map(([t]) => t))) : []);
    // A word being typed may start hundreds of terms: their positions
    // wait for more letters, unless a phrase needs them.
    if (needed.size && scores.size && (phrases.size || needed.size <= 64)) {
      const pos = {};
      await Promise.all([...needed].map(async (t) => (pos[t] = (await shard(m.w, t))[t])));
      if (my !== seq) return;
      for (const doc of scores.keys()) {
        const at = per.map((f) => [...new Set(f.get(doc).terms.flatMap(([t, n]) => places(pos[t], n, cut)))].sort((a, b) => a - b));
        const phrase = (g) => {
          const ws = query.map((w, i) => [w, i]).filter(([w]) => w.g === g);
          const [w0, i0] = ws[0];
          return at[i0].some((p) => ws.every(([w, i]) => at[i].includes(p - w0.at + w.at)));
        };
        if (![...phrases].every(phrase)) scores.delete(doc);
        else scores.set(doc, scores.get(doc) + NEAR / Math.max(1, span(at) - query.length + 1));
      }
    }
    const [first, end] = m.k.m || [0, 0];
    for (const [doc, n] of scores) {
      if (doc >= first && doc < end) scores.set(doc, n + NEW * (1 - (doc - first) / (end - first)));
    }
    hits = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map((h) => h[0]);
    shown = 0;
    await page(my, false, !now);
    if (my !== seq) return;
    const asked = query.length || ok;
    say(!asked ? '' : hits.length ? count(hits.length) : status.dataset.none.replace('{q}', q.trim()), now);
  };

  input.addEventListener('input', () => search());
  for (const f of filters) f.addEventListener('change', () => search(true, 'push'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    search(true, 'push');
  });
  addEventListener('popstate', () => {
    read();
    search(true, '');
  });
  more.addEventListener('click', () => page(seq, true).catch(() => say(status.dataset.error, true)));

  // Arrow keys move between the field, the results and the button for
  // more; Escape goes back to the field.
  form.parentNode.addEventListener('keydown', (e) => {
    const stops = [input, ...list.querySelectorAll('a'), more].filter((x) => !x.hidden);
    const i = stops.indexOf(document.activeElement);
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, Escape: 0 }[e.key];
    if (i < 0 || to === undefined || (e.key === 'Escape' && !i) || !stops[to]) return;
    e.preventDefault();
    // At once, not smoothly: the focus must be seen where it lands.
    stops[to].focus({ preventScroll: true });
    stops[to].scrollIntoView({ block: 'nearest', behavior: 'instant' });
  });

  if (location.search) read();
  if (address() !== location.pathname) search(true, '');
}
