// Display math typeset by KaTeX (vendored). Its script, stylesheet and fonts load the first time
// the page shows a formula. trust: false (KaTeX's default) keeps \href & co. away from scripts.
import { h } from '../dom.js';
import { load } from '../vendor.js';

export const props = ['body', 'help', 'width'];

const katex = () => Promise.all([
  load('katex-0.19.1/dist/katex.min.css'), load('katex-0.19.1/dist/katex.min.js'),
]).then(() => window.katex);

export default function mount(e) {
  const math = h('div', { class: 'rr-latex-math' });
  const node = h('div', { class: 'rr-latex' }, math);
  let seq = 0;
  const update = (e) => {
    const mine = ++seq;
    node.title = e.help || '';
    node.style.width = typeof e.width === 'number' ? e.width + 'px' : (e.width === 'content' ? 'fit-content' : '');
    if (!math.firstChild) math.textContent = e.body; // the source until KaTeX is here
    katex().then((k) => {
      if (mine !== seq) return;
      k.render(e.body, math, { displayMode: true, throwOnError: false, trust: false, output: 'htmlAndMathml' });
    }, (err) => { if (mine === seq) math.textContent = e.body + '  (' + err.message + ')'; });
  };
  update(e);
  return { node, update };
}
