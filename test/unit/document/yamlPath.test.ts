import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { YAML_PARSE_OPTIONS } from '../../../server/src/core/document/patternDocument';
import { keyNodeAtPath, locateOffset, nodeAtPath, scalarString } from '../../../server/src/core/document/yamlPath';

const YAML_TEXT = 'a:\n  b: [x, "y"]\n  c:\n    - d: 1\n      e: two\n    - plain\nf: 3\n';
const doc = parseDocument(YAML_TEXT, YAML_PARSE_OPTIONS);
const at = (needle: string, nth = 0): number => {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = YAML_TEXT.indexOf(needle, index + 1);
  return index;
};

describe('nodeAtPath and keyNodeAtPath', () => {
  it('follow keys and indexes to the node', () => {
    assert.equal(scalarString(nodeAtPath(doc, ['a', 'b', 1])), 'y');
    assert.equal(scalarString(nodeAtPath(doc, ['a', 'c', 0, 'e'])), 'two');
    assert.equal(scalarString(nodeAtPath(doc, ['a', 'c', 1])), 'plain');
    assert.deepEqual(nodeAtPath(doc, ['a', 'c', 0, 'd'])?.range?.slice(0, 2), [at('1'), at('1') + 1]);
  });

  it('give undefined for paths that do not exist or step the wrong way', () => {
    assert.equal(nodeAtPath(doc, ['a', 'zz']), undefined);
    assert.equal(nodeAtPath(doc, ['a', 'b', 5]), undefined);
    assert.equal(nodeAtPath(doc, ['a', 0]), undefined);
    assert.equal(nodeAtPath(undefined, ['a']), undefined);
    assert.equal(keyNodeAtPath(doc, []), undefined);
    assert.equal(keyNodeAtPath(doc, ['a', 'b', 0]), undefined);
  });

  it('keyNodeAtPath gives the key node of a pair', () => {
    assert.deepEqual(keyNodeAtPath(doc, ['a', 'c'])?.range?.slice(0, 2), [at('c:'), at('c:') + 1]);
    assert.deepEqual(keyNodeAtPath(doc, ['a', 'c', 0, 'e'])?.range?.slice(0, 2), [at('e:'), at('e:') + 1]);
  });
});

describe('locateOffset', () => {
  it('finds a key: its pair path, isKey, and the enclosing mapping', () => {
    const location = locateOffset(doc, at('b:'));
    assert.deepEqual(location.path, ['a', 'b']);
    assert.equal(location.isKey, true);
    assert.deepEqual(location.parentPath, ['a']);
    assert.equal(location.parent, nodeAtPath(doc, ['a']));
  });

  it('finds a value in a flow sequence, inside the quotes', () => {
    const location = locateOffset(doc, at('"y"') + 1);
    assert.deepEqual(location.path, ['a', 'b', 1]);
    assert.equal(location.isKey, false);
    assert.equal(scalarString(location.node), 'y');
    assert.deepEqual(location.parentPath, ['a', 'b']);
  });

  it('finds keys and values inside a block sequence item', () => {
    const key = locateOffset(doc, at('e:'));
    assert.deepEqual([key.path, key.isKey, key.parentPath], [['a', 'c', 0, 'e'], true, ['a', 'c', 0]]);
    const value = locateOffset(doc, at('two') + 2);
    assert.deepEqual([value.path, value.isKey, scalarString(value.node)], [['a', 'c', 0, 'e'], false, 'two']);
    const item = locateOffset(doc, at('plain'));
    assert.deepEqual([item.path, item.isKey, item.parentPath], [['a', 'c', 1], false, ['a', 'c']]);
  });

  it('treats the end of a node as inside it (the cursor just after a word)', () => {
    const location = locateOffset(doc, at('two') + 3);
    assert.deepEqual(location.path, ['a', 'c', 0, 'e']);
  });

  it('gives the enclosing mapping for an offset in indentation', () => {
    const location = locateOffset(doc, at('  b:'));
    assert.deepEqual(location.path, []);
    assert.deepEqual(location.parentPath, []);
    assert.equal(location.parent, doc.contents);
  });

  it('works on a missing document', () => {
    assert.deepEqual(locateOffset(undefined, 3), { path: [], node: undefined, isKey: false, parent: undefined, parentPath: [] });
  });
});

describe('scalarString', () => {
  it('gives the string of a string scalar only', () => {
    assert.equal(scalarString(nodeAtPath(doc, ['a', 'c', 0, 'e'])), 'two');
    assert.equal(scalarString(nodeAtPath(doc, ['f'])), undefined);
    assert.equal(scalarString(nodeAtPath(doc, ['a'])), undefined);
    assert.equal(scalarString(null), undefined);
  });
});
