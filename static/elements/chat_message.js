import { h } from '../dom.js';
import { icon } from './chat_input.js';
import { icon as symbol } from '../icons.js';

export const props = ['name', 'avatar', 'avatar_kind', 'width'];

const ICONS = {
  user: ['M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9z', 'M3.5 20.5c.8-4 4.2-6.5 8.5-6.5s7.7 2.5 8.5 6.5z'],
  assistant: ['M12 2.5l2.3 6.2 6.2 2.3-6.2 2.3L12 19.5l-2.3-6.2L3.5 11l6.2-2.3z', 'M19 15.5l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9z'],
};

export default function mount(e) {
  const av = h('div', { class: 'rr-avatar' });
  const slot = h('div', { class: 'rr-slot rr-chat-body' });
  const node = h('div', { class: 'rr-chat-msg', role: 'group' }, av, slot);
  let shown = null;
  const update = (e) => {
    node.dataset.role = e.avatar_kind;
    node.setAttribute('aria-label', 'Message from ' + e.name);
    node.style.maxWidth = typeof e.width === 'number' ? e.width + 'px' : '';
    node.classList.toggle('rr-fit', e.width === 'content');
    const key = e.avatar_kind + '\u0000' + e.avatar;
    if (key === shown) return;
    shown = key;
    if (ICONS[e.avatar_kind]) av.replaceChildren(icon(ICONS[e.avatar_kind]));
    else if (e.avatar_kind === 'icon') av.replaceChildren(symbol(e.avatar, 'rr-avatar-icon', (e.name || '?').trim().slice(0, 1).toUpperCase()));
    else if (e.avatar_kind === 'url') av.replaceChildren(h('img', { src: e.avatar, alt: '' }));
    else av.replaceChildren(e.avatar || '');
  };
  update(e);
  return { node, slot, update };
}
