import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver-types';
import { provideCodeActions } from '../../../server/src/core/features/codeActions';
import { checkDocument } from '../../../server/src/core/rules/checkDocument';
import { createHardeningWorkspace, readHardeningFixtures } from './hardeningWorkspace';
import { RangeAudit } from './rangeChecks';

/**
 * No lost text through every quick fix, in every encoding a pattern file comes in: LF, CRLF, with a
 * BOM, and both. Each fix is a minimal edit (one line at a time), keeps the file's line breaks and
 * BOM, and gives the same result in every encoding (so it cannot have rewritten a comment, a quote or
 * a line break it did not mean to; the LF results are pinned by the features' own tests).
 */

const LF_FIXTURES = Object.fromEntries(Object.entries(readHardeningFixtures()).map(([name, text]) => [name, text.replace(/\r\n/g, '\n')]));

const ENCODINGS = [
  { name: 'LF', encode: (text: string) => text },
  { name: 'CRLF', encode: (text: string) => text.replace(/\n/g, '\r\n') },
  { name: 'BOM', encode: (text: string) => `\uFEFF${text}` },
  { name: 'BOM+CRLF', encode: (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}` },
] as const;

/** The fixes each code action kind must be found for, so that this test covers every quick fix. */
const EXPECTED_FIXES = [/^Change to '/, /^Create pattern '/, /^Set overall_score to /, /^Change slug to '/, /^Rename file to '/, /^Add '.*' to .*'s (generalizes_from|specializes_to)$/];

interface AppliedFix {
  readonly title: string;
  /** The texts of the files the fix edited or created, by URI. */
  readonly results: Map<string, string>;
  readonly created: Set<string>;
}

/** Every quick fix offered for every diagnostic of every fixture file, applied on its own. */
function applyEveryFix(encode: (text: string) => string): AppliedFix[] {
  const files = Object.fromEntries(Object.entries(LF_FIXTURES).map(([name, text]) => [name, encode(text)]));
  const ws = createHardeningWorkspace(files);
  const applied: AppliedFix[] = [];
  for (const name of Object.keys(files).sort()) {
    const doc = ws.ctx.host.getDocument(`file:///workspace/${name}`)!;
    const diagnostics = checkDocument(doc, { index: ws.ctx.index, schema: ws.ctx.schema, validator: ws.ctx.validator });
    for (const action of provideCodeActions(ws.ctx, doc, doc.lines.rangeOf(0, 0), diagnostics)) {
      const created = new Set((action.edit?.documentChanges ?? []).flatMap((c) => ('kind' in c && c.kind === 'create' ? [c.uri] : [])));
      applied.push({ title: `${name}: ${action.title}`, results: applyAction(ws.files, action), created });
    }
  }
  return applied;
}

function applyAction(files: ReadonlyMap<string, string>, action: CodeAction): Map<string, string> {
  assert.ok(action.edit, `${action.title} has an edit`);
  const audit = new RangeAudit('', (uri) => files.get(uri));
  const after = audit.edit(action.title, action.edit, files);
  assert.deepEqual(audit.problems, [], action.title);
  const results = new Map<string, string>();
  for (const change of action.edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind === 'rename') results.set(change.newUri, after.get(change.newUri)!);
      if (change.kind === 'create') results.set(change.uri, after.get(change.uri)!);
      continue;
    }
    for (const edit of (change as TextDocumentEdit).edits) {
      // Minimal: an edit replaces text within one line or inserts at one point, never rewrites lines.
      assert.equal(edit.range.start.line, edit.range.end.line, `${action.title}: ${JSON.stringify(edit)}`);
    }
    results.set(change.textDocument.uri, after.get(change.textDocument.uri)!);
  }
  return results;
}

describe('every quick fix in LF, CRLF, with a BOM and with both', () => {
  const byEncoding = new Map(ENCODINGS.map((encoding) => [encoding.name, applyEveryFix(encoding.encode)]));
  const lf = byEncoding.get('LF')!;

  it('the fixtures offer every kind of quick fix', () => {
    for (const pattern of EXPECTED_FIXES) assert.ok(lf.some((fix) => pattern.test(fix.title.replace(/^[^:]+: /, ''))), `a fix matching ${pattern}`);
  });

  for (const encoding of ENCODINGS) {
    it(`${encoding.name}: each fix gives the LF result in ${encoding.name}, keeping the BOM and the line breaks`, () => {
      const fixes = byEncoding.get(encoding.name)!;
      assert.deepEqual(fixes.map((f) => f.title), lf.map((f) => f.title));
      fixes.forEach((fix, i) => {
        for (const [uri, text] of fix.results) {
          const lfText = lf[i].results.get(uri);
          assert.notEqual(lfText, undefined, `${fix.title}: ${uri} in both encodings`);
          if (fix.created.has(uri)) {
            // A created file is the new-pattern template (in LF whatever the workspace uses), with a fresh id.
            assert.equal(withoutIds(text), withoutIds(lfText!), `${fix.title}: the created ${uri}`);
            continue;
          }
          assert.equal(text, encoding.encode(lfText!), `${fix.title}: ${uri}`);
        }
      });
    });
  }
});

/** Masks TypeIDs: every new pattern gets its own. */
function withoutIds(text: string): string {
  return text.replace(/pat_[0-9a-z]{26}/g, 'pat_<id>');
}
