// A Plotly figure, drawn by the plotly.js of the server's plotly package (served at
// _rr/plotly/<version>/plotly.min.js, loaded with the first Plotly chart). Plotly.react
// redraws in place on update.
import { h } from '../dom.js';
import { load, onTheme, theme } from '../vendor.js';

export const props = ['figure', 'config', 'width', 'height', 'theme', 'js', 'integrity'];

function themed(layout, t) {
  const axis = (a) => ({ gridcolor: t.line, linecolor: t.line, zerolinecolor: t.line, ...a });
  const out = { paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: 'rgba(0,0,0,0)', colorway: t.palette, ...layout };
  out.font = { family: t.font, color: t.fg, ...(layout.font || {}) };
  for (const k of Object.keys(out)) if (/^[xy]axis\d*$/.test(k)) out[k] = axis(out[k]);
  out.xaxis = axis(out.xaxis); out.yaxis = axis(out.yaxis);
  out.legend = { font: { color: t.fg }, ...(layout.legend || {}) };
  return out;
}

export default function mount(e) {
  const box = h('div', { class: 'rr-plotly-box' });
  const node = h('div', { class: 'rr-plotly' }, box);
  let cur = e, dead = false, drawn = false;
  const draw = async () => {
    const e = cur;
    if (!e.js) { box.replaceChildren(h('div', { class: 'rr-chart-error', text: 'Plotly charts need the plotly package on the server (pip install plotly).' })); return; }
    try { await load(new URL(`../../../plotly/${e.js}/plotly.min.js`, import.meta.url).href, e.integrity); } catch (err) {
      box.replaceChildren(h('div', { class: 'rr-chart-error', text: 'plotly.js did not load.' })); console.error(err); return;
    }
    if (dead || e !== cur) return;
    const layout = { ...e.figure.layout };
    if (e.width === 'stretch') { delete layout.width; layout.autosize = true; } else if (typeof e.width === 'number') layout.width = e.width;
    if (e.height) layout.height = e.height; else layout.height ??= 450;
    box.style.height = layout.height + 'px';
    const config = { displaylogo: false, responsive: e.width === 'stretch', ...e.config };
    await window.Plotly.react(box, e.figure.data, e.theme === 'streamlit' ? themed(layout, theme()) : layout, config);
    drawn = true;
  };
  const stop = onTheme(() => draw());
  const update = (e) => { cur = e; draw(); };
  update(e);
  return { node, update, gone: () => { dead = true; stop(); if (drawn) window.Plotly?.purge(box); } };
}
