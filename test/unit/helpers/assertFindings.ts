import * as assert from 'node:assert/strict';
import type { DiagnosticRule } from '../../../server/src/core/rules/rule';
import { encodingVariants, findingsOf, type Finding, type InMemoryWorkspace } from './ruleWorkspace';

/**
 * Checks one file with the given rules and compares the findings exactly, once for the file as
 * written (LF) and again with CRLF line breaks, a byte-order mark, and both. Findings never lie on
 * line 0, so their positions must be the same in every variant. The file's text is restored after.
 */
export function assertFindingsInEveryEncoding(ws: InMemoryWorkspace, name: string, rules: readonly DiagnosticRule[], expected: readonly Finding[]): void {
  const original = ws.text(name);
  try {
    for (const variant of encodingVariants(original)) {
      ws.setFile(name, variant.text);
      assert.deepEqual(findingsOf(ws.check(name, rules)), expected, `${name} (${variant.name})`);
    }
  } finally {
    ws.setFile(name, original);
  }
}
