import { h } from '../dom.js';

export const props = ['text'];
export default function mount(e) {
  const text = document.createTextNode('');
  const node = h('div', { class: 'rr-spinner', role: 'status' }, h('span', { class: 'rr-spin', 'aria-hidden': 'true' }), text);
  const update = (e) => { text.data = e.text ?? ''; };
  update(e);
  return { node, update };
}
