import { isRecord } from '../../document/formatVersion';
import { nodeRange } from '../../document/patternDocument';
import { isScalar, nodeAtPath } from '../../document/yamlPath';
import type { PatternSchema } from '../../schema/patternSchema';
import { documentEdit } from '../textEdits';
import { dataOf, quickFixAction, type QuickFix } from './quickFix';

const ASSESSMENT = ['ontology', 'commons_assessment'] as const;

/**
 * `overall-score-mismatch` → "Set overall_score to <mean>": replaces the number, nothing else. The
 * mean comes from the diagnostic (`data.mean`) or, when missing, from the document: the seven
 * pillars and `vitality`, i.e. every numeric field of the assessment except overall_score itself.
 */
export const setOverallScoreFix: QuickFix = (ctx, doc, diagnostic) => {
  const node = nodeAtPath(doc.yaml, [...ASSESSMENT, 'overall_score']);
  if (!isScalar(node) || !node.range) return [];
  const given = dataOf(diagnostic).mean;
  const mean = typeof given === 'number' && Number.isFinite(given) ? given : meanOf(ctx.schema, doc.data);
  if (mean === undefined) return [];
  const text = (Math.round(mean * 10 + 1e-9) / 10).toFixed(1);
  if (node.value === Number(text)) return [];
  const edit = documentEdit(ctx.host, doc, [{ range: nodeRange(doc, node), newText: text }]);
  return [quickFixAction(`Set overall_score to ${text}`, diagnostic, { documentChanges: [edit] }, true)];
};

/** The mean of the scored fields (the schema's numeric assessment fields other than overall_score). */
export function meanOf(schema: PatternSchema, data: unknown): number | undefined {
  const ontology = isRecord(data) ? data.ontology : undefined;
  const assessment = isRecord(ontology) ? ontology.commons_assessment : undefined;
  if (!isRecord(assessment)) return undefined;
  const keys = scoredKeys(schema);
  const scores = keys.map((k) => assessment[k]);
  if (keys.length === 0 || !scores.every((s) => typeof s === 'number' && Number.isFinite(s))) return undefined;
  return (scores as number[]).reduce((sum, s) => sum + s, 0) / scores.length;
}

function scoredKeys(schema: PatternSchema): string[] {
  const properties = schema.nodeAt([...ASSESSMENT])?.properties ?? {};
  return Object.entries(properties)
    .filter(([key, node]) => key !== 'overall_score' && schema.resolve(node)?.type === 'number')
    .map(([key]) => key);
}
