import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isRecord } from '../document/formatVersion';
import { nodeRange } from '../document/patternDocument';
import { valueNodeAt } from '../document/documentNodes';
import type { DiagnosticRule } from './rule';

/** The seven pillars of ADR-0004 plus `vitality`: `overall_score` is their mean. */
const SCORED_KEYS = [
  'stakeholder_architecture', 'value_creation', 'resilience', 'ownership',
  'autonomy', 'composability', 'fractal_value', 'vitality',
] as const;

/** How far `overall_score` may be from the mean: one rounding to a tenth, plus float noise. */
const TOLERANCE = 0.05 + 1e-9;
const FLOAT_NOISE = 1e-9;

/**
 * `overall-score-mismatch`: `overall_score` is more than 0.05 from the mean of the seven pillars and
 * `vitality` (so both roundings of a tie, 3.25 → 3.2 or 3.3, pass). Only checked when all eight are
 * numbers; wrong types and ranges are other rules' findings. `data.mean` is the value a quick fix writes.
 */
export const overallScoreMismatchRule: DiagnosticRule = {
  code: 'overall-score-mismatch',
  scope: 'document',
  description: 'overall_score differs by more than 0.05 from the mean of the seven pillars and vitality',
  defaultSeverity: DiagnosticSeverity.Warning,
  appliesTo: ['v7.1'],
  check({ doc }) {
    const ontology = isRecord(doc.data) ? doc.data.ontology : undefined;
    const assessment = isRecord(ontology) ? ontology.commons_assessment : undefined;
    if (!isRecord(assessment)) return [];
    const overall = assessment.overall_score;
    if (!isFiniteNumber(overall)) return [];
    const scores = SCORED_KEYS.map((key) => assessment[key]);
    if (!scores.every(isFiniteNumber)) return [];
    const mean = (scores as number[]).reduce((sum, score) => sum + score, 0) / scores.length;
    if (Math.abs(overall - mean) <= TOLERANCE) return [];
    const expected = roundingsOf(mean);
    return [{
      range: nodeRange(doc, valueNodeAt(doc, ['ontology', 'commons_assessment', 'overall_score'])),
      message: `overall_score is ${overall}, but the mean of the seven pillars and vitality is ${formatMean(mean)}; expected ${expected.join(' or ')}`,
      data: { mean: Number(expected[expected.length - 1]) },
    }];
  },
};

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The mean rounded to one decimal; both neighbours when it lies halfway (3.25 → 3.2 or 3.3), rounding up last. */
function roundingsOf(mean: number): string[] {
  const tenths = mean * 10;
  const below = Math.floor(tenths + FLOAT_NOISE);
  const fraction = tenths - below;
  if (Math.abs(fraction - 0.5) < FLOAT_NOISE) return [(below / 10).toFixed(1), ((below + 1) / 10).toFixed(1)];
  return [(Math.round(tenths) / 10).toFixed(1)];
}

/** The mean without float noise: sums of tenths divided by 8 need at most four decimals. */
function formatMean(mean: number): string {
  return String(Number(mean.toFixed(4)));
}
