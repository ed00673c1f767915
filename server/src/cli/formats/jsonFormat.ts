import { rootRelativePath, severityName, type CheckReport } from '../checkReport';

/**
 * `{"version":1,"files":N,"patterns":N,"diagnostics":[...]}` with LSP ranges (0-based lines,
 * UTF-16 characters) and file paths relative to the root with forward slashes (DESIGN.md, Commands).
 */
export function formatJson(report: CheckReport): string {
  const diagnostics = report.entries.map(({ file, diagnostic }) => ({
    file: rootRelativePath(report, file),
    range: {
      start: { line: diagnostic.range.start.line, character: diagnostic.range.start.character },
      end: { line: diagnostic.range.end.line, character: diagnostic.range.end.character },
    },
    severity: severityName(diagnostic.severity),
    code: diagnostic.code,
    message: diagnostic.message,
  }));
  return JSON.stringify({ version: 1, files: report.fileCount, patterns: report.patternCount, diagnostics }) + '\n';
}
