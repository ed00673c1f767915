// Seeded generator of synthetic v7.1 pattern libraries shaped like the real Commons OS library
// (measured on its 2,059 v7.1 files with bench/corpusShape.mjs): frontmatter about 8 KB (the real
// median is 8.5 KB; the group banners alone are ~2.5 KB of multi-byte box-drawing characters), body
// about 20 KB in the eight sections, ~7 relationships and ~9 inferred links a file, ~5% broken
// targets, ~1% of relationship entries as bare strings, 64 domains.
// One "hub" pattern (the first slug) is linked from exactly HUB_LINKS other files, so that a rename
// of a slug with 50 backlinks can be measured at every size; no other file links to it.
// Same seed and size -> byte-identical files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Bump when the shape changes: cached libraries of another version are regenerated. */
export const GENERATOR_VERSION = 2;
export const HUB_LINKS = 50;

const WORDS = ('commons stewardship ledger trust council garden signal circuit harvest river forest ' +
  'lattice beacon charter compass weave mesh root canopy bridge anchor pulse thread loom hearth ' +
  'market covenant guild quorum relay harbor orchard meadow spring ember tide summit valley grove ' +
  'prism vector kernel cipher atlas delta vertex nexus orbit cascade fractal mosaic tandem').split(' ');
const DOMAIN_ROOTS = ['operations', 'platform', 'startup', 'design', 'governance', 'finance', 'ecology', 'health',
  'education', 'security', 'urban', 'culture', 'learning', 'leadership', 'parenting', 'creativity'];
const DOMAINS = Array.from({ length: 64 }, (_, i) => DOMAIN_ROOTS[i % 16] + (i < 16 ? '' : `-${Math.floor(i / 16)}`));
const KINDS = ['generalizes_from', 'specializes_to', 'enables', 'requires', 'alternatives', 'complementary', 'tools'];
const AUDIENCES = ['corporate', 'government', 'activist', 'tech'];
const ENTITY_TYPES = ['concept', 'person', 'practice', 'framework', 'organization'];
const PILLARS = ['stakeholder_architecture', 'value_creation', 'resilience', 'ownership', 'autonomy', 'composability', 'fractal_value'];
const SECTIONS = [['Context', 150], ['Problem', 150], ['Solution', 300], ['Implementation', 400], ['Consequences', 250],
  ['Known Uses', 250], ['Cognitive Era', 200], ['Vitality', 250]];
const RULE = `# ${'═'.repeat(67)}`;

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same sequence on every machine. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function slugsFor(count) {
  const slugs = [];
  for (let i = 0; i < count; i++) slugs.push(`${WORDS[i % WORDS.length]}-${WORDS[Math.floor(i / WORDS.length) % WORDS.length]}-${i}`);
  return slugs;
}

/** Indices of the files that link to the hub (slugs[0]): HUB_LINKS of them spread over the library. */
export function hubLinkers(count) {
  const others = count - 1;
  const n = Math.min(HUB_LINKS, others);
  return new Set(Array.from({ length: n }, (_, k) => 1 + Math.floor((k * others) / n)));
}

function sentence(rand, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return out.join(' ') + '.';
}

function paragraph(rand, words) {
  const parts = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 8 + Math.floor(rand() * 10));
    parts.push(sentence(rand, n));
    left -= n;
  }
  return parts.join(' ');
}

