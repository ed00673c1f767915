/** A severity name as users write it in settings; `off` disables a rule. */
export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The `commonsPatterns.*` settings, shared by the server and the CLI. */
export interface PatternSettings {
  /** Globs (relative to a workspace folder) of pattern files; default: every `.md` file. */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /** Per-rule severity overrides, keyed by rule code. */
  readonly severity: Readonly<Record<string, SeveritySetting>>;
  /** The audiences the preview shows; empty means the schema's audiences. */
  readonly contexts: readonly string[];
  /** A custom schema file; honoured only in trusted workspaces. */
  readonly schemaPath: string | undefined;
}

export const DEFAULT_SETTINGS: PatternSettings = Object.freeze({
  include: ['**/*.md'],
  exclude: ['**/node_modules/**', '**/.*/**'],
  severity: {},
  contexts: [],
  schemaPath: undefined,
});

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Reads settings from untrusted JSON (a client's configuration), keeping only well-formed values. */
export function normalizeSettings(raw: unknown): PatternSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const strings = (v: unknown, fallback: readonly string[]) =>
    Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : fallback;
  const severity: Record<string, SeveritySetting> = {};
  if (typeof r.severity === 'object' && r.severity !== null) {
    for (const [code, value] of Object.entries(r.severity)) if (typeof value === 'string' && SEVERITIES.has(value)) severity[code] = value as SeveritySetting;
  }
  return {
    include: strings(r.include, DEFAULT_SETTINGS.include),
    exclude: strings(r.exclude, DEFAULT_SETTINGS.exclude),
    severity,
    contexts: strings(r.contexts, []),
    schemaPath: typeof r.schemaPath === 'string' && r.schemaPath.trim() ? r.schemaPath : undefined,
  };
}
