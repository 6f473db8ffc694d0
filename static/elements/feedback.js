import { h, widget } from '../dom.js';
import { icon } from './chat_input.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'options', 'width'];

const THUMB = 'M2 21h4V9H2v12zm20-11c0-1.1-.9-2-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 7.9 6 8.4 6 9v10c0 1.1.9 2 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z';
const STAR = 'M12 17.3 18.2 21l-1.6-7L22 9.2l-7.2-.6L12 2 9.2 8.6 2 9.2 7.5 14l-1.7 7z';
const FACE = 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zM8.5 11a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zm7 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z';
const MOUTHS = ['M7.5 17.2c1-2.2 2.6-3.2 4.5-3.2s3.5 1 4.5 3.2l-1.3.6c-.8-1.7-1.9-2.3-3.2-2.3s-2.4.6-3.2 2.3z',
  'M8 16.5c1-1 2.4-1.5 4-1.5s3 .5 4 1.5l-.9 1c-.8-.7-1.8-1-3.1-1s-2.3.3-3.1 1z',
  'M8 15h8v1.5H8z',
  'M8 14.5c.8.7 1.8 1 4 1s3.2-.3 4-1l.9 1c-1 1-2.4 1.5-4.9 1.5s-3.9-.5-4.9-1.5z',
  'M7 13.5h10c-.4 2.8-2.5 4.5-5 4.5s-4.6-1.7-5-4.5z'];
const NAMES = { thumbs: ['Thumbs down', 'Thumbs up'], faces: ['Very unhappy', 'Unhappy', 'Neutral', 'Happy', 'Very happy'], stars: ['1 star', '2 stars', '3 stars', '4 stars', '5 stars'] };

function glyph(kind, i) {
  if (kind === 'thumbs') { const s = icon(THUMB); if (i === 0) s.style.transform = 'rotate(180deg)'; return s; }
  if (kind === 'faces') return icon([FACE, MOUTHS[i]]);
  return icon(STAR);
}

function build(e, id, st) {
  const node = h('div', { role: 'radiogroup', 'aria-label': 'Feedback' });
  let kind = null, buttons = [], cur = null;
  const paintValue = () => buttons.forEach((b, i) => {
    const on = kind === 'stars' ? cur != null && i <= cur : i === cur;
    b.classList.toggle('rr-on', on);
    b.setAttribute('aria-checked', String(i === cur));
  });
  return {
    node,
    paint(e) {
      if (e.options !== kind) {
        kind = e.options;
        buttons = NAMES[kind].map((name, i) => h('button', {
          type: 'button', class: 'rr-fb', role: 'radio', title: name, 'aria-label': name,
          onclick: () => { cur = cur === i ? null : i; paintValue(); st.setV(cur); },
        }, glyph(kind, i)));
        node.replaceChildren(...buttons);
        node.dataset.options = kind;
      }
      for (const b of buttons) b.disabled = e.disabled;
      paintValue();
    },
    get: () => cur,
    set: (v) => { cur = v ?? null; paintValue(); },
  };
}

export default (e, ctx) => widget(e, ctx, build);
