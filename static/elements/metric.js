// rr.metric: a value in big type, its change (delta) with an arrow, an optional sparkline.
import { h, setLabel } from '../dom.js';
import { icon } from '../icons.js';

export const props = ['label', 'value', 'delta', 'color', 'arrow', 'help', 'border', 'visibility', 'chart', 'chart_type', 'icon', 'description'];

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs) => { const n = document.createElementNS(SVG, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); return n; };

function spark(values, type) { // an inline SVG: a polyline (line / area) or bars, 100 x 30 units
  const ys = values.map((v) => (v == null ? null : v)), ok = ys.filter((v) => v != null);
  const box = svg('svg', { viewBox: '0 0 100 30', preserveAspectRatio: 'none', class: 'rr-spark', 'aria-hidden': 'true' });
  if (!ok.length) return box;
  const lo = Math.min(...ok), hi = Math.max(...ok), span = hi - lo || 1, n = ys.length;
  const x = (i) => (n === 1 ? 50 : (i / (n - 1)) * 100), y = (v) => 28 - ((v - lo) / span) * 26;
  if (type === 'bar') {
    const w = 100 / n;
    ys.forEach((v, i) => v != null && box.append(svg('rect', { x: i * w + w * 0.1, width: w * 0.8, y: y(v), height: 30 - y(v) })));
    return box;
  }
  const pts = ys.map((v, i) => (v == null ? null : `${x(i).toFixed(2)},${y(v).toFixed(2)}`)).filter(Boolean).join(' ');
  if (type === 'area') box.append(svg('polygon', { points: `${x(0)},30 ${pts} ${x(n - 1)},30`, class: 'rr-spark-fill' }));
  box.append(svg('polyline', { points: pts, 'vector-effect': 'non-scaling-stroke' }));
  return box;
}

export default function mount(e) {
  const label = h('span'), value = h('div', { class: 'rr-metric-value' }), delta = h('div', { class: 'rr-metric-delta' });
  const labelRow = h('div', { class: 'rr-metric-label' }, label);
  const node = h('div', { class: 'rr-metric' }, labelRow, value, delta);
  const update = (e) => {
    setLabel(label, e);
    labelRow.querySelector('.rr-metric-icon')?.remove();
    const mark = icon(e.icon, 'rr-metric-icon');
    if (mark) labelRow.prepend(mark);
    labelRow.hidden = e.visibility === 'collapsed';
    labelRow.style.visibility = e.visibility === 'hidden' ? 'hidden' : '';
    value.textContent = e.value;
    node.classList.toggle('rr-bordered', !!e.border);
    delta.hidden = e.delta == null;
    delta.className = 'rr-metric-delta rr-c-' + e.color;
    delta.replaceChildren(...(e.arrow ? [h('span', { class: 'rr-metric-arrow', 'aria-hidden': 'true', text: e.arrow === 'down' ? '↓' : '↑' })] : []),
      h('span', { text: e.delta ?? '' }),
      e.description ? h('span', { class: 'rr-metric-desc', text: e.description }) : null);
    if (e.arrow) delta.setAttribute('aria-label', (e.arrow === 'down' ? 'down ' : 'up ') + e.delta); else delta.removeAttribute('aria-label');
    node.querySelector('.rr-spark')?.remove();
    if (e.chart) node.append(spark(e.chart, e.chart_type));
  };
  update(e);
  return { node, update };
}
