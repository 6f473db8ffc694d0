// The element registry: kind -> its module ./elements/<kind>.js (a block's kind is its `type`),
// imported the first time the page shows that kind. See docs/client.md for the module contract.
// Every node gets `node.rr`, its module's handle plus {k, type?}:
// {node, update(e), slot?, added?(child), w?, id?, get?, set?, btn?}.
import { h } from './dom.js';

const mods = new Map(); // kind -> module, or null when it has none
const loads = new Map(); // kind -> import promise (settles once)
const NAME = /^[a-z][a-z0-9_]*$/;

export const kindOf = (e) => (e?.k === 'block' ? e.type : e?.k);

// The kinds these ops draw whose modules are not loaded yet.
export function missing(ops) {
  const out = new Set();
  for (const o of ops) {
    const k = o?.op === 'el' && kindOf(o.e);
    if (typeof k === 'string' && NAME.test(k) && !mods.has(k)) out.add(k);
  }
  return [...out];
}

// Import the modules of these kinds; never rejects (a kind without a module draws a placeholder).
export function load(kinds) {
  return Promise.all(kinds.map((k) => {
    if (!loads.has(k)) {
      loads.set(k, import(`./elements/${k}.js`).then(
        (m) => { mods.set(k, typeof m.default === 'function' ? m : null); },
        (err) => { mods.set(k, null); console.error(`rr: no module for element kind "${k}"`, err); },
      ));
    }
    return loads.get(k);
  }));
}

// `width`, `text_alignment` and `wrap` mean the same for every kind that carries them
// (reactive_rerun/_params.py checks them): applied here on creation and on every update.
const FLOWING = new Set(['text', 'caption', 'markdown']);

export function layout(n, e) {
  if ('width' in e) {
    const w = e.width;
    // Left-aligned text looks the same at its content's width or the container's, and a
    // fit-content width makes the browser measure each block's lines: on a page of 10,000 text
    // lines that doubled the layout of every rerun (benchmarks S9). Such text keeps the flow.
    const flows = FLOWING.has(e.k) && (!e.text_alignment || e.text_alignment === 'left');
    n.classList.toggle('rr-wcontent', w === 'content' && !flows);
    n.classList.toggle('rr-wpx', typeof w === 'number');
    n.style.width = typeof w === 'number' ? w + 'px' : '';
  }
  if ('text_alignment' in e) n.style.textAlign = e.text_alignment && e.text_alignment !== 'left' ? e.text_alignment : '';
  if ('wrap' in e) n.classList.toggle('rr-nowrap', e.wrap === false);
}

export function create(e, path, ctx) {
  const k = kindOf(e), m = mods.get(k);
  let r;
  if (m) {
    try { r = m.default(e, { ...ctx, path }); } catch (err) { console.error('rr: cannot draw', e, err); }
  } else console.error(`rr: no module for element kind "${k}" at ${path}`);
  if (!r?.node) r = { node: h('div', { class: 'rr-unknown', text: `[cannot show element of kind "${k}"]` }), update() {} };
  const n = r.node;
  r.k = e.k;
  n.rr = r;
  n.dataset.path = path;
  n.dataset.kind = e.k;
  layout(n, e);
  if (e.k === 'block') {
    r.type = e.type;
    n.dataset.type = e.type;
    n.classList.add('rr-b');
  }
  return n;
}
