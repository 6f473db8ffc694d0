import { h } from '../dom.js';
import { icon } from '../icons.js';

export const props = ['level', 'html', 'icon', 'title', 'width'];
export default function mount(e) {
  let level;
  const node = h('div', { class: 'rr-alert' });
  const update = (e) => {
    node.classList.replace('rr-' + level, 'rr-' + e.level) || node.classList.add('rr-' + e.level);
    level = e.level;
    if (e.level === 'error') node.setAttribute('role', 'alert'); else node.removeAttribute('role');
    const body = h('div', { class: 'rr-alert-body' });
    if (e.title) body.append(h('div', { class: 'rr-alert-title', text: e.title }));
    const md = h('div');
    md.innerHTML = e.html; // server-rendered Markdown, raw HTML escaped
    body.append(md);
    node.classList.toggle('rr-with-icon', !!e.icon);
    node.replaceChildren(...(e.icon ? [icon(e.icon, 'rr-alert-icon')] : []), body);
  };
  update(e);
  return { node, update };
}
