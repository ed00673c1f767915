import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { discoverMarkdownFiles } from '../../../server/src/core/workspace/fileDiscovery';
import { readFrontmatterFast } from '../../../server/src/core/workspace/fastFrontmatter';
import { loadWorkspace, summarizeFileSafely } from '../../../server/src/core/workspace/workspaceLoader';
import { pathToUri } from '../../../server/src/core/workspace/uris';

/**
 * Hostile files on disk, through the index's path for closed files (discovery, the fast frontmatter
 * read, the workspace load): a folder named like a pattern, symlink loops, a dangling symlink, binary
 * content. Each is reported with a short reason or read; the load goes on with the other files.
 * (As root, chmod 000 does not stop a read, so "cannot be read" is a folder, a loop and a dangling link.)
 */

const PATTERN = '---\nslug: good\ntitle: "Good"\n---\n\n### Section 1: Context\n\nText.\n';

describe('hostile files on disk', () => {
  let root: string;
  const at = (...parts: string[]) => path.join(root, ...parts);

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hardening-files-'));
    fs.writeFileSync(at('good.md'), PATTERN);
    fs.mkdirSync(at('folder.md'));
    fs.writeFileSync(at('folder.md', 'inside.md'), PATTERN.replace('slug: good', 'slug: inside'));
    fs.symlinkSync('loop-b.md', at('loop-a.md'));
    fs.symlinkSync('loop-a.md', at('loop-b.md'));
    fs.symlinkSync('.', at('cycle'));
    fs.symlinkSync('missing.md', at('dangling.md'));
    fs.writeFileSync(at('empty.md'), '');
    fs.writeFileSync(at('only-fence.md'), '---');
    fs.writeFileSync(at('binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x73, 0x6c, 0x75, 0x67, 0x3a, 0x20, 0xff, 0x00, 0xc3, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xfe]));
    fs.writeFileSync(at('unclosed-10mb.md'), `---\nslug: unclosed\n${'text line without a fence\n'.repeat(420_000)}`);
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('discovery lists the readable Markdown files, walks a folder named x.md, follows a folder cycle once and reports the broken links', () => {
    const { files, problems } = discoverMarkdownFiles(root);
    assert.deepEqual(files.map((f) => path.relative(root, f)), ['binary.md', 'empty.md', path.join('folder.md', 'inside.md'), 'good.md', 'only-fence.md', 'unclosed-10mb.md']);
    assert.deepEqual(problems.map((p) => [path.relative(root, p.path), p.message]), [
      ['dangling.md', 'no such file or folder'],
      ['loop-a.md', 'too many levels of symbolic links'],
      ['loop-b.md', 'too many levels of symbolic links'],
    ]);
  });

  it('reading a folder, a symlink loop or a dangling symlink as a file gives an "unreadable" result with the reason, not an exception', () => {
    assert.deepEqual(summarizeFileSafely(at('folder.md')), { kind: 'unreadable', message: 'is a folder' });
    assert.deepEqual(summarizeFileSafely(at('loop-a.md')), { kind: 'unreadable', message: 'too many levels of symbolic links' });
    assert.deepEqual(summarizeFileSafely(at('dangling.md')), { kind: 'unreadable', message: 'no such file or folder' });
  });

  it('an empty file is not a pattern; a file of only `---` and a 10 MB unclosed frontmatter are indexed under their file names', () => {
    assert.deepEqual(summarizeFileSafely(at('empty.md')), { kind: 'not-pattern' });
    for (const [name, slug] of [['only-fence.md', 'only-fence'], ['unclosed-10mb.md', 'unclosed-10mb']]) {
      const result = summarizeFileSafely(at(name));
      assert.equal(result.kind === 'indexed' && `${result.summary.slug} ${result.summary.unparsed}`, `${slug} true`);
    }
    assert.deepEqual(readFrontmatterFast(at('unclosed-10mb.md')), { kind: 'unclosed' });
  });

  it('invalid UTF-8 and NUL bytes: read as U+FFFD and NUL; js-yaml refuses the NUL, the full parser reads it, and the index follows the full parser', () => {
    const read = readFrontmatterFast(at('binary.md'));
    assert.equal(read.kind, 'yaml-error');
    assert.match(read.kind === 'yaml-error' ? read.message : '', /^null byte is not allowed in input/);
    const result = summarizeFileSafely(at('binary.md'));
    assert.equal(result.kind === 'indexed' && `${JSON.stringify(result.summary.slug)} ${result.summary.unparsed}`, '"\ufffd\\u0000\ufffd" false');
  });

  it('the workspace load indexes the good files and reports each bad one with its reason, then goes on', async () => {
    const load = await loadWorkspace(root);
    assert.deepEqual([...load.index.all()].map((s) => s.slug).sort(), ['good', 'inside', 'only-fence', 'unclosed-10mb', '\ufffd\u0000\ufffd']);
    assert.equal(load.index.bySlugFirst('good')?.uri, pathToUri(at('good.md')));
    assert.deepEqual(load.problems.map((p) => `${path.relative(root, p.path)}: ${p.message}`), [
      'dangling.md: no such file or folder',
      'loop-a.md: too many levels of symbolic links',
      'loop-b.md: too many levels of symbolic links',
    ]);
  });
});
