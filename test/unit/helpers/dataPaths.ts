import { isRecord } from '../../../server/src/core/document/formatVersion';
import type { YamlPath } from '../../../server/src/core/document/yamlPath';

/** A node to look up: a value, or for a mapping entry also its key. */
export interface PathLookup {
  readonly path: YamlPath;
  readonly want: 'value' | 'key';
}

/** Every path of the data: each value's, and for mapping entries also the key's. */
export function pathsOf(data: unknown, prefix: YamlPath = [], out: PathLookup[] = []): PathLookup[] {
  if (Array.isArray(data)) data.forEach((item, i) => {
    out.push({ path: [...prefix, i], want: 'value' });
    pathsOf(item, [...prefix, i], out);
  });
  else if (isRecord(data)) for (const key of Object.keys(data)) {
    out.push({ path: [...prefix, key], want: 'value' }, { path: [...prefix, key], want: 'key' });
    pathsOf(data[key], [...prefix, key], out);
  }
  return out;
}
