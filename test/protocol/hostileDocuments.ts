import * as fs from 'fs';
import * as path from 'path';
import { FIXTURE_WORKSPACE } from './lspTestClient';

/**
 * Hostile documents for the protocol tests: text an editor may hand the server at any time (a
 * half-downloaded file, a binary opened by mistake, a YAML bomb from an untrusted repository).
 * Each is built from a seed or a formula, so every run sends the same bytes.
 */
export interface HostileDocument {
  /** File name in the workspace (the slug it is indexed under when it has a frontmatter that does not parse). */
  readonly file: string;
  readonly text: string;
  /** The slug completion offers for this document while it is open, if it is indexed as a pattern. */
  readonly indexedAs: string | undefined;
}

/** A valid v7.1 pattern (the fixture active-listening.md) under another slug and id: it checks clean. */
export function validPatternText(slug: string, id: string): string {
  const text = fs.readFileSync(path.join(FIXTURE_WORKSPACE, 'active-listening.md'), 'utf8');
  return text
    .replace('slug: active-listening', `slug: ${slug}`)
    .replace('id: pat_01m8h8hpk7ecw9c0evnejqjzje', `id: ${id}`);
}

/** "Billion laughs": nine levels of nine aliases each, 9^9 (387 million) strings once expanded. */
export function aliasBomb(): HostileDocument {
  const lines = ['---', 'slug: hostile-bomb', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let level = 1; level < names.length; level++) {
    const previous = `*${names[level - 1]}`;
    lines.push(`${names[level]}: &${names[level]} [${Array(9).fill(previous).join(',')}]`);
  }
  lines.push('---', '');
  return { file: 'hostile-bomb.md', text: lines.join('\n'), indexedAs: 'hostile-bomb' };
}

/** A valid pattern whose Section 1 is about 10 MB of prose: analysed in full. */
export function tenMegabytes(): HostileDocument {
  const base = validPatternText('hostile-huge', 'pat_01m8h8hpk7ecw9c0evnejqjzja');
  const paragraph = `${'Listening with attention is slow work, and that is the point. '.repeat(16)}\n\n`;
  const filler = paragraph.repeat(Math.ceil((10 * 1024 * 1024) / paragraph.length));
  const text = base.replace('People talk past each other in meetings.\n', `People talk past each other in meetings.\n\n${filler}`);
  return { file: 'hostile-huge.md', text, indexedAs: 'hostile-huge' };
}

/** A valid pattern whose frontmatter is followed by 100,000 lines of keys the schema does not know. */
export function longFrontmatter(lines: number): HostileDocument {
  const base = validPatternText('hostile-long-frontmatter', 'pat_01m8h8hpk7ecw9c0evnejqjzjb');
  const extra = Array.from({ length: lines }, (_, i) => `note_${i}: "line ${i} of a generated frontmatter"`).join('\n');
  const text = base.replace('attribution: "commons.engineering by cloudsters, https://cloudsters.net"\n', (line) => `${line}${extra}\n`);
  return { file: 'hostile-long-frontmatter.md', text, indexedAs: 'hostile-long-frontmatter' };
}

/** Flow sequences and flow mappings nested 10,000 deep. */
export function deepFlow(depth: number): HostileDocument {
  const text = [
    '---',
    'slug: hostile-deep-flow',
    `sequences: ${'['.repeat(depth)}${']'.repeat(depth)}`,
    `mappings: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}`,
    '---',
    '',
  ].join('\n');
  return { file: 'hostile-deep-flow.md', text, indexedAs: 'hostile-deep-flow' };
}

/** A valid pattern with NUL characters and U+FFFD (what invalid UTF-8 decodes to) in its title, summary and body. */
export function nulAndReplacement(): HostileDocument {
  const text = validPatternText('hostile-nul', 'pat_01m8h8hpk7ecw9c0evnejqjzjc')
    .replace('title: "Active Listening"', 'title: "Active\\0 Listening \uFFFD\uFFFD"')
    .replace('  Listening with full attention', '  Listening \uFFFD with full attention')
    .replace('Listening is the first act of care.', 'Listening \u0000 is the first \uFFFD\u0000 act of care.');
  return { file: 'hostile-nul.md', text, indexedAs: 'hostile-nul' };
}

export function emptyDocument(): HostileDocument {
  return { file: 'hostile-empty.md', text: '', indexedAs: undefined };
}

export function onlyFence(): HostileDocument {
  return { file: 'hostile-only-fence.md', text: '---', indexedAs: 'hostile-only-fence' };
}

/**
 * `---` and then 64 KB of seeded random bytes read as Latin-1 (every control character, NUL
 * included), lone surrogates and no `-` at all, so that the frontmatter is never closed.
 */
export function binaryGarbage(): HostileDocument {
  const bytes = Buffer.alloc(64 * 1024);
  let seed = 20240611;
  for (let i = 0; i < bytes.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    const byte = seed >>> 16 & 0xff;
    bytes[i] = byte === 0x2d ? 0x00 : byte;
  }
  return { file: 'hostile-garbage.md', text: `---\n${bytes.toString('latin1')}\ud800 \udfff \ud83d`, indexedAs: 'hostile-garbage' };
}
