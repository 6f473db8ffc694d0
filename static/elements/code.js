import { h } from '../dom.js';

export const props = ['text', 'lang'];
export default function mount(e) {
  let text;
  const code = h('code');
  const b = h('button', { type: 'button', class: 'rr-copy', 'aria-label': 'Copy code', text: 'Copy' });
  b.onclick = () => navigator.clipboard?.writeText(text).then(() => { b.textContent = 'Copied'; setTimeout(() => (b.textContent = 'Copy'), 1200); }, () => {});
  const update = (e) => {
    text = code.textContent = e.text;
    if (e.lang) code.className = 'language-' + e.lang; else code.removeAttribute('class');
  };
  update(e);
  return { node: h('div', { class: 'rr-code' }, h('pre', {}, code), b), update };
}
