import * as fs from 'fs';
import matter from 'gray-matter';
import * as jsyaml from 'js-yaml';
import { splitFrontmatter } from '../document/frontmatter';

/** js-yaml with the YAML 1.2 core schema: the same language the full parser accepts. */
export function loadYamlFast(yamlText: string): unknown {
  return jsyaml.load(yamlText, { schema: jsyaml.CORE_SCHEMA });
}

// Passing options (engines) also keeps gray-matter from caching every input forever.
const GRAY_MATTER_OPTIONS = { engines: { yaml: (s: string) => loadYamlFast(s) as object } };

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
    const prefix = text.slice(split.bomLength, split.closeEnd);
    const parsed = matter(prefix, GRAY_MATTER_OPTIONS);
    return { kind: 'frontmatter', data: parsed.data };
  } catch (error) {
    return { kind: 'yaml-error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Reads chunks until the text holds a closing fence (or the file ends). */
function readPrefix(filePath: string): string {
  const fd = fs.openSync(filePath, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      const n = fs.readSync(fd, buf, 0, CHUNK, total);
      if (n <= 0) break;
      chunks.push(n === CHUNK ? buf : buf.subarray(0, n));
      total += n;
      if (n < CHUNK) break;
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
