import { h, widget } from '../dom.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'placeholder', 'max_chars', 'pinned', 'width', 'mode', 'height'];

const NS = 'http://www.w3.org/2000/svg';
export function icon(d, box = '0 0 24 24') { // a small SVG icon from path data (no innerHTML)
  const s = document.createElementNS(NS, 'svg');
  s.setAttribute('viewBox', box);
  s.setAttribute('aria-hidden', 'true');
  for (const one of [].concat(d)) {
    const p = document.createElementNS(NS, 'path');
    p.setAttribute('d', one);
    s.append(p);
  }
  return s;
}

// The draft and focus of a chat box survive its node being replaced (its place in the page
// moves as the conversation grows): kept by widget id.
const drafts = new Map();
let focused = null;

function build(e, id, st, ctx) {
  const ta = h('textarea', { id, class: 'rr-chat-text', rows: 1, autocomplete: 'off' });
  const send = h('button', { type: 'button', class: 'rr-chat-btn rr-chat-send', title: 'Send', 'aria-label': 'Send' },
    icon('M3.4 20.4 21 12 3.4 3.6 3.4 10.2 15 12 3.4 13.8z'));
  const stop = h('button', { type: 'button', class: 'rr-chat-btn rr-chat-stop', title: 'Stop', 'aria-label': 'Stop' },
    icon('M7 7h10v10H7z'));
  const grow = () => { ta.style.height = 'auto'; ta.style.height = Math.min(ta.scrollHeight, 200) + 'px'; };
  const empty = () => { send.disabled = st.e.disabled || !ta.value.trim(); };
  const submit = () => {
    const v = ta.value;
    if (st.e.disabled || !v.trim()) return;
    ctx.send({ t: 'click', id: st.e.id, v });
    if (st.e.mode === 'disable' || st.e.mode === 'stop') lock();
    ta.value = '';
    drafts.delete(st.e.id);
    grow(); empty();
  };
  ta.onkeydown = (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); submit(); }
  };
  ta.oninput = () => { drafts.set(st.e.id, ta.value); grow(); empty(); };
  ta.onfocus = () => { focused = st.e.id; };
  ta.onblur = () => setTimeout(() => { if (ta.isConnected && focused === st.e.id) focused = null; });
  // submit_mode "disable" / "stop": the box is disabled from a submission until the run it
  // caused ends (the page's state leaves "running"); "stop" also shows only the stop button.
  let locked = false, seen = false;
  const watch = new MutationObserver(() => {
    const running = document.body.dataset.rrState === 'running';
    if (running) seen = true;
    else if (locked && seen) unlock();
  });
  const lock = () => { locked = true; seen = false; ta.disabled = true; node.classList.add('rr-chat-locked'); watch.observe(document.body, { attributes: true, attributeFilter: ['data-rr-state'] }); };
  const unlock = () => { locked = false; watch.disconnect(); ta.disabled = !!st.e.disabled; node.classList.remove('rr-chat-locked'); empty(); };
  send.onclick = submit;
  stop.onclick = () => ctx.send({ t: 'stop' });
  const box = h('div', { class: 'rr-chat-box' }, ta, stop, send);
  const node = h('div', {}, box);
  const draft = drafts.get(e.id);
  if (draft) ta.value = draft;
  if (focused === e.id) queueMicrotask(() => { if (ta.isConnected) ta.focus(); });
  requestAnimationFrame(grow);
  return {
    node,
    paint(e) {
      ta.placeholder = e.placeholder || '';
      ta.setAttribute('aria-label', e.placeholder || 'Message');
      if (e.max_chars) ta.maxLength = e.max_chars; else ta.removeAttribute('maxlength');
      ta.disabled = e.disabled || locked;
      node.classList.toggle('rr-chat-pinned', !!e.pinned);
      node.dataset.mode = e.mode || 'submit';
      ta.style.minHeight = typeof e.height === 'number' ? e.height + 'px' : '';
      node.classList.toggle('rr-chat-stretch', e.height === 'stretch');
      box.style.maxWidth = typeof e.width === 'number' ? e.width + 'px' : '';
      empty();
    },
    gone: () => watch.disconnect(),
    btn: true,
  };
}

export default (e, ctx) => widget(e, ctx, build);
