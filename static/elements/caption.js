import { textLeaf } from '../dom.js';

export const props = ['text'];
export default textLeaf('p', 'rr-caption');
