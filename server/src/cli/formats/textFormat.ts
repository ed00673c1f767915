import { cwdRelativePath, severityName, type CheckReport, type SeverityName } from '../checkReport';

/**
 * Compiler-style output: `path:line:col severity code message`, 1-based line and column (the column
 * counts UTF-16 code units, as editors do), then a summary line.
 */
export function formatText(report: CheckReport): string {
  const lines: string[] = [];
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const { file, diagnostic } of report.entries) {
    const severity = severityName(diagnostic.severity);
    counts[severity]++;
    const { line, character } = diagnostic.range.start;
    // One diagnostic per line, so that grep and editors' problem matchers can read the output.
    const message = diagnostic.message.replace(/\s*[\r\n]+\s*/g, ' ');
    lines.push(`${cwdRelativePath(report, file)}:${line + 1}:${character + 1} ${severity} ${diagnostic.code} ${message}`);
  }
  lines.push(summaryLine(counts, report.fileCount, report.patternCount));
  return lines.join('\n') + '\n';
}

function summaryLine(counts: Record<SeverityName, number>, files: number, patterns: number): string {
  const scope = `in ${plural(files, 'file')} (${plural(patterns, 'pattern')})`;
  if (counts.error + counts.warning + counts.information + counts.hint === 0) return `No problems ${scope}`;
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.information, 'info')}, ${plural(counts.hint, 'hint')} ${scope}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
