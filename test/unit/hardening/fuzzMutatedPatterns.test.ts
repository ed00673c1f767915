import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { HANG_BOUND_MS, runEveryFeature } from './everyFeature';
import { createHardeningWorkspace, readHardeningFixtures } from './hardeningWorkspace';

/**
 * Property: real pattern files, damaged the way editing and bad tools damage them (lines deleted,
 * duplicated, swapped; random bytes inserted into the UTF-8, so multi-byte characters split into
 * U+FFFD), still go through every core feature without a throw, a range outside the document, or a hang.
 */

const fixtures = readHardeningFixtures();

/** Real files of different kinds: a full library pattern, CRLF, non-BMP text, a legacy v1 file, quoted slugs. */
const SOURCES = ['therapeutic-relationship-building.md', 'crlf-pattern.md', 'emoji-garden.md', 'legacy-circle.md', 'emotional-safety.md'];

type Mutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'duplicate'; readonly at: number }
  | { readonly kind: 'swap'; readonly at: number; readonly with: number }
  | { readonly kind: 'bytes'; readonly at: number; readonly bytes: Uint8Array };

/** Positions are fractions of the current length, so one mutation list fits every file. */
const fraction = fc.double({ min: 0, max: 0.999999, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((at) => ({ kind: 'delete' as const, at })),
  fraction.map((at) => ({ kind: 'duplicate' as const, at })),
  fc.tuple(fraction, fraction).map(([at, other]) => ({ kind: 'swap' as const, at, with: other })),
  fc.tuple(fraction, fc.uint8Array({ minLength: 1, maxLength: 6 })).map(([at, bytes]) => ({ kind: 'bytes' as const, at, bytes })),
);

/** Lines with their own line breaks, so CRLF files stay CRLF where untouched. */
function splitLines(text: string): string[] {
  return text.split(/(?<=\r\n|\n|\r(?!\n))/);
}

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let current = text;
  for (const m of mutations) {
    if (m.kind === 'bytes') {
      const bytes = Buffer.from(current, 'utf8');
      const at = Math.floor(m.at * (bytes.length + 1));
      current = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]).toString('utf8');
      continue;
    }
    const lines = splitLines(current);
    if (lines.length === 0) continue;
    const i = Math.floor(m.at * lines.length);
    if (m.kind === 'delete') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i]);
    else {
      const j = Math.floor(m.with * lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
    current = lines.join('');
  }
  return current;
}

describe('every core feature on mutated real pattern files', () => {
  const ws = createHardeningWorkspace(fixtures);

  it('lines deleted, duplicated, swapped and random bytes inserted: never throws, ranges inside, within the hang bound', () => {
    fc.assert(fc.property(
      fc.constantFrom(...SOURCES),
      fc.array(mutation, { minLength: 1, maxLength: 8 }),
      fc.array(fraction, { minLength: 1, maxLength: 3 }),
      (source, mutations, picks) => {
        const text = mutate(fixtures[source], mutations);
        // The mutated file replaces the original, so its old links and backlinks meet the new text.
        const doc = ws.put(source, text);
        try {
          const run = runEveryFeature(ws, doc, picks.map((p) => Math.floor(p * (text.length + 1))));
          assert.deepEqual(run.problems, [], `${source} after ${JSON.stringify(mutations)}`);
          assert.ok(run.elapsedMs < HANG_BOUND_MS, `all features took ${Math.round(run.elapsedMs)} ms on ${source} after ${JSON.stringify(mutations)}`);
        } finally {
          ws.put(source, fixtures[source]);
        }
      },
    ), { numRuns: 1000, seed: 6101 });
  });

  it('the mutation helper itself: an unmutated file is unchanged, a swap of a line with itself too', () => {
    for (const source of SOURCES) {
      assert.equal(mutate(fixtures[source], []), fixtures[source]);
      assert.equal(mutate(fixtures[source], [{ kind: 'swap', at: 0.5, with: 0.5 }]), fixtures[source]);
    }
    assert.equal(mutate('a\r\nb\r\nc', [{ kind: 'delete', at: 0.4 }]), 'a\r\nc');
    assert.equal(mutate('a\nb\n', [{ kind: 'duplicate', at: 0 }]), 'a\na\nb\n');
    assert.equal(mutate('é', [{ kind: 'bytes', at: 0.5, bytes: Uint8Array.of(0x41) }]), '\uFFFDA\uFFFD', 'an inserted byte splits a two-byte character');
  });
});
