// A PDF in the browser's own viewer (from the media route), with a link to open it in a new tab
// for browsers without one.
import { h } from '../dom.js';

export const props = ['src', 'height', 'alt'];

export default function mount(e) {
  const frame = h('iframe', { class: 'rr-pdf-frame' });
  const open = h('a', { class: 'rr-pdf-open', target: '_blank', rel: 'noopener', text: 'Open PDF' });
  const node = h('div', { class: 'rr-pdf' }, frame, open);
  const update = (e) => {
    if (frame.getAttribute('src') !== e.src) frame.src = e.src;
    frame.title = e.alt || 'PDF document';
    open.href = e.src;
    frame.style.height = e.height === 'stretch' ? '100%' : e.height + 'px';
    node.classList.toggle('rr-pdf-stretch', e.height === 'stretch');
  };
  update(e);
  return { node, update };
}
