// Where to ask the server things in a pattern file: inside relationship slug values, inside
// inferred-link targets and inside keys of the frontmatter; and which files make good subjects.
import * as fs from 'node:fs';
import * as path from 'node:path';

const REL_SLUG = /^(\s+- slug: )([A-Za-z0-9][A-Za-z0-9_.-]*)\s*$/;
const LINK_TARGET = /^(\s+- target: )([A-Za-z0-9][A-Za-z0-9_.-]*)\s*$/;
const KEY = /^(\s*)([a-z_]{3,}):/;
const SLUG_DECLARATION = /^(slug: )([A-Za-z0-9][A-Za-z0-9_.-]*)\s*$/;

/** The frontmatter lines of a text (between the opening fence and the closing one), with their line numbers. */
function frontmatterLines(text) {
  const lines = text.split(/\r?\n/);
  if (lines[0] !== '---') return [];
  const out = [];
  for (let i = 1; i < lines.length && lines[i] !== '---'; i++) out.push({ line: i, text: lines[i] });
  return out;
}

/**
 * Positions in a pattern text: `relSlugs` and `linkTargets` (the middle of the value, plus the value's
 * start and end), `keys` (the middle of the key), `declaration` (the middle of the top-level slug).
 */
export function positionsIn(text) {
  const found = { relSlugs: [], linkTargets: [], keys: [], declaration: undefined };
  for (const { line, text: lineText } of frontmatterLines(text)) {
    const value = (match) => ({
      value: match[2],
      start: { line, character: match[1].length },
      middle: { line, character: match[1].length + Math.floor(match[2].length / 2) },
      end: { line, character: match[1].length + match[2].length },
    });
    let match;
    if ((match = REL_SLUG.exec(lineText))) found.relSlugs.push(value(match));
    else if ((match = LINK_TARGET.exec(lineText))) found.linkTargets.push(value(match));
    else if ((match = SLUG_DECLARATION.exec(lineText))) found.declaration = value(match);
    if ((match = KEY.exec(lineText))) found.keys.push({ line, character: match[1].length + Math.floor(match[2].length / 2) });
  }
  return found;
}

export function listPatternFiles(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(dir, f));
}

/**
 * `count` files spread evenly over the folder that have at least 3 relationship slugs and 3
 * inferred-link targets (v7.1 files with links: what an author edits), skipping `avoid`.
 */
export function pickDocuments(files, count, avoid = new Set()) {
  const picked = [];
  const stride = Math.max(1, Math.floor(files.length / (count + 1)));
  for (let start = stride; picked.length < count && start < files.length + stride; start += stride) {
    // From each evenly spaced starting point, the first suitable file (at most 50 looked at).
    for (let i = start; i < Math.min(files.length, start + 50); i++) {
      if (avoid.has(files[i]) || picked.includes(files[i])) continue;
      const p = positionsIn(fs.readFileSync(files[i], 'utf8'));
      if (p.relSlugs.length >= 3 && p.linkTargets.length >= 3 && p.keys.length >= 20) {
        picked.push(files[i]);
        break;
      }
    }
  }
  return picked;
}

/**
 * The slug whose number of linking files (relationship slugs and inferred-link targets, counted
 * once per file) is closest to `wanted`, among slugs declared by a file named after them.
 */
export function slugWithBacklinks(files, wanted) {
  const linkers = new Map();
  const declaredIn = new Map();
  for (const file of files) {
    const p = positionsIn(fs.readFileSync(file, 'utf8'));
    if (p.declaration && path.basename(file, '.md') === p.declaration.value) declaredIn.set(p.declaration.value, file);
    for (const target of new Set([...p.relSlugs, ...p.linkTargets].map((v) => v.value))) linkers.set(target, (linkers.get(target) ?? 0) + 1);
  }
  let best;
  for (const [slug, count] of linkers) {
    if (!declaredIn.has(slug)) continue;
    if (!best || Math.abs(count - wanted) < Math.abs(best.linkingFiles - wanted)) best = { slug, file: declaredIn.get(slug), linkingFiles: count };
  }
  return best;
}
