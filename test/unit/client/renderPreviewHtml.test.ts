import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { escapeHtml, renderInline, renderPreviewHtml, type PreviewResources } from '../../../client/src/preview/renderPreviewHtml';
import type { ContextPreview as ClientContextPreview } from '../../../client/src/protocol';
import { parsePatternDocument } from '../../../server/src/core/document/patternDocument';
import { provideContextPreview } from '../../../server/src/core/features/contextPreview';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { createSchemaValidator } from '../../../server/src/core/schema/schemaValidator';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings/patternSettings';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';

const REPO = path.resolve(__dirname, '../../../..');
const INJECTION = '<img src=x onerror=alert(1)>';
const RESOURCES: PreviewResources = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.css',
};

/** The preview of a pattern text as the server computes it (the core's type must fit the client's). */
function previewOf(text: string): ClientContextPreview {
  const schema = loadPatternSchema();
  const ctx = { index: new WorkspaceIndex(), schema, validator: createSchemaValidator(schema), settings: DEFAULT_SETTINGS, host: { getDocument: () => undefined, isOpen: () => false, exists: () => false } };
  return provideContextPreview(ctx, parsePatternDocument('file:///lib/p.md', text));
}

/** The text of the page outside tags, with entities decoded: what a reader sees. */
function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Every tag name in the page. */
function tagNames(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase());
}

test('an injected tag in the title, summary, label, section text and audience name shows as text and adds no element', () => {
  const text = [
    '---',
    'slug: evil',
    `title: "Title ${INJECTION}"`,
    `summary: "Summary ${INJECTION} & more"`,
    'context_labels:',
    `  corporate: "${INJECTION}"`,
    `  "<script>alert(2)</script>": "x"`,
    '---',
    '### Section 2: Problem',
    `> **The core conflict is ${INJECTION} vs. "quotes".**`,
    '### Section 3: Solution',
    `> **Therefore, <svg onload=alert(3)> do *it*.**`,
    '### Section 4: Implementation',
    `**For corporate teams:** ${INJECTION} and \`<code>\` and **bold <b>**.`,
    '',
  ].join('\n');
  const preview = previewOf(text);
  assert.equal(preview.audiences[0].label, INJECTION, 'the server passes the text through unchanged');
  const html = renderPreviewHtml(preview, RESOURCES);

  assert.ok(!html.includes('<img'), 'no img element');
  assert.ok(!html.includes('<svg'), 'no svg element');
  assert.ok(!html.includes('<b>'), 'no b element');
  assert.equal(html.match(/<script\b/g)?.length, 1, 'only the page script');
  assert.deepEqual([...new Set(tagNames(html))].sort(), ['blockquote', 'body', 'code', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'head', 'header', 'html', 'link', 'meta', 'p', 'script', 'section', 'strong', 'title']);
  assert.ok(html.includes('<h1>Title &lt;img src=x onerror=alert(1)&gt;</h1>'));
  assert.ok(html.includes('Summary &lt;img src=x onerror=alert(1)&gt; &amp; more'));
  assert.ok(html.includes('>&lt;img src=x onerror=alert(1)&gt;</p>'), 'the label');
  assert.ok(html.includes('The core conflict is &lt;img src=x onerror=alert(1)&gt; vs. &quot;quotes&quot;.'));
  assert.ok(html.includes('Therefore, &lt;svg onload=alert(3)&gt; do <em>it</em>.'));
  assert.ok(html.includes('<code>&lt;code&gt;</code>'));
  assert.ok(html.includes('<strong>bold &lt;b&gt;</strong>'));
  assert.ok(html.includes('data-audience="&lt;script&gt;alert(2)&lt;/script&gt;"'), 'the audience name in an attribute');
  const seen = visibleText(html);
  for (const s of [`Title ${INJECTION}`, `${INJECTION} vs. "quotes".`, '<script>alert(2)</script>']) assert.ok(seen.includes(s), `reader sees ${s}`);
});

