/**
 * The context preview's HTML, as a pure function of the server's ContextPreview (no `vscode`
 * import, so it is tested in plain Node). Every piece of pattern text is escaped before the few
 * inline Markdown marks (**bold**, *italic*, `code`) are turned into tags, so pattern text can
 * never add markup; the Content-Security-Policy allows no remote content and only the nonce'd script.
 */
import type { ContextPreview, ContextPreviewAudience } from '../protocol';
import type { Range } from 'vscode-languageclient';

export interface PreviewResources {
  /** The webview's `cspSource` (VS Code's origin for local resources). */
  readonly cspSource: string;
  /** A fresh random nonce per render: only the script carrying it may run. */
  readonly nonce: string;
  /** Webview URIs of client/media/preview.js and preview.css. */
  readonly scriptUri: string;
  readonly styleUri: string;
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes, then renders inline `code`, **bold** and *italic* (the marks pattern sentences use). */
export function renderInline(text: string): string {
  const codeSpans: string[] = [];
  let html = escapeHtml(text.replace(/\u0000/g, '')).replace(/`([^`\n]+)`/g, (_m, code: string) => `\u0000${codeSpans.push(code) - 1}\u0000`);
  html = html
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/\n/g, '<br>');
  return html.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => `<code>${codeSpans[Number(i)]}</code>`);
}

/**
 * The page's Content-Security-Policy: nothing by default (no remote content, no frames, no fonts,
 * no connections); styles and images only from the extension's own webview resources; scripts
 * only with this render's nonce (no inline handlers, no eval). `base-uri` and `form-action` do not
 * fall back to default-src, so they are closed explicitly: a `<base>` or a form could otherwise
 * redirect the page's relative URLs or submit elsewhere.
 */
export function previewContentSecurityPolicy(resources: Pick<PreviewResources, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `style-src ${resources.cspSource}`,
    `script-src 'nonce-${resources.nonce}'`,
    `img-src ${resources.cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The whole preview document. `preview` undefined: the followed file is not a pattern (or none is open). */
export function renderPreviewHtml(preview: ContextPreview | undefined, resources: PreviewResources, emptyMessage = 'Open a pattern file to preview it for each audience.'): string {
  const csp = previewContentSecurityPolicy(resources);
  const body = preview ? renderPattern(preview) : `<p class="empty">${escapeHtml(emptyMessage)}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(resources.styleUri)}">
<title>${escapeHtml(preview?.title ? `Context Preview: ${preview.title}` : 'Context Preview')}</title>
</head>
<body>
${body}
<script nonce="${escapeHtml(resources.nonce)}" src="${escapeHtml(resources.scriptUri)}"></script>
</body>
</html>
`;
}

function renderPattern(preview: ContextPreview): string {
  const parts: string[] = [];
  parts.push(`<header><h1>${preview.title !== undefined ? escapeHtml(preview.title) : '<span class="missing">Untitled pattern</span>'}</h1>`);
  parts.push(preview.summary ? `<p class="summary">${renderInline(preview.summary)}</p>` : '<p class="missing">No summary.</p>');
  parts.push('</header>');
  parts.push('<section class="shared" aria-label="What every audience reads">');
  parts.push(sentence('Core conflict', preview.coreConflict, 'Section 2 has no “> **The core conflict is …**” line.'));
  parts.push(sentence('Solution', preview.solution, 'Section 3 has no “> **Therefore, …**” line.'));
  parts.push('</section>');
  if (preview.audiences.length === 0) {
    parts.push('<p class="missing">This pattern has no <code>context_labels</code>: there are no audiences to show.</p>');
  }
  for (const audience of preview.audiences) parts.push(renderAudience(audience));
  return parts.join('\n');
}

function sentence(heading: string, text: string | undefined, missing: string): string {
  const content = text ? `<blockquote>${renderInline(text)}</blockquote>` : `<p class="missing">${escapeHtml(missing)}</p>`;
  return `<div class="sentence"><h2>${escapeHtml(heading)}</h2>${content}</div>`;
}

function renderAudience(a: ContextPreviewAudience): string {
  const name = escapeHtml(a.audience);
  const label = a.label !== undefined
    ? `<p${revealAttributes('label', a.range)}>${escapeHtml(a.label)}</p>`
    : `<p class="label missing">No label for “${name}” in <code>context_labels</code>.</p>`;
  const implementation = a.implementation
    ? `<div${revealAttributes('implementation', a.implementation.range)}><h4>In Section 4: Implementation</h4><p>${renderInline(a.implementation.text)}</p></div>`
    : `<p class="implementation missing">Section 4 has no “**For ${name}:**” paragraph.</p>`;
  return `<section class="audience" data-audience="${name}">
<h3${revealAttributes('audience-name', a.range ?? a.implementation?.range)}>${name}</h3>
${label}
${implementation}
</section>`;
}

/** The class attribute, and with a range the attributes that make the element reveal it when clicked (see media/preview.js). */
function revealAttributes(className: string, range: Range | undefined): string {
  const line = Math.trunc(Number(range?.start.line));
  const character = Math.trunc(Number(range?.start.character));
  if (!range || !Number.isFinite(line) || !Number.isFinite(character)) return ` class="${className}"`;
  return ` class="${className} reveal" data-line="${line}" data-character="${character}" tabindex="0" role="link" title="Reveal in the editor"`;
}
