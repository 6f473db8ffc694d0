import { h, ui } from '../dom.js';

// `expanded` is the initial state only; the open state is then kept by path in `ui`.
export const props = ['label', 'expanded'];
export default function mount(e, ctx) {
  const path = ctx.path;
  const sum = h('summary');
  const slot = h('div', { class: 'rr-slot rr-exp-body' });
  const node = h('details', { class: 'rr-exp', open: ui[path] ?? !!e.expanded }, sum, slot);
  node.ontoggle = () => (ui[path] = node.open);
  const update = (e) => { sum.textContent = e.label; };
  update(e);
  return { node, slot, update };
}
