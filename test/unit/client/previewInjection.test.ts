import { test } from 'node:test';
import assert from 'node:assert/strict';
import { previewContentSecurityPolicy, renderPreviewHtml, type PreviewResources } from '../../../client/src/preview/renderPreviewHtml';
import type { ContextPreview } from '../../../client/src/protocol';

const RESOURCES: PreviewResources = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: '5b0c1d2e3f405162738495a6b7c8d9e0',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/preview.css',
};

/** Markup and script an author (or a pull request from a stranger) can put into any text of a pattern. */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)' x='",
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '</p></section><iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '**<b onclick=alert(1)>bold</b>** `<code onclick=alert(1)>` *<i onmouseover=alert(1)>*',
  '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x3C;script&#x3E;',
  '<base href="https://evil.example/">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<style>body{background:url(https://evil.example/x.png)}</style>',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '\u00000\u0000 <!-- a comment --> <![CDATA[x]]> \u2028\u2029',
];

const RANGE = { start: { line: 17, character: 13 }, end: { line: 17, character: 30 } };
const TAGS_OF_THE_PAGE = new Set(['html', 'head', 'meta', 'link', 'title', 'body', 'header', 'h1', 'h2', 'h3', 'h4', 'p', 'section',
  'div', 'blockquote', 'strong', 'em', 'code', 'br', 'span', 'script']);

/** A preview with `text` in every field the page shows: title, summary, core conflict, solution, audience key, label, Section 4 paragraph. */
function previewWith(text: string): ContextPreview {
  return {
    uri: 'file:///lib/p.md', version: 1, title: text, summary: text, coreConflict: text, solution: text,
    audiences: [
      { audience: text, label: text, range: RANGE, implementation: { text, range: RANGE } },
      // A hostile position (the server never sends one, but the page must not trust it either).
      { audience: 'corporate', label: text, range: { start: { line: '1" onclick="alert(1)' as unknown as number, character: NaN }, end: RANGE.end }, implementation: undefined },
    ],
  };
}

/** Every tag of the page, as written (`<name attributes>`). */
function tagsOf(html: string): string[] {
  return [...html.matchAll(/<[^>]*>/g)].map((m) => m[0]);
}

/** What a reader sees: the text outside tags, entities decoded. */
function visibleText(html: string): string {
  return html.replace(/<br>/g, '\n').replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

test('script and HTML injected through every text field shown is escaped: no element, attribute, handler or URL of its own', () => {
  for (const payload of PAYLOADS) {
    const html = renderPreviewHtml(previewWith(payload), RESOURCES);
    const tags = tagsOf(html);
    const names = tags.filter((t) => !t.startsWith('<!')).map((t) => /^<\/?([a-zA-Z][\w-]*)/.exec(t)?.[1]?.toLowerCase());
    assert.deepEqual(names.filter((n) => !n || !TAGS_OF_THE_PAGE.has(n)), [], `only the page's own elements for ${payload}`);
    assert.deepEqual(tags.filter((t) => t.startsWith('<!')), ['<!DOCTYPE html>'], 'no comment or CDATA section');
    assert.deepEqual(html.match(/<script\b[^>]*>/gi), [`<script nonce="${RESOURCES.nonce}" src="${RESOURCES.scriptUri}">`], 'one script, with the nonce');
    for (const tag of tags.filter((t) => !t.startsWith('<!'))) {
      // Every tag is `<name attr="value" …>` with no quote inside a value: pattern text cannot end a value and start an attribute.
      assert.match(tag, /^<\/?[a-z][a-z0-9]*(\s+[a-z][a-z-]*(="[^"<>]*")?)*>$/, `a well-formed tag: ${tag}`);
      for (const [, name, value] of tag.matchAll(/\s([a-z][a-z-]*)(?:="([^"]*)")?/g)) {
        assert.ok(!name.startsWith('on') && !['style', 'srcdoc', 'action', 'formaction'].includes(name), `no active attribute: ${name} in ${tag}`);
        if (name === 'href' || name === 'src') assert.ok([RESOURCES.scriptUri, RESOURCES.styleUri].includes(value), `only the extension's own resources: ${value}`);
        if (name === 'http-equiv') assert.equal(value, 'Content-Security-Policy');
        assert.doesNotMatch(value ?? '', /^\s*javascript:/i, `no javascript: URL in ${name}`);
      }
    }
    assert.equal((html.match(/<meta http-equiv/g) ?? []).length, 1, 'one CSP meta');
    assert.equal((html.match(/<link\b/g) ?? []).length, 1, 'one stylesheet');
    // The hostile position is not written into the page: that audience is not clickable.
    assert.ok(html.includes('<h3 class="audience-name">corporate</h3>'), 'a non-numeric position is dropped');
    if (!/[*`]/.test(payload)) {
      // Nothing is lost either: the reader sees the text as written (NUL aside), in every field.
      const seen = visibleText(html).replace(/\u0000/g, '');
      const expected = payload.replace(/\u0000/g, '');
      assert.ok(seen.split(expected).length - 1 >= 8, `the text is shown in the title, the heading, summary, conflict, solution, audience, label, paragraph: ${payload}`);
    }
  }
});

test('the Content-Security-Policy, exactly: no remote content, the nonce\'d script only, no <base> or form targets', () => {
  const csp = previewContentSecurityPolicy(RESOURCES);
  assert.equal(csp, "default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-5b0c1d2e3f405162738495a6b7c8d9e0'; " +
    "img-src https://file+.vscode-resource.vscode-cdn.net; base-uri 'none'; form-action 'none'");
  const html = renderPreviewHtml(previewWith('x'), RESOURCES);
  const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
  assert.ok(head.startsWith(`<head>\n<meta charset="UTF-8">\n<meta http-equiv="Content-Security-Policy" content="${csp.replace(/'/g, '&#39;')}">`),
    'the policy comes first, before anything that loads');
});
