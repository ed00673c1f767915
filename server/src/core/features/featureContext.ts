import type { PatternDocument } from '../document/patternDocument';
import type { PatternSchema } from '../schema/patternSchema';
import type { SchemaValidator } from '../schema/schemaValidator';
import type { PatternSettings } from '../settings/patternSettings';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/**
 * What the host (LSP server, CLI, tests) gives the core: file access. Open documents win over the
 * disk. Implementations: the server's (open documents + fs), an in-memory one in tests.
 */
export interface PatternHost {
  /** The parsed document for a URI: the open version if open, else read from disk; undefined if unreadable. */
  getDocument(uri: string): PatternDocument | undefined;
  /** True when the URI is open in the editor. */
  isOpen(uri: string): boolean;
  /** Whether a file exists at a URI (for rename/create collisions). */
  exists(uri: string): boolean;
}

/** Everything a feature needs besides the document and position. */
export interface FeatureContext {
  readonly index: WorkspaceIndex;
  readonly schema: PatternSchema;
  readonly validator: SchemaValidator;
  readonly settings: PatternSettings;
  readonly host: PatternHost;
}
