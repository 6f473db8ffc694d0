// The page menu of a multipage app: links to the app's pages, the shown one marked.
// A click sends `nav` over the socket (no reload: the session and its state stay).
import { h } from '../dom.js';
import { icon } from '../icons.js';

export const props = ['pages', 'current', 'position'];

export default function mount(e, ctx) {
  const node = h('nav', { class: 'rr-nav', 'aria-label': 'Pages' });
  const update = (e) => {
    node.classList.toggle('rr-nav-top', e.position === 'top');
    const items = [];
    let section;
    for (const p of e.pages) {
      if (p.section && p.section !== section) items.push(h('div', { class: 'rr-nav-section', text: p.section }));
      section = p.section;
      const a = h('a', { href: p.path || './', class: 'rr-nav-link', 'aria-current': p.path === e.current ? 'page' : null },
        icon(p.icon, 'rr-nav-icon'), h('span', { text: p.title }));
      a.onclick = (ev) => {
        if (ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button) return; // a new tab loads the page itself
        ev.preventDefault();
        ctx.send({ t: 'nav', page: p.path });
      };
      items.push(a);
    }
    node.replaceChildren(...items);
  };
  update(e);
  return { node, update };
}
