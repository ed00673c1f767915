import type { Range } from 'vscode-languageserver-types';
import { deepestNodeAt } from '../document/documentNodes';
import { linkTargetsOf, type LinkTarget } from '../document/linkTargets';
import { nodeRange, type PatternDocument } from '../document/patternDocument';

/** A link as the rules see it: read from the data, its range found only when a finding needs it. */
export interface RuleLink extends LinkTarget {
  /** The range of the target value (including quotes, if any). */
  readonly range: Range;
}

/** The document's links for the rules; most links have no finding, so their ranges are never looked up. */
export function ruleLinksOf(doc: PatternDocument): RuleLink[] {
  return linkTargetsOf(doc.data).map((target) => new LocatedLink(doc, target));
}

class LocatedLink implements RuleLink {
  readonly source: LinkTarget['source'];
  readonly kind: string;
  readonly target: string;
  readonly weight: number | undefined;
  private located: Range | undefined;

  constructor(private readonly doc: PatternDocument, private readonly link: LinkTarget) {
    ({ source: this.source, kind: this.kind, target: this.target, weight: this.weight } = link);
  }

  get path(): LinkTarget['path'] {
    return this.link.path;
  }

  get entryPath(): LinkTarget['entryPath'] {
    return this.link.entryPath;
  }

  get range(): Range {
    // Through an alias the tree stops early: the alias is where the target comes from.
    return (this.located ??= nodeRange(this.doc, deepestNodeAt(this.doc, this.path).node));
  }
}
