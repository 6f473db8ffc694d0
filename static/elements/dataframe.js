// rr.dataframe: a virtual-scrolling grid (ARIA grid pattern). Only the rows in view are in the
// DOM. A small table's rows come in the element; a large one's (`e.data` set) come a window at
// a time: a `rows` request, answered by a `rows` op outside the numbered frames (client.js
// hands it to `tables`). Sorting: in the browser for a small table, on the server for a large one.
// Chrome caps an element's height near 16.7 M px: past MAX_PX the scroll space is scaled.
import { h, tables } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'selection', 'modes', 'data', 'n', 'cols', 'rows', 'width', 'height', 'row_height', 'alt'];

const MAX_PX = 8e6, BLOCK = 100, KEEP = 60; // scroll space cap; rows per fetched block; blocks kept

// ---- cells: shared with table.js ------------------------------------------------------------
const NAMED = {
  plain: (v) => String(v),
  localized: (v) => v.toLocaleString(),
  percent: (v) => new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 }).format(v),
  dollar: (v) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(v),
  euro: (v) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(v),
  yen: (v) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'JPY' }).format(v),
  accounting: (v) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', currencySign: 'accounting' }).format(v),
  compact: (v) => new Intl.NumberFormat(undefined, { notation: 'compact' }).format(v),
  scientific: (v) => new Intl.NumberFormat(undefined, { notation: 'scientific' }).format(v),
  engineering: (v) => new Intl.NumberFormat(undefined, { notation: 'engineering' }).format(v),
};
const group = (s) => s.replace(/^(-?\d+)/, (m) => m.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

// printf-style: "%d", "%.2f", "$%,.1f", "%e", "%s", "%%"
export function printf(fmt, v) {
  return fmt.replace(/%([,+ 0-]*)(\d+)?(?:\.(\d+))?([dfieugs%])/g, (m, flags, width, prec, t) => {
    if (t === '%') return '%';
    let s;
    if (t === 's') s = String(v);
    else if (t === 'd' || t === 'i' || t === 'u') s = String(Math.round(v));
    else if (t === 'e') s = v.toExponential(prec == null ? 6 : +prec);
    else if (t === 'g') s = String(+v.toPrecision(prec == null ? 6 : Math.max(1, +prec)));
    else s = v.toFixed(prec == null ? 6 : +prec);
    if (flags.includes(',')) s = group(s);
    if (flags.includes('+') && v >= 0) s = '+' + s;
    if (width && s.length < +width) s = flags.includes('-') ? s.padEnd(+width) : s.padStart(+width, flags.includes('0') ? '0' : ' ');
    return s;
  });
}

export function text(col, v) {
  if (v == null) return '';
  if (Array.isArray(v)) return v.map((x) => text({ type: 'text' }, x)).join(', ');
  if (typeof v === 'number') {
    const f = col.format;
    if (f && NAMED[f]) return NAMED[f](v);
    if (f) return printf(f, v);
    return Number.isInteger(v) ? String(v) : String(+v.toFixed(4));
  }
  if (v === 'inf' || v === '-inf') return col.kind === 'float' || col.type === 'number' ? (v === 'inf' ? '∞' : '-∞') : v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if ((col.type === 'date' || col.type === 'datetime') && col.format === 'localized') {
    const d = new Date(v);
    if (!isNaN(d)) return col.type === 'date' ? d.toLocaleDateString() : d.toLocaleString();
  }
  return String(v);
}

// A list of numbers as a small chart (LineChartColumn, BarChartColumn, AreaChartColumn): an
// inline SVG built node by node, 100 x 24 units stretched to the cell; y from y_min..y_max.
const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs) => { const n = document.createElementNS(SVG, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); return n; };
const CHARTS = { line_chart: 'line', bar_chart: 'bar', area_chart: 'area' };
export function chart(col, values) {
  const ys = values.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)), ok = ys.filter((v) => v != null);
  const box = svg('svg', { viewBox: '0 0 100 24', preserveAspectRatio: 'none', class: 'rr-df-chart', role: 'img', 'aria-label': ok.join(', ') });
  if (!ok.length) return box;
  const lo = col.y_min ?? Math.min(...ok, CHARTS[col.type] === 'line' ? Infinity : 0), hi = col.y_max ?? Math.max(...ok);
  const span = hi - lo || 1, n = ys.length, type = CHARTS[col.type];
  const y = (v) => 23 - Math.max(0, Math.min(1, (v - lo) / span)) * 22, x = (i) => (n === 1 ? 50 : (i / (n - 1)) * 100);
  let color = col.color;
  if (color === 'auto' || color === 'auto-inverse') {
    const up = ok[ok.length - 1] >= ok[0];
    color = up === (color === 'auto') ? 'var(--ok)' : 'var(--err)';
  }
  if (color) box.style.setProperty('color', color); // a CSS value, parsed by the browser; never markup
  if (type === 'bar') {
    const w = 100 / n;
    ys.forEach((v, i) => v != null && box.append(svg('rect', { x: i * w + w * 0.12, width: w * 0.76, y: y(v), height: Math.max(0.5, 24 - y(v)) })));
    return box;
  }
  const pts = ys.map((v, i) => (v == null ? null : `${x(i).toFixed(2)},${y(v).toFixed(2)}`)).filter(Boolean).join(' ');
  if (type === 'area') box.append(svg('polygon', { points: `${x(0)},24 ${pts} ${x(n - 1)},24`, class: 'rr-df-chart-fill' }));
  box.append(svg('polyline', { points: pts, 'vector-effect': 'non-scaling-stroke' }));
  return box;
}
const ALIGN = { left: 'flex-start', center: 'center', right: 'flex-end' };

