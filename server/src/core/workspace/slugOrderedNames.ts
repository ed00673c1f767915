import type { NamedPattern } from './slugCatalog';

/**
 * Every file in slug order (code units, as `<` compares), files of one slug in index order: what the
 * completion tiers that answer "the first matches by slug" walk, stopping early, without looking a
 * slug's files up. Built on first use, then kept in step: a position is found by binary search.
 */
export class SlugOrderedNames {
  private names: NamedPattern[] = [];

  build(all: Iterable<NamedPattern>): void {
    this.names = [...all].sort((a, b) => (precedes(a, b) ? -1 : precedes(b, a) ? 1 : 0));
  }

  get list(): readonly NamedPattern[] {
    return this.names;
  }

  add(named: NamedPattern): void {
    this.names.splice(this.positionOf(named), 0, named);
  }

  remove(named: NamedPattern): void {
    const at = this.positionOf(named);
    if (this.names[at]?.summary.uri === named.summary.uri) this.names.splice(at, 1);
  }

  /** Puts the renewed record of a file (same slug, same order) where the old one was. */
  replace(named: NamedPattern): void {
    const at = this.positionOf(named);
    if (this.names[at]?.summary.uri === named.summary.uri) this.names[at] = named;
  }

  /** The first position whose file does not precede `named`. */
  private positionOf(named: NamedPattern): number {
    let low = 0;
    let high = this.names.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (precedes(this.names[mid], named)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Slug first, then index order (unique per file). */
function precedes(a: NamedPattern, b: NamedPattern): boolean {
  const slugA = a.summary.slug;
  const slugB = b.summary.slug;
  return slugA < slugB || (slugA === slugB && a.order < b.order);
}
