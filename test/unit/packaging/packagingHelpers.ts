import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, from the compiled test in out/test/unit/packaging/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const EXAMPLE_LIBRARY = path.join(REPO_ROOT, 'examples', 'library');
export const TRY_IT = path.join(REPO_ROOT, 'scripts', 'try-it.mjs');
const VSCE = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const CODE_SERVER_CACHE = path.resolve(process.env.E2E_CACHE_DIR || path.join(REPO_ROOT, '.cache', 'code-server'));

export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <args>` in the repository root and collects its output (never rejects on a non-zero exit). */
export function runNode(args: readonly string[], timeoutMs: number): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: REPO_ROOT, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`node ${args.join(' ')}: ${error.message}\n${stderr}`));
        return;
      }
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** The files `vsce ls --no-dependencies` would put into the .vsix, relative to the root, `/`-separated, sorted. */
export async function packagedFiles(): Promise<string[]> {
  const result = await runNode([VSCE, 'ls', '--no-dependencies'], 60_000);
  if (result.code !== 0) throw new Error(`vsce ls failed (exit ${result.code}):\n${result.stderr}${result.stdout}`);
  return result.stdout.split(/\r?\n/).map((line) => line.trim().split(path.sep).join('/')).filter(Boolean).sort();
}

/**
 * Why code-server cannot run here (undefined when it can). scripts/e2e/install.sh installs it;
 * `npm test` runs that installer only in its e2e step.
 */
export function codeServerMissing(): string | undefined {
  if (fs.existsSync(path.join(CODE_SERVER_CACHE, '.e2e-installed'))) return undefined;
  return `code-server is not installed in ${CODE_SERVER_CACHE} (run: bash scripts/e2e/install.sh)`;
}
