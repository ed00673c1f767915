import { createHash } from 'crypto';
import type { SchemaNode } from './patternSchema';

/** Identifies a schema's content: the ahead-of-time validator is used only for the schema it was made from. */
export function schemaDigest(root: SchemaNode): string {
  return createHash('sha256').update(JSON.stringify(root)).digest('hex');
}
