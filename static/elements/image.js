// Images served from the media route (or the script's own URLs), each with its caption.
import { h } from '../dom.js';

export const props = ['images', 'width', 'link'];
export default function mount(e) {
  const node = h('div', { class: 'rr-image' });
  const update = (e) => {
    node.replaceChildren(...e.images.map((im) => {
      // alt: as given; else the caption (a screen reader then reads the caption twice, but an
      // image without any name is worse)
      const img = h('img', { class: 'rr-image-img', decoding: 'async', src: im.src, alt: im.alt ?? im.caption ?? '' });
      if (e.width === 'stretch') img.style.width = '100%';
      else if (typeof e.width === 'number') img.style.width = e.width + 'px';
      const fig = h('figure', { class: 'rr-figure' }, e.link ? h('a', { href: e.link, target: '_blank', rel: 'noopener noreferrer' }, img) : img);
      if (im.caption) fig.append(h('figcaption', { class: 'rr-image-caption' }, im.caption));
      return fig;
    }));
  };
  update(e);
  return { node, update };
}
