// The built-in charts (line, area, bar, scatter), drawn by uPlot (vendor/uplot-*), loaded with the
// first chart. The server sends uPlot's columns (x, then one list per series, stacked already);
// lines use uPlot's own paths, areas, bars and points are drawn here on uPlot's canvas.
// A new run's data goes through setData: the node and the uPlot instance stay.
import { h } from '../dom.js';
import { load, onTheme, theme } from '../vendor.js';

export const props = ['mark', 'data', 'series', 'xtype', 'cats', 'x_label', 'y_label', 'stack', 'horizontal', 'sizes', 'width', 'height', 'alt'];

const LIB = ['uplot-1.6.32/dist/uPlot.min.css', 'uplot-1.6.32/dist/uPlot.iife.min.js'];
let ready;
const uplot = () => (ready ??= Promise.all(LIB.map((f) => load(f))).then(() => window.uPlot)); // CSS and JS at once
uplot(); // as soon as this module is in: the first chart's data may still be on its way
const HEIGHT = 350;

const alpha = (c, a) => `color-mix(in srgb, ${c} ${Math.round(a * 100)}%, transparent)`;
const num = new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 });
const pct = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const trunc = (s) => (s.length > 18 ? s.slice(0, 17) + '…' : s);

// A column arrives as base64 of little-endian Float32/Float64 values ({t, h, nan, b}), as the
// rule of an evenly spaced column ({t: 'seq', start, step, n}), or as its hash alone when the
// chart already shows it (`kept`: hash -> decoded column).
const fromB64 = Uint8Array.fromBase64 ? (b) => Uint8Array.fromBase64(b) : (b) => {
  const s = atob(b), out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
};
function column(c, kept) {
  if (c.t === 'seq') { // evenly spaced: start + i * step, as the server checked it
    const a = new Float64Array(c.n);
    for (let i = 0; i < c.n; i++) a[i] = c.start + i * c.step;
    return a;
  }
  if (c.b == null) {
    const have = kept.get(c.h);
    if (!have) console.error('rr: chart column not kept', c.h);
    return have || [];
  }
  const buf = fromB64(c.b).buffer;
  const arr = c.t === 'f4' ? new Float32Array(buf) : new Float64Array(buf);
  return c.nan ? Array.from(arr, (v) => (v === v ? v : null)) : arr; // uPlot's gaps are null
}
function decode(e, kept) {
  const now = new Map(), get = (c) => { const a = column(c, kept); now.set(c.h, a); return a; };
  const data = e.data.map(get);
  const sizes = Array.isArray(e.sizes) ? e.sizes.map(get) : e.sizes;
  return [{ ...e, data, sizes }, now];
}

