// rr.json: a collapsible tree built from text nodes only. Each object or array is a button
// (aria-expanded) that opens or closes it; children are built when first opened, so a large value
// costs what is shown. `expanded`: true (all open), false (closed) or the depth shown open. What
// the reader opened or closed stays when the script redraws the same value shape; a new
// `expanded` starts over. Python writes NaN and ±Infinity bare (not JSON): they are read as
// numbers shown by name. Any other text that is not JSON shows as plain text.
import { h } from '../dom.js';

export const props = ['text', 'expanded', 'width'];

class Named { constructor(name) { this.name = name; } toString() { return this.name; } } // NaN, Infinity
const MARK = '\u0000rr';
function parse(text) {
  try { return JSON.parse(text); } catch {}
  const fixed = text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (m) => (m[0] === '"' ? m : JSON.stringify({ [MARK]: m })));
  return JSON.parse(fixed, (k, v) => (v && typeof v === 'object' && MARK in v ? new Named(v[MARK]) : v));
}

const kindOf = (v) => (v === null ? 'null' : v instanceof Named ? 'number' : Array.isArray(v) ? 'array' : typeof v);
const count = (v, n = Array.isArray(v) ? v.length : Object.keys(v).length) =>
  `${n} ${Array.isArray(v) ? (n === 1 ? 'item' : 'items') : n === 1 ? 'key' : 'keys'}`;

export default function mount(e) {
  let cur = null;
  let user = new Map(); // path -> open, as the reader left it
  const node = h('div', { class: 'rr-json' });

  const keyPart = (key) => key == null ? null
    : h('span', { class: typeof key === 'number' ? 'rr-jk rr-jidx' : 'rr-jk', text: typeof key === 'number' ? String(key) : JSON.stringify(key) });

  function leaf(key, v) {
    const t = kindOf(v);
    return h('li', { class: 'rr-jrow' }, keyPart(key), key != null ? h('span', { class: 'rr-jp', text: ': ' }) : null,
      h('span', { class: 'rr-jv rr-j' + t, text: t === 'string' ? JSON.stringify(v) : String(v) }));
  }

  function branch(key, v, depth, path) {
    const arr = Array.isArray(v), [o, c] = arr ? ['[', ']'] : ['{', '}'];
    const entries = arr ? v.map((x, i) => [i, x]) : Object.entries(v);
    if (!entries.length) { // nothing to open: a leaf
      return h('li', { class: 'rr-jrow' }, keyPart(key), key != null ? h('span', { class: 'rr-jp', text: ': ' }) : null, h('span', { class: 'rr-jp', text: o + c }));
    }
    const li = h('li', { class: 'rr-jrow rr-jbranch' });
    const label = `${key == null ? 'JSON' : key} (${count(v)})`; // the name a screen reader says
    const btn = h('button', { type: 'button', class: 'rr-jt', 'aria-expanded': 'false', 'aria-label': label },
      h('span', { class: 'rr-jcaret', 'aria-hidden': 'true' }), keyPart(key),
      key != null ? h('span', { class: 'rr-jp', text: ': ' }) : null, h('span', { class: 'rr-jp', text: o }));
    const summary = h('span', { class: 'rr-jsum' }, h('span', { class: 'rr-jcount', text: count(v) }), h('span', { class: 'rr-jp', text: c }));
    const kids = h('ul', { class: 'rr-jkids', role: 'group' });
    const close = h('div', { class: 'rr-jp rr-jclose', text: c });
    let built = false;
    const set = (open) => {
      if (open && !built) {
        built = true;
        kids.append(...entries.map(([k, x]) => item(k, x, depth + 1, path + '/' + k)));
      }
      btn.setAttribute('aria-expanded', String(open));
      kids.hidden = close.hidden = !open;
      summary.hidden = open;
    };
    btn.onclick = () => { const open = btn.getAttribute('aria-expanded') !== 'true'; user.set(path, open); set(open); };
    li.append(btn, summary, kids, close);
    const ex = cur.expanded;
    set(user.has(path) ? user.get(path) : ex === true || (typeof ex === 'number' && depth < ex));
    return li;
  }

  const item = (key, v, depth, path) => (v !== null && typeof v === 'object' && !(v instanceof Named) ? branch(key, v, depth, path) : leaf(key, v));

  const update = (e) => {
    if (cur && cur.text === e.text && cur.expanded === e.expanded && cur.width === e.width) return;
    if (cur && cur.expanded !== e.expanded) user = new Map();
    cur = e;
    node.style.maxWidth = typeof e.width === 'number' ? e.width + 'px' : '';
    let value;
    try { value = parse(e.text); } catch {
      return node.replaceChildren(h('pre', { class: 'rr-jraw', text: e.text }));
    }
    node.replaceChildren(h('ul', { class: 'rr-jtree' }, item(null, value, 0, '')));
  };
  update(e);
  return { node, update };
}
