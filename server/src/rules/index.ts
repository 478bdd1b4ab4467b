/** Every rule, one file each. Adding a rule means one file here and one line below. */
import type { Rule } from '../core/rule';
import { disclosureMissing } from './disclosure-missing';
import { disclosureImpersonation } from './disclosure-impersonation';
import { autonomyHandoff } from './autonomy-handoff';
import { autonomyPressure } from './autonomy-pressure';
import { piiEcho } from './pii-echo';
import { piiLiteral } from './pii-literal';
import { piiNotice } from './pii-notice';
import { piiSensitive } from './pii-sensitive';
import { piiTransfer } from './pii-transfer';
import { biasWording } from './bias-wording';

export const RULES: Rule[] = [disclosureMissing, disclosureImpersonation, autonomyHandoff, autonomyPressure, biasWording, piiEcho, piiTransfer, piiLiteral, piiNotice, piiSensitive];
