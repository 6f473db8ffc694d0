import { widget } from '../dom.js';
import { buttons } from './pills.js';

export const props = ['id', 'label', 'help', 'disabled', 'form', 'label_visibility', 'value', 'options', 'multi', 'required', 'width', 'wrap'];

export default (e, ctx) => widget(e, ctx, buttons('rr-seg'));
