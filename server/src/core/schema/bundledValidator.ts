import type { ValidateFunction } from 'ajv';
import type { SchemaNode } from './patternSchema';
import { schemaDigest } from './schemaDigest';
import { SCHEMA_DIGEST, validate } from './bundledValidator.generated';

/**
 * The bundled schema's validator, compiled ahead of time, when `root` is that schema (a custom
 * schema, or a bundled one edited without regenerating, is compiled at run time instead). Like any
 * ajv validator it keeps the last call's `errors` on itself: read them right after the call.
 */
export function precompiledValidatorFor(root: SchemaNode): ValidateFunction | undefined {
  return schemaDigest(root) === SCHEMA_DIGEST ? (validate as unknown as ValidateFunction) : undefined;
}
