// Points on a Web Mercator projection fitted to them, over a labelled graticule, in SVG.
// No base map: coastlines and streets need a tile server (docs/charts.md).
import { h } from '../dom.js';

export const props = ['lat', 'lon', 'sizes', 'colors', 'zoom', 'width', 'height', 'alt'];
const NS = 'http://www.w3.org/2000/svg', R = 6378137;
const s = (tag, attrs) => { const n = document.createElementNS(NS, tag); for (const k in attrs) n.setAttribute(k, attrs[k]); return n; };
const merc = (lat) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));
const nice = (span, count) => { const p = 10 ** Math.floor(Math.log10(span / count)); for (const m of [1, 2, 5, 10]) if (span / (m * p) <= count) return m * p; return 10 * p; };

export default function mount(e) {
  const svg = s('svg', { class: 'rr-map-svg', role: 'img', 'aria-label': 'map of points' });
  const note = h('div', { class: 'rr-map-note', text: 'Points only: no base map without a tile server' });
  const node = h('div', { class: 'rr-map' }, svg, note);
  let cur = e;
  const draw = () => {
    const e = cur, W = node.clientWidth || 600, H = e.height || 500, pad = 28;
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('height', H);
    svg.replaceChildren();
    const n = e.lat.length;
    let la0 = Math.min(...e.lat), la1 = Math.max(...e.lat), lo0 = Math.min(...e.lon), lo1 = Math.max(...e.lon);
    if (!n) { la0 = -60; la1 = 75; lo0 = -180; lo1 = 180; }
    if (e.zoom != null) { // the span a web map shows at this zoom, around the points' centre
      const span = 360 / 2 ** e.zoom * (W / 256), cLo = (lo0 + lo1) / 2, cLa = (la0 + la1) / 2;
      lo0 = cLo - span / 2; lo1 = cLo + span / 2;
      const dy = (span * H) / W / 2; la0 = cLa - dy; la1 = cLa + dy;
    }
    const padDeg = Math.max(0.01, (lo1 - lo0) * 0.08, (la1 - la0) * 0.08);
    lo0 -= padDeg; lo1 += padDeg; la0 = Math.max(-85, la0 - padDeg); la1 = Math.min(85, la1 + padDeg);
    const y0 = merc(la0), y1 = merc(la1), xr = ((lo1 - lo0) * Math.PI) / 180;
    const k = Math.min((W - 2 * pad) / xr, (H - 2 * pad) / Math.max(1e-9, y1 - y0)); // px per radian
    const cx = W / 2 - ((((lo0 + lo1) / 2) * Math.PI) / 180) * k, cy = H / 2 + ((y0 + y1) / 2) * k;
    const X = (lon) => cx + ((lon * Math.PI) / 180) * k, Y = (lat) => cy - merc(lat) * k;
    // graticule
    const lonW = (W / k) * 180 / Math.PI, g = s('g', { class: 'rr-map-grid' });
    let step = nice(lonW, Math.max(2, Math.floor(W / 90)));
    const lonL = -cx / k * 180 / Math.PI, lonR = (W - cx) / k * 180 / Math.PI;
    for (let v = Math.ceil(lonL / step) * step; v <= lonR; v += step) {
      const x = X(v); g.append(s('line', { x1: x, x2: x, y1: 0, y2: H }));
      const t = s('text', { x: x + 3, y: H - 6 }); t.textContent = `${+v.toFixed(4)}°`; g.append(t);
    }
    const latT = Math.atan(Math.sinh(cy / k)) * 180 / Math.PI, latB = Math.atan(Math.sinh((cy - H) / k)) * 180 / Math.PI;
    step = nice(latT - latB, Math.max(2, Math.floor(H / 70)));
    for (let v = Math.ceil(latB / step) * step; v <= latT; v += step) {
      const y = Y(v); g.append(s('line', { x1: 0, x2: W, y1: y, y2: y }));
      const t = s('text', { x: 4, y: y - 4 }); t.textContent = `${+v.toFixed(4)}°`; g.append(t);
    }
    svg.append(g);
    const dots = s('g', { class: 'rr-map-dots' });
    for (let i = 0; i < n; i++) {
      const m = Array.isArray(e.sizes) ? e.sizes[i] ?? 100 : e.sizes ?? 100;
      const r = Math.max(3, Math.min(60, (m / (R * Math.cos((e.lat[i] * Math.PI) / 180))) * k));
      const c = s('circle', { cx: X(e.lon[i]), cy: Y(e.lat[i]), r });
      const col = Array.isArray(e.colors) ? e.colors[i] : e.colors;
      if (col) c.style.fill = col;
      const tip = s('title', {}); tip.textContent = `${e.lat[i]}, ${e.lon[i]}`; c.append(tip);
      dots.append(c);
    }
    svg.append(dots);
  };
  const ro = new ResizeObserver(() => draw());
  ro.observe(node);
  const update = (e) => {
    svg.setAttribute('aria-label', e.alt || 'map of points');
    cur = e;
    node.style.maxWidth = typeof e.width === 'number' ? e.width + 'px' : '';
    if (node.isConnected) draw();
  };
  update(e);
  return { node, update, gone: () => ro.disconnect() };
}
