import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { fixture, REPO_ROOT, runCli, type JsonReport } from './cliProcess';

// --format sarif: the parts of SARIF 2.1.0 that code-scanning services require, checked by hand.

interface SarifRegion { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: SarifRegion } }>;
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri?: string; rules: Array<{ id: string; shortDescription: { text: string }; defaultConfiguration: { level: string; enabled?: boolean } }> } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    results: SarifResult[];
  }>;
}

const LEVELS = new Set(['none', 'note', 'warning', 'error']);

function sarifOf(args: string[], cwd: string, expectedStderr = ''): SarifLog {
  const run = runCli([...args, '--format', 'sarif'], cwd);
  assert.equal(run.stderr, expectedStderr);
  return JSON.parse(run.stdout) as SarifLog;
}

test('the SARIF log has the required top-level structure and the tool description', () => {
  const log = sarifOf(['check'], fixture('library'));
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0.*\.json$/);
  assert.equal(log.runs.length, 1);
  const { driver } = log.runs[0].tool;
  assert.equal(driver.name, 'commons-patterns');
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; homepage?: string; repository?: { url: string } };
  assert.equal(driver.version, pkg.version);
  // informationUri: the home page, else the repository's web address.
  const page = pkg.homepage ?? pkg.repository?.url.replace(/^git\+/, '').replace(/\.git$/, '');
  assert.ok(page, 'package.json declares a homepage or a repository');
  assert.equal(driver.informationUri, page);
  assert.match(driver.informationUri!, /^https:\/\//);
  assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
  assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(fs.realpathSync(fixture('library'))).href}/`);
});

test('every rule has an id, a short description and a valid default level; ids are unique', () => {
  const { rules } = sarifOf(['check'], fixture('library')).runs[0].tool.driver;
  assert.ok(rules.length >= 15, `only ${rules.length} rules`);
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
  for (const rule of rules) {
    assert.ok(rule.shortDescription.text.length > 10, rule.id);
    assert.notEqual(rule.shortDescription.text, rule.id);
    assert.ok(LEVELS.has(rule.defaultConfiguration.level), rule.id);
  }
  const level = (id: string) => rules.find((r) => r.id === id)?.defaultConfiguration.level;
  assert.equal(level('yaml-syntax'), 'error');
  assert.equal(level('broken-relationship'), 'warning');
  assert.equal(level('legacy-schema'), 'note');
  assert.equal(level('missing-inverse'), 'note');
});

test('results match the JSON diagnostics: rule, level, message, 1-based region, root-relative URI', () => {
  const log = sarifOf(['check'], fixture('library'));
  const { rules } = log.runs[0].tool.driver;
  const json = JSON.parse(runCli(['check', '--format', 'json'], fixture('library')).stdout) as JsonReport;
  const results = log.runs[0].results;
  assert.equal(results.length, json.diagnostics.length);
  const sarifLevel: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
  results.forEach((result, i) => {
    const d = json.diagnostics[i];
    assert.equal(result.ruleId, d.code);
    assert.equal(rules[result.ruleIndex!].id, result.ruleId, 'ruleIndex points at the rule');
    assert.ok(LEVELS.has(result.level));
    assert.equal(result.level, sarifLevel[d.severity]);
    assert.equal(result.message.text, d.message);
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.deepEqual(artifactLocation, { uri: d.file, uriBaseId: '%SRCROOT%' });
    assert.deepEqual(region, {
      startLine: d.range.start.line + 1,
      startColumn: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    });
    assert.ok(region.startLine >= 1 && region.startColumn >= 1);
  });
  assert.deepEqual(results[0].locations[0].physicalLocation.region, { startLine: 24, startColumn: 17, endLine: 24, endColumn: 18 });
});

test('settings show in the rules: an overridden level, and a rule turned off is disabled', () => {
  const warning = "commons-patterns: .commons-patterns.json: unknown rule code 'broken-relationshp' in 'severity' (did you mean 'broken-relationship'?)\n";
  const { rules } = sarifOf(['check'], fixture('settings'), warning).runs[0].tool.driver;
  const rule = (id: string) => rules.find((r) => r.id === id)!;
  assert.deepEqual(rule('broken-relationship').defaultConfiguration, { level: 'error' });
  assert.deepEqual(rule('legacy-schema').defaultConfiguration, { level: 'note', enabled: false });
});
