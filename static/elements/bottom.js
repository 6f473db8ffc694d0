import { h } from '../dom.js';

export const props = [];
export default function mount() {
  const inner = h('div', { class: 'rr-slot rr-bottom-in' });
  const node = h('div', { class: 'rr-bottom', role: 'region', 'aria-label': 'Bottom of the page' }, inner);
  return { node, slot: inner, update() {} };
}
