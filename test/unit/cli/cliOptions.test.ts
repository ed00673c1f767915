import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { closestWord, parseCommandLine } from '../../../server/src/cli/cliOptions';

test('defaults: check the current folder, text format, root unset', () => {
  assert.deepEqual(parseCommandLine(['check']), { kind: 'check', options: { paths: ['.'], format: 'text', root: undefined } });
});

test('options come before or after the paths, as --opt value or --opt=value; the last one wins', () => {
  assert.deepEqual(parseCommandLine(['--format', 'json', 'check', 'a.md', '--root=lib', 'b', '--format=sarif']), {
    kind: 'check',
    options: { paths: ['a.md', 'b'], format: 'sarif', root: 'lib' },
  });
});

test('-- ends the options, so a file may be called --weird.md', () => {
  assert.deepEqual(parseCommandLine(['check', '--', '--weird.md']), { kind: 'check', options: { paths: ['--weird.md'], format: 'text', root: undefined } });
});

test('--help and -h win over the command; --version prints the version', () => {
  assert.deepEqual(parseCommandLine(['check', 'x', '-h']), { kind: 'help' });
  assert.deepEqual(parseCommandLine(['--version']), { kind: 'version' });
});

test('usage errors are one line each', () => {
  const message = (argv: string[]) => {
    const parsed = parseCommandLine(argv);
    return parsed.kind === 'usage-error' ? parsed.message : `no error: ${parsed.kind}`;
  };
  assert.equal(message(['check', '--root']), "option '--root' needs a folder");
  assert.equal(message(['check', '--root=']), "option '--root' needs a folder");
  assert.equal(message(['check', '--help=yes']), "option '--help' takes no value");
  assert.equal(message(['check', '--format', 'xml']), "unknown format 'xml' (expected text, json or sarif)");
  assert.equal(message(['check', '']), 'an empty PATH was given');
  assert.equal(message(['--roots', 'x', 'check']), "unknown option '--roots' (did you mean '--root'?)");
});

test('suggestions only for close misspellings', () => {
  assert.equal(closestWord('--fromat', ['--format', '--root']), '--format');
  assert.equal(closestWord('chekc', ['check']), 'check');
  assert.equal(closestWord('--verbose', ['--format', '--root', '--version']), undefined);
});
