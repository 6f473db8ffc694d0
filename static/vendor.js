// Vendored libraries (./vendor/, see vendor/README.md), loaded only when a page first shows an
// element that needs one: classic scripts (their UMD/IIFE builds set a global) and stylesheets,
// each once, checked against its Subresource Integrity value. The values repeat
// vendor/manifest.json; tests/test_charts.py fails when the two differ.
export const FILES = {
  'uplot-1.6.32/dist/uPlot.iife.min.js': 'sha384-Gx3t0zdBAuQOuvvmaLZj7HKEiSgWTAs+VdtNY7wt19QDPTDQjFIwAuXDj0zeN00c',
  'uplot-1.6.32/dist/uPlot.min.css': 'sha384-IfV0B7MIOYuO95kO9G5ySKPz/85zqFNOAs8iy4tkK5zd9izhJAB8b7lHrwYqqmYE',
  'vega-6.4.0/build/vega.min.js': 'sha384-VKdcJr3ZaBIJMbVcopTAI/JEuUkSY6qnwVu9iLuw0DnQ9gQ1JjsfZJhXFQAgNi43',
  'vega-lite-6.4.1/build/vega-lite.min.js': 'sha384-QtG7pnWvq1Tk0Rcvl53B1TEVw7U1PUqfciCz3XMUqSmi1fNpJwiv5ml+m5NeOOzH',
  'vega-embed-7.3.0/build/vega-embed.min.js': 'sha384-Muy1QRxYFeNrA1zShc1KtN4OfipkR/61gt+HWqN57c1Zxu3Oe16TsilsruVVjfKL',
  'mermaid-12.3.0/dist/mermaid.min.js': 'sha384-HHW54r639fK42Ip0coGF3mz8oSiGn0eEoWNTLs75X7H63pLSDBa0Tqs0RwGmLlXE',
  'echarts-6.1.0/dist/echarts.min.js': 'sha384-C2iskrW/uPW46KzOjrvJIQo4YkV8lkD+QS0CrDN18IIPIpT/g2USu8bTP3nvmIAD',
  'deck.gl-9.3.9/dist.min.js': 'sha384-vLd5yTLg2s5RHewERzRoY7gZSaJL81p2BiREobH9XBZoh87tEahAuvXHPvwt4jxP',
  'deck.gl-json-9.3.9/dist.min.js': 'sha384-YLmLcRb9PcqeFuZ5lp1sYMfrEJuE9lLDqye6tcXPq89WfNAEnpt+znUfbhawpu4b',
  'highlightjs-cdn-assets-11.11.1/highlight.min.js': 'sha384-RH2xi4eIQ/gjtbs9fUXM68sLSi99C7ZWBRX1vDrVv6GQXRibxXLbwO2NGZB74MbU',
  'dompurify-3.5.0/dist/purify.min.js': 'sha384-DOUwTXbuiiQxlONuue5N42674XXDfjIJ/LTPtJMZ2ZV1Ir4NRQ3OnM/yM505YQAc',
  'katex-0.19.1/dist/katex.min.js': 'sha384-a1WQdjRj162i159OYq041X6I4K8NenkrI09LlPmiHg0YOb7CR+wJOraXwK9abpnE',
  'katex-0.19.1/dist/katex.min.css': 'sha384-WwGtaC6ywCHxA5cstpj/3+xIZvTez8dq2IcBQaXRkenHZ7FVVq1ZROtURwfbtTlG',
};

const loads = new Map(); // url -> promise

// Load one file: a path under vendor/ (integrity from FILES), or a URL with its own integrity.
export function load(path, integrity = FILES[path]) {
  const url = new URL(path, new URL('./vendor/', import.meta.url)).href;
  if (!loads.has(url)) {
    loads.set(url, new Promise((ok, fail) => {
      const css = /\.css$/.test(path);
      const n = document.createElement(css ? 'link' : 'script');
      if (css) { n.rel = 'stylesheet'; n.href = url; } else { n.src = url; n.async = false; }
      if (integrity) { n.integrity = integrity; n.crossOrigin = 'anonymous'; }
      n.onload = () => ok();
      n.onerror = () => { loads.delete(url); n.remove(); fail(new Error('rr: cannot load ' + path)); };
      document.head.append(n);
    }));
  }
  return loads.get(url);
}

// Load several files in this order (a library's plugins after the library).
export const loadInOrder = (paths) => paths.reduce((p, f) => p.then(() => load(f)), Promise.resolve());

// The theme's colours as the page shows them now (light or dark), for libraries drawing on canvas.
export function theme() {
  const s = getComputedStyle(document.body), v = (n) => s.getPropertyValue(n).trim();
  const palette = [];
  for (let i = 0; i < 10; i++) palette.push(v('--rr-chart-' + i) || '#888');
  return {
    fg: v('--fg'), muted: v('--muted'), line: v('--line'), bg: v('--bg'), accent: v('--accent'),
    soft: v('--soft'), palette, font: getComputedStyle(document.body).fontFamily,
  };
}

// Call `fn` whenever the theme may have changed (system light/dark, or the page's own choice on
// <html>/<body>); returns a function that stops it.
const watchers = new Set();
const themeKey = () => { const t = theme(); return [t.bg, t.fg, t.accent, ...t.palette].join(); };
let watching = false;
export function onTheme(fn) {
  if (!watching) {
    watching = true;
    let key = themeKey();
    const all = () => { // body classes change for other reasons (sidebar, layout): only a new look counts
      const k = themeKey();
      if (k === key) return;
      key = k;
      for (const w of [...watchers]) w();
    };
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', all);
    const mo = new MutationObserver(all);
    for (const n of [document.documentElement, document.body]) mo.observe(n, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
  }
  watchers.add(fn);
  return () => watchers.delete(fn);
}
