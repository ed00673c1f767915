import { isMap, isPair, isScalar, isSeq, YAMLParseError, type Node } from 'yaml';

export const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique';

/**
 * The duplicate keys of a parsed YAML tree, found in linear time. package yaml's own `uniqueKeys`
 * check compares each key with every earlier key of its mapping (20,000 keys: ~5 s; 100,000: minutes),
 * so the parse runs without it and this restores it. Keys are equal as in that check: scalars with the
 * same value (`===`); a collection or alias key equals no other key. Each error points at the start of
 * the repeated key (the package pointed at the end of the entry before it, often a line break).
 */
export function duplicateKeyErrors(root: unknown): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && !Number.isNaN(key.value)) {
          if (seen.has(key.value)) {
            const start = (key as Node).range?.[0] ?? 0;
            errors.push(new YAMLParseError([start, start + 1], 'DUPLICATE_KEY', DUPLICATE_KEY_MESSAGE));
          } else seen.add(key.value);
        }
        stack.push(pair);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return errors.sort((a, b) => a.pos[0] - b.pos[0]);
}
