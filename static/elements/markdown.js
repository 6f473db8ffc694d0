import { h } from '../dom.js';

export const props = ['html'];
export default function mount(e) {
  const node = h('div', { class: 'rr-md' });
  const update = (e) => { node.innerHTML = e.html; }; // server-rendered Markdown, raw HTML escaped
  update(e);
  return { node, update };
}
