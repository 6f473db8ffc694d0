import { h } from '../dom.js';

export const props = ['level', 'html'];
export default function mount(e) {
  let level;
  const node = h('div', { class: 'rr-alert' });
  const update = (e) => {
    node.classList.replace('rr-' + level, 'rr-' + e.level) || node.classList.add('rr-' + e.level);
    level = e.level;
    if (e.level === 'error') node.setAttribute('role', 'alert'); else node.removeAttribute('role');
    node.innerHTML = e.html; // server-rendered Markdown, raw HTML escaped
  };
  update(e);
  return { node, update };
}
