import type { LinkSource } from '../document/linkTargets';
import { closestSlug, SlugCandidates } from './closestSlug';
import { declaredId, declaredSlug } from './patternIdentity';
import type { RuleContext, RuleFinding } from './rule';

/**
 * Findings for the link targets of one source that resolve to no pattern in the workspace, with a
 * "did you mean" for a close slug. A target naming the document itself is left to
 * `self-relationship` (the index may not hold the document's own new slug yet).
 */
export function brokenLinkFindings(ctx: RuleContext, source: LinkSource): RuleFinding[] {
  const ownSlug = declaredSlug(ctx.doc);
  const ownId = declaredId(ctx.doc);
  const findings: RuleFinding[] = [];
  for (const link of ctx.links) {
    if (link.source !== source || link.target === ownSlug || link.target === ownId) continue;
    if (ctx.index.resolve(link.target)) continue;
    const what = link.target.startsWith('pat_') ? 'id' : 'slug';
    // The same broken targets are checked again on every keystroke, and from many files: their hint is
    // remembered until a slug is added or removed. A file's own slug is never its hint; only when it
    // is the closest is the search made again without it.
    const target = link.target;
    const candidates = () => ctx.index.memoizedBySlugs('slugCandidates', () => new SlugCandidates(ctx.index.slugs()));
    const closest = ctx.index.memoizedBySlugs(JSON.stringify(['closestSlug', target]), () => closestSlug(target, candidates()));
    const suggestion = closest !== undefined && closest === ownSlug
      ? ctx.index.memoizedBySlugs(JSON.stringify(['closestSlug', target, ownSlug]), () => closestSlug(target, candidates(), ownSlug))
      : closest;
    findings.push({
      range: link.range,
      message: `No pattern with ${what} '${link.target}' in the workspace` + (suggestion !== undefined ? `; did you mean '${suggestion}'?` : ''),
      ...(suggestion !== undefined ? { data: { suggestion } } : {}),
    });
  }
  return findings;
}
