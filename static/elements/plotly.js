// A Plotly figure, drawn by the plotly.js of the server's plotly package (served at
// _rr/plotly/<version>/plotly.min.js, loaded with the first Plotly chart). Plotly.react
// redraws in place on update.
import { h } from '../dom.js';
import { load, onTheme, theme } from '../vendor.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'selection', 'modes', 'figure', 'config', 'width', 'height', 'theme', 'js', 'integrity', 'alt'];

const EMPTY = () => ({ points: [], point_indices: [], box: [], lasso: [] });
const snake = (k) => k.replace(/\./g, '_').replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
const plain = (v) => v == null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x == null || typeof x !== 'object'));

// A plotly_selected event as Streamlit reports it.
function selection(ev) {
  const out = EMPTY(), seen = new Set();
  for (const p of ev?.points || []) {
    const pt = {};
    for (const [k, v] of Object.entries(p)) if (!['data', 'fullData', 'xaxis', 'yaxis', 'bbox'].includes(k) && plain(v)) pt[snake(k)] = v;
    if (p.data?.legendgroup) pt.legendgroup = p.data.legendgroup;
    out.points.push(pt);
    if (Number.isInteger(p.pointIndex)) seen.add(p.pointIndex);
    for (const i of p.pointIndices || []) seen.add(i);
  }
  out.point_indices = [...seen];
  const num = (a, b) => [a, b].sort((x, y) => x - y);
  for (const s of ev?.selections || []) {
    if (s.type === 'rect') out.box.push({ xref: s.xref, yref: s.yref, x: num(s.x0, s.x1), y: num(s.y0, s.y1) });
    else if (s.type === 'path' && typeof s.path === 'string') {
      const xs = [], ys = [];
      for (const m of s.path.matchAll(/[ML]\s*([-\d.eE+]+)\s*,\s*([-\d.eE+]+)/g)) { xs.push(+m[1]); ys.push(+m[2]); }
      out.lasso.push({ xref: s.xref, yref: s.yref, x: xs, y: ys });
    }
  }
  if (!ev?.selections) { // older plotly.js: the gesture's own range
    if (ev?.range?.x) out.box.push({ xref: 'x', yref: 'y', x: num(...ev.range.x), y: num(...ev.range.y) });
    if (ev?.lassoPoints?.x) out.lasso.push({ xref: 'x', yref: 'y', x: ev.lassoPoints.x, y: ev.lassoPoints.y });
  }
  return out;
}

function themed(layout, t) {
  const axis = (a) => ({ gridcolor: t.line, linecolor: t.line, zerolinecolor: t.line, automargin: true, ...a });
  const out = { paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: 'rgba(0,0,0,0)', colorway: t.palette, ...layout };
  out.font = { family: t.font, color: t.fg, ...(layout.font || {}) };
  for (const k of Object.keys(out)) if (/^[xy]axis\d*$/.test(k)) out[k] = axis(out[k]);
  out.xaxis = axis(out.xaxis); out.yaxis = axis(out.yaxis);
  out.legend = { font: { color: t.fg }, ...(layout.legend || {}) };
  out.modebar = { bgcolor: 'rgba(0,0,0,0)', color: t.muted, activecolor: t.fg, ...(layout.modebar || {}) };
  // tight margins that grow for tick labels (automargin), room at the top for the mode bar or a title
  out.margin = { t: layout.title?.text || typeof layout.title === 'string' ? 60 : 32, r: 8, b: 8, l: 8, ...(layout.margin || {}) };
  return out;
}

export default function mount(e, ctx) {
  const box = h('div', { class: 'rr-plotly-box' });
  const node = h('div', { class: 'rr-plotly' }, box);
  let cur = e, dead = false, drawn = false, shown = '', listening = false, sel = EMPTY(), sent = JSON.stringify(sel);
  const send = (v) => {
    sel = v;
    const text = JSON.stringify(v);
    if (text === sent || !cur.id || cur.form) return;
    sent = text;
    ctx.send({ t: 'set', id: cur.id, v });
  };
  const draw = async (force) => {
    const e = cur;
    const key = JSON.stringify([e.figure, e.config, e.width, e.height, e.theme, e.js, e.id, e.modes]);
    if (key === shown && !force) return; // an echo of the selection: keep what the user drew
    shown = key;
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
    if (e.id) { // selections on: clicks select, a drag draws the first mode's shape
      const modes = e.modes || [];
      layout.clickmode = modes.includes('points') ? 'event+select' : 'event';
      layout.hovermode ??= 'closest';
      layout.dragmode ??= modes.includes('box') ? 'select' : modes.includes('lasso') ? 'lasso' : 'pan';
      const drop = [!modes.includes('box') && 'select2d', !modes.includes('lasso') && 'lasso2d'].filter(Boolean);
      config.modeBarButtonsToRemove = [...(config.modeBarButtonsToRemove || []), ...drop];
    }
    await window.Plotly.react(box, e.figure.data, e.theme === 'streamlit' ? themed(layout, theme()) : layout, config);
    drawn = true;
    if (!listening && box.on) {
      listening = true;
      box.on('plotly_selected', (ev) => { if (ev) send(selection(ev)); });
      box.on('plotly_deselect', () => send(EMPTY()));
    }
  };
  const stop = onTheme(() => draw(true));
  const update = (e) => {
    if (e.id !== cur.id) { sel = EMPTY(); sent = JSON.stringify(sel); }
    cur = e;
    if (e.alt) node.setAttribute('aria-label', e.alt); else node.removeAttribute('aria-label');
    node.setAttribute('role', 'figure');
    node.dataset.widgetId = e.id || '';
    if (e.form) node.dataset.rrForm = e.form; else delete node.dataset.rrForm;
    draw();
  };
  update(e);
  return { node, update, w: !!e.id, id: e.id, get: () => sel, set: () => {}, gone: () => { dead = true; stop(); if (drawn) window.Plotly?.purge(box); } };
}
