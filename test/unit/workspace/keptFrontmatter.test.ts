import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { splitFrontmatter } from '../../../server/src/core/document/frontmatter';
import { checkDocument, type CheckEnvironment } from '../../../server/src/core/rules/checkDocument';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { parsePatternDocumentFast, withoutBody } from '../../../server/src/core/workspace/fastPatternDocument';
import { readPatternText, readPatternTextWithHead } from '../../../server/src/core/workspace/readPatternText';
import { summarizeDocument } from '../../../server/src/core/workspace/summarizeDocument';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { pathsOf } from '../helpers/dataPaths';

/**
 * `check` keeps each file's parsed frontmatter between its two passes without the body: the
 * frontmatter is copied into a string of its own (readPatternTextWithHead) and the kept document
 * (withoutBody) must give the workspace rules exactly what the whole document gives them.
 */

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const CORPUS = path.join(REPO_ROOT, '..', 'shared', 'corpus', 'commons-os-patterns', '_patterns');
const schema = loadPatternSchema();
const validator = createSchemaValidator(schema);

function withFile<T>(bytes: Buffer | string, use: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cp-head-'));
  try {
    const file = path.join(dir, 'pattern.md');
    fs.writeFileSync(file, bytes);
    return use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('readPatternTextWithHead', () => {
  const pattern = '---\nslug: café-é\ntitle: "🌱 grow"\n---\n# Body 🌳\ntext\n';

  it('gives the text readPatternText gives, and the frontmatter through the closing fence', () => {
    for (const text of [pattern, pattern.replace(/\n/g, '\r\n'), `\ufeff${pattern}`]) {
      withFile(text, (file) => {
        const read = readPatternTextWithHead(file);
        assert.equal(read.text, readPatternText(file));
        const bodyStart = read.text.indexOf('# Body');
        assert.equal(read.head, read.text.slice(0, bodyStart));
        assert.deepEqual(read.frontmatter, splitFrontmatter(read.text));
      });
    }
  });

  it('gives no head without a closed frontmatter; bytes that are not valid UTF-8 are in it as the text has them', () => {
    withFile('---\nslug: open\n', (file) => assert.equal(readPatternTextWithHead(file).head, undefined));
    withFile('# no frontmatter\n', (file) => assert.equal(readPatternTextWithHead(file).head, undefined));
    withFile(Buffer.from([...Buffer.from('---\nslug: x'), 0xff, ...Buffer.from('\n---\nbody\n')]), (file) => {
      const read = readPatternTextWithHead(file);
      assert.equal(read.text, readPatternText(file));
      assert.equal(read.head, '---\nslug: x\ufffd\n---\n');
    });
  });

  it('gives a head that does not hold on to the body', () => {
    // Heads of 300 files with a 200,000-character body each: kept, they must weigh a head's worth, not 60 million characters.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const body = `${'# Body 🌳 '.repeat(20_000)}\n`;
    withFile(`---\nslug: café\ntitle: "🌱 grow"\n---\n${body}`, (file) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const heads = Array.from({ length: 300 }, () => readPatternTextWithHead(file).head);
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      assert.equal(heads[299], '---\nslug: café\ntitle: "🌱 grow"\n---\n');
      assert.ok(grown < 10_000_000, `300 kept heads take ${grown} bytes: the bodies are kept with them`);
    });
  });
});

describe('withoutBody', () => {
  it('keeps every node and every workspace finding of the real library, and nothing of the body', () => {
    if (!fs.existsSync(CORPUS)) assert.fail(`the real library is not at ${CORPUS}; this test needs ../shared/corpus beside the repository`);
    const files = fs.readdirSync(CORPUS).filter((n) => n.endsWith('.md')).sort().map((n) => path.join(CORPUS, n));
    const docs = files.map((file) => {
      const read = readPatternTextWithHead(file);
      return parsePatternDocumentFast(`file://${file}`, read.text, 0, read);
    });
    const index = new WorkspaceIndex();
    for (const doc of docs) {
      const summary = summarizeDocument(doc);
      if (summary) index.set(summary);
    }
    const env: CheckEnvironment = { index, schema, validator };
    let kept = 0;
    let findings = 0;
    for (const doc of docs) {
      const slim = withoutBody(doc);
      if (slim === doc) continue;
      kept++;
      assert.equal(slim.text, doc.text.slice(0, doc.frontmatter!.bodyStart), doc.uri);
      assert.deepEqual(slim.sections, []);
      const paths = pathsOf(doc.data);
      const ranges = (d: typeof doc) => paths.map(({ path: p, want }) => {
        const found = d.nodeAt(p, want);
        return found.node?.range ? d.lines.rangeOf(found.node.range[0], found.node.range[1]) : undefined;
      });
      assert.deepEqual(ranges(slim), ranges(doc), doc.uri);
      const expected = checkDocument(doc, env, 'workspace');
      assert.deepEqual(checkDocument(slim, env, 'workspace'), expected, doc.uri);
      findings += expected.length;
    }
    // All readable frontmatters of the library are kept slim (3,614 of 3,616), and their workspace findings are real ones.
    assert.equal(kept, 3614);
    assert.ok(findings > 2000, `${findings} workspace findings compared`);
  });
});
