import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The injection grammar, tokenized by VS Code's own TextMate engine with VS Code's Markdown and
 * YAML grammars — taken from the code-server that scripts/e2e/install.sh puts in .cache (the
 * engine and those grammars are not published on their own). Without that install the test says
 * so loudly and checks only that the grammar file is well-formed.
 */
const REPO = path.resolve(__dirname, '../../../..');
const GRAMMAR = path.join(REPO, 'syntaxes/pattern-frontmatter.tmLanguage.json');
const INJECTION_SCOPE = 'commons-patterns.pattern-file.injection';
const VSCODE_DIR = path.join(process.env.E2E_CACHE_DIR ? path.resolve(process.env.E2E_CACHE_DIR) : path.join(REPO, '.cache/code-server'), 'node_modules/code-server/lib/vscode');

interface Token { text: string; scopes: string[] }
type Tokenizer = (text: string) => Token[][];

async function loadTokenizer(): Promise<Tokenizer | undefined> {
  if (!fs.existsSync(path.join(VSCODE_DIR, 'node_modules/vscode-textmate'))) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tm = require(path.join(VSCODE_DIR, 'node_modules/vscode-textmate'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const onig = require(path.join(VSCODE_DIR, 'node_modules/vscode-oniguruma'));
  const wasm = fs.readFileSync(path.join(VSCODE_DIR, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const extensions = path.join(VSCODE_DIR, 'extensions');
  const files: Record<string, string> = { 'text.html.markdown': path.join(extensions, 'markdown-basics/syntaxes/markdown.tmLanguage.json'), [INJECTION_SCOPE]: GRAMMAR };
  for (const name of fs.readdirSync(path.join(extensions, 'yaml/syntaxes'))) {
    const file = path.join(extensions, 'yaml/syntaxes', name);
    files[JSON.parse(fs.readFileSync(file, 'utf8')).scopeName] = file;
  }
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s: string[]) => new onig.OnigScanner(s), createOnigString: (s: string) => new onig.OnigString(s) }),
    loadGrammar: async (scope: string) => (files[scope] ? tm.parseRawGrammar(fs.readFileSync(files[scope], 'utf8'), files[scope]) : null),
    getInjections: (scope: string) => (scope === 'text.html.markdown' ? [INJECTION_SCOPE] : []),
  });
  const markdown = await registry.loadGrammar('text.html.markdown');
  return (text) => {
    let stack = tm.INITIAL;
    return text.split('\n').map((line) => {
      const result = markdown.tokenizeLine(line, stack);
      stack = result.ruleStack;
      return result.tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    });
  };
}

const SAMPLE = [
  '---', //                                          0
  '# ═══════════════════════════════', //             1
  '# GROUP 1: CORE IDENTITY', //                      2
  'slug: top-level', //                               3
  'title: "my slug: 7"', //                           4
  'ontology:', //                                     5
  '  commons_assessment:', //                         6
  '    resilience: 7', //                             7
  '    overall_score: 3.4 # rounded', //              8
  'relationships:', //                                9
  '  enables:', //                                    10
  '    - slug: active-listening-depth', //            11
  '      weight: 0.85', //                            12
  '    - id: pat_x', //                               13
  '      slug: "quoted-slug"', //                     14
  'graph_garden:', //                                 15
  '  inferred_links:', //                             16
  '    - target: emotional-safety', //                17
  '      confidence: .9', //                          18
  '---', //                                           19
  '', //                                              20
  '### Section 2: Problem', //                        21
  '', //                                              22
  '> **The core conflict is A vs. B.**', //          23
  '', //                                              24
  'A paragraph that mentions weight: 0.9', //        25
  '', //                                              26
  '```yaml', //                                       27
  '    - slug: in-code', //                           28
  '```', //                                           29
  '> **Therefore, do *this*.**', //                   30
  '',
].join('\n');

function scopesOf(lines: Token[][], line: number, text: string): string[] {
  const token = lines[line].find((t) => t.text === text);
  assert.ok(token, `line ${line} has a token "${text}": ${JSON.stringify(lines[line].map((t) => t.text))}`);
  return token.scopes;
}

function skipWithoutEngine(t: TestContext, tokenize: Tokenizer | undefined): tokenize is undefined {
  if (tokenize) return false;
  const why = `NOT CHECKED: VS Code's TextMate engine is not installed at ${VSCODE_DIR} (run scripts/e2e/install.sh); only the grammar file's shape was checked.`;
  t.diagnostic(why);
  console.warn(why);
  return true;
}

