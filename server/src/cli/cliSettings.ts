import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SETTINGS, normalizeSettings, type PatternSettings } from '../core/settings/patternSettings';
import { describe } from '../core/workspace/fileDiscovery';
import { closestWord } from './cliOptions';

export const SETTINGS_FILE_NAME = '.commons-patterns.json';

export type CliSettingsResult =
  | { readonly ok: true; readonly settings: PatternSettings; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * Reads `<root>/.commons-patterns.json` (the VS Code settings without the `commonsPatterns.`
 * prefix: include, exclude, severity). A missing file means the defaults; a file that is not
 * valid JSON is an error, because silently ignoring it would check with settings the user did not mean.
 */
export function readCliSettings(root: string, knownCodes: ReadonlySet<string>, show: (file: string) => string = (f) => f): CliSettingsResult {
  const filePath = path.join(root, SETTINGS_FILE_NAME);
  const file = show(filePath);
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, settings: DEFAULT_SETTINGS, warnings: [] };
    return { ok: false, message: `${file}: cannot read: ${describe(error)}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, message: `${file}: invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: `${file}: expected a JSON object` };
  const settings = normalizeSettings(raw);
  return { ok: true, settings, warnings: settingsWarnings(file, raw as Record<string, unknown>, settings, knownCodes) };
}

/** What normalizeSettings dropped or cannot use, so a typo in the settings file does not go unnoticed. */
function settingsWarnings(file: string, raw: Record<string, unknown>, settings: PatternSettings, knownCodes: ReadonlySet<string>): string[] {
  const warnings: string[] = [];
  for (const key of ['include', 'exclude'] as const) {
    if (key in raw && settings[key] !== raw[key]) warnings.push(`${file}: '${key}' must be a list of glob strings; using the default`);
  }
  const severity = raw.severity;
  if (typeof severity === 'object' && severity !== null) {
    for (const [code, value] of Object.entries(severity)) {
      if (!knownCodes.has(code)) {
        const close = closestWord(code, [...knownCodes]);
        warnings.push(`${file}: unknown rule code '${code}' in 'severity'${close ? ` (did you mean '${close}'?)` : ''}`);
      }
      else if (!(code in settings.severity)) warnings.push(`${file}: severity of '${code}' must be error, warning, information, hint or off, not ${JSON.stringify(value)}`);
    }
  } else if (severity !== undefined) {
    warnings.push(`${file}: 'severity' must be an object of rule code to severity`);
  }
  return warnings;
}
