import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patternBrief, patternPreview, vitalityLevel } from '../../../server/src/core/features/patternPreview';
import { loadPatternSchema } from '../../../server/src/core/schema/patternSchema';
import { DEFAULT_SETTINGS } from '../../../server/src/core/settings/patternSettings';
import { summarizePattern, unparsedSummary } from '../../../server/src/core/workspace/patternSummary';
import { createCompletionWorkspace } from './completionWorkspace';

test('vitality levels follow the rubric\'s minimum thresholds from the schema', () => {
  const levels = loadPatternSchema().vitalityLevels;
  const cases: Array<[number, string | undefined]> = [[5, 'Generative'], [4.5, 'Generative'], [4.45, 'Sustaining'], [3.5, 'Sustaining'], [3.45, 'Functional'], [2, 'Functional'], [1.9, 'Extractive'], [0, 'Extractive'], [-1, undefined]];
  for (const [score, level] of cases) assert.equal(vitalityLevel(levels, score)?.level, level, `score ${score}`);
});

test('the preview escapes pattern text and keeps the open link intact', () => {
  const { ctx } = createCompletionWorkspace({});
  const summary = summarizePattern('file:///workspace/odd%20(1).md', {
    slug: 'odd', title: 'Stars *and* [links]', summary: '# Not a heading\nsecond   line <b>bold</b>',
    ontology: { domain: 'x_y', commons_assessment: { overall_score: 1.5, vitality: 1.2 } },
    context_labels: { tech: 'Pipes | tables', corporate: '1. First' },
  })!;
  assert.equal(patternPreview(ctx, summary), [
    '**Stars \\*and\\* \\[links\\]** · `odd`',
    '\\# Not a heading second line \\<b\\>bold\\</b\\>',
    'Domain: x_y · Overall score: 1.5 · Vitality: Extractive (1.2)',
    '- corporate: 1\\. First\n- tech: Pipes \\| tables',
    '[Open](file:///workspace/odd%20%281%29.md)',
  ].join('\n\n'));
  assert.equal(patternBrief(ctx, summary), [
    '\\# Not a heading second line \\<b\\>bold\\</b\\>',
    'Domain: x_y · Overall score: 1.5 · Vitality: Extractive (1.2)',
  ].join('\n\n'));
});

test('the contexts setting chooses and orders the audiences shown', () => {
  const { ctx } = createCompletionWorkspace({}, { ...DEFAULT_SETTINGS, contexts: ['tech', 'community'] });
  const summary = summarizePattern('file:///workspace/p.md', { slug: 'p', context_labels: { corporate: 'C', tech: 'T', community: 'M' } })!;
  assert.equal(patternPreview(ctx, summary), '`p`\n\n- tech: T\n- community: M\n\n[Open](file:///workspace/p.md)');
});

test('a pattern whose frontmatter does not parse says so', () => {
  const { ctx } = createCompletionWorkspace({});
  assert.equal(patternPreview(ctx, unparsedSummary('file:///workspace/broken.md', 'broken')),
    '`broken`\n\n*The frontmatter of this pattern does not parse.*\n\n[Open](file:///workspace/broken.md)');
});