const SAFE_URL = /^(https?:|mailto:)/i, SAFE_IMG = /^(https?:|data:image\/(png|jpe?g|gif|webp|avif);)/i;

// Fill cell node `c` for column `col` with value `v` (text only; links and images checked).
export function paint(c, col, v) {
  const t = col.type;
  if (t === 'checkbox' && (typeof v === 'boolean' || v == null)) {
    c.replaceChildren(h('input', { type: 'checkbox', disabled: true, checked: !!v, tabindex: -1, 'aria-label': v ? 'true' : 'false' }));
  } else if (t === 'link' && typeof v === 'string' && SAFE_URL.test(v)) {
    let label = v;
    if (col.display_text) {
      label = col.display_text;
      try { const m = new RegExp(col.display_text).exec(v); if (m) label = m[1] ?? m[0]; } catch { /* a plain text */ }
    }
    c.replaceChildren(h('a', { href: v, target: '_blank', rel: 'noopener noreferrer', text: label }));
  } else if (t === 'image' && typeof v === 'string' && SAFE_IMG.test(v)) {
    c.replaceChildren(h('img', { src: v, alt: '', loading: 'lazy' }));
  } else if (t === 'progress' && typeof v === 'number') {
    const lo = col.min ?? 0, hi = col.max ?? (Number.isInteger(v) ? 100 : 1);
    const pct = Math.max(0, Math.min(100, ((v - lo) / (hi - lo || 1)) * 100));
    const bar = h('span', { style: `width:${pct}%` });
    if (col.color) bar.style.setProperty('background', col.color === 'auto' || col.color === 'auto-inverse' ? '' : col.color);
    c.replaceChildren(h('span', { class: 'rr-df-bar', role: 'progressbar', 'aria-valuenow': v, 'aria-valuemin': lo, 'aria-valuemax': hi },
      bar), h('span', { class: 'rr-df-pct', text: text(col, v) }));
  } else if (CHARTS[t] && Array.isArray(v)) {
    c.replaceChildren(chart(col, v));
  } else if (t === 'list' && Array.isArray(v)) {
    c.replaceChildren(...v.map((x) => h('span', { class: 'rr-df-chip', text: text({ type: 'text' }, x) })));
  } else {
    c.textContent = text(col, v);
  }
  c.classList.toggle('rr-n', typeof v === 'number' || (col.type === 'number' && v != null));
  c.classList.toggle('rr-null', v == null);
  if (col.alignment) c.style.justifyContent = ALIGN[col.alignment] || '';
}

