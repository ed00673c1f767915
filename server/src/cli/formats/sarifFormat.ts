import { pathToFileURL } from 'url';
import { rootRelativePath, severityName, type CheckReport, type SeverityName } from '../checkReport';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/** SARIF has no 'information' or 'hint': both are notes. */
const SARIF_LEVEL: Record<SeverityName, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/**
 * SARIF 2.1.0 for code scanning in CI: one run, the rules with their descriptions and levels,
 * one result per diagnostic with a 1-based region (columns in UTF-16 code units) in a file named
 * relative to %SRCROOT% (the root).
 */
export function formatSarif(report: CheckReport): string {
  const ruleIndex = new Map(report.rules.map((rule, i) => [rule.code, i]));
  const rules = report.rules.map((rule) => ({
    id: rule.code,
    shortDescription: { text: rule.description },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity], ...(rule.enabled ? {} : { enabled: false }) },
  }));
  const results = report.entries.map(({ file, diagnostic }) => {
    const { start, end } = diagnostic.range;
    const index = ruleIndex.get(diagnostic.code);
    return {
      ruleId: diagnostic.code,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: SARIF_LEVEL[severityName(diagnostic.severity)],
      message: { text: diagnostic.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: uriReference(rootRelativePath(report, file)), uriBaseId: SRCROOT },
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      }],
    };
  });
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: report.tool.name,
          version: report.tool.version,
          ...(report.tool.homepage ? { informationUri: report.tool.homepage } : {}),
          rules,
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(report.root) } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** A relative path as a URI reference: each segment percent-encoded (spaces, `#`, `%`, non-ASCII). */
function uriReference(relativePath: string): string {
  return relativePath.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/** SARIF requires a base URI to end with a slash. */
function directoryUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}
