// A matplotlib figure rendered on the server: a PNG shown at its natural size or the column's width.
// A figure with matplotlib's default look comes drawn twice, for a light and a dark page
// (`src_dark`); the page's background picks one, again when the theme changes.
import { h } from '../dom.js';
import { onTheme } from '../vendor.js';

export const props = ['src', 'src_dark', 'px_width', 'width', 'alt'];
const dark = () => {
  const c = getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g);
  return !!c && c.slice(0, 3).reduce((a, b) => a + +b, 0) < 384;
};
export default function mount(e) {
  const img = h('img', { class: 'rr-pyplot-img', decoding: 'async' });
  const node = h('div', { class: 'rr-pyplot' }, img);
  let cur = e;
  const pick = () => {
    const src = cur.src_dark && dark() ? cur.src_dark : cur.src;
    if (img.getAttribute('src') !== src) img.src = src;
  };
  const stop = onTheme(pick);
  const update = (e) => {
    cur = e;
    pick();
    img.alt = e.alt || 'matplotlib figure';
    const w = e.width === 'stretch' ? '100%' : (typeof e.width === 'number' ? e.width : e.px_width) + 'px';
    img.style.width = w;
  };
  update(e);
  return { node, update, gone: stop };
}
