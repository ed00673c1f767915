import * as fs from 'fs';
import * as jsyaml from 'js-yaml';
import { splitFrontmatter } from '../document/frontmatter';
import { isStackOverflow, MAX_FRONTMATTER_LENGTH, parseFrontmatterYaml, tooLargeMessage, YAML_TO_JS_OPTIONS } from '../document/patternDocument';
import { compactNestingOffset, dataTooDeep, TOO_DEEP_MESSAGE } from '../document/yamlNesting';

/**
 * js-yaml's CORE_SCHEMA still reads YAML 1.1 numbers (`0b101`, `1_000`) and misses `-.5`; these types
 * resolve scalars exactly as the YAML 1.2 core schema of the full parser (package `yaml`) does.
 * An explicit tag on text it does not fit (`!!int x`) keeps the text, as the full parser does.
 */
function coreScalarTypes(tag: string, test: RegExp, value: (text: string) => unknown): jsyaml.Type[] {
  return [
    new jsyaml.Type(tag, { kind: 'scalar', resolve: (data: unknown) => typeof data === 'string' && test.test(data), construct: value }),
    new jsyaml.Type(tag, { kind: 'scalar', resolve: () => true, construct: (data: unknown) => (test.test(String(data ?? '')) ? value(String(data ?? '')) : data ?? '') }),
  ];
}
/** The YAML 1.2 core schema's ints and floats, and their values; workspace/blockYaml.ts reads plain scalars with them too. */
export const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
export const coreIntValue = (text: string): number =>
  (text.startsWith('0o') ? parseInt(text.slice(2), 8) : text.startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10));
export const CORE_FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+)|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
export const coreFloatValue = (text: string): number =>
  (/nan$/i.test(text) ? NaN : /inf$/i.test(text) ? (text.startsWith('-') ? -Infinity : Infinity) : parseFloat(text));
