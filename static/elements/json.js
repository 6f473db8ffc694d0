import { h } from '../dom.js';

export const props = ['text', 'expanded'];
export default function mount(e) {
  let exp;
  const pre = h('pre');
  const node = h('details', { class: 'rr-json' }, h('summary', { text: 'JSON' }), pre);
  const update = (e) => {
    pre.textContent = e.text;
    // `expanded` is the initial state: the reader's open/closed choice stays until the script changes it
    if (!!e.expanded !== exp) node.open = exp = !!e.expanded;
  };
  update(e);
  return { node, update };
}
