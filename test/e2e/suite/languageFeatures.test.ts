import * as assert from 'assert';
import * as vscode from 'vscode';
import { activatedApi, fixtureUri, hoverText, openDocument, plain, waitFor } from './helpers';

/** The rule code of a diagnostic, however VS Code hands it over. */
function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

suite('language features through the vscode API', () => {
  suiteSetup(async () => {
    await activatedApi();
  });

  test('diagnostics: a broken relationship and an out-of-range score, at their exact ranges', async () => {
    const document = await openDocument('patterns/broken-links.md');
    // When a file opens, its pulled (workspace) report and the pushed one may both show for a moment:
    // wait for the steady state, and on a timeout compare what is there (for a readable failure).
    const count = (found: vscode.Diagnostic[], code: string) => found.filter((d) => codeOf(d) === code).length;
    const diagnostics = await waitFor('one score-out-of-range and two broken-relationship diagnostics in broken-links.md', () => {
      const found = vscode.languages.getDiagnostics(document.uri);
      return count(found, 'score-out-of-range') === 1 && count(found, 'broken-relationship') === 2 ? found : undefined;
    }).catch(() => vscode.languages.getDiagnostics(document.uri));

    const score = diagnostics.filter((d) => codeOf(d) === 'score-out-of-range');
    assert.deepStrictEqual(score.map((d) => [plain(d.range), d.severity, d.message, d.source]), [
      [[21, 16, 21, 17], vscode.DiagnosticSeverity.Error, 'resilience is 7; scores range from 0 to 5', 'commons-patterns'],
    ]);
    const broken = diagnostics.filter((d) => codeOf(d) === 'broken-relationship');
    assert.deepStrictEqual(broken.map((d) => [plain(d.range), d.severity, d.message]), [
      [[32, 12, 32, 33], vscode.DiagnosticSeverity.Warning, "No pattern with slug 'active-listening-dept' in the workspace; did you mean 'active-listening-depth'?"],
      [[38, 12, 38, 15], vscode.DiagnosticSeverity.Warning, "No pattern with slug 'acc' in the workspace"],
    ]);
  });

  test('completion inside a relationship list offers the workspace slugs', async () => {
    const document = await openDocument('patterns/broken-links.md');
    const labelsAt = async (line: number, character: number) => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(line, character));
      return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    };
    // Line 38 is `    - slug: acc`. Before the value nothing is typed yet: every other pattern is offered.
    const all = await labelsAt(38, 12);
    for (const slug of ['acceptance-and-commitment', 'active-listening-depth', 'therapeutic-relationship-building']) {
      assert.ok(all.includes(slug), `completion offers ${slug}; got ${JSON.stringify(all.slice(0, 20))}`);
    }
    // After `acc`, the patterns that match what is typed.
    const typed = await labelsAt(38, 15);
    assert.ok(typed.includes('acceptance-and-commitment'), `completion after 'acc' offers acceptance-and-commitment; got ${JSON.stringify(typed.slice(0, 20))}`);
    assert.ok(!typed.includes('therapeutic-relationship-building'), 'a slug that does not match what is typed is not offered');
  });

  test('hover on a relationship target shows the linked pattern\'s title', async () => {
    const document = await openDocument('patterns/therapeutic-relationship-building.md');
    // Line 65 is `    - slug: active-listening-depth`.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(65, 20));
    assert.ok(hoverText(hovers).includes('Active Listening Depth'), `hover shows the title; got ${JSON.stringify(hoverText(hovers).slice(0, 300))}`);
  });

  test('go to definition on a relationship target opens the target pattern file', async () => {
    const document = await openDocument('patterns/therapeutic-relationship-building.md');
    const result = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', document.uri, new vscode.Position(65, 20));
    const targets = result.map((r) => ('targetUri' in r ? r.targetUri : r.uri).toString());
    assert.deepStrictEqual(targets, [fixtureUri('patterns/active-listening-depth.md').toString()]);
  });
});
