import { h } from '../dom.js';

export const props = ['width'];
export default () => ({ node: h('hr'), update() {} });
