import * as assert from 'assert';
import { activatedApi, EXTENSION_ID, fixtureUri, openDocument, plain, waitFor } from './helpers';
import * as vscode from 'vscode';

suite('views: section outline, context preview, backlinks', () => {
  test('the outline lists the seven groups and eight sections with word counts against the spec', async () => {
    const api = await activatedApi();
    const rows = await api.sectionOutlineItems(fixtureUri('patterns/therapeutic-relationship-building.md'));
    assert.deepStrictEqual(rows.filter((r) => r.label.startsWith('Section')).map((r) => [r.label, r.description, r.icon]), [
      ['Section 1: Context', '139 words · 100–200', 'symbol-text'],
      ['Section 2: Problem', '186 words · 100–200', 'symbol-text'],
      ['Section 3: Solution', '268 words · 200–400', 'symbol-text'],
      ['Section 4: Implementation', '486 words · 300–500', 'symbol-text'],
      ['Section 5: Consequences', '267 words · 200–300', 'symbol-text'],
      ['Section 6: Known Uses', '312 words · 200–300', 'warning'],
      ['Section 7: Cognitive Era', '241 words · 150–250', 'symbol-text'],
      ['Section 8: Vitality', '341 words · 200–300', 'warning'],
    ]);
    assert.strictEqual(rows.find((r) => r.label === 'Section 6: Known Uses')?.tooltip, '312 words, more than the recommended 200–300');
    assert.deepStrictEqual(rows.filter((r) => r.label.startsWith('Group')).map((r) => r.label), [
      'Group 1: Core Identity', 'Group 2: Contextual Translation', 'Group 3: Ontology & Search Optimization',
      'Group 4: Lifecycle & Confidence', 'Group 5: Hard Relationships', 'Group 6: Graph Garden', 'Group 7: Provenance',
    ]);

    const broken = await api.sectionOutlineItems(fixtureUri('patterns/broken-links.md'));
    assert.deepStrictEqual(broken.filter((r) => r.warning).map((r) => [r.label, r.description]), [
      ['Group 4: Lifecycle & Confidence', 'missing'],
      ['Group 6: Graph Garden', 'missing'],
      ['Section 1: Context', '1 word · 100–200'],
      ['Section 2: Problem', '7 words · 100–200'],
      ['Section 3: Solution', '6 words · 200–400'],
      ['Section 4: Implementation', '17 words · 300–500'],
      ['Section 5: Consequences', 'missing'],
      ['Section 6: Known Uses', 'missing'],
      ['Section 7: Cognitive Era', 'missing'],
      ['Section 8: Vitality', 'missing'],
    ]);
  });

  test('the context preview shows every audience and escapes an injected tag, under a nonce CSP', async () => {
    const api = await activatedApi();
    await openDocument('patterns/broken-links.md');
    const html = await api.renderPreviewHtml(fixtureUri('patterns/broken-links.md'));
    for (const audience of ['corporate', 'government', 'activist', 'tech', 'community']) {
      assert.ok(html.includes(`data-audience="${audience}"`), `audience ${audience} is shown`);
    }
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the label with a tag is shown as text');
    assert.ok(!html.includes('<img'), 'no img element');
    assert.ok(html.includes('<strong>For engineers:</strong> add a checklist to the pull request template.'), 'the tech paragraph of Section 4');
    assert.ok(html.includes('Section 4 has no “**For government:**” paragraph.'), 'a missing paragraph is said');
    const nonce = /script-src &#39;nonce-([0-9a-f]+)&#39;/.exec(html)?.[1];
    assert.ok(nonce, 'the CSP allows scripts only by nonce');
    assert.ok(html.includes(`<script nonce="${nonce}" src="`), 'the one script carries the nonce');
    assert.ok(html.includes("default-src &#39;none&#39;"));
    const options = api.previewWebviewOptions();
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri;
    assert.deepStrictEqual({
      enableScripts: options?.enableScripts, enableForms: options?.enableForms, enableCommandUris: options?.enableCommandUris,
      localResourceRoots: options?.localResourceRoots?.map((uri) => uri.toString()),
    }, {
      enableScripts: true, enableForms: false, enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'client', 'media').toString()],
    }, 'scripts only for the nonce\'d one, no forms or command URIs, local resources only from client/media');

    const reference = await api.renderPreviewHtml(fixtureUri('patterns/therapeutic-relationship-building.md'));
    for (const label of ['Corporate professionals develop trust with therapist', 'Government workers build therapeutic alliance',
      'Activists build trust with trauma-informed therapists', 'Engineers build working relationship with therapist']) {
      assert.ok(reference.includes(label), label);
    }
  });

  test('backlinks: the patterns linking to the active one, with the exact range of each link', async () => {
    const api = await activatedApi();
    const links = await api.backlinks(fixtureUri('patterns/therapeutic-relationship-building.md'));
    assert.deepStrictEqual(links.map((l) => [l.slug, l.kind, l.source, plain(new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character))]), [
      ['broken-links', 'requires', 'relationship', [35, 12, 35, 45]],
    ]);
    assert.strictEqual(links[0].uri, fixtureUri('patterns/broken-links.md').toString());
  });

  test('the outline follows an edit that is not saved yet', async () => {
    const api = await activatedApi();
    const document = await openDocument('patterns/broken-links.md');
    const sectionOne = async () => (await api.sectionOutlineItems(document.uri)).find((r) => r.label === 'Section 1: Context')?.description;
    assert.strictEqual(await sectionOne(), '1 word · 100–200');
    const edit = new vscode.WorkspaceEdit();
    // Line 46 is `Short.` under `### Section 1: Context`.
    edit.insert(document.uri, new vscode.Position(46, 6), ' Three more words.');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor('the outline to count the new words', async () => ((await sectionOne()) === '4 words · 100–200' ? true : undefined), 10_000);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.strictEqual(document.getText().includes('Three more words'), false, 'the fixture is back as it was');
  });
});
