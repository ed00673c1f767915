import * as fs from 'fs';
import * as path from 'path';

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  /** The project's home page (package.json `homepage`), when it declares one. */
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
        homepage: typeof json.homepage === 'string' ? json.homepage : undefined,
      };
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { name: 'commons-patterns', version: '0.0.0', homepage: undefined };
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
