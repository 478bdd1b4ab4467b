/** Every rule, one file each. Adding a rule means one file here and one line below. */
import type { Rule } from '../core/rule';
import { biasWording } from './bias-wording';

export const RULES: Rule[] = [biasWording];
