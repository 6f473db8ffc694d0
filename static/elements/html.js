// The script's HTML, sanitised by DOMPurify (vendored; loaded the first time the page shows
// an html element) and inserted as DOM nodes: scripts and event handlers never run. With
// `unsafe`, the HTML runs in a sandboxed iframe instead (scripts, but an opaque origin).
import { h } from '../dom.js';
import { load } from '../vendor.js';
import { sandboxed } from './iframe.js';

export const props = ['body', 'width', 'style_only', 'unsafe'];

const purify = () => load('dompurify-3.5.0/dist/purify.min.js').then(() => window.DOMPurify);

export default function mount(e) {
  const node = h('div', { class: 'rr-html' });
  let seq = 0;
  const update = (e) => {
    const mine = ++seq;
    node.classList.toggle('rr-html-style', !!e.style_only);
    node.style.width = typeof e.width === 'number' ? e.width + 'px' : (e.width === 'content' ? 'fit-content' : '');
    if (e.unsafe) {
      node.replaceChildren(sandboxed({ srcdoc: e.body, height: 'content', width: 'stretch', title: 'st.html' }).node);
      return;
    }
    purify().then((DOMPurify) => {
      if (mine !== seq) return;
      const frag = DOMPurify.sanitize(e.body, { FORCE_BODY: true, RETURN_DOM_FRAGMENT: true });
      node.replaceChildren(frag);
    }, (err) => { if (mine === seq) node.replaceChildren(h('div', { class: 'rr-unknown', text: String(err.message) })); });
  };
  update(e);
  return { node, update };
}