export default function mount(e) {
  const plot = h('div', { class: 'rr-chart-plot' });
  const legend = h('div', { class: 'rr-chart-legend' });
  const tip = h('div', { class: 'rr-chart-tip', hidden: true });
  const node = h('div', { class: 'rr-chart', role: 'figure' }, plot, legend);
  let cur = e, u = null, shape = '', dead = false, colors = [], width = 0, kept = new Map();

  const shapeOf = (e) => JSON.stringify([e.mark, e.series, e.xtype, e.x_label, e.y_label, e.stack, e.horizontal,
    typeof e.sizes === 'number' ? e.sizes : e.sizes == null, e.height]);

  function build() {
    if (dead || !window.uPlot) return;
    u?.destroy();
    u = null;
    shape = shapeOf(cur);
    plot.replaceChildren();
    if (!cur.series.length || !cur.data[0]?.length) { // nothing to draw: say so, at the chart's size
      plot.append(h('div', { class: 'rr-chart-empty', text: 'No data to show', style: `height:${cur.height || HEIGHT}px` }));
      legend.hidden = true;
      return;
    }
    width = plot.clientWidth || node.clientWidth || 600;
    const t = theme();
    colors = cur.series.map((s, i) => s.color || (cur.series.length === 1 ? t.accent : t.palette[i % t.palette.length]));
    u = new window.uPlot(options(cur, t, width), data(cur), plot);
    performance.mark('rr-chart-drawn'); // benchmarks/charts.py reads these marks
    u.over.append(tip);
    drawLegend();
  }

  function drawLegend() {
    legend.replaceChildren();
    legend.hidden = cur.series.length < 2;
    cur.series.forEach((s, i) => {
      const item = h('button', { type: 'button', class: 'rr-chart-key', 'aria-pressed': 'true', title: 'Show or hide ' + s.name },
        h('span', { class: 'rr-chart-swatch', style: `background:${colors[i]}` }), s.name);
      item.onclick = () => {
        const on = !u.series[i + 1].show;
        u.setSeries(i + 1, { show: on });
        item.setAttribute('aria-pressed', String(on));
      };
      legend.append(item);
    });
  }

  function options(e, t, width) {
    const hz = e.mark === 'bar' && e.horizontal;
    const font = `12px ${t.font}`, labelFont = `600 12px ${t.font}`;
    const xAxis = {
      scale: 'x', side: hz ? 3 : 2, stroke: t.muted, font, labelFont, label: e.x_label ?? undefined,
      grid: { show: e.xtype !== 'cat', stroke: t.line, width: 1 }, ticks: { stroke: t.line, width: 1, size: 4 },
    };
    const yAxis = {
      scale: 'y', side: hz ? 2 : 3, stroke: t.muted, font, labelFont, label: e.y_label ?? undefined,
      grid: { stroke: t.line, width: 1 }, ticks: { show: false },
    };
    if (e.xtype === 'cat') {
      xAxis.splits = (u, ai, min, max) => {
        const n = (cur.cats || []).length, room = hz ? u.bbox.height / devicePixelRatio / 22 : u.bbox.width / devicePixelRatio / 70;
        const step = Math.max(1, Math.ceil(n / Math.max(1, room))), out = [];
        for (let i = Math.max(0, Math.ceil(min)); i <= Math.min(n - 1, max); i += step) out.push(i);
        return out;
      };
      xAxis.values = (u, splits) => splits.map((v) => trunc(cur.cats?.[v] ?? ''));
    }
    if (e.stack === 'normalize') yAxis.values = (u, splits) => splits.map((v) => pct.format(v));
    const vertical = hz ? xAxis : yAxis; // the axis along the left edge sizes itself to its labels
    vertical.size = (u, values, ai, cycle) => {
      const axis = u.axes[ai];
      if (cycle > 1) return axis._size;
      u.ctx.font = font;
      const widest = Math.max(0, ...(values || []).map((v) => u.ctx.measureText(String(v)).width));
      return Math.ceil(widest) + 16 + (axis.label ? 20 : 0);
    };
    const n = e.data[0]?.length || 0;
    const scales = {
      x: { time: e.xtype === 'time', ori: hz ? 1 : 0, dir: 1 },
      y: { ori: hz ? 0 : 1, dir: 1 },
    };
    if (e.xtype === 'cat') scales.x.range = () => [-0.5, Math.max(0, (cur.cats || []).length - 0.5)];
    if (hz) scales.x.dir = -1;
    if (e.mark === 'bar' || e.mark === 'area') {
      scales.y.range = (u, min, max) => {
        const lo = Math.min(0, min ?? 0), hi = Math.max(0, max ?? 1);
        if (e.stack === 'normalize') return [Math.min(0, lo), 1];
        return window.uPlot.rangeNum(lo, hi === lo ? lo + 1 : hi, 0.1, true);
      };
    }
    if (e.mark === 'scatter') { // room around the outermost points
      const pad = (u, min, max) => window.uPlot.rangeNum(min ?? 0, max ?? 1, 0.08, true);
      scales.y.range = pad;
      if (e.xtype === 'num') scales.x.range = pad;
    }
    const series = [{ label: e.x_label || 'x', value: (u, v) => xText(v) }];
    e.series.forEach((s, i) => {
      const c = colors[i];
      const o = { label: s.name, stroke: c, spanGaps: true, width: 2, points: { show: false } };
      if (e.mark === 'line') o.points = { show: n <= 12, size: 6, fill: c, stroke: c };
      else o.paths = e.mark === 'bar' ? bars : e.mark === 'area' ? area : scatter;
      series.push(o);
    });
    return {
      width, height: e.height || HEIGHT, series, scales, axes: [xAxis, yAxis], legend: { show: false },
      padding: [12, 12, 0, 0], pxAlign: 0,
      cursor: { drag: { x: e.mark !== 'bar', y: false }, points: { show: e.mark === 'line', size: 7, width: 2 }, focus: { prox: 24 } },
      focus: { alpha: 1 },
      tzDate: (ts) => window.uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
      hooks: { setCursor: [showTip], ready: [(u) => u.root.setAttribute('aria-label', cur.alt || '')] },
    };
  }

  const xText = (v) => {
    if (v == null) return '';
    if (cur.xtype === 'cat') return cur.cats?.[v] ?? '';
    if (cur.xtype === 'time') {
      const d = new Date(v * 1e3);
      return d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds() ? d.toISOString().replace('T', ' ').replace(/(:00)?\.000Z$/, '') : d.toISOString().slice(0, 10);
    }
    return num.format(v);
  };

  // the value a series shows at row i (stacked: its own part, not the running total)
  const own = (si, i) => {
    const v = u.data[si][i];
    if (v == null) return null;
    if (!cur.stack || cur.stack === 'group') return v;
    const below = si > 1 ? u.data[si - 1][i] : cur.stack === 'center' ? -u.data[u.data.length - 1][i] : 0;
    return v - (below ?? 0);
  };

  function showTip(u) {
    const i = u.cursor.idx;
    if (i == null || u.cursor.left < 0) { tip.hidden = true; return; }
    const rows = [];
    for (let si = 1; si < u.data.length; si++) {
      if (!u.series[si].show) continue;
      const v = own(si, i);
      if (v == null) continue;
      rows.push(h('div', { class: 'rr-chart-row' }, h('span', { class: 'rr-chart-swatch', style: `background:${colors[si - 1]}` }),
        h('span', { text: cur.series[si - 1].name }), h('b', { text: cur.stack === 'normalize' ? pct.format(v) : num.format(v) })));
    }
    if (!rows.length) { tip.hidden = true; return; }
    tip.replaceChildren(h('div', { class: 'rr-chart-x', text: xText(u.data[0][i]) }), ...rows);
    tip.hidden = false;
    const W = u.over.clientWidth, H = u.over.clientHeight, tw = tip.offsetWidth, th = tip.offsetHeight;
    let x = u.cursor.left + 14, y = u.cursor.top + 14;
    if (x + tw > W) x = Math.max(0, u.cursor.left - tw - 14);
    if (y + th > H) y = Math.max(0, u.cursor.top - th - 14);
    tip.style.transform = `translate(${x}px, ${y}px)`;
  }

  // canvas position of (x value, y value), whichever way the chart is turned
  const at = (u, xv, yv) => {
    const px = u.valToPos(xv, 'x', true), py = u.valToPos(yv, 'y', true);
    return u.scales.x.ori === 1 ? [py, px] : [px, py];
  };
  const clip = (u) => { u.ctx.save(); u.ctx.beginPath(); u.ctx.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height); u.ctx.clip(); };

  // an area: from the series below (stacked), the baseline, or zero, up to this series
  function area(u, si) {
    const xs = u.data[0], ys = u.data[si], ctx = u.ctx, n = xs.length;
    const low = (i) => (cur.stack && si > 1 ? u.data[si - 1][i] ?? 0 : cur.stack === 'center' ? -(u.data[u.data.length - 1][i] ?? 0) : 0);
    clip(u);
    ctx.lineWidth = 1.5 * devicePixelRatio;
    ctx.strokeStyle = colors[si - 1];
    ctx.fillStyle = alpha(colors[si - 1], cur.stack ? 0.75 : 0.35);
    let run = [];
    const flush = () => {
      if (!run.length) return;
      const top = new Path2D(), fill = new Path2D();
      run.forEach((i, k) => { const [x, y] = at(u, xs[i], ys[i]); top[k ? 'lineTo' : 'moveTo'](x, y); fill[k ? 'lineTo' : 'moveTo'](x, y); });
      for (let k = run.length - 1; k >= 0; k--) { const [x, y] = at(u, xs[run[k]], low(run[k])); fill.lineTo(x, y); }
      fill.closePath();
      ctx.fill(fill);
      ctx.stroke(top);
      run = [];
    };
    for (let i = 0; i < n; i++) { if (ys[i] == null) flush(); else run.push(i); }
    flush();
    ctx.restore();
    return null;
  }

  // bars: categories are 0..n-1 on x; stacked bars start at the series below, grouped ones share the slot
  function bars(u, si) {
    const xs = u.data[0], ys = u.data[si], ctx = u.ctx, ns = u.data.length - 1;
    const slot = Math.abs(u.valToPos(1, 'x', true) - u.valToPos(0, 'x', true)) * 0.8;
    const group = cur.stack === 'group', shown = u.series.filter((s, k) => k > 0 && s.show).length || 1;
    const rank = u.series.slice(1, si).filter((s) => s.show).length;
    const w = group ? slot / shown : slot;
    clip(u);
    ctx.fillStyle = cur.stack === null ? alpha(colors[si - 1], ns > 1 ? 0.7 : 1) : colors[si - 1];
    const hz = u.scales.x.ori === 1;
    for (let i = 0; i < xs.length; i++) {
      const v = ys[i];
      if (v == null) continue;
      const base = cur.stack && !group ? (si > 1 ? u.data[si - 1][i] ?? 0 : cur.stack === 'center' ? -(u.data[ns][i] ?? 0) : 0) : 0;
      const c = u.valToPos(xs[i], 'x', true) + (group ? (rank - shown / 2) * w : -w / 2);
      const a = u.valToPos(base, 'y', true), b = u.valToPos(v, 'y', true);
      const gap = group && shown > 1 ? Math.min(2 * devicePixelRatio, w * 0.15) : 0;
      if (hz) ctx.fillRect(Math.min(a, b), c + gap / 2, Math.abs(b - a), w - gap);
      else ctx.fillRect(c + gap / 2, Math.min(a, b), w - gap, Math.abs(b - a));
    }
    ctx.restore();
    return null;
  }

  // points: one circle per value; `sizes` gives every point's area (px²) or one for all
  function scatter(u, si) {
    const xs = u.data[0], ys = u.data[si], ctx = u.ctx, sizes = cur.sizes;
    let scale = null, lo = Infinity, hi = -Infinity;
    if (Array.isArray(sizes)) {
      for (const col of sizes) for (const s of col) if (s != null) { lo = Math.min(lo, s); hi = Math.max(hi, s); }
      scale = (s) => 16 + (hi > lo ? (s - lo) / (hi - lo) : 0.5) * 384;
    }
    const fixed = typeof sizes === 'number' ? sizes : 28;
    clip(u);
    ctx.fillStyle = alpha(colors[si - 1], 0.7);
    ctx.strokeStyle = colors[si - 1];
    ctx.lineWidth = devicePixelRatio;
    const p = new Path2D();
    for (let i = 0; i < xs.length; i++) {
      if (ys[i] == null || xs[i] == null) continue;
      const s = scale ? scale(sizes[si - 1]?.[i] ?? lo) : fixed;
      const r = Math.max(1, Math.sqrt(s / Math.PI)) * devicePixelRatio;
      const [x, y] = at(u, xs[i], ys[i]);
      p.moveTo(x + r, y);
      p.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.fill(p);
    ctx.stroke(p);
    ctx.restore();
    return null;
  }
  const data = (e) => e.data;

  const size = () => {
    if (!u) return;
    const w = plot.clientWidth;
    if (w && Math.abs(w - width) >= 1) { width = w; u.setSize({ width: w, height: cur.height || HEIGHT }); }
  };
  const ro = new ResizeObserver(size);
  ro.observe(plot);
  const stopTheme = onTheme(() => build());

  const update = (wire) => {
    performance.mark('rr-chart-data');
    const [e, now] = decode(wire, kept);
    performance.mark('rr-chart-decoded');
    kept = now;
    const same = shapeOf(e) === shape;
    cur = e;
    node.style.maxWidth = typeof e.width === 'number' ? e.width + 'px' : '';
    node.setAttribute('aria-label', e.alt || `${e.mark} chart`);
    plot.style.minHeight = (e.height || HEIGHT) + 'px';
    if (!window.uPlot) return;
    if (same && u) { u.setData(data(e)); performance.mark('rr-chart-drawn'); } else build();
  };
  update(e);
  uplot().then(build, (err) => { node.replaceChildren(h('div', { class: 'rr-chart-error', text: 'The chart library did not load.' })); console.error(err); });

  const gone = () => { dead = true; ro.disconnect(); stopTheme(); u?.destroy(); u = null; };
  return { node, update, gone };
}
