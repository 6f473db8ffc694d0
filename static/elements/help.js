import { h } from '../dom.js';

// Plain text only: names, types and docstrings go in as textContent.
export const props = ['name', 'type', 'signature', 'value', 'doc', 'members', 'width'];
export default function mount(e) {
  const node = h('section', { class: 'rr-helpbox' });
  const update = (e) => {
    const head = h('div', { class: 'rr-helpbox-head' },
      h('code', { class: 'rr-helpbox-name', text: (e.name ?? '') + (e.signature ?? '') }),
      h('span', { class: 'rr-helpbox-type', text: e.type }));
    node.setAttribute('aria-label', 'Help for ' + (e.name || e.type));
    const kids = [head];
    if (e.value != null) kids.push(h('code', { class: 'rr-helpbox-value', text: e.value }));
    if (e.doc) kids.push(h('div', { class: 'rr-helpbox-doc', text: e.doc }));
    if (e.members?.length) {
      kids.push(h('table', { class: 'rr-helpbox-members' },
        h('thead', {}, h('tr', {}, h('th', { text: 'Name' }), h('th', { text: 'Type' }), h('th', { text: 'About' }))),
        h('tbody', {}, ...e.members.map(([n, t, d]) => h('tr', {}, h('td', {}, h('code', { text: n })), h('td', { text: t }), h('td', { text: d }))))));
    }
    node.replaceChildren(...kids);
  };
  update(e);
  return { node, update };
}
