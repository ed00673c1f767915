import * as fs from 'fs';
import * as path from 'path';

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  /** The project's home page: package.json `homepage`, else its repository's web address. */
  readonly homepage: string | undefined;
}

/**
 * Reads the project's package.json by walking up from this module, so the version printed by
 * `--version` and written into SARIF is the one that was published, from `out/` or from a bundle.
 */
export function readPackageInfo(startDir: string = __dirname): PackageInfo {
  let dir = startDir;
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'package.json');
    const json = readJson(candidate);
    if (json && json.name === 'commons-patterns') {
      return {
        name: String(json.name),
        version: typeof json.version === 'string' ? json.version : '0.0.0',
        homepage: typeof json.homepage === 'string' ? json.homepage : repositoryPage(json.repository),
      };
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { name: 'commons-patterns', version: '0.0.0', homepage: undefined };
}

/** `{"url": "git+https://github.com/o/r.git"}` or `"https://…"` -> `https://github.com/o/r`. */
function repositoryPage(repository: unknown): string | undefined {
  const url = typeof repository === 'string' ? repository : typeof repository === 'object' && repository !== null ? (repository as { url?: unknown }).url : undefined;
  if (typeof url !== 'string' || !/^(git\+)?https:\/\//.test(url)) return undefined;
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
