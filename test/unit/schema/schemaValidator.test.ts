import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { createPatternSchema, loadPatternSchema, type SchemaNode } from '../../../server/src/core/schema/patternSchema';
import { closestName, createSchemaValidator, toYamlPath } from '../../../server/src/core/schema/schemaValidator';

const validator = createSchemaValidator(loadPatternSchema());

/** The smallest frontmatter the schema accepts, plus whatever a test adds. */
const pattern = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'pat_01khvcxcmwee1s6wdhmrpk0x2d', slug: 'some-pattern', title: 'Some Pattern', summary: 'What it is.', ...extra,
});
const LIFECYCLE = { usage_stage: 'design', adoption_stage: 'growth', status: 'draft', version: 0.1, confidence: 2 };

describe('createSchemaValidator: the pattern schema', () => {
  it('accepts a minimal pattern', () => {
    assert.deepEqual(validator.validate(pattern()), []);
  });

  it('calls an unknown key a misspelled twin when the key it resembles is already present', () => {
    assert.deepEqual(validator.validate(pattern({ relationships: {}, relatonships: {} })), [
      { path: ['relatonships'], keyword: 'additionalProperties', property: 'relatonships', message: "Unknown key 'relatonships' in the top level; a misspelling of 'relationships', which is already here? Its entries are not read" },
    ]);
  });

  it('reports a missing top-level key at the root path, with the key as property', () => {
    const data = pattern();
    delete data.summary;
    assert.deepEqual(validator.validate(data), [
      { path: [], keyword: 'required', property: 'summary', message: "Missing required key 'summary' in the top level" },
    ]);
  });

  it('reports a missing nested key at the path of the mapping that lacks it', () => {
    const { status: _status, ...lifecycle } = LIFECYCLE;
    assert.deepEqual(validator.validate(pattern({ lifecycle })), [
      { path: ['lifecycle'], keyword: 'required', property: 'status', message: "Missing required key 'status' in 'lifecycle'" },
    ]);
  });

  it('reports an unknown key at its own path, with the closest allowed key', () => {
    assert.deepEqual(validator.validate(pattern({ relatonships: {} })), [
      { path: ['relatonships'], keyword: 'additionalProperties', property: 'relatonships', suggestion: 'relationships', message: "Unknown key 'relatonships' in the top level; did you mean 'relationships'?" },
    ]);
  });

  it('does not suggest a key that is already there', () => {
    const [violation] = validator.validate(pattern({ relationships: {}, relatonships: {} }));
    assert.equal(violation.suggestion, undefined);
    assert.equal(violation.message.includes("did you mean 'relationships'"), false);
  });

  it('says where a known key misplaced one level up belongs', () => {
    assert.deepEqual(validator.validate(pattern({ commons_domain: ['life'] })).map((v) => v.message), [
      "Unknown key 'commons_domain' in the top level; it belongs in 'ontology'",
    ]);
  });

  it('lists the allowed keys when no key is close', () => {
    assert.deepEqual(validator.validate(pattern({ lifecycle: { ...LIFECYCLE, last_updated: '2026-01-01' } })).map((v) => [v.path, v.message]), [
      [['lifecycle', 'last_updated'], "Unknown key 'last_updated' in 'lifecycle'; expected one of: usage_stage, adoption_stage, status, version, confidence"],
    ]);
  });

  it('drops the if-wrapper error of a relationship entry without slug or id: one violation only', () => {
    assert.deepEqual(validator.validate(pattern({ relationships: { enables: [{ weight: 0.5 }] } })), [
      { path: ['relationships', 'enables', 0], keyword: 'required', property: 'slug', message: "Missing required key 'slug' in 'relationships.enables[0]'" },
    ]);
  });

  it('accepts every relationship entry form of the real library', () => {
    const enables = ['plain-slug', { slug: 'a-slug', weight: 0.9 }, { id: 'a-slug', weight: 0.5, description: 'why' }, { id: 'pat_01khvcxcmwee1s6wdhmrpk0x2d', slug: 'a-slug', weight: 0.5, description: 'why' }];
    assert.deepEqual(validator.validate(pattern({ relationships: { enables } })), []);
  });

  it('reports a value of neither type of a union once, naming both types', () => {
    assert.deepEqual(validator.validate(pattern({ relationships: { enables: [5] } })), [
      { path: ['relationships', 'enables', 0], keyword: 'type', message: "'enables[0]' should be a string or a mapping, not a number" },
    ]);
  });

  it('names an enum value, what the field is, the allowed values and the closest one', () => {
    const inferred_links = [{ target: 'x', type: 'enables' }, { target: 'y', type: 'enabler' }];
    assert.deepEqual(validator.validate(pattern({ graph_garden: { inferred_links } })), [
      {
        path: ['graph_garden', 'inferred_links', 1, 'type'], keyword: 'enum', suggestion: 'enables',
        message: "'enabler' is not a valid inferred-link type; expected one of: generalizes_from, specializes_to, enables, requires, alternatives, complementary, tools (did you mean 'enables'?)",
      },
    ]);
  });

  it('does not add an enum error to a type error for the same value', () => {
    assert.deepEqual(validator.validate(pattern({ graph_garden: { inferred_links: [{ target: 'x', type: 5 }] } })), [
      { path: ['graph_garden', 'inferred_links', 0, 'type'], keyword: 'type', message: "'type' should be a string, not a number" },
    ]);
  });

  it('explains type errors: wrong type, empty value, a fraction where a whole number belongs', () => {
    assert.deepEqual(validator.validate(pattern({ title: 42 })).map((v) => [v.path, v.keyword, v.message]), [[['title'], 'type', "'title' should be a string, not a number"]]);
    assert.deepEqual(validator.validate(pattern({ title: null })).map((v) => v.message), ["'title' is empty; it should be a string"]);
    assert.deepEqual(validator.validate(pattern({ aliases: 'one' })).map((v) => v.message), ["'aliases' should be a list, not a string"]);
    assert.deepEqual(validator.validate(pattern({ lifecycle: { ...LIFECYCLE, confidence: 1.5 } })).map((v) => [v.path, v.message]), [[['lifecycle', 'confidence'], "'confidence' should be a whole number, not 1.5"]]);
  });

  it('explains a pattern mismatch and an empty required text', () => {
    assert.deepEqual(validator.validate(pattern({ slug: 'Not A Slug', title: '' })).map((v) => [v.path, v.keyword, v.message]), [
      [['slug'], 'pattern', "'Not A Slug' is not a valid slug; expected text matching ^[a-z0-9]+(-[a-z0-9]+)*$"],
      [['title'], 'minLength', "'title' must not be empty"],
    ]);
  });

  it('reports numbers outside their range with the range keyword (the score rule shows them)', () => {
    const ontology = {
      domain: 'd', search_hints: { primary_tension: 't', vector_keywords: [] },
      commons_assessment: { stakeholder_architecture: 3, value_creation: 3, resilience: 7, ownership: 3, autonomy: 3, composability: 3, fractal_value: 3, vitality: 3, overall_score: 3 },
    };
    assert.deepEqual(validator.validate(pattern({ ontology })), [
      { path: ['ontology', 'commons_assessment', 'resilience'], keyword: 'maximum', message: 'resilience is 7; it must be at most 5' },
    ]);
  });

  it('reports a frontmatter that is not a mapping', () => {
    assert.deepEqual(validator.validate(['a']).map((v) => [v.path, v.message]), [[[], 'The frontmatter should be a mapping, not a list']]);
  });

  it('gives the same answers however often it is used (no state between calls)', () => {
    const bad = pattern({ title: 42 });
    const first = validator.validate(bad);
    assert.deepEqual(validator.validate(pattern()), []);
    assert.deepEqual(validator.validate(bad), first);
  });
});

