import { h } from '../dom.js';

export const props = ['weight'];
export default function mount(e) {
  const node = h('div', { class: 'rr-col rr-slot' });
  const update = (e) => { node.style.flex = `${e.weight || 1} 1 0`; };
  update(e);
  return { node, slot: node, update };
}
