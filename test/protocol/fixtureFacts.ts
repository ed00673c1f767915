/**
 * What the fixture workspace (test/fixtures/workspace) contains, as the protocol tests expect it:
 * every diagnostic of every file, as "code severity start-end" (0-based lines, UTF-16 characters).
 * Severities: 1 error, 2 warning, 3 information, 4 hint.
 */
export const FIXTURE_PATTERN_COUNT = 8;

export const EXPECTED_DIAGNOSTICS: Readonly<Record<string, readonly string[]>> = {
  'active-listening.md': [],
  'emotional-safety.md': [],
  'trust-circles.md': [],
  'broken-links.md': [
    'broken-relationship 2 35:12-35:30', // conflict-mediation
    'broken-relationship 2 40:12-40:27', // emotional-safty
    'broken-inferred-link 2 45:14-45:29', // nowhere-pattern
  ],
  // CRLF line endings: the same positions as with LF.
  'crlf-pattern.md': ['broken-relationship 2 38:12-38:31'],
  // Two emoji (two UTF-16 code units each) precede `seed-bank` on its line: characters 46-55, not 44-53.
  'emoji-garden.md': ['broken-inferred-link 2 40:46-40:55'],
  'score-problems.md': [
    'score-out-of-range 1 25:16-25:17', // resilience: 7
    'overall-score-mismatch 2 31:19-31:22', // overall_score: 4.9, the mean is 3.5
  ],
  'legacy-circle.md': ['legacy-schema 3 5:0-5:14'], // the `classification` key
};
