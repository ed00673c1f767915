import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { ChangeStamps } from '../../../server/src/core/workspace/changeStamps';

describe('ChangeStamps', () => {
  it('changes the stamp of touched files only, and of every file after touchAll', () => {
    const stamps = new ChangeStamps();
    const a0 = stamps.stampOf('a');
    const b0 = stamps.stampOf('b');
    stamps.touch(['a']);
    assert.notEqual(stamps.stampOf('a'), a0);
    assert.equal(stamps.stampOf('b'), b0);
    const a1 = stamps.stampOf('a');
    stamps.touchAll();
    assert.notEqual(stamps.stampOf('a'), a1);
    assert.notEqual(stamps.stampOf('b'), b0);
  });

  it('calls a change listener once, at the next change, unless unsubscribed', () => {
    const stamps = new ChangeStamps();
    let calls = 0;
    stamps.onNextChange(() => calls++);
    stamps.touch([]);
    assert.equal(calls, 0, 'touching nothing is no change');
    stamps.touch(['a']);
    stamps.touch(['b']);
    assert.equal(calls, 1);
    const unsubscribe = stamps.onNextChange(() => calls++);
    unsubscribe();
    stamps.touchAll();
    assert.equal(calls, 1);
  });
});
