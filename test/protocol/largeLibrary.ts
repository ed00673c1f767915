import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { REPO_ROOT } from './lspTestClient';

/** The benchmark's generator (an ES module: loaded with a real dynamic import, which TypeScript's CommonJS output would turn into require). */
interface LibraryGenerator {
  generateLibrary(dir: string, count: number, seed: number): string[];
  hubLinkers(count: number): Set<number>;
}
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<LibraryGenerator>;

export interface LargeLibrary {
  readonly dir: string;
  /** slugs[i] is the slug (and file name) of pattern i; slugs[0] is the hub. */
  readonly slugs: readonly string[];
  /** The slugs of the patterns linking to the hub (once each, from `complementary`). */
  readonly hubLinkers: readonly string[];
  remove(): void;
}

/** A synthetic library shaped like the real one (bench/generateLibrary.mjs), in a fresh temporary folder. */
export async function generateLargeLibrary(count: number, seed: number): Promise<LargeLibrary> {
  const generator = await importModule(pathToFileURL(path.join(REPO_ROOT, 'bench', 'generateLibrary.mjs')).href);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-patterns-large-library-'));
  const slugs = generator.generateLibrary(dir, count, seed);
  return {
    dir,
    slugs,
    hubLinkers: [...generator.hubLinkers(count)].map((i) => slugs[i]),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** The 0-based line of `key:` at the start of a line of a generated pattern file. */
export function lineOfKey(library: LargeLibrary, slug: string, key: string): number {
  return fs.readFileSync(path.join(library.dir, `${slug}.md`), 'utf8').split('\n').findIndex((line) => line.startsWith(`${key}:`));
}
