// An Apache ECharts chart (vendor/echarts-*, loaded with the first such chart). setOption updates
// it in place; with on_select (`id` set) ECharts' point selection and brush are sent as Streamlit
// shapes them: {selected: [{series_index, series_id, series_name, data_type, data_indices}],
// areas: [{brush_index, brush_type, coord_range}]}.
import { h } from '../dom.js';
import { load, onTheme, theme } from '../vendor.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'selection', 'option', 'width', 'height', 'theme', 'renderer', 'alt'];
const LIB = 'echarts-6.1.0/dist/echarts.min.js';
const HEIGHT = 400, WAIT = 150;
let ready;
const lib = () => (ready ??= load(LIB).then(() => window.echarts));

function look(t) { // the page's theme as an ECharts theme
  const axis = { axisLine: { lineStyle: { color: t.line } }, axisTick: { lineStyle: { color: t.line } }, axisLabel: { color: t.muted }, splitLine: { lineStyle: { color: [t.line] } }, nameTextStyle: { color: t.muted } };
  return {
    color: t.palette, backgroundColor: 'transparent', textStyle: { fontFamily: t.font, color: t.fg },
    title: { textStyle: { color: t.fg }, subtextStyle: { color: t.muted } }, legend: { textStyle: { color: t.fg } },
    tooltip: { backgroundColor: t.bg, borderColor: t.line, textStyle: { color: t.fg } },
    categoryAxis: axis, valueAxis: axis, timeAxis: axis, logAxis: axis,
  };
}

export default function mount(e, ctx) {
  const box = h('div', { class: 'rr-echarts-box' });
  const node = h('div', { class: 'rr-echarts', role: 'img' }, box);
  let cur = e, chart = null, made = '', shown = '', dead = false, timer = 0, sent = '';
  let native = [], brushed = [], areas = [];
  const userId = (i) => { const s = cur.option?.series; const one = Array.isArray(s) ? s[i] : i === 0 ? s : null; return one || {}; };
  const send = () => {
    const by = new Map();
    for (const s of [...native, ...brushed]) {
      const idx = [].concat(s.dataIndex ?? []), k = s.seriesIndex + ':' + (s.dataType || 'main');
      if (!idx.length) continue;
      if (!by.has(k)) by.set(k, { series_index: s.seriesIndex, series_id: userId(s.seriesIndex).id ?? null, series_name: userId(s.seriesIndex).name ?? null, data_type: s.dataType || 'main', data_indices: new Set() });
      for (const i of idx) by.get(k).data_indices.add(i);
    }
    const selected = [...by.values()].map((s) => ({ ...s, data_indices: [...s.data_indices].sort((a, b) => a - b) }));
    const v = { selected, areas };
    const text = JSON.stringify(v);
    if (text === sent || !cur.id || cur.form) return;
    sent = text;
    ctx.send({ t: 'set', id: cur.id, v });
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(send, WAIT); };
  const draw = async () => {
    let ec;
    try { ec = await lib(); } catch (err) {
      box.replaceChildren(h('div', { class: 'rr-chart-error', text: 'The chart library did not load.' })); console.error(err); return;
    }
    if (dead) return;
    const e = cur, kind = JSON.stringify([e.theme === 'streamlit' ? look(theme()) : null, e.renderer]);
    box.style.height = (e.height || HEIGHT) + 'px';
    if (kind !== made) { // a new theme or renderer: a new ECharts instance in the same node
      chart?.dispose();
      made = kind;
      shown = '';
      chart = ec.init(box, e.theme === 'streamlit' ? look(theme()) : null, { renderer: e.renderer || 'canvas' });
      chart.on('selectchanged', (ev) => { native = (ev.selected || []).map((s) => ({ seriesIndex: s.seriesIndex, dataIndex: s.dataIndex })); later(); });
      chart.on('brushSelected', (ev) => {
        const b = ev.batch?.[0] || {};
        brushed = (b.selected || []).map((s) => ({ seriesIndex: s.seriesIndex, dataIndex: s.dataIndex }));
        areas = (b.areas || []).filter((a) => a.coordRange).map((a, i) => ({ brush_index: i, brush_type: a.brushType, coord_range: a.coordRange }));
        later();
      });
    }
    const key = JSON.stringify(e.option);
    if (key !== shown) { shown = key; chart.setOption(e.option, { notMerge: true }); }
    chart.resize();
  };
  const ro = new ResizeObserver(() => chart?.resize());
  ro.observe(box);
  const stop = onTheme(() => draw());
  const update = (e) => {
    if (e.id !== cur.id) { native = []; brushed = []; areas = []; sent = ''; }
    cur = e;
    node.style.maxWidth = typeof e.width === 'number' ? e.width + 'px' : '';
    if (e.alt) node.setAttribute('aria-label', e.alt); else node.removeAttribute('aria-label');
    node.dataset.widgetId = e.id || '';
    if (e.form) node.dataset.rrForm = e.form; else delete node.dataset.rrForm;
    draw();
  };
  update(e);
  sent = JSON.stringify({ selected: [], areas: [] });
  const gone = () => { dead = true; clearTimeout(timer); ro.disconnect(); stop(); chart?.dispose(); chart = null; };
  return { node, update, gone, w: !!e.id, id: e.id, get: () => JSON.parse(sent), set: () => {} };
}
