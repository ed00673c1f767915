// Shared helpers of the suite that runs inside VS Code's extension host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CommonsPatternsApi } from '../../../client/src/extension';

export const EXTENSION_ID = 'commons-patterns.commons-patterns';

/** The workspace folder the runner opened (test/fixtures/e2e-workspace). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with test/fixtures/e2e-workspace open as its workspace folder');
  return folder.uri;
}

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Activates the extension and waits until its server has indexed the workspace. */
export async function activatedApi(): Promise<CommonsPatternsApi> {
  const extension = vscode.extensions.getExtension<CommonsPatternsApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

export async function openDocument(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs` with `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function range(startLine: number, startCharacter: number, endLine: number, endCharacter: number): vscode.Range {
  return new vscode.Range(startLine, startCharacter, endLine, endCharacter);
}

/** A range as plain numbers, for deepStrictEqual with a readable diff. */
export function plain(r: vscode.Range): [number, number, number, number] {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

/** The text of a hover's contents, whatever form they take. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