describe('createSchemaValidator: unions and duplicates (a small schema)', () => {
  const union = (keyword: 'anyOf' | 'oneOf'): SchemaNode => ({
    type: 'object',
    properties: {
      v: { [keyword]: [{ type: 'string', enum: ['alpha', 'beta'] }, { type: 'object', required: ['k'], properties: { k: { type: 'string' } } }] },
      w: { allOf: [{ required: ['x'] }, { required: ['x'] }] },
    },
  });

  for (const keyword of ['anyOf', 'oneOf'] as const) {
    it(`${keyword}: keeps the errors of the branch whose type fits the value`, () => {
      const check = createSchemaValidator(createPatternSchema(union(keyword)));
      assert.deepEqual(check.validate({ v: 'gamma' }).map((v) => [v.path, v.keyword]), [[['v'], 'enum']]);
      assert.deepEqual(check.validate({ v: {} }).map((v) => [v.path, v.keyword, v.property]), [[['v'], 'required', 'k']]);
    });

    it(`${keyword}: one type error naming every type when no branch fits`, () => {
      const check = createSchemaValidator(createPatternSchema(union(keyword)));
      assert.deepEqual(check.validate({ v: 5 }), [{ path: ['v'], keyword: 'type', message: "'v' should be a string or a mapping, not a number" }]);
    });
  }

  it('reports the same problem at the same place once', () => {
    const check = createSchemaValidator(createPatternSchema(union('anyOf')));
    assert.deepEqual(check.validate({ w: {} }).map((v) => [v.path, v.keyword, v.property]), [[['w'], 'required', 'x']]);
  });
});

describe('toYamlPath', () => {
  it('unescapes JSON pointer steps and turns array steps into numbers', () => {
    assert.deepEqual(toYamlPath('/a~1b/0/c~0d', { 'a/b': [{ 'c~d': 1 }] }), ['a/b', 0, 'c~d']);
    assert.deepEqual(toYamlPath('', {}), []);
    assert.deepEqual(toYamlPath('/10', { 10: 'x' }), ['10']);
  });
});

describe('closestName', () => {
  it('suggests within two edits, or a unique shared stem', () => {
    assert.equal(closestName('relatonships', ['relationships', 'lifecycle']), 'relationships');
    assert.equal(closestName('enabler', ['enables', 'requires']), 'enables');
    assert.equal(closestName('enablement', ['enables', 'requires']), 'enables');
    assert.equal(closestName('complements', ['complementary', 'alternatives']), 'complementary');
    assert.equal(closestName('specializes', ['specializes_to', 'generalizes_from']), 'specializes_to');
  });

  it('suggests nothing for unrelated names', () => {
    assert.equal(closestName('organism', ['concept', 'organization', 'person']), undefined);
    assert.equal(closestName('philosophy', ['concept', 'practice', 'framework']), undefined);
    assert.equal(closestName('', ['a']), undefined);
  });
});
