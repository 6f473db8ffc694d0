// The app's logo: the element takes no place in the layout; its images go to the page's chrome,
// at the top of the sidebar and at the page's top left (icon_image there when given), and leave
// with the element.
import { h } from '../dom.js';

export const props = ['image', 'icon_image', 'link', 'size'];

let owner = null;
const side = h('div', { id: 'rr-logo-side', class: 'rr-logo' });
const top = h('div', { id: 'rr-logo-page', class: 'rr-logo' });

const pic = (src, link, size) => {
  const img = h('img', { src, alt: 'Logo', class: 'rr-logo-img rr-logo-' + size });
  return link ? h('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, img) : img;
};

export default function mount(e) {
  const node = h('div', { class: 'rr-logo-anchor', hidden: true });
  const update = (e) => {
    owner = node;
    side.replaceChildren(pic(e.image, e.link, e.size));
    top.replaceChildren(pic(e.icon_image || e.image, e.link, e.size));
    const bar = document.getElementById('rr-sidebar');
    if (bar && side.parentNode !== bar) bar.prepend(side);
    if (top.parentNode !== document.body) document.body.prepend(top);
    document.body.classList.add('rr-has-logo');
  };
  update(e);
  return {
    node, update,
    gone() {
      if (owner !== node) return;
      owner = null;
      side.remove(); top.remove();
      document.body.classList.remove('rr-has-logo');
    },
  };
}
