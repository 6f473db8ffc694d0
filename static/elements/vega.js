// A Vega-Lite spec drawn by vega-embed (vendor/vega*, loaded with the first such chart).
// A new spec for the same node re-embeds into it; the node stays.
import { h } from '../dom.js';
import { loadInOrder, onTheme, theme } from '../vendor.js';

export const props = ['spec', 'width', 'height', 'theme'];
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

export default function mount(e) {
  const box = h('div', { class: 'rr-vega-box' });
  const node = h('div', { class: 'rr-vega' }, box);
  let cur = e, view = null, shown = '', dead = false, seq = 0;
  const draw = async () => {
    const key = JSON.stringify(cur);
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
    } catch (err) {
      console.error('rr: vega-embed', err);
      box.replaceChildren(h('div', { class: 'rr-chart-error', text: 'This chart could not be drawn: ' + (err?.message || err) }));
    }
  };
  const stop = onTheme(() => { shown = ''; draw(); });
  const update = (e) => {
    cur = e;
    node.classList.toggle('rr-vega-stretch', e.width === 'stretch');
    draw();
  };
  update(e);
  return { node, update, gone: () => { dead = true; stop(); view?.finalize(); view = null; } };
}
