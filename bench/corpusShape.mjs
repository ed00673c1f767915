// Measures the shape of a pattern library (frontmatter and body sizes, relationships and inferred
// links per file, broken targets, domains), so that the synthetic generator can be compared with
// the real library: `node bench/corpusShape.mjs DIR [DIR...]`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import jsyaml from 'js-yaml';

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

function median(values) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function targetOf(entry) {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') return typeof entry.slug === 'string' ? entry.slug : typeof entry.id === 'string' ? entry.id : undefined;
  return undefined;
}

/** Shape of the v7.1 files (those with `ontology`) of a folder's `*.md` files (not recursive). */
export function corpusShape(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const slugs = new Set();
  const v71 = [];
  let unparsed = 0;
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const match = FRONTMATTER.exec(text);
    if (!match) continue;
    let data;
    try {
      data = jsyaml.load(match[1], { schema: jsyaml.CORE_SCHEMA });
    } catch {
      unparsed++;
      continue;
    }
    if (!data || typeof data !== 'object') continue;
    if (typeof data.slug === 'string') slugs.add(data.slug);
    if (data.ontology) v71.push({ data, frontmatterBytes: Buffer.byteLength(match[0]), bodyBytes: Buffer.byteLength(text) - Buffer.byteLength(match[0]) });
  }
  let relTargets = 0, relBroken = 0, relStrings = 0, linkTargets = 0, linkBroken = 0;
  const relsPerFile = [], linksPerFile = [], domains = new Set();
  for (const { data } of v71) {
    if (typeof data.ontology.domain === 'string') domains.add(data.ontology.domain);
    let rels = 0;
    for (const list of Object.values(data.relationships ?? {})) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        rels++;
        if (typeof entry === 'string') relStrings++;
        const target = targetOf(entry);
        relTargets++;
        if (!target || !slugs.has(target)) relBroken++;
      }
    }
    relsPerFile.push(rels);
    const links = Array.isArray(data.graph_garden?.inferred_links) ? data.graph_garden.inferred_links : [];
    linksPerFile.push(links.length);
    for (const link of links) {
      linkTargets++;
      if (!slugs.has(link?.target)) linkBroken++;
    }
  }
  const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
  const round = (x, digits = 2) => Number(x.toFixed(digits));
  return {
    files: files.length,
    v71Files: v71.length,
    unparsed,
    frontmatterBytesMedian: median(v71.map((f) => f.frontmatterBytes)),
    bodyBytesMedian: median(v71.map((f) => f.bodyBytes)),
    relationshipsPerFile: round(mean(relsPerFile)),
    inferredLinksPerFile: round(mean(linksPerFile)),
    brokenRelationshipRate: round(relTargets ? relBroken / relTargets : 0, 3),
    brokenInferredLinkRate: round(linkTargets ? linkBroken / linkTargets : 0, 3),
    bareStringRelationshipRate: round(relTargets ? relStrings / relTargets : 0, 3),
    domains: domains.size,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) {
    console.error('usage: node bench/corpusShape.mjs DIR [DIR...]');
    process.exit(2);
  }
  for (const dir of dirs) console.log(dir, corpusShape(dir));
}
