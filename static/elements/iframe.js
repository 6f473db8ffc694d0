// rr.iframe and components.v1.html/iframe: always sandboxed. HTML (`srcdoc`) and same-origin URLs
// get `allow-scripts` without `allow-same-origin`: they run in an opaque origin and can reach
// neither the page nor its cookies. A cross-origin URL keeps its own origin. `height: content`
// sizes an HTML frame to what it reports by postMessage (a script added after the HTML).
import { h } from '../dom.js';

export const props = ['src', 'srcdoc', 'width', 'height', 'scrolling', 'tab_index', 'title'];

const BASE = 'allow-scripts allow-forms allow-popups allow-popups-to-escape-sandbox allow-modals allow-downloads';
const REPORT = '<script>(()=>{const s=()=>parent.postMessage({rrFrameHeight:Math.ceil(document.documentElement.scrollHeight)},"*");'
  + 'addEventListener("load",s);new ResizeObserver(s).observe(document.documentElement);s();})()</' + 'script>';
const frames = new Map(); // contentWindow -> iframe, for the height reports
addEventListener('message', (ev) => {
  const f = ev.source && frames.get(ev.source);
  const px = ev.data && ev.data.rrFrameHeight;
  if (f && typeof px === 'number' && f.rrAuto) f.style.height = Math.min(Math.max(px, 20), 10000) + 'px';
});

const crossOrigin = (src) => {
  try { return new URL(src, document.baseURI).origin !== location.origin && !/^data:/.test(src); } catch { return false; }
};

export function sandboxed(e, f = h('iframe', { class: 'rr-iframe' })) {
  if (f.rrWin) frames.delete(f.rrWin);
  f.setAttribute('sandbox', BASE + (e.src && crossOrigin(e.src) ? ' allow-same-origin' : ''));
  f.title = e.title || 'st.iframe';
  f.setAttribute('scrolling', e.scrolling === false ? 'no' : 'auto');
  if (e.tab_index != null) f.tabIndex = e.tab_index; else f.removeAttribute('tabindex');
  f.style.width = typeof e.width === 'number' ? e.width + 'px' : '100%';
  f.rrAuto = e.height === 'content' && e.srcdoc != null;
  f.style.height = typeof e.height === 'number' ? e.height + 'px'
    : e.height === 'stretch' ? '100%' : e.srcdoc != null ? '60px' : '400px';
  if (e.srcdoc != null) {
    const doc = e.srcdoc + (f.rrAuto ? REPORT : '');
    if (f.getAttribute('srcdoc') !== doc) { f.removeAttribute('src'); f.srcdoc = doc; }
  } else if (f.getAttribute('src') !== e.src) { f.removeAttribute('srcdoc'); f.src = e.src; }
  const track = () => { if (f.contentWindow) { f.rrWin = f.contentWindow; frames.set(f.rrWin, f); } };
  f.onload = track;
  queueMicrotask(track);
  return { node: f };
}

export default function mount(e) {
  const { node } = sandboxed(e);
  const wrap = h('div', { class: 'rr-iframe-wrap' }, node);
  return { node: wrap, update: (e) => sandboxed(e, node), gone: () => { if (node.rrWin) frames.delete(node.rrWin); } };
}
