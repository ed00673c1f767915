import * as fs from 'fs';
import * as path from 'path';
import type { PatternDocument } from '../../../server/src/core/document/patternDocument';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import type { FeatureContext, PatternHost } from '../../../server/src/core/features/featureContext';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings/patternSettings';
import { summarizeDocument } from '../../../server/src/core/workspace/summarizeDocument';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

/** The repository root, from the compiled file in out/test/unit/hardening/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const HARDENING_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'hardening');

/** The URI of a workspace file in these tests: `file:///workspace/<name>`. */
export function uriOf(name: string): string {
  return `file:///workspace/${name}`;
}

/** The fixture workspace (test/fixtures/hardening/workspace) as {file name: text}. */
export function readHardeningFixtures(): Record<string, string> {
  const dir = path.join(HARDENING_FIXTURES, 'workspace');
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.md')) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  return files;
}

export interface HardeningWorkspace {
  readonly ctx: FeatureContext;
  /** Current texts by URI. */
  readonly files: Map<string, string>;
  /** Adds or replaces a file (parsed, indexed as the server indexes an open file) and returns its document. */
  put(name: string, text: string): PatternDocument;
  /** Removes a file from the workspace and the index. */
  remove(name: string): void;
}

/**
 * An in-memory workspace with the real schema and the real ajv validator, so that the schema rule
 * and every feature that reads the schema run as in the server. Documents are parsed once per text
 * and cached, as the server caches open documents.
 */
export function createHardeningWorkspace(initial: Readonly<Record<string, string>> = {}): HardeningWorkspace {
  const files = new Map<string, string>();
  const parsed = new Map<string, PatternDocument>();
  const index = new WorkspaceIndex();
  const schema = loadPatternSchema();
  const host: PatternHost = {
    getDocument: (uri) => {
      const text = files.get(uri);
      if (text === undefined) return undefined;
      const cached = parsed.get(uri);
      if (cached && cached.text === text) return cached;
      const doc = parsePatternDocument(uri, text);
      parsed.set(uri, doc);
      return doc;
    },
    isOpen: () => false,
    exists: (uri) => files.has(uri),
  };
  const ctx: FeatureContext = { index, schema, validator: createSchemaValidator(schema), settings: DEFAULT_SETTINGS, host };
  const put = (name: string, text: string): PatternDocument => {
    const uri = uriOf(name);
    files.set(uri, text);
    const doc = host.getDocument(uri)!;
    const summary = summarizeDocument(doc);
    if (summary) index.set(summary);
    else index.delete(uri);
    return doc;
  };
  const remove = (name: string): void => {
    const uri = uriOf(name);
    files.delete(uri);
    parsed.delete(uri);
    index.delete(uri);
  };
  for (const [name, text] of Object.entries(initial)) put(name, text);
  return { ctx, files, put, remove };
}
