import { spawnSync } from 'child_process';
import * as path from 'path';

/** The repository root, from out/test/unit/cli/. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const CLI_BIN = path.join(REPO_ROOT, 'bin', 'commons-patterns.js');
export const CLI_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the compiled `commons-patterns` the way a user does: `node bin/commons-patterns.js ARGS` in a folder. */
export function runCli(args: readonly string[], cwd: string): CliRun {
  const result = spawnSync(process.execPath, [CLI_BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The fixture folder test/fixtures/cli/<name>. */
export function fixture(...segments: string[]): string {
  return path.join(CLI_FIXTURES, ...segments);
}

export interface JsonDiagnostic {
  readonly file: string;
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly severity: string;
  readonly code: string;
  readonly message: string;
}

export interface JsonReport {
  readonly version: number;
  readonly files: number;
  readonly patterns: number;
  readonly diagnostics: JsonDiagnostic[];
}
