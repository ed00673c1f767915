import { SETTINGS_FILE_NAME } from './cliSettings';

/** The text of `commons-patterns --help`. */
export function helpText(version: string): string {
  return `commons-patterns ${version} — checks Commons Engineering pattern files

Usage:
  commons-patterns check [PATH...] [--format text|json|sarif] [--root DIR]
  commons-patterns --help | --version

check
  Checks pattern files (Markdown with YAML frontmatter) and prints every problem found:
  YAML syntax, schema violations, out-of-range scores, broken and duplicate relationships,
  duplicate slugs and ids, missing body sections, and more.

  PATH          files or folders to check (default: .). Folders are searched recursively for
                *.md files, skipping node_modules and dot-folders; inside the root, the include
                and exclude globs of ${SETTINGS_FILE_NAME} apply. Files named explicitly are
                always checked.
  --root DIR    the workspace for cross-file rules (broken links, duplicate slugs and ids):
                every pattern file under DIR, plus the files being checked (default: the current
                folder). JSON and SARIF paths are relative to DIR.
  --format F    text (default): one line per problem, 'path:line:col severity code message'
                  (1-based; the column counts UTF-16 code units), then a summary line;
                json: {"version":1,"files":N,"patterns":N,"diagnostics":[...]} with 0-based
                  LSP ranges;
                sarif: SARIF 2.1.0, for code scanning in CI.

Settings
  <root>/${SETTINGS_FILE_NAME} (optional), the VS Code settings without the 'commonsPatterns.' prefix:
    {
      "include": ["**/*.md"],
      "exclude": ["**/node_modules/**", "**/.*/**", "drafts/**"],
      "severity": { "missing-inverse": "off", "slug-filename-mismatch": "error" }
    }
  severity values: error, warning, information, hint, off.

Exit status
  0  no problem of severity error
  1  at least one problem of severity error
  2  bad usage: an unknown option or command, a PATH or --root that is missing or cannot be
     read (nothing is checked then), an invalid ${SETTINGS_FILE_NAME}, or a file the checker
     failed on. Files that cannot be read while walking a folder are reported on stderr and
     skipped; they do not change the exit status.
`;
}
