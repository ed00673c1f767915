import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagnosticRule } from './rule';

/** `yaml-syntax`: the frontmatter is not valid YAML; the range is the offending token. */
export const yamlSyntaxRule: DiagnosticRule = {
  code: 'yaml-syntax',
  defaultSeverity: DiagnosticSeverity.Error,
  appliesTo: 'any',
  check({ doc }) {
    const fm = doc.frontmatter;
    if (!fm || !fm.closed) return [];
    return doc.yamlErrors.map((error) => {
      const [start, end] = error.pos ?? [0, 0];
      const from = fm.yamlStart + start;
      // Zero-width positions (e.g. at a line's end) still get a visible character where there is one.
      const to = fm.yamlStart + Math.max(end, start);
      return {
        range: doc.lines.rangeOf(from, to > from ? to : Math.min(from + 1, fm.yamlEnd)),
        message: `Invalid YAML: ${firstLine(error.message)}`,
      };
    });
  },
};

function firstLine(message: string): string {
  return message.split(/\r?\n/)[0].replace(/ at line \d+, column \d+:?$/, '');
}
