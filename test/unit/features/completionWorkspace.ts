import * as fs from 'fs';
import * as path from 'path';
import type { CompletionList, Position, Range } from 'vscode-languageserver-types';
import { provideCompletion } from '../../../server/src/core/features/completion';
import { parsePatternDocument, type PatternDocument } from '../../../server/src/core/document/patternDocument';
import type { FeatureContext, PatternHost } from '../../../server/src/core/features/featureContext';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { DEFAULT_SETTINGS, type PatternSettings } from '../../../server/src/core/settings/patternSettings';
import { summarizePattern } from '../../../server/src/core/workspace/patternSummary';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

/** The repository root, from the compiled file in out/test/unit/features/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const COMPLETION_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'features-completion');

/** Marks the cursor in test text (as vscode-markdown-languageservice's tests do); removed before parsing. */
export const CURSOR = '|';

/** The fixture workspace (four real patterns) as {file name: text}. */
export function readCompletionFixtures(): Record<string, string> {
  const dir = path.join(COMPLETION_FIXTURES, 'workspace');
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.md')) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  return files;
}

export function uriOf(name: string): string {
  return `file:///workspace/${name}`;
}

/** Text with exactly one cursor marker → the text without it and the marker's position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf(CURSOR);
  if (at < 0 || marked.indexOf(CURSOR, at + 1) >= 0) throw new Error('test text must contain exactly one cursor marker');
  const text = marked.slice(0, at) + marked.slice(at + CURSOR.length);
  return { text, position: parsePatternDocument('x', text).lines.positionAt(at) };
}

/** Lines joined with \n (or another line break), ending with one. */
export function lines(...texts: string[]): string {
  return texts.join('\n') + '\n';
}

export interface CompletionWorkspace {
  readonly ctx: FeatureContext;
  /** Parses a file, indexes it (as the server does for an open file) and returns its document. */
  add(name: string, text: string): PatternDocument;
  doc(name: string): PatternDocument;
}

/**
 * An in-memory workspace: every file parsed and indexed, a host backed by a Map, the real
 * schema, a validator that finds nothing (completion and hover do not validate) and the
 * default settings.
 */
export function createCompletionWorkspace(files: Record<string, string>, settings: PatternSettings = DEFAULT_SETTINGS): CompletionWorkspace {
  const docs = new Map<string, PatternDocument>();
  const index = new WorkspaceIndex();
  const host: PatternHost = {
    getDocument: (uri) => docs.get(uri),
    isOpen: (uri) => docs.has(uri),
    exists: (uri) => docs.has(uri),
  };
  const ctx: FeatureContext = { index, schema: loadPatternSchema(), validator: { validate: () => [] }, settings, host };
  const add = (name: string, text: string): PatternDocument => {
    const uri = uriOf(name);
    const doc = parsePatternDocument(uri, text, 1);
    docs.set(uri, doc);
    const summary = summarizePattern(uri, doc.data);
    if (summary) index.set(summary);
    else index.delete(uri);
    return doc;
  };
  for (const [name, text] of Object.entries(files)) add(name, text);
  return {
    ctx,
    add,
    doc: (name) => {
      const doc = docs.get(uriOf(name));
      if (!doc) throw new Error(`no file ${name} in the test workspace`);
      return doc;
    },
  };
}

export interface TestPattern {
  readonly slug: string;
  readonly title?: string;
  readonly summary?: string;
  readonly domain?: string;
  readonly crossDomains?: readonly string[];
  readonly overallScore?: number;
  readonly vitality?: number;
  readonly labels?: Readonly<Record<string, string>>;
}

/** A small v7.1 pattern file for the other patterns of a test workspace. */
export function patternText(p: TestPattern): string {
  const out = ['---', `id: pat_01khvcxcmwee1s6wdhmrpk0x2d`, `slug: ${p.slug}`];
  if (p.title !== undefined) out.push(`title: ${JSON.stringify(p.title)}`);
  if (p.summary !== undefined) out.push(`summary: ${JSON.stringify(p.summary)}`);
  if (p.labels) {
    out.push('context_labels:');
    for (const [audience, label] of Object.entries(p.labels)) out.push(`  ${audience}: ${JSON.stringify(label)}`);
  }
  out.push('ontology:');
  if (p.domain !== undefined) out.push(`  domain: ${p.domain}`);
  if (p.crossDomains) out.push(`  cross_domains: [${p.crossDomains.join(', ')}]`);
  out.push('  commons_assessment:');
  if (p.vitality !== undefined) out.push(`    vitality: ${p.vitality}`);
  if (p.overallScore !== undefined) out.push(`    overall_score: ${p.overallScore}`);
  out.push('relationships: {}', '---', '', `# ${p.title ?? p.slug}`, '');
  return out.join('\n');
}

/** Completion at the cursor marker of `marked`, as the file `me.md` of a workspace holding `files`. */
export function completeAt(marked: string, files: Record<string, string> = {}): CompletionList {
  const ws = createCompletionWorkspace(files);
  const { text, position } = withCursor(marked);
  return provideCompletion(ws.ctx, ws.add('me.md', text), position);
}

/** Each item as its label and edit: `label @line:start-line:end => newText`. */
export function completionEdits(list: CompletionList): string[] {
  return list.items.map((item) => {
    const edit = item.textEdit as { range: Range; newText: string };
    const { start, end } = edit.range;
    return `${item.label} @${start.line}:${start.character}-${end.line}:${end.character} => ${edit.newText}`;
  });
}
