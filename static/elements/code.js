// rr.code: the text drawn at once as plain lines, then highlighted by highlight.js (vendored,
// loaded the first time a page shows code). highlight.js escapes the text it wraps in spans; its
// output is parsed in an inert <template> and used only if it holds nothing but <span class> and
// gives back exactly the text, so the code never becomes markup. Line numbers are CSS counters
// (not copied with a selection); each line is its own box, so numbers stay beside wrapped lines.
import { h } from '../dom.js';
import { load } from '../vendor.js';

export const props = ['text', 'lang', 'line_numbers', 'wrap', 'height', 'width'];

const HLJS = 'highlightjs-cdn-assets-11.11.1/highlight.min.js';
// Streamlit's (Prism's) language names that highlight.js knows by another name
const ALIAS = { py: 'python', js: 'javascript', ts: 'typescript', sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash', yml: 'yaml', html: 'xml', svg: 'xml', toml: 'ini', jsx: 'javascript', tsx: 'typescript', 'c++': 'cpp', 'c#': 'csharp', cs: 'csharp', text: 'plaintext', txt: 'plaintext', none: 'plaintext', md: 'markdown' };

// Highlighted HTML -> line fragments of spans, or null when the HTML is not what we expect.
function lines(html, text) {
  const t = document.createElement('template');
  t.innerHTML = html; // an inert document: nothing here loads or runs
  if (t.content.textContent !== text) return null;
  const out = [[]];
  const walk = (node, classes) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) {
        c.data.split('\n').forEach((part, i) => {
          if (i) out.push([]);
          if (!part) return;
          let n = document.createTextNode(part);
          for (let k = classes.length - 1; k >= 0; k--) { const s = document.createElement('span'); s.className = classes[k]; s.append(n); n = s; }
          out[out.length - 1].push(n);
        });
      } else if (c.nodeType === 1 && c.tagName === 'SPAN' && [...c.attributes].every((a) => a.name === 'class')) {
        if (!walk(c, [...classes, c.className])) return false;
      } else return false;
    }
    return true;
  };
  return walk(t.content, []) ? out : null;
}

const plainLines = (text) => text.split('\n').map((l) => (l ? [document.createTextNode(l)] : []));

async function copy(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const ta = h('textarea', { class: 'rr-offscreen', readonly: true, 'aria-hidden': 'true' }); // plain http: the old way
  ta.value = text;
  document.body.append(ta);
  ta.select();
  const ok = document.execCommand('copy');
  ta.remove();
  if (!ok) throw new Error('copy refused');
}

export default function mount(e) {
  let cur = null, drawn = 0;
  const code = h('code');
  const pre = h('pre', { tabindex: 0 });
  pre.append(code);
  const b = h('button', { type: 'button', class: 'rr-copy', 'aria-label': 'Copy code', title: 'Copy', text: 'Copy' });
  let reset;
  b.onclick = () => copy(cur.text).then(
    () => { b.textContent = 'Copied'; b.classList.add('rr-done'); },
    () => { b.textContent = 'Press Ctrl+C'; const r = document.createRange(); r.selectNodeContents(code); getSelection().removeAllRanges(); getSelection().addRange(r); },
  ).finally(() => { clearTimeout(reset); reset = setTimeout(() => { b.textContent = 'Copy'; b.classList.remove('rr-done'); }, 1500); });
  const node = h('div', { class: 'rr-code' }, pre, b);

  // each line a box (numbers and wrapping per line); the newlines stay in the text for copying
  const paint = (ls) => code.replaceChildren(...ls.map((l, i) => h('span', { class: 'rr-line' }, ...l, i < ls.length - 1 ? '\n' : null)));
  async function highlight(e, n) {
    const lang = ALIAS[e.lang] || e.lang;
    if (!lang || lang === 'plaintext' || e.text.length > 200000) return;
    try { await load(HLJS); } catch { return; } // stays plain
    const hl = window.hljs;
    if (n !== drawn || !hl?.getLanguage(lang)) return; // redrawn meanwhile, or a language it lacks
    const ls = lines(hl.highlight(e.text, { language: lang, ignoreIllegals: true }).value, e.text);
    if (ls) { paint(ls); node.dataset.highlighted = lang; }
  }
  const update = (e) => {
    const same = cur && cur.text === e.text && cur.lang === e.lang;
    cur = e;
    node.classList.toggle('rr-code-ln', !!e.line_numbers);
    node.classList.toggle('rr-code-wrap', !!e.wrap);
    node.classList.toggle('rr-code-fit', e.width === 'content');
    node.classList.toggle('rr-code-fill', e.height === 'stretch');
    node.style.width = typeof e.width === 'number' ? e.width + 'px' : '';
    pre.style.height = typeof e.height === 'number' ? e.height + 'px' : '';
    if (e.lang) code.className = 'language-' + e.lang; else code.removeAttribute('class');
    node.style.setProperty('--ln-w', String(e.text.split('\n').length).length + 'ch');
    if (same) return;
    const n = ++drawn;
    delete node.dataset.highlighted;
    paint(plainLines(e.text));
    highlight(e, n);
  };
  update(e);
  return { node, update };
}
