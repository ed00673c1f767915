import * as path from 'path';
import { loadPatternSchema, type PatternSchema } from '../core/schema/patternSchema';
import { createSchemaValidator, type SchemaValidator } from '../core/schema/schemaValidator';

export interface LoadedSchema {
  readonly schema: PatternSchema;
  readonly validator: SchemaValidator;
  /** The custom schema file in use, if any. */
  readonly schemaPath: string | undefined;
  /** Why a configured custom schema is not in use (untrusted workspace, unreadable file). */
  readonly warning: string | undefined;
}

/**
 * The bundled schema, or the user's `schemaPath` when the workspace is trusted. A relative
 * schemaPath is relative to the first workspace folder. A custom schema that cannot be loaded
 * falls back to the bundled one with a warning, so a typo in a setting never disables checking.
 */
export function loadSchema(schemaPath: string | undefined, trusted: boolean, baseFolder: string | undefined): LoadedSchema {
  let warning: string | undefined;
  if (schemaPath !== undefined) {
    if (!trusted) {
      warning = `commonsPatterns.schemaPath is ignored because the workspace is not trusted; using the bundled schema`;
    } else {
      const resolved = path.isAbsolute(schemaPath) || !baseFolder ? schemaPath : path.join(baseFolder, schemaPath);
      try {
        const schema = loadPatternSchema(resolved);
        return { schema, validator: createSchemaValidator(schema), schemaPath: resolved, warning: undefined };
      } catch (error) {
        warning = `Cannot use commonsPatterns.schemaPath '${resolved}': ${error instanceof Error ? error.message : String(error)}; using the bundled schema`;
      }
    }
  }
  const schema = loadPatternSchema();
  return { schema, validator: createSchemaValidator(schema), schemaPath: undefined, warning };
}
