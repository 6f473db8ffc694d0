// A Vega-Lite spec drawn by vega-embed (vendor/vega*, loaded with the first such chart).
// A new spec for the same node re-embeds into it; the node stays. With on_select (`id` set),
// the selection parameters in `modes` are watched and sent as Streamlit shapes them: a point
// selection as its list of points' fields, an interval as {field: [low, high]}.
import { h } from '../dom.js';
import { loadInOrder, onTheme, theme } from '../vendor.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'selection', 'modes', 'spec', 'width', 'height', 'theme', 'alt'];
const WAIT = 150; // ms: a brush sends once it rests, not on every mouse move
const LIB = ['vega-6.4.0/build/vega.min.js', 'vega-lite-6.4.1/build/vega-lite.min.js', 'vega-embed-7.3.0/build/vega-embed.min.js'];
let ready;
const vega = () => (ready ??= loadInOrder(LIB).then(() => window.vegaEmbed));

function config(t) {
  const axis = { labelColor: t.muted, titleColor: t.fg, gridColor: t.line, domainColor: t.line, tickColor: t.line, labelFont: t.font, titleFont: t.font, titleFontWeight: 600 };
  return {
    background: null, font: t.font, view: { stroke: null },
    axis, legend: { labelColor: t.muted, titleColor: t.fg, labelFont: t.font, titleFont: t.font },
    title: { color: t.fg, font: t.font, subtitleColor: t.muted }, header: { labelColor: t.muted, titleColor: t.fg },
    range: { category: t.palette }, mark: { color: t.accent }, arc: { fill: t.accent }, area: { fill: t.accent },
    bar: { fill: t.accent }, line: { stroke: t.accent }, point: { stroke: t.accent }, rect: { fill: t.accent },
  };
}

export default function mount(e, ctx) {
  const box = h('div', { class: 'rr-vega-box' });
  const node = h('div', { class: 'rr-vega' }, box);
  let cur = e, view = null, shown = '', dead = false, seq = 0, sel = {}, sent = '';
  const timers = new Map();
  const empty = (e) => Object.fromEntries((e.modes || []).map((m) => [m, {}]));
  const send = () => {
    const v = JSON.stringify(sel);
    if (v === sent || !cur.id || cur.form) return;
    sent = v;
    ctx.send({ t: 'set', id: cur.id, v: JSON.parse(v) });
  };
  const watch = (v) => {
    if (!cur.id) return;
    for (const m of cur.modes || []) {
      v.addSignalListener(m, (name, value) => {
        clearTimeout(timers.get(name));
        timers.set(name, setTimeout(() => {
          const points = value?.vlPoint?.or;
          sel = { ...sel, [name]: (points ?? value) || {} };
          send();
        }, WAIT));
      });
    }
  };
  const draw = async () => {
    const key = JSON.stringify([cur.spec, cur.width, cur.height, cur.theme, cur.id, cur.modes]);
    if (key === shown && view) return;
    shown = key;
    const embed = await vega();
    if (dead) return;
    const mine = ++seq, e = cur;
    const spec = { ...e.spec };
    if (e.width === 'stretch') { spec.width = 'container'; spec.autosize = { type: 'fit-x', contains: 'padding', ...(spec.autosize || {}) }; }
    else if (typeof e.width === 'number') spec.width = e.width;
    if (e.height) spec.height = e.height;
    const opts = { actions: false, renderer: 'svg', config: e.theme === 'streamlit' ? config(theme()) : undefined, tooltip: true };
    try {
      view?.finalize(); // its listeners go; its drawing stays until the new one replaces it
      view = null;
      const res = await embed(box, spec, opts);
      if (mine !== seq || dead) { res.finalize(); return; }
      view = res;
      watch(res.view);
    } catch (err) {
      console.error('rr: vega-embed', err);
      box.replaceChildren(h('div', { class: 'rr-chart-error', text: 'This chart could not be drawn: ' + (err?.message || err) }));
    }
  };
  const stop = onTheme(() => { shown = ''; draw(); });
  const update = (e) => {
    if (e.id !== cur.id || !e.id) { sel = empty(e); sent = JSON.stringify(sel); }
    cur = e;
    node.classList.toggle('rr-vega-stretch', e.width === 'stretch');
    if (e.alt) node.setAttribute('aria-label', e.alt); else node.removeAttribute('aria-label');
    node.setAttribute('role', 'figure');
    node.dataset.widgetId = e.id || '';
    if (e.form) node.dataset.rrForm = e.form; else delete node.dataset.rrForm;
    draw();
  };
  sel = empty(e);
  sent = JSON.stringify(sel);
  update(e);
  const gone = () => { dead = true; stop(); for (const t of timers.values()) clearTimeout(t); view?.finalize(); view = null; };
  return { node, update, gone, w: !!e.id, id: e.id, get: () => sel, set: () => {} };
}