test('the grammar file is an injection into Markdown whose rules all compile as regular expressions', () => {
  const grammar = JSON.parse(fs.readFileSync(GRAMMAR, 'utf8'));
  assert.equal(grammar.scopeName, INJECTION_SCOPE);
  assert.match(grammar.injectionSelector, /^L:text\.html\.markdown\b/);
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes.grammars, [{ scopeName: INJECTION_SCOPE, path: './syntaxes/pattern-frontmatter.tmLanguage.json', injectTo: ['text.html.markdown'] }]);
  for (const [name, rule] of Object.entries<{ match: string }>(grammar.repository)) {
    // Oniguruma's syntax is close to JavaScript's for these rules (no possessive or atomic groups).
    assert.doesNotThrow(() => new RegExp(rule.match, 'u'), `rule ${name}`);
  }
});

test('frontmatter: group banners, relationship and inferred-link targets, and scores are highlighted; other text is not', async (t) => {
  const tokenize = await loadTokenizer();
  if (skipWithoutEngine(t, tokenize)) return;
  const lines = tokenize(SAMPLE);
  assert.ok(scopesOf(lines, 1, '═══════════════════════════════').includes('meta.group-banner.rule.commons-patterns'));
  assert.ok(scopesOf(lines, 2, 'CORE IDENTITY').includes('entity.name.section.group.commons-patterns'));
  assert.ok(scopesOf(lines, 2, '1').includes('constant.numeric.group-number.commons-patterns'));
  assert.ok(scopesOf(lines, 11, 'active-listening-depth').includes('markup.underline.link.slug.commons-patterns'));
  assert.ok(scopesOf(lines, 14, '"quoted-slug"').includes('markup.underline.link.slug.commons-patterns'));
  assert.ok(scopesOf(lines, 17, 'emotional-safety').includes('markup.underline.link.slug.commons-patterns'));
  for (const [line, score] of [[7, '7'], [8, '3.4'], [12, '0.85'], [18, '.9']] as const) {
    assert.ok(scopesOf(lines, line, score).includes('constant.numeric.score.commons-patterns'), `score ${score}`);
  }
  // Still YAML keys: the injection keeps their scope.
  assert.ok(scopesOf(lines, 12, 'weight').includes('entity.name.tag.yaml'));
  // The pattern's own slug, a quoted string, prose and code are not link targets or scores.
  assert.ok(!lines[3].some((tk) => tk.scopes.some((s) => s.endsWith('.commons-patterns'))), 'top-level slug');
  assert.ok(!lines[4].some((tk) => tk.scopes.some((s) => s.endsWith('.commons-patterns'))), 'inside a quoted string');
  assert.ok(!lines[25].some((tk) => tk.scopes.some((s) => s.endsWith('.commons-patterns'))), 'in a paragraph');
  assert.ok(!lines[28].some((tk) => tk.scopes.some((s) => s.endsWith('.commons-patterns'))), 'in fenced code');
});

test('body: section headings keep their Markdown heading scopes; the core conflict and Therefore lines are marked', async (t) => {
  const tokenize = await loadTokenizer();
  if (skipWithoutEngine(t, tokenize)) return;
  const lines = tokenize(SAMPLE);
  const number = scopesOf(lines, 21, '2');
  for (const scope of ['markup.heading.markdown', 'heading.3.markdown', 'entity.name.section.markdown', 'constant.numeric.section-number.commons-patterns']) {
    assert.ok(number.includes(scope), scope);
  }
  assert.ok(scopesOf(lines, 21, 'Problem').includes('entity.name.section.markdown'));
  assert.ok(scopesOf(lines, 23, 'The core conflict is').includes('keyword.other.core-conflict.commons-patterns'));
  assert.ok(scopesOf(lines, 23, ' A vs. B.').includes('markup.bold.markdown'));
  assert.ok(scopesOf(lines, 23, '>').includes('markup.quote.markdown'));
  assert.ok(scopesOf(lines, 30, 'Therefore,').includes('keyword.other.therefore.commons-patterns'));
  // Markdown inside the sentence still counts.
  assert.ok(scopesOf(lines, 30, 'this').includes('markup.italic.markdown'));
});