export function compare(a, b) { // missing values last; numbers as numbers; text by locale
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  const num = (x) => (x === 'inf' ? Infinity : x === '-inf' ? -Infinity : x);
  a = num(a); b = num(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

// Column widths: the script's, or guessed from the header and the first rows' text.
export function widths(cols, rows) {
  return cols.map((col, j) => {
    if (col.width) return col.width;
    if (CHARTS[col.type]) return Math.max(120, String(col.label ?? '').length * 8 + 30);
    let chars = String(col.label ?? '').length + 2 + (col.pad || 0); // pad: room for a marker
    for (let i = 0; i < Math.min(rows.length, 50); i++) chars = Math.max(chars, text(col, rows[i][j + 1]).length);
    return Math.round(Math.min(320, Math.max(col.index ? 48 : 72, chars * 8 + 26)));
  });
}

// ---- the grid -------------------------------------------------------------------------------
export default function mount(e, ctx) { return grid(e, ctx).handle; }

// The grid; `opt` are data_editor.js's hooks: `base(rows)` (an inline table's rows to show),
// `extra()` (rows shown after a large table's), `row(i)` (the i-th of those), `overlay(r)` (a
// fetched row with its edits), `cell(c, col, r, i, j)` (after a cell is painted), `header(c, col)`
// (after a header cell is made), `choose(sel)`
// (a row selection, instead of sending it).
export function grid(e, ctx, opt = {}) {
  const grid = h('div', { class: 'rr-df', role: 'grid', tabindex: 0, 'aria-label': 'Data table' });
  const node = h('div', { class: 'rr-dataframe' }, grid);
  const scroll = h('div', { class: 'rr-df-scroll' });
  const inner = h('div', { class: 'rr-df-inner' });
  const headRow = h('div', { class: 'rr-df-row rr-df-head', role: 'row', 'aria-rowindex': 1 });
  const body = h('div', { class: 'rr-df-body', role: 'rowgroup' });
  inner.append(h('div', { role: 'rowgroup', class: 'rr-df-headgroup' }, headRow), body);
  scroll.append(inner);
  grid.append(scroll);

  let E, R, order, view, blocks, pending, sort = null, req = 0, sel = { rows: [], columns: [] }, sentSel = null;
  let geom = { total: 0, space: 0 }, painted = '';
  const status = h('div', { class: 'rr-df-status', 'aria-live': 'polite' });
  node.append(status);

  const rowSel = () => (E.modes || []).find((m) => m.endsWith('row'));
  const colSel = () => (E.modes || []).find((m) => m.endsWith('column'));

  function cellAt(i) { // the row shown at view position i, or undefined while it is fetched
    if (!E.data) return view[i];
    if (i >= E.n) return opt.row?.(i - E.n);
    const r = blocks.get(Math.floor(i / BLOCK))?.[i % BLOCK];
    return r && opt.overlay ? opt.overlay(r) : r;
  }
  const count = () => (E.data ? E.n + (opt.extra?.() || 0) : view.length);

  function fetchRows(first, last) { // ask for the missing blocks of view rows first..last
    if (!E.data) return;
    const want = [];
    for (let b = Math.floor(first / BLOCK); b <= Math.floor(Math.min(last, E.n - 1) / BLOCK); b++) {
      if (!blocks.has(b) && !pending.has(b)) want.push(b);
    }
    if (!want.length) return;
    const from = want[0] * BLOCK, to = Math.min(E.n, (want[want.length - 1] + 1) * BLOCK);
    const r = ++req;
    for (const b of want) pending.set(b, r);
    ctx.send({ t: 'rows', id: E.data, req: r, from, to, sort });
  }

  function onRows(o) { // a window arrived (outside the numbered frames)
    if (o.id !== E.data) return;
    for (const [b, r] of pending) if (r === o.req) pending.delete(b);
    if (o.req <= resetAt) return; // asked for before the sort changed
    for (let k = 0; k < o.rows.length; k += BLOCK) blocks.set(Math.floor((o.from + k) / BLOCK), o.rows.slice(k, k + BLOCK));
    while (blocks.size > KEEP) blocks.delete(blocks.keys().next().value);
    status.textContent = '';
    draw(true);
  }
  let resetAt = 0;

  function headerCell(col, j) {
    const c = h('div', { role: 'columnheader', class: 'rr-df-h' + (col.index ? ' rr-df-ix' : ''), 'aria-colindex': j + 1 + (rowSel() ? 1 : 0) });
    const label = h('span', { class: 'rr-df-hl', text: col.label ?? '' });
    if (col.help) label.title = col.help;
    const arrow = h('span', { class: 'rr-df-arrow', 'aria-hidden': 'true' });
    const sortBtn = h('button', { type: 'button', class: 'rr-df-sort', title: 'Sort', onclick: (ev) => { ev.stopPropagation(); sortBy(j); } }, label, arrow);
    if (sort && sort[0] === j) {
      c.setAttribute('aria-sort', sort[1] === 'asc' ? 'ascending' : 'descending');
      arrow.textContent = sort[1] === 'asc' ? '↑' : '↓';
    } else c.setAttribute('aria-sort', 'none');
    if (colSel() && !col.index) {
      const on = sel.columns.includes(col.name);
      c.setAttribute('aria-selected', on);
      const box = h('input', { type: 'checkbox', class: 'rr-df-colbox', checked: on, 'aria-label': 'Select column ' + col.label, onclick: (ev) => { ev.stopPropagation(); toggleCol(col.name); } });
      c.append(box);
    }
    c.prepend(sortBtn);
    opt.header?.(c, col);
    return c;
  }

  function sortBy(j) {
    sort = !sort || sort[0] !== j ? [j, 'asc'] : sort[1] === 'asc' ? [j, 'desc'] : null;
    resort();
    header();
    draw(true);
    if (E.data) status.textContent = sort ? 'Sorting…' : '';
    grid.querySelector(`[aria-colindex="${j + 1 + (rowSel() ? 1 : 0)}"] .rr-df-sort`)?.focus();
  }

  function resort() {
    if (E.data) {
      blocks = new Map(); pending = new Map(); resetAt = req;
      if (!sort) E.rows.forEach((r, i) => { if (i % BLOCK === 0) blocks.set(i / BLOCK, E.rows.slice(i, i + BLOCK)); });
      return;
    }
    view = opt.base ? opt.base(E.rows) : E.rows.slice();
    if (sort) {
      const [j, dir] = sort, s = dir === 'asc' ? 1 : -1;
      view.sort((a, b) => { const x = a[j + 1], y = b[j + 1]; return x == null || y == null ? compare(x, y) : s * compare(x, y) || a[0] - b[0]; });
    }
  }

  function toggleRow(pos) {
    const has = sel.rows.includes(pos);
    const rows = rowSel() === 'single-row' ? (has ? [] : [pos]) : has ? sel.rows.filter((r) => r !== pos) : [...sel.rows, pos];
    choose({ rows, columns: sel.columns });
  }
  function toggleCol(name) {
    const has = sel.columns.includes(name);
    const columns = colSel() === 'single-column' ? (has ? [] : [name]) : has ? sel.columns.filter((c) => c !== name) : [...sel.columns, name];
    choose({ rows: sel.rows, columns });
  }
  function choose(v) {
    sel = v;
    header();
    draw(true);
    if (opt.choose) opt.choose(v);
    else if (!E.form) { sentSel = JSON.stringify(v); ctx.send({ t: 'set', id: E.id, v }); }
  }

  function layout() { // the columns' template and the scroll space
    const ws = widths(E.cols, E.rows);
    if (rowSel()) ws.unshift(36);
    let left = 0;
    const pinned = ws.map((w, j) => { const col = j - (rowSel() ? 1 : 0); const pin = col < 0 || E.cols[col]?.pinned; const at = left; if (pin) left += w; return pin ? at : null; });
    geom.pinned = pinned;
    const total = ws.reduce((a, b) => a + b, 0);
    const stretch = E.width === 'stretch';
    inner.style.setProperty('--rr-cols', ws.map((w, j) => (stretch && pinned[j] == null ? `minmax(${w}px, 1fr)` : w + 'px')).join(' '));
    inner.style.minWidth = total + 'px';
    node.style.width = typeof E.width === 'number' ? E.width + 'px' : stretch ? '' : total + 2 + 'px';
    node.classList.toggle('rr-df-fit', E.width !== 'stretch');
    R = E.row_height || 35;
    inner.style.setProperty('--rr-rh', R + 'px');
    const head = R + 1;
    geom.head = head;
    inner.style.setProperty('--rr-hh', head + 'px');
    const n = count();
    geom.total = n * R;
    geom.space = Math.min(geom.total, MAX_PX);
    inner.style.height = geom.space + head + 'px';
    const auto = Math.min(Math.max(n, 1), 10) * R + head + 2;
    grid.style.height = (E.height || auto) + 'px';
    grid.setAttribute('aria-rowcount', n + 1);
    grid.setAttribute('aria-colcount', E.cols.length + (rowSel() ? 1 : 0));
    grid.setAttribute('aria-multiselectable', rowSel() === 'multi-row' || colSel() === 'multi-column' ? 'true' : null);
    if (!rowSel() && !colSel()) grid.removeAttribute('aria-multiselectable');
  }

  function pin(c, j) {
    const at = geom.pinned[j];
    if (at != null) { c.classList.add('rr-df-pin'); c.style.left = at + 'px'; }
  }

  function draw(force) {
    const bodyH = scroll.clientHeight - geom.head;
    const st = scroll.scrollTop, range = inner.offsetHeight - scroll.clientHeight;
    const v = geom.total > geom.space && range > 0 ? (st / range) * Math.max(0, geom.total - bodyH) : st;
    const n = count();
    const first = Math.max(0, Math.min(Math.floor(v / R), Math.max(0, n - 1)));
    const last = Math.min(n - 1, first + Math.ceil(Math.max(bodyH, R) / R) + 1);
    fetchRows(Math.max(0, first - BLOCK / 2), last + BLOCK / 2);
    const key = first + ':' + last;
    body.style.transform = `translateY(${st + geom.head - (v - first * R)}px)`;
    if (!force && key === painted) return;
    painted = key;
    const out = [];
    const offset = rowSel() ? 1 : 0;
    for (let i = first; i <= last && i < n; i++) {
      const r = cellAt(i);
      const row = h('div', { class: 'rr-df-row', role: 'row', 'aria-rowindex': i + 2 });
      if (rowSel()) {
        const on = r != null && sel.rows.includes(r[0]);
        if (on) row.setAttribute('aria-selected', 'true');
        const c = h('div', { role: 'gridcell', class: 'rr-df-c rr-df-selc' },
          r == null ? null : h('input', { type: 'checkbox', checked: on, 'aria-label': 'Select row ' + (i + 1), onclick: () => toggleRow(r[0]) }));
        pin(c, 0);
        row.append(c);
      }
      E.cols.forEach((col, j) => {
        const c = h('div', { role: col.index ? 'rowheader' : 'gridcell', class: 'rr-df-c' + (col.index ? ' rr-df-ix' : ''), 'aria-colindex': j + 1 + offset });
        if (r == null) c.append(h('span', { class: 'rr-df-wait' }));
        else { paint(c, col, r[j + 1]); opt.cell?.(c, col, r, i, j); }
        if (colSel() && sel.columns.includes(col.name)) c.classList.add('rr-df-csel');
        pin(c, j + offset);
        row.append(c);
      });
      out.push(row);
    }
    body.replaceChildren(...out);
  }

  function header() {
    const cells = E.cols.map(headerCell);
    if (rowSel()) {
      const c = h('div', { role: 'columnheader', class: 'rr-df-h rr-df-selc', 'aria-label': 'Selected', 'aria-colindex': 1 });
      if (rowSel() === 'multi-row') {
        c.append(h('input', { type: 'checkbox', 'aria-label': 'Clear selection', checked: sel.rows.length > 0, disabled: !sel.rows.length, onclick: () => choose({ rows: [], columns: sel.columns }) }));
      }
      cells.unshift(c);
    }
    cells.forEach((c, j) => pin(c, j));
    headRow.replaceChildren(...cells);
  }

  let frame = 0;
  scroll.addEventListener('scroll', () => { if (!frame) frame = requestAnimationFrame(() => { frame = 0; draw(false); }); }, { passive: true });
  new ResizeObserver(() => draw(true)).observe(scroll);
  grid.addEventListener('keydown', (ev) => {
    const page = scroll.clientHeight - geom.head;
    const by = { ArrowDown: R, ArrowUp: -R, PageDown: page, PageUp: -page }[ev.key];
    if (by) scroll.scrollTop += by;
    else if (ev.key === 'Home' && ev.ctrlKey) scroll.scrollTop = 0;
    else if (ev.key === 'End' && ev.ctrlKey) scroll.scrollTop = scroll.scrollHeight;
    else return;
    ev.preventDefault();
  });

  function update(e) {
    const old = E;
    E = e;
    if (old?.data && old.data !== e.data) tables.delete(old.data);
    if (e.data) tables.set(e.data, onRows);
    const same = old && old.data === e.data && JSON.stringify(old.cols) === JSON.stringify(e.cols) && old.n === e.n;
    if (!same) {
      if (old && JSON.stringify(old.cols) !== JSON.stringify(e.cols)) sort = null;
      resort();
      painted = '';
    } else if (!e.data && old.rows !== e.rows) resort();
    const s = e.selection ? JSON.stringify(e.selection) : null;
    if (s && s !== sentSel) sel = JSON.parse(s); // the script changed it: show the server's
    if (!e.selection) sel = { rows: [], columns: [] };
    sentSel = s;
    node.dataset.widgetId = e.id || '';
    if (e.form) node.dataset.rrForm = e.form; else delete node.dataset.rrForm;
    grid.setAttribute('aria-label', e.alt || opt.name || 'Data table');
    layout();
    header();
    draw(true);
  }
  update(e);
  const handle = { node, update, w: !!e.id, id: e.id, get: () => ({ rows: sel.rows.slice(), columns: sel.columns.slice() }), set: (v) => { sel = v; draw(true); } };
  const redraw = () => { resort(); layout(); header(); draw(true); };
  return { handle, grid, scroll, node, update, redraw, draw, rowAt: cellAt, count, geom, rowHeight: () => R, selection: () => sel, setSelection: (v) => { sel = v; header(); draw(true); } };
}