test('a strict Content-Security-Policy: nothing by default, styles and images only from the webview, the one script by nonce', () => {
  const html = renderPreviewHtml(undefined, RESOURCES);
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
  assert.equal(csp, `default-src &#39;none&#39;; style-src ${RESOURCES.cspSource}; script-src &#39;nonce-${RESOURCES.nonce}&#39;; img-src ${RESOURCES.cspSource}; base-uri &#39;none&#39;; form-action &#39;none&#39;`);
  assert.ok(html.includes(`<script nonce="${RESOURCES.nonce}" src="${RESOURCES.scriptUri}"></script>`));
  assert.ok(html.includes(`<link rel="stylesheet" href="${RESOURCES.styleUri}">`));
  assert.ok(!/\sstyle=|\son[a-z]+=/i.test(html), 'no inline styles or event handlers (the CSP would block them)');
  assert.ok(html.includes('<p class="empty">Open a pattern file to preview it for each audience.</p>'));
});

test('the reference pattern: every audience with its label, paragraph and a reveal position; shared sentences first', () => {
  const text = fs.readFileSync(path.join(REPO, 'test/fixtures/views/therapeutic-relationship-building.md'), 'utf8');
  const html = renderPreviewHtml(previewOf(text), RESOURCES);
  for (const [audience, line, character, label] of [
    ['corporate', 17, 13, 'Corporate professionals develop trust with therapist'],
    ['government', 18, 14, 'Government workers build therapeutic alliance'],
    ['activist', 19, 12, 'Activists build trust with trauma-informed therapists'],
    ['tech', 20, 8, 'Engineers build working relationship with therapist'],
  ] as const) {
    assert.ok(html.includes(`<section class="audience" data-audience="${audience}">`), audience);
    assert.ok(html.includes(`<h3 class="audience-name reveal" data-line="${line}" data-character="${character}" tabindex="0" role="link" title="Reveal in the editor">${audience}</h3>`), `${audience} heading reveals its label`);
    assert.ok(html.includes(`<p class="label reveal" data-line="${line}" data-character="${character}" tabindex="0" role="link" title="Reveal in the editor">${label}</p>`), `${audience} label`);
  }
  assert.ok(html.includes('data-line="268" data-character="0"'), 'the tech paragraph ("For engineers:") reveals line 268');
  assert.ok(html.includes('<strong>For engineers:</strong> Bridge the abstraction gap by <strong>externalizing the relationship model itself</strong>.'));
  assert.ok(html.includes('<blockquote>The core conflict is Therapeutic vs. Building.</blockquote>'));
  assert.ok(html.indexOf('Core conflict') < html.indexOf('data-audience="corporate"'));
  assert.ok(html.includes('<title>Context Preview: Therapeutic Relationship Building</title>'));
});

test('what is missing is said: no label, no Section 4 paragraph, no core conflict or solution, no audiences', () => {
  const missing = renderPreviewHtml({
    uri: 'file:///lib/p.md', version: 1, title: undefined, summary: undefined, coreConflict: undefined, solution: undefined,
    audiences: [{ audience: 'government', label: undefined, range: undefined, implementation: undefined }],
  }, RESOURCES);
  assert.ok(missing.includes('<p class="label missing">No label for “government” in <code>context_labels</code>.</p>'));
  assert.ok(missing.includes('<p class="implementation missing">Section 4 has no “**For government:**” paragraph.</p>'));
  assert.ok(missing.includes('<h3 class="audience-name">government</h3>'), 'nothing to reveal: not clickable');
  assert.ok(missing.includes('Section 2 has no “&gt; **The core conflict is …**” line.'));
  assert.ok(missing.includes('Section 3 has no “&gt; **Therefore, …**” line.'));
  assert.ok(missing.includes('<span class="missing">Untitled pattern</span>'));
  const none = renderPreviewHtml({ ...previewOf('---\nslug: p\ntitle: P\n---\n'), audiences: [] }, RESOURCES);
  assert.ok(none.includes('This pattern has no <code>context_labels</code>: there are no audiences to show.'));
});

test('inline marks are rendered only from escaped text', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  assert.equal(renderInline('**a** *b* `<c>` 2 * 3 * 4'), '<strong>a</strong> <em>b</em> <code>&lt;c&gt;</code> 2 * 3 * 4');
  assert.equal(renderInline('line one\nline two'), 'line one<br>line two');
  assert.equal(renderInline('\u00000\u0000 `x`'), '0 <code>x</code>', 'placeholder characters in the text cannot pull in other text');
  assert.equal(renderInline('**<img src=x onerror=alert(1)>**'), '<strong>&lt;img src=x onerror=alert(1)&gt;</strong>');
});
