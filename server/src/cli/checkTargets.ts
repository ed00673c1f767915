import * as fs from 'fs';
import * as path from 'path';
import { describe, discoverMarkdownFiles, type DiscoveryProblem } from '../core/workspace/fileDiscovery';

export interface CheckTargets {
  /** Absolute paths of the files to check, without duplicates, in argument order then discovery order. */
  readonly files: readonly string[];
  /** Folders or files found while walking that cannot be read: reported, then skipped. */
  readonly problems: readonly DiscoveryProblem[];
  /** One message per PATH argument that is missing or unreadable: a usage error, nothing is checked. */
  readonly fatal: readonly string[];
}

/**
 * Turns the PATH arguments into the files to check. Files named explicitly are always checked;
 * files found by walking a folder are checked when they are `*.md` and, inside the root, when the
 * settings' include/exclude globs accept them (paths relative to the root).
 */
export function resolveCheckTargets(
  args: readonly string[],
  cwd: string,
  root: string,
  accepts: (relativeToRoot: string) => boolean,
  workspace?: { readonly files: readonly string[]; readonly problems: readonly DiscoveryProblem[] },
): CheckTargets {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: DiscoveryProblem[] = [];
  const fatal: string[] = [];
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const arg of args) {
    let absolute = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
      absolute = canonicalPath(absolute, stat);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      fatal.push(code === 'ENOENT' || code === 'ENOTDIR' ? `no such file or folder: ${arg}` : `${arg}: cannot read: ${describe(error)}`);
      continue;
    }
    if (stat.isFile()) {
      const unreadable = unreadableReason(() => fs.closeSync(fs.openSync(absolute, 'r')));
      if (unreadable) fatal.push(`${arg}: cannot read: ${unreadable}`);
      else add(absolute);
    } else if (stat.isDirectory()) {
      const unreadable = unreadableReason(() => fs.readdirSync(absolute));
      if (unreadable) {
        fatal.push(`${arg}: cannot read: ${unreadable}`);
        continue;
      }
      // The root's files are the workspace's: walked and filtered once (the usual `check .`).
      if (workspace && absolute === root) {
        problems.push(...workspace.problems);
        workspace.files.forEach(add);
        continue;
      }
      const discovered = discoverMarkdownFiles(absolute);
      problems.push(...discovered.problems);
      for (const file of discovered.files) {
        const relative = path.relative(root, file);
        const insideRoot = isInside(relative);
        if (!insideRoot || accepts(relative)) add(file);
      }
    } else {
      // Opening a FIFO or a device would block or read forever.
      fatal.push(`${arg}: not a file or folder`);
    }
  }
  return { files, problems, fatal };
}

function unreadableReason(probe: () => void): string | undefined {
  try {
    probe();
    return undefined;
  } catch (error) {
    return describe(error);
  }
}

/** Whether a path relative to the root stays inside the root. */
export function isInside(relativeToRoot: string): boolean {
  return relativeToRoot !== '..' && !relativeToRoot.startsWith(`..${path.sep}`) && !path.isAbsolute(relativeToRoot);
}

/**
 * The path without symbolic links in its folders, so that a file reached through a linked folder
 * and through the root is one file (one index entry, not a duplicate slug). A linked file keeps
 * its own name: its name is what its slug is compared with.
 */
export function canonicalPath(absolute: string, stat: fs.Stats): string {
  if (stat.isDirectory()) return fs.realpathSync(absolute);
  return path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
}