const [INT_12, EXPLICIT_INT] = coreScalarTypes('tag:yaml.org,2002:int', CORE_INT, coreIntValue);
const [FLOAT_12, EXPLICIT_FLOAT] = coreScalarTypes('tag:yaml.org,2002:float', CORE_FLOAT, coreFloatValue);
const [, EXPLICIT_BOOL] = coreScalarTypes('tag:yaml.org,2002:bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (text) => /^t/i.test(text));
const [, EXPLICIT_NULL] = coreScalarTypes('tag:yaml.org,2002:null', /^(?:~|[Nn]ull|NULL|)$/, () => null);
/** The full parser only warns about a tag it does not know and keeps the plain value; so does this. */
const ANY_TAG = (['!', 'tag:'] as const).flatMap((prefix) => (['scalar', 'sequence', 'mapping'] as const).map((kind) =>
  new jsyaml.Type(prefix, { kind, multi: true, construct: (data: unknown) => data ?? (kind === 'scalar' ? '' : kind === 'sequence' ? [] : {}) })));
const YAML_12_CORE = jsyaml.CORE_SCHEMA.extend({
  implicit: [INT_12, FLOAT_12],
  explicit: [EXPLICIT_INT, EXPLICIT_FLOAT, EXPLICIT_BOOL, EXPLICIT_NULL, ...ANY_TAG],
});

/** An alias (`*name`), roughly: a false match only costs a slower parse. */
const ALIAS = /(?:^|[\s[{,])\*[^\s,[\]{}]/m;

/** True when the YAML may use an alias (`*name`); false for certain when it does not. */
export function mayHoldAlias(yamlText: string): boolean {
  return ALIAS.test(yamlText);
}

/** A null, empty or complex key (`null:`, `: x`, `? k`, `[a]: x`), roughly: a false match only costs a slower parse. */
const NULL_OR_COMPLEX_KEY = /^[ \t]*(?:-[ \t]+)*(?:(?:null|Null|NULL|~)?[ \t]*:(?=[ \t\r\n]|$)|\?(?=[ \t\r\n]|$)|[[{][^\n]*[\]}][ \t]*:(?=[ \t\r\n]|$))|[{,][ \t]*(?:(?:null|Null|NULL|~)[ \t]*)?:(?=[ \t\r\n,}])/m;

/**
 * True when the YAML may have a key that is null, empty or a collection: js-yaml and package yaml
 * both read these but write them differently as keys of the data (`null` or ''), so a document that
 * must agree with the full parse reads them the full way.
 */
export function mayHoldOddKey(yamlText: string): boolean {
  return NULL_OR_COMPLEX_KEY.test(yamlText);
}

/** js-yaml with the YAML 1.2 core schema: the same language the full parser accepts. */
export function loadYamlFast(yamlText: string): unknown {
  // The full parser does not read frontmatters over MAX_FRONTMATTER_LENGTH; neither does this.
  if (yamlText.length > MAX_FRONTMATTER_LENGTH) throw new Error(tooLargeMessage(yamlText.length));
  // The full parser refuses alias bombs (YAML_TO_JS_OPTIONS.maxAliasCount) and js-yaml has no such
  // limit; aliases are rare in patterns (none in the Commons OS library), so such YAML is read the full way.
  // The full parser refuses YAML nested deeper than MAX_YAML_NESTING (document/yamlNesting.ts); so does
  // loadYamlWithoutAliases.
  return mayHoldAlias(yamlText) ? loadYamlFull(yamlText) : loadYamlWithoutAliases(yamlText);
}

/** loadYamlFast for YAML that mayHoldAlias has cleared: js-yaml alone, within the full parser's bounds. */
export function loadYamlWithoutAliases(yamlText: string): unknown {
  if (yamlText.length > MAX_FRONTMATTER_LENGTH) throw new Error(tooLargeMessage(yamlText.length));
  if (compactNestingOffset(yamlText) >= 0) throw new Error(TOO_DEEP_MESSAGE);
  // An empty document is null, as in the full parser (js-yaml gives undefined).
  const data = jsyaml.load(yamlText, { schema: YAML_12_CORE }) ?? null;
  if (dataTooDeep(data)) throw new Error(TOO_DEEP_MESSAGE);
  return data;
}

function loadYamlFull(yamlText: string): unknown {
  const { yaml, errors } = parseFrontmatterYaml(yamlText.replace(/\r(?!\n)/g, '\n'));
  if (!yaml || errors.length > 0) throw new Error(errors[0].message);
  return yaml.toJS(YAML_TO_JS_OPTIONS);
}

export type FastReadResult =
  | { readonly kind: 'frontmatter'; readonly data: unknown }
  | { readonly kind: 'no-frontmatter' }
  | { readonly kind: 'unclosed' }
  | { readonly kind: 'yaml-error'; readonly message: string };

const CHUNK = 16 * 1024;

/**
 * Reads a file only up to its closing frontmatter fence and parses the frontmatter with js-yaml.
 * This is the index's path for files that are not open.
 */
export function readFrontmatterFast(filePath: string): FastReadResult {
  return parseFrontmatterFast(readPrefix(filePath));
}

/** Parses the frontmatter of a text (or of a prefix that contains the closing fence). */
export function parseFrontmatterFast(text: string): FastReadResult {
  const split = splitFrontmatter(text);
  if (!split) return { kind: 'no-frontmatter' };
  if (!split.closed) return { kind: 'unclosed' };
  try {
    // Exactly the YAML the full parser reads: gray-matter split again on its own (a `---x` line ended
    // the frontmatter early) and turned an empty frontmatter into {} where the full parser has null.
    return { kind: 'frontmatter', data: loadYamlFast(text.slice(split.yamlStart, split.yamlEnd)) };
  } catch (error) {
    // js-yaml and package yaml recurse per nesting level; a stack overflow is the file's problem, said plainly.
    return { kind: 'yaml-error', message: isStackOverflow(error) ? TOO_DEEP_MESSAGE : error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads chunks until the text holds a closing fence (or the file ends). Each chunk is as large as
 * all before it, so the text is decoded and searched O(log n) times, not once per 16 KiB (a 10 MB
 * file without a closing fence took 30 s that way).
 */
function readPrefix(filePath: string): string {
  const fd = fs.openSync(filePath, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const size = Math.max(CHUNK, total);
      const buf = Buffer.allocUnsafe(size);
      const n = fs.readSync(fd, buf, 0, size, total);
      if (n <= 0) break;
      chunks.push(n === size ? buf : buf.subarray(0, n));
      total += n;
      if (n < size) break;
      const text = Buffer.concat(chunks).toString('utf8');
      const split = splitFrontmatter(text);
      // A fence at the very end of the chunk may continue in the next one (`---x`): read on.
      if (!split || (split.closed && split.closeEnd! < text.length)) return text;
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
