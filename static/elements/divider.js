import { h } from '../dom.js';

export const props = [];
export default () => ({ node: h('hr'), update() {} });
