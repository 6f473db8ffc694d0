import { h } from '../dom.js';

export const props = [];
export default function mount() {
  const node = h('div', { class: 'rr-slot rr-empty' });
  return { node, slot: node, update() {} };
}
