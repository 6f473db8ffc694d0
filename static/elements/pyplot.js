// A matplotlib figure rendered on the server: a PNG shown at its natural size or the column's width.
import { h } from '../dom.js';

export const props = ['src', 'px_width', 'width', 'alt'];
export default function mount(e) {
  const img = h('img', { class: 'rr-pyplot-img', decoding: 'async' });
  const node = h('div', { class: 'rr-pyplot' }, img);
  const update = (e) => {
    if (img.getAttribute('src') !== e.src) img.src = e.src;
    img.alt = e.alt || 'matplotlib figure';
    const w = e.width === 'stretch' ? '100%' : (typeof e.width === 'number' ? e.width : e.px_width) + 'px';
    img.style.width = w;
  };
  update(e);
  return { node, update };
}
