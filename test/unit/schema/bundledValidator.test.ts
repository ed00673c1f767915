import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as jsyaml from 'js-yaml';
import { splitFrontmatter } from '../../../server/src/core/document/frontmatter';
import { precompiledValidatorFor } from '../../../server/src/core/schema/bundledValidator';
import { createPatternSchema, loadPatternSchema, type SchemaNode } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { validatorModuleSource } from '../../../server/src/core/schema/validatorSource';

/**
 * The bundled schema's validator is compiled ahead of time into bundledValidator.generated.ts. It must
 * be made from the schema as it is now, and report exactly what a validator compiled at run time does.
 */

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const GENERATED = path.join(REPO_ROOT, 'server', 'src', 'core', 'schema', 'bundledValidator.generated.ts');
const CORPUS = path.join(REPO_ROOT, '..', 'shared', 'corpus', 'commons-os-patterns', '_patterns');
const bundled = loadPatternSchema();

/** The same schema under another digest: createSchemaValidator compiles it at run time. */
function compiledAtRunTime(root: SchemaNode) {
  return createSchemaValidator(createPatternSchema({ ...root, $comment: 'compiled at run time' }));
}

describe('the ahead-of-time validator of the bundled schema', () => {
  it('is generated from the bundled schema as it is now (else: npm run generate:validator)', () => {
    assert.ok(fs.readFileSync(GENERATED, 'utf8') === validatorModuleSource(bundled.root),
      'bundledValidator.generated.ts does not match schemas/pattern.schema.json: run `npm run generate:validator`');
  });

  it('is used for the bundled schema only', () => {
    assert.equal(typeof precompiledValidatorFor(bundled.root), 'function');
    assert.equal(precompiledValidatorFor({ ...bundled.root, $comment: 'edited' }), undefined);
  });

  it('reports what a validator compiled at run time reports, on every file of the real library', () => {
    if (!fs.existsSync(CORPUS)) assert.fail(`the real library is not at ${CORPUS}; this test needs ../shared/corpus beside the repository`);
    const ahead = createSchemaValidator(bundled);
    const atRunTime = compiledAtRunTime(bundled.root);
    let withViolations = 0;
    for (const name of fs.readdirSync(CORPUS).filter((n) => n.endsWith('.md')).sort()) {
      const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
      const fm = splitFrontmatter(text);
      if (!fm?.closed) continue;
      let data: unknown;
      try {
        data = jsyaml.load(text.slice(fm.yamlStart, fm.yamlEnd), { schema: jsyaml.CORE_SCHEMA });
      } catch {
        continue;
      }
      const expected = atRunTime.validate(data);
      assert.deepEqual(ahead.validate(data), expected, name);
      if (expected.length > 0) withViolations++;
    }
    // The library has violations of many kinds (legacy files, out-of-range scores, unknown keys), so this compares real reports.
    assert.ok(withViolations > 1000, `only ${withViolations} files with violations`);
  });

  it('gives way to a custom schema: its own limits are the ones checked', () => {
    const root = structuredClone(bundled.root) as { definitions: Record<string, { maximum?: number }> };
    const scoreDefinition = Object.entries(root.definitions).find(([, node]) => node.maximum === 5);
    assert.ok(scoreDefinition, 'the bundled schema has a 0–5 score definition');
    scoreDefinition[1].maximum = 4;
    const custom = createSchemaValidator(createPatternSchema(root as unknown as SchemaNode));
    const data = { id: 'pat_01khvcxcmwee1s6wdhmrpk0x2d', slug: 'some-pattern', title: 'Some Pattern', summary: 'What it is.', ontology: { commons_assessment: { value_creation: 4.5 } } };
    const overMaximum = (violations: ReturnType<typeof custom.validate>) => violations.filter((v) => v.keyword === 'maximum').map((v) => v.path.join('.'));
    assert.deepEqual(overMaximum(createSchemaValidator(bundled).validate(data)), []);
    assert.deepEqual(overMaximum(custom.validate(data)), ['ontology.commons_assessment.value_creation']);
  });
});
