// Numbers shown the way an app's `format` asks (number_input, slider): printf style as in
// sprintf.js ("%d", "%.2f", "%0.1f%%", "$%,.2f", "%e", "%x"), or, for slider, one of Streamlit's
// named formats ("percent", "dollar", "compact", ...). The server has checked the string.
const SPEC = /%([-+ 0,#']*)(\d+)?(?:\.(\d+))?([diufFeEgGxXos%])/g;
const NAMED = {
  plain: (x) => String(x),
  localized: (x) => x.toLocaleString(),
  percent: (x) => new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 }).format(x),
  dollar: (x) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(x),
  euro: (x) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(x),
  yen: (x) => new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).format(x),
  compact: (x) => new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(x),
  scientific: (x) => new Intl.NumberFormat('en-US', { notation: 'scientific', maximumFractionDigits: 3 }).format(x),
  engineering: (x) => new Intl.NumberFormat('en-US', { notation: 'engineering', maximumFractionDigits: 3 }).format(x),
  accounting: (x) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', currencySign: 'accounting' }).format(x),
  bytes: (x) => {
    const u = ['B', 'KB', 'MB', 'GB', 'TB', 'PB']; let i = 0, v = Math.abs(x);
    while (v >= 1000 && i < u.length - 1) { v /= 1000; i++; }
    return (x < 0 ? '-' : '') + (i ? +v.toFixed(1) : v) + u[i];
  },
};

function one(x, flags, width, prec, conv) {
  if (conv === '%') return '%';
  let s;
  const p = prec == null ? null : +prec;
  switch (conv) {
    case 'd': case 'i': case 'u': s = String(Math.trunc(Math.abs(x))); break;
    case 'f': case 'F': s = Math.abs(x).toFixed(p ?? 6); break;
    case 'e': case 'E': s = Math.abs(x).toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$10$2'); break;
    case 'g': case 'G': s = String(+Math.abs(x).toPrecision(p || 6)); break;
    case 'x': case 'X': s = Math.trunc(Math.abs(x)).toString(16); break;
    case 'o': s = Math.trunc(Math.abs(x)).toString(8); break;
    default: s = String(x); return s; // %s
  }
  if (conv === 'E' || conv === 'G' || conv === 'X') s = s.toUpperCase();
  if (flags.includes(',') || flags.includes("'")) {
    const [a, b] = s.split('.');
    s = a.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (b != null ? '.' + b : '');
  }
  const sign = x < 0 && s.replace(/[0.,]/g, '') !== '' ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const w = +(width || 0);
  if (flags.includes('0') && !flags.includes('-')) s = s.padStart(w - sign.length, '0');
  s = sign + s;
  return flags.includes('-') ? s.padEnd(w) : s.padStart(w);
}

export function fmtNumber(x, format, fallback) {
  if (x == null || !Number.isFinite(x)) return '';
  if (!format) return fallback(x);
  if (NAMED[format]) return NAMED[format](x);
  return format.replace(SPEC, (_, flags, width, prec, conv) => one(x, flags, width, prec, conv));
}

// The number in a field's text: what the user typed, or a formatted value ("$1,234.50", "12.0%").
export function parseNumber(text) {
  const m = String(text).replace(/,/g, '').match(/[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/i);
  return m ? Number(m[0]) : null;
}
