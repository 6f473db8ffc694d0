import { h } from '../dom.js';

export const props = ['height', 'width'];
export default function mount(e) {
  const node = h('div', { class: 'rr-skeleton', role: 'status', 'aria-label': 'Loading…', 'aria-busy': 'true' });
  const update = (e) => {
    node.style.height = typeof e.height === 'number' ? e.height + 'px' : '';
    node.classList.toggle('rr-skeleton-stretch', e.height === 'stretch');
  };
  update(e);
  return { node, update };
}
