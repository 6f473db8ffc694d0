import { h, ui } from '../dom.js';
import { icon } from './chat_input.js';

// `expanded` opens or closes it when the script changes it; the user's toggling is kept by path.
export const props = ['label', 'state', 'expanded', 'variant', 'width'];
const MARK = { complete: 'M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6 12-12-1.4-1.4z', error: 'M18.3 5.7 16.9 4.3 12 9.2 7.1 4.3 5.7 5.7 10.6 12l-4.9 4.9 1.4 1.4 4.9-4.9 4.9 4.9 1.4-1.4-4.9-4.9z' };
export default function mount(e, ctx) {
  const path = ctx.path;
  const mark = h('span', { class: 'rr-status-mark' });
  const text = h('span', { class: 'rr-status-label' });
  const sum = h('summary', {}, mark, text);
  const slot = h('div', { class: 'rr-slot rr-exp-body' });
  const node = h('details', { class: 'rr-exp rr-status', open: ui[path] ?? !!e.expanded }, sum, slot);
  node.ontoggle = () => (ui[path] = node.open);
  let last = null;
  const update = (e) => {
    text.textContent = e.label;
    node.className = 'rr-exp rr-status rr-exp-' + (e.variant || 'default');
    if (last && e.expanded !== last.expanded) node.open = ui[path] = !!e.expanded;
    if (!last || e.state !== last.state) {
      node.dataset.state = e.state;
      mark.replaceChildren(e.state === 'running' ? h('span', { class: 'rr-spin' }) : icon(MARK[e.state] || MARK.complete));
      mark.setAttribute('aria-label', e.state);
    }
    last = e;
  };
  update(e);
  return { node, slot, update };
}
