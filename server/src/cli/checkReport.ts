import * as path from 'path';
import { relativePath } from '../core/workspace/fileDiscovery';
import type { CliDiagnostic } from './checkFile';
import type { PackageInfo } from './packageInfo';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

/** LSP DiagnosticSeverity (1–4) to the names used in settings, JSON output and the text format. */
export function severityName(severity: number): SeverityName {
  return severity === 1 ? 'error' : severity === 2 ? 'warning' : severity === 3 ? 'information' : 'hint';
}

/** One rule as the report lists it (SARIF's rule metadata). */
export interface ReportRule {
  readonly code: string;
  readonly description: string;
  /** The severity the rule reports with under the current settings. */
  readonly severity: SeverityName;
  /** False when the settings turn the rule off. */
  readonly enabled: boolean;
}

export interface ReportEntry {
  /** Absolute path of the file. */
  readonly file: string;
  readonly diagnostic: CliDiagnostic;
}

/** Everything a check found, ready for any output format. */
export interface CheckReport {
  readonly tool: PackageInfo;
  /** Absolute paths: the workspace root and the folder paths in text output are relative to. */
  readonly root: string;
  readonly cwd: string;
  /** Files checked (read and looked at) and, of those, pattern files. */
  readonly fileCount: number;
  readonly patternCount: number;
  /** Sorted by file, then position, then code and message: the same output for the same input, whatever the threads. */
  readonly entries: readonly ReportEntry[];
  readonly rules: readonly ReportRule[];
}

export function compareEntries(a: ReportEntry, b: ReportEntry): number {
  const da = a.diagnostic;
  const db = b.diagnostic;
  return (
    compareStrings(a.file, b.file) ||
    da.range.start.line - db.range.start.line ||
    da.range.start.character - db.range.start.character ||
    da.range.end.line - db.range.end.line ||
    da.range.end.character - db.range.end.character ||
    compareStrings(da.code, db.code) ||
    compareStrings(da.message, db.message)
  );
}

/** Code-unit order, independent of the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A path relative to the root with forward slashes, as JSON and SARIF output carry it. */
export function rootRelativePath(report: Pick<CheckReport, 'root'>, file: string): string {
  return relativePath(report.root, file).split(path.sep).join('/');
}

/** A path relative to the current folder, as a compiler prints it for humans. */
export function cwdRelativePath(report: Pick<CheckReport, 'cwd'>, file: string): string {
  return relativePath(report.cwd, file) || path.basename(file);
}
