import { h } from '../dom.js';

// `label` is drawn by the parent tabs block (its `labels`); the panel names it by aria-labelledby.
export const props = ['label'];
export default function mount() {
  const node = h('div', { role: 'tabpanel', class: 'rr-slot rr-panel', tabindex: 0 });
  return { node, slot: node, update() {} };
}