/** Folds a paragraph into lines of about 70 characters, as the real `>-` blocks are. */
function folded(text, indent) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 70) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const between = (rand, lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const score = (rand) => Math.round((2 + rand() * 3) * 2) / 2;
const banner = (title) => [RULE, `# ${title}`, RULE];

/** The text of pattern `i` of a library whose slugs are `slugs`. */
export function patternText(rand, slugs, i, brokenRate, linksToHub = false) {
  const slug = slugs[i];
  const title = slug.split('-').slice(0, 2).map((w) => w[0].toUpperCase() + w.slice(1)).join(' ') + ` ${i}`;
  // Never the hub (slugs[0]) at random: its backlinks are exactly the hub linkers.
  const target = () => (rand() < brokenRate || slugs.length < 2
    ? `missing-${pick(rand, WORDS)}-${Math.floor(rand() * 1e6)}`
    : slugs[1 + Math.floor(rand() * (slugs.length - 1))]);
  const pillars = PILLARS.map(() => score(rand));
  const vitality = score(rand);
  const mean = [...pillars, vitality].reduce((a, b) => a + b, 0) / 8;
  const id = 'pat_' + Array.from({ length: 26 }, () => '0123456789abcdefghjkmnpqrstvwxyz'[Math.floor(rand() * 32)]).join('');
  const rels = Object.fromEntries(KINDS.map((k) => [k, []]));
  const relCount = between(rand, 5, 9);
  for (let r = 0; r < relCount; r++) rels[pick(rand, KINDS)].push(target());
  if (linksToHub) rels.complementary.push(slugs[0]);
  const relEntry = (t) => (rand() < 0.01 ? [`    - ${t}`] : [`    - slug: ${t}`, `      weight: ${(0.5 + rand() / 2).toFixed(2)}`]);
  const lines = ['---', ...banner('GROUP 1: CORE IDENTITY'), `id: ${id}`, `slug: ${slug}`, `title: "${title}"`,
    'aliases: []', 'summary: >-', ...folded(paragraph(rand, 30), '  '), '',
    ...banner('GROUP 2: CONTEXTUAL TRANSLATION (The Navigator Engine)'), 'context_labels:',
    ...AUDIENCES.map((a) => `  ${a}: "${sentence(rand, 6)}"`), '',
    ...banner('GROUP 3: ONTOLOGY & SEARCH OPTIMIZATION (The RAG Fuel)'), 'ontology:',
    `  domain: ${pick(rand, DOMAINS)}`, `  cross_domains: [${Array.from({ length: between(rand, 0, 2) }, () => pick(rand, DOMAINS)).join(', ')}]`,
    '  commons_domain:', '    - life', '  search_hints:', `    primary_tension: "${sentence(rand, 2)} vs. ${sentence(rand, 2)}"`,
    `    vector_keywords: [${Array.from({ length: 5 }, () => `"${pick(rand, WORDS)}"`).join(', ')}]`, '  commons_assessment:',
    ...PILLARS.map((k, j) => `    ${k}: ${pillars[j].toFixed(1)}`),
    `    vitality: ${vitality.toFixed(1)}`, '    vitality_reasoning: >-', ...folded(paragraph(rand, 45), '      '),
    `    overall_score: ${(Math.round(mean * 10) / 10).toFixed(1)}`, '',
    ...banner('GROUP 4: LIFECYCLE & CONFIDENCE'), 'lifecycle:',
    '  usage_stage: application', '  adoption_stage: growth', '  status: draft', '  version: 0.1', `  confidence: ${between(rand, 1, 3)}`, '',
    ...banner('GROUP 5: HARD RELATIONSHIPS (Human-Curated Graph)'), 'relationships:',
    ...KINDS.flatMap((k) => (rels[k].length ? [`  ${k}:`, ...rels[k].flatMap(relEntry)] : [`  ${k}: []`])),
    ...banner('GROUP 6: GRAPH GARDEN (Machine-Written Graph)'), 'graph_garden:', '  last_pruned: 2026-02-19', '  entities:',
    ...Array.from({ length: between(rand, 8, 12) }, () => [`    - id: ${pick(rand, WORDS)}-${pick(rand, WORDS)}`, `      type: ${pick(rand, ENTITY_TYPES)}`,
      `      label: "${sentence(rand, 2)}"`, `      relevance: ${(0.5 + rand() / 2).toFixed(2)}`]).flat(),
    '  communities:',
    ...Array.from({ length: between(rand, 3, 6) }, () => [`    - id: ${pick(rand, WORDS)}-${pick(rand, WORDS)}`, `      label: "${sentence(rand, 4)}"`,
      `      source: ${rand() < 0.5 ? 'inferred' : 'taxonomy'}`, `      confidence: ${(0.5 + rand() / 2).toFixed(2)}`]).flat(),
    '  inferred_links:',
    ...Array.from({ length: between(rand, 7, 11) }, () => [`    - target: ${target()}`, `      type: ${pick(rand, KINDS)}`,
      `      confidence: ${(0.5 + rand() / 2).toFixed(2)}`, `      reason: "${sentence(rand, 11)}"`]).flat(),
    ...banner('GROUP 7: PROVENANCE'), 'contributors: ["higgerix", "cloudsters"]', 'sources:', `  - "${sentence(rand, 3)}"`,
    'license: CC-BY-SA-4.0', 'attribution: "commons.engineering by cloudsters, https://cloudsters.net"', '---', '', `> ${sentence(rand, 15)}`, ''];
  for (const [n, [name, words]] of SECTIONS.entries()) {
    lines.push('', `### Section ${n + 1}: ${name}`, '');
    let left = Math.round(words * 1.5); // ~20 KB bodies, as in the real library
    while (left > 0) {
      lines.push(paragraph(rand, Math.min(left, 120)), '');
      left -= 120;
    }
  }
  return lines.join('\n');
}

/** Writes a library of `count` patterns into `dir` (emptied first); returns the slugs (slugs[0] is the hub). */
export function generateLibrary(dir, count, seed = 42, brokenRate = 0.05) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const rand = mulberry32(seed);
  const slugs = slugsFor(count);
  const linkers = hubLinkers(count);
  for (let i = 0; i < count; i++) {
    fs.writeFileSync(path.join(dir, `${slugs[i]}.md`), patternText(rand, slugs, i, brokenRate, linkers.has(i)));
  }
  return slugs;
}

const MARKER = '.generated.json';

/**
 * A cached library: reused when `dir` holds one made by this generator version with the same
 * parameters, else generated (into a temporary sibling, renamed when complete, so an interrupted
 * run never leaves a half-written library that looks valid).
 */
export function ensureLibrary(dir, count, seed = 42, brokenRate = 0.05) {
  const wanted = { generatorVersion: GENERATOR_VERSION, count, seed, brokenRate };
  try {
    const found = JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8'));
    if (JSON.stringify(found) === JSON.stringify(wanted)) return { dir, slugs: slugsFor(count), generated: false };
  } catch {
    // No marker (or an unreadable one): generate.
  }
  const staging = `${dir}.partial-${process.pid}`;
  const slugs = generateLibrary(staging, count, seed, brokenRate);
  fs.writeFileSync(path.join(staging, MARKER), JSON.stringify(wanted));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
  return { dir, slugs, generated: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, count = '1000', seed = '42'] = process.argv.slice(2);
  if (!dir || !/^\d+$/.test(count) || !/^\d+$/.test(seed)) {
    console.error('usage: node bench/generateLibrary.mjs DIR [COUNT] [SEED]');
    process.exit(2);
  }
  generateLibrary(dir, Number(count), Number(seed));
  console.log(`wrote ${count} patterns to ${dir} (hub: ${slugsFor(Number(count))[0]}, linked from ${hubLinkers(Number(count)).size} files)`);
}
