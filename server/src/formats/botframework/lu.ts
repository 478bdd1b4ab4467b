/**
 * Bot Framework language understanding (.lu): intents (`# Name`, `## Name`)
 * with their `- utterance` lines as user training examples (never bot text),
 * and entity definitions. Prebuilt entities (`@ prebuilt email`, legacy
 * `$PREBUILT:email`) become typed variables, so that a .dialog property
 * filled from `@email` can be recognised as personal data.
 */
import { langFromPath } from '../../core/lang';
import { emptyFileModel, type FileModel, type Intent, type Variable } from '../../core/model';
import { MappedText, type SourceRange } from '../../core/text';
import type { FormatParser } from '../format';
import { firstNonBlank, skipBlanks, splitLines, trimEnd } from './lines';

export const luFormat: FormatParser = {
  id: 'lu',
  claims: (path) => /\.lu$/i.test(path),
  parse: parseLu,
};

/** Prebuilt entities whose values are plain numbers or dates: typed, so a name alone does not make them personal data. */
const PREBUILT_TYPES: Readonly<Record<string, string>> = {
  number: 'number',
  ordinal: 'number',
  ordinalv2: 'number',
  percentage: 'number',
  dimension: 'number',
  temperature: 'number',
  money: 'number',
  datetimev2: 'date',
};

interface Heading {
  intent: Intent;
  level: number;
  examples: number;
}

export function parseLu(file: string, text: string): FileModel {
  const model = emptyFileModel(file, 'lu', text);
  model.commentPrefix = '>';
  const lang = langFromPath(file);
  if (lang) model.lang = lang;
  const lines = splitLines(text);
  const error = (message: string, at: SourceRange) => model.errors.push({ file, message, at });

  let heading: Heading | undefined;
  /** `- ` lines below `@ list x =`, `@ phraselist x =`, `@ ml x =`: synonyms and children, not utterances */
  let inEntityBlock = false;
  let strayReported = false;
  let lastBad = -2;

  for (let li = 0; li < lines.starts.length; li++) {
    const s = firstNonBlank(text, lines, li);
    const e = trimEnd(text, s, lines.ends[li]);
    if (s >= e) continue;
    const c = text[s];
    if (c === '>' || (c === '<' && /^<a\b/i.test(text.slice(s, e))) || c === '[') continue; // comments, options, anchors, imports
    if (c === '#') {
      heading = startIntent(model, text, s, e, heading);
      inEntityBlock = false;
      strayReported = false;
    } else if (c === '@' || c === '$') {
      inEntityBlock = entityLine(model, text, s, e);
    } else if (c === '-' || c === '*' || c === '+') {
      const start = skipBlanks(text, s + 1, e);
      // `- @ ml child` lines define an entity's children, wherever they stand
      if (inEntityBlock || text[start] === '@' || start >= e) continue;
      if (!heading) {
        if (!strayReported) error('Utterance outside any intent: add a `# IntentName` line above it.', { start: s, end: e });
        strayReported = true;
        continue;
      }
      model.examples.push({ text: MappedText.verbatim(file, text.slice(start, e), start, { kind: 'raw' }, lines.starts[li]), intent: heading.intent.name, ...(lang ? { lang } : {}) });
      heading.examples++;
    } else if (!inEntityBlock) {
      // list synonyms may continue without a dash; anything else is not LU
      if (li !== lastBad + 1) error('Unexpected text: utterances start with `- `, intents with `#`, entities with `@`.', { start: s, end: e });
      lastBad = li;
    }
  }
  return model;
}

/** `# Name` / `## Name`; a heading directly followed by a deeper one is a section, not an intent. */
function startIntent(model: FileModel, text: string, s: number, e: number, previous: Heading | undefined): Heading | undefined {
  let level = 0;
  while (text[s + level] === '#') level++;
  const nameStart = skipBlanks(text, s + level, e);
  if (nameStart >= e) {
    model.errors.push({ file: model.file, message: 'Intent header without a name: write `# IntentName`.', at: { start: s, end: e } });
    return undefined;
  }
  if (previous && previous.examples === 0 && level > previous.level) {
    const k = model.intents.indexOf(previous.intent);
    if (k >= 0) model.intents.splice(k, 1);
  }
  const intent: Intent = { name: text.slice(nameStart, e), file: model.file, declaration: { start: nameStart, end: e }, responses: [] };
  model.intents.push(intent);
  return { intent, level, examples: 0 };
}

/**
 * `@ type name [hasRoles a, b] [usesFeature x] [= ...]` or legacy `$name:type`.
 * Records prebuilt entities as variables. Returns whether `- ` lines that
 * follow belong to the entity (its definition ends with `=`).
 */
function entityLine(model: FileModel, text: string, s: number, e: number): boolean {
  const line = text.slice(s, e);
  const opensBlock = /=\s*$/.test(line);
  if (line[0] === '$') {
    const legacy = /^\$\s*PREBUILT\s*:\s*([A-Za-z][\w.]*)/i.exec(line);
    if (legacy) addPrebuilt(model, legacy[1], s + legacy[0].length - legacy[1].length, []);
    return opensBlock;
  }
  const m = /^@\s*([A-Za-z][\w]*)\s+/.exec(line);
  if (!m || m[1].toLowerCase() !== 'prebuilt') return opensBlock;
  const rest = line.slice(m[0].length);
  const name = /^[A-Za-z][\w.]*/.exec(rest)?.[0];
  if (!name) return opensBlock;
  // roles: `hasRoles a, b` or, in the short form, the names right after the prebuilt's
  const afterName = rest.slice(name.length).replace(/\busesFeatures?\b.*$/i, '').replace(/=.*$/, '');
  const roles = afterName
    .replace(/\bhasRoles?\b/i, '')
    .split(/[\s,]+/)
    .filter((r) => /^[A-Za-z_][\w-]*$/.test(r));
  addPrebuilt(model, name, s + m[0].length, roles);
  return opensBlock;
}

function addPrebuilt(model: FileModel, prebuilt: string, at: number, roles: string[]): void {
  const type = PREBUILT_TYPES[prebuilt.toLowerCase()];
  const entities = [`prebuilt:${prebuilt}`];
  const declaration = { start: at, end: at + prebuilt.length };
  const variable = (name: string): Variable => ({
    name,
    aliases: [`@${name}`, `turn.recognized.entities.${name}`],
    file: model.file,
    declaration,
    entities,
    ...(type ? { type } : {}),
  });
  model.variables.push(variable(prebuilt));
  for (const role of roles) model.variables.push(variable(role));
}
