// A Mermaid diagram, drawn by the vendored mermaid (loaded with the first diagram on a page) into
// an SVG shown as an <img>: the diagram's text never becomes markup in the page.
import { h } from '../dom.js';
import { load, onTheme, theme } from '../vendor.js';

export const props = ['body', 'width', 'alt'];
const LIB = 'mermaid-12.3.0/dist/mermaid.min.js';
let ready, n = 0;
const dark = () => { // the page's background as the browser computed it: rgb(...) whatever --bg is written as
  const c = getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g);
  return !!c && c.slice(0, 3).reduce((a, b) => a + +b, 0) < 384;
};
const lib = () => (ready ??= load(LIB).then(() => window.mermaid));
let queue = Promise.resolve(); // mermaid renders one diagram at a time

export default function mount(e) {
  const node = h('figure', { class: 'rr-mermaid', role: 'img' });
  let cur = e, shown = '', dead = false;
  const draw = () => (queue = queue.then(async () => {
    const e = cur, look = dark() ? 'dark' : 'default', key = JSON.stringify([e.body, look]);
    if (dead || key === shown) return;
    let m;
    try { m = await lib(); } catch (err) {
      node.replaceChildren(h('div', { class: 'rr-chart-error', text: 'The diagram library did not load.' })); console.error(err); return;
    }
    shown = key;
    const t = theme();
    m.initialize({ startOnLoad: false, securityLevel: 'strict', theme: look, fontFamily: t.font, htmlLabels: false, flowchart: { htmlLabels: false } });
    try {
      const { svg } = await m.render('rr-mermaid-' + ++n, e.body);
      const img = h('img', { class: 'rr-mermaid-img', alt: e.alt || 'diagram', src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg) });
      node.replaceChildren(img);
      size();
    } catch (err) {
      node.replaceChildren(h('div', { class: 'rr-chart-error', text: 'This diagram could not be drawn: ' + (err?.message || err) }));
    }
  }));
  const size = () => {
    const img = node.querySelector('img');
    if (!img) return;
    img.style.width = typeof cur.width === 'number' ? cur.width + 'px' : '';
    node.classList.toggle('rr-mermaid-stretch', cur.width === 'stretch');
  };
  const stop = onTheme(() => draw());
  const update = (e) => {
    cur = e;
    if (e.alt) node.setAttribute('aria-label', e.alt); else node.removeAttribute('aria-label');
    size();
    draw();
  };
  update(e);
  return { node, update, gone: () => { dead = true; stop(); } };
}
