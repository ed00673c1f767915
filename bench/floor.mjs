// The floor: what any checker of a pattern library must at least do. Lists the Markdown files
// under a folder (skipping dot-folders and node_modules, as the CLI does), reads each one, finds
// the closing frontmatter fence and parses the frontmatter with js-yaml (CORE_SCHEMA). One thread,
// no rules, no positions. Prints {files, parsed, failed, ms} as JSON.
// Usage: node bench/floor.mjs DIR
import * as fs from 'node:fs';
import * as path from 'node:path';
import jsyaml from 'js-yaml';

function listMarkdown(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listMarkdown(full, out);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) out.push(full);
  }
  return out;
}

/** The YAML between the opening `---` line and the next `---` line, or undefined. */
function frontmatterOf(text) {
  if (!text.startsWith('---')) return undefined;
  const open = text.indexOf('\n');
  if (open < 0) return undefined;
  const close = text.indexOf('\n---', open);
  return close < 0 ? undefined : text.slice(open + 1, close);
}

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/floor.mjs DIR');
  process.exit(2);
}
const start = process.hrtime.bigint();
let parsed = 0;
let failed = 0;
const files = listMarkdown(dir, []);
for (const file of files) {
  const yamlText = frontmatterOf(fs.readFileSync(file, 'utf8'));
  if (yamlText === undefined) continue;
  try {
    jsyaml.load(yamlText, { schema: jsyaml.CORE_SCHEMA });
    parsed++;
  } catch {
    failed++;
  }
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ files: files.length, parsed, failed, ms: Math.round(ms * 10) / 10 }));
