import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagnosticRule } from './rule';

/** `frontmatter-unclosed`: `---` opens the file but no `---` line closes the frontmatter. */
export const frontmatterUnclosedRule: DiagnosticRule = {
  code: 'frontmatter-unclosed',
  scope: 'document',
  description: "The frontmatter opened by '---' is never closed",
  defaultSeverity: DiagnosticSeverity.Error,
  appliesTo: 'any',
  check({ doc }) {
    const fm = doc.frontmatter;
    if (!fm || fm.closed) return [];
    return [{
      range: doc.lines.rangeOf(fm.openStart, fm.openEnd),
      message: "The frontmatter opened by '---' is never closed; add a '---' line after the last YAML line",
    }];
  },
};
