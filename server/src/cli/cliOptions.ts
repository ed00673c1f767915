import { distance } from 'fastest-levenshtein';

export type OutputFormat = 'text' | 'json' | 'sarif';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface CheckOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  /** As given on the command line; undefined means the current folder. */
  readonly root: string | undefined;
}

export type ParsedCommandLine =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'check'; readonly options: CheckOptions }
  | { readonly kind: 'usage-error'; readonly message: string };

const FORMAT_LIST = 'text, json or sarif';
const COMMANDS = ['check'];
const VALUE_OPTIONS = ['--format', '--root'];
const FLAG_OPTIONS = ['--help', '-h', '--version'];

/**
 * Parses `commons-patterns <command> [PATH...] [--format F] [--root DIR]` by hand (no dependency):
 * options may come before or after the command and paths, as `--opt value` or `--opt=value`;
 * `--` ends the options. The first problem found is returned as a one-line usage error.
 */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const positionals: string[] = [];
  let format: OutputFormat = 'text';
  let root: string | undefined;
  let help = false;
  let version = false;
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    if (FLAG_OPTIONS.includes(name)) {
      if (eq >= 0) return usageError(`option '${name}' takes no value`);
      if (name === '--version') version = true;
      else help = true;
      continue;
    }
    if (!VALUE_OPTIONS.includes(name)) return usageError(`unknown option '${name}'${suggestion(name, [...VALUE_OPTIONS, ...FLAG_OPTIONS])}`);
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else return usageError(name === '--format' ? `option '--format' needs a value (${FORMAT_LIST})` : `option '${name}' needs a folder`);
    if (name === '--format') {
      if (!(OUTPUT_FORMATS as readonly string[]).includes(value)) {
        const close = closestWord(value, OUTPUT_FORMATS);
        return usageError(`unknown format '${value}' (expected ${FORMAT_LIST}${close ? `; did you mean '${close}'?` : ''})`);
      }
      format = value as OutputFormat;
    } else {
      if (value === '') return usageError(`option '--root' needs a folder`);
      root = value;
    }
  }
  if (help) return { kind: 'help' };
  if (version) return { kind: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return usageError(`missing command (try 'commons-patterns check' or 'commons-patterns --help')`);
  if (!COMMANDS.includes(command)) return usageError(`unknown command '${command}'${suggestion(command, COMMANDS)}`);
  const empty = paths.find((p) => p === '');
  if (empty !== undefined) return usageError('an empty PATH was given');
  return { kind: 'check', options: { paths: paths.length ? paths : ['.'], format, root } };
}

function usageError(message: string): ParsedCommandLine {
  return { kind: 'usage-error', message };
}

/** ` (did you mean 'x'?)` for the closest known word, else ''. */
function suggestion(given: string, known: readonly string[]): string {
  const close = closestWord(given, known);
  return close ? ` (did you mean '${close}'?)` : '';
}

/** The known word closest to a misspelling, when it is within a small edit distance (about a third of its length, 2 to 3). */
export function closestWord(given: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(given.toLowerCase(), candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // Two edits cover a swapped pair of letters (`jsno`); very short words get one.
  const allowed = given.length <= 2 ? 1 : Math.max(2, Math.min(3, Math.floor(given.length / 3)));
  return bestDistance <= allowed ? best : undefined;
}
