// Icons given as `icon=`: an emoji (or short text) is shown as text; `:material/name:` as an
// inline SVG from the Material Symbols subset in icons_material.js (scripts/material_icons.py),
// imported the first time the page shows one: no icon font is downloaded. A name outside the
// subset shows nothing, and says so once in the console (docs/media.md lists the subset).
import { h } from './dom.js';

const NAME = /^:material\/([a-z0-9_]+):$/;
const SVG = 'http://www.w3.org/2000/svg';
let table = null, loading = null;
const told = new Set();

const draw = (span, name) => {
  const d = table[name];
  if (!d) {
    if (span.dataset.fallback) { span.textContent = span.dataset.fallback; span.classList.remove('rr-icon-material'); return; }
    span.hidden = true;
    if (!told.has(name)) { told.add(name); console.info(`rr: no icon :material/${name}: in the built-in subset`); }
    return;
  }
  const svg = document.createElementNS(SVG, 'svg'), path = document.createElementNS(SVG, 'path');
  svg.setAttribute('viewBox', '0 -960 960 960');
  svg.setAttribute('fill', 'currentColor');
  path.setAttribute('d', d);
  svg.append(path);
  span.replaceChildren(svg);
};

export const isMaterial = (text) => typeof text === 'string' && NAME.test(text);

// A span showing `text` as an icon (null for no icon); `cls` is its class; `fallback` is text
// shown for a Material name outside the subset (else nothing is).
export function icon(text, cls = 'rr-icon', fallback = '') {
  if (!text) return null;
  const span = h('span', { class: cls, 'aria-hidden': 'true' });
  if (fallback) span.dataset.fallback = fallback;
  const m = NAME.exec(text);
  if (!m) { span.textContent = text; return span; }
  span.classList.add('rr-icon-material');
  span.dataset.icon = m[1];
  if (table) draw(span, m[1]);
  else {
    loading ||= import('./icons_material.js').then((mod) => { table = mod.PATHS; });
    loading.then(() => draw(span, m[1]));
  }
  return span;
}
