import type { DiagnosticRule } from './rule';
import { yamlSyntaxRule } from './yamlSyntaxRule';
import { frontmatterUnclosedRule } from './frontmatterUnclosedRule';
import { schemaRule } from './schemaRule';
import { scoreOutOfRangeRule } from './scoreOutOfRangeRule';
import { brokenRelationshipRule } from './brokenRelationshipRule';
import { brokenInferredLinkRule } from './brokenInferredLinkRule';
import { selfRelationshipRule } from './selfRelationshipRule';
import { duplicateRelationshipRule } from './duplicateRelationshipRule';
import { overallScoreMismatchRule } from './overallScoreMismatchRule';
import { slugFilenameMismatchRule } from './slugFilenameMismatchRule';
import { duplicateSlugRule } from './duplicateSlugRule';
import { duplicateIdRule } from './duplicateIdRule';
import { missingSectionRule } from './missingSectionRule';
import { legacySchemaRule } from './legacySchemaRule';
import { missingInverseRule } from './missingInverseRule';

/** Every diagnostic rule, in the order of the DESIGN table. */
export const allRules: readonly DiagnosticRule[] = Object.freeze([
  yamlSyntaxRule,
  frontmatterUnclosedRule,
  schemaRule,
  scoreOutOfRangeRule,
  brokenRelationshipRule,
  brokenInferredLinkRule,
  selfRelationshipRule,
  duplicateRelationshipRule,
  overallScoreMismatchRule,
  slugFilenameMismatchRule,
  duplicateSlugRule,
  duplicateIdRule,
  missingSectionRule,
  legacySchemaRule,
  missingInverseRule,
]);
