/**
 * Where the third-party bot corpus is: $BOT_ETHICS_CORPUS, else
 * ../shared/corpus beside the repository (CI always has it). Tests that need
 * it warn loudly and skip when it is absent; they never copy its text.
 */
import * as path from 'path';

const REPO = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');

export const CORPUS = process.env.BOT_ETHICS_CORPUS ?? path.resolve(REPO, '../shared/corpus');
