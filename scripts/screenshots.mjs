// Screenshots of the extension in the real workbench, for the README: `npm run screenshots`, i.e.
//   node scripts/e2e/run.mjs --extension . --workspace examples/library \
//     --screenshot-script scripts/screenshots.mjs --screenshots docs/screenshots
// run.mjs opens examples/library in code-server with the extension loaded and calls the default
// export. It drives the workbench like a user (keyboard, command palette, mouse) and writes
// outline.png, preview.png, hover.png, completion.png and problems.png (1440x900) into outDir.
// Nothing is saved: edits made for the completion shot stay in the (temporary) editor buffer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const VIEWPORT = { width: 1440, height: 900 };
/** An empty stretch of the title bar: where the mouse rests for a shot (no hover, no tooltip). */
const NEUTRAL_POINT = { x: 1180, y: 16 };
const PATTERN_FILE = 'therapeutic-relationship-building.md';
const PROBLEMS_FILE = 'deliberate-problems.md';
/** A relationship target in PATTERN_FILE that names a pattern of the example library (hover shot). */
const HOVER_TARGET = { list: 'generalizes_from:', slug: 'active-listening-depth' };
/** A relationship entry in PATTERN_FILE whose target lies outside the excerpt: the completion shot retypes it. */
const COMPLETION_TARGET = { list: 'requires:', slug: 'emotional-safety', typed: 'ac' };
/** The extension's status bar item once the library is indexed. */
const STATUS_READY = /\b\d+ patterns?\b/;
const STEP_TIMEOUT_MS = 30_000;
/** Wide enough for "Section 5: Consequences" with "212 words · 200–300" beside it. */
const SIDE_BAR_WIDTH = 440;
const ACTIVITY_BAR_WIDTH = 48;
/** Preview shot: where the editor ends and the preview begins (x, pixels). */
const EDITOR_WIDTH = 820;
/** Problems shot: where the panel begins (y, pixels): room for the deliberate problems and more. */
const PANEL_TOP = 330;

/** @param {{ page: import('playwright-core').Page, workspace: string, outDir: string }} ctx */
export default async function takeScreenshots(ctx) {
  // The completion shot types into a pattern of the example library. It is never saved (auto save
  // is switched off first, and the script checks the editor stays dirty); should anything still
  // reach the disk, the file's original text is put back here.
  const edited = path.join(ctx.workspace, PATTERN_FILE);
  const original = fs.readFileSync(edited, 'utf8');
  try {
    await takeAll(ctx, original);
  } catch (error) {
    // What the workbench showed when a step failed, outside outDir so no half-done set lands in docs/.
    const file = path.join(os.tmpdir(), `screenshots-failure-${Date.now()}.png`);
    await ctx.page.screenshot({ path: file }).then(() => console.error(`the workbench at the failure: ${file}`), () => {});
    throw error;
  } finally {
    if (fs.readFileSync(edited, 'utf8') !== original) {
      fs.writeFileSync(edited, original);
      console.error(`warning: ${PATTERN_FILE} was saved during the run; its original text is restored`);
    }
  }
}

async function takeAll({ page, workspace, outDir }, patternText) {
  await page.setViewportSize(VIEWPORT);
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 60_000 });
  await page.locator('.part.statusbar .statusbar-item', { hasText: STATUS_READY }).first()
    .waitFor({ state: 'visible', timeout: 120_000 });
  const shoot = async (name) => {
    await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y); // no stray hover or tooltip
    const file = path.join(outDir, name);
    await page.screenshot({ path: file });
    console.log(`screenshot: ${file}`);
  };

  // outline.png: the pattern open, Explorer with "Pattern Sections" expanded.
  await quickOpen(page, PATTERN_FILE);
  await dragBoundary(page, '.part.editor', 'left', SIDE_BAR_WIDTH + ACTIVITY_BAR_WIDTH);
  // The file tree gives its room to the extension's views: sections first, backlinks under them.
  await collapsePane(page, path.basename(workspace));
  await expandPane(page, 'Pattern Sections');
  await expandPane(page, 'Linked From');
  await page.keyboard.press('Control+1'); // focus back in the editor: no focus ring on a pane header
  await page.locator('.pane', { hasText: 'Pattern Sections' }).locator('.monaco-list-row', { hasText: /words/ }).first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await settle(page);
  await shoot('outline.png');

  // preview.png: Commons Patterns: Open Context Preview, beside the editor.
  // Without the side bar, editor and preview share the width (the banner lines do not wrap).
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await runCommand(page, 'Commons Patterns: Open Context Preview');
  await waitForWebviewText(page, 'corporate');
  // The editor keeps room for the 70-column banner comments (Markdown wraps long lines).
  await dragBoundary(page, '.part.editor .editor-group-container >> nth=1', 'left', EDITOR_WIDTH);
  await settle(page, 1500);
  await shoot('preview.png');
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  await quickOpen(page, PATTERN_FILE);

  // hover.png: the mouse over a relationship target.
  // The cursor goes to the start of the line: no word highlight on the slug under the mouse.
  const hoverAt = positionOf(patternText, HOVER_TARGET.list, `slug: ${HOVER_TARGET.slug}`, 'slug: '.length);
  await goToPosition(page, { line: hoverAt.line, column: 1 });
  await hoverOverText(page, HOVER_TARGET.slug);
  await page.locator('.monaco-hover:not(.hidden)', { hasText: /\S/ }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await settle(page, 800);
  await page.screenshot({ path: path.join(outDir, 'hover.png') });
  console.log(`screenshot: ${path.join(outDir, 'hover.png')}`);
  await page.keyboard.press('Escape');

  // completion.png: retype a relationship target and ask for completion. The harness turns auto save
  // off (files.autoSave); checked below, so the typing never reaches the disk.
  const completeAt = positionOf(patternText, COMPLETION_TARGET.list, `slug: ${COMPLETION_TARGET.slug}`, 'slug: '.length);
  await goToPosition(page, completeAt);
  for (let i = 0; i < COMPLETION_TARGET.slug.length; i++) await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.type(COMPLETION_TARGET.typed, { delay: 60 });
  await page.locator('.tab.active.dirty').waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Control+Space');
  await page.locator('.editor-widget.suggest-widget.visible .monaco-list-row').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await settle(page, 800);
  // Ctrl+Space again opens the details beside the list: the focused pattern's title and summary.
  await page.keyboard.press('Control+Space');
  await settle(page, 1200);
  await shoot('completion.png');
  if (!(await page.locator('.tab.active.dirty').count())) {
    throw new Error(`auto save is on: ${PATTERN_FILE} was saved while typing (scripts/e2e/run.mjs sets files.autoSave to off)`);
  }
  await page.keyboard.press('Escape');
  await runCommand(page, 'File: Revert File');

  // problems.png: Check Whole Library fills the Problems panel; deliberate-problems.md open.
  await runCommand(page, 'View: Close All Editors');
  await quickOpen(page, PROBLEMS_FILE);
  await runCommand(page, 'Commons Patterns: Check Whole Library');
  const problems = page.locator('.markers-panel');
  await problems.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await problems.locator('.monaco-list-row', { hasText: PROBLEMS_FILE }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await dragBoundary(page, '.part.panel', 'top', PANEL_TOP);
  await runCommand(page, 'Notifications: Clear All Notifications'); // the "checked N files" toast would cover the list
  await settle(page, 1500);
  await shoot('problems.png');
}

// ------------------------------------------------------------------ workbench helpers
const settle = (page, ms = 1000) => page.waitForTimeout(ms);

/** Ctrl+P, the file name, Enter; resolves once its editor tab is active. */
async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: fileName }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** The command palette (F1), a command's title, Enter. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  } catch {
    throw new Error(`the command palette has no command "${title}"`);
  }
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
  await settle(page, 500);
}

/** Expands an Explorer pane (e.g. "Pattern Sections") when it is collapsed. */
const expandPane = (page, title) => setPaneExpanded(page, title, true);
const collapsePane = (page, title) => setPaneExpanded(page, title, false);

async function setPaneExpanded(page, title, expanded) {
  const header = page.locator('.pane-header', { hasText: new RegExp(`^\\s*${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i') }).first();
  await header.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  await settle(page, 300);
}

/**
 * The 1-based line and column just after `prefix` in the first line containing `needle` below the
 * line containing `anchor` (e.g. the `slug:` value of a list's first entry).
 */
function positionOf(text, anchor, needle, prefixLength) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => line.includes(anchor));
  if (start < 0) throw new Error(`"${anchor}" not found in the pattern`);
  for (let i = start + 1; i < lines.length; i++) {
    const column = lines[i].indexOf(needle);
    if (column >= 0) return { line: i + 1, column: column + prefixLength + 1 };
  }
  throw new Error(`"${needle}" not found after "${anchor}"`);
}

/** Ctrl+G ":line:column" in the focused editor: puts the cursor there (and scrolls it into view). */
async function goToPosition(page, { line, column }) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
  await settle(page, 300);
}

/** Moves the mouse onto the middle of `text` where it is rendered on the cursor's line. */
async function hoverOverText(page, text) {
  const point = await page.evaluate((wanted) => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    const cursor = editor?.querySelector('.cursor');
    const cursorTop = cursor ? cursor.getBoundingClientRect().top : undefined;
    for (const line of editor ? editor.querySelectorAll('.view-line') : []) {
      const rect = line.getBoundingClientRect();
      if (cursorTop !== undefined && Math.abs(rect.top - cursorTop) > rect.height / 2) continue;
      // The line's text is split over token spans: find the text node holding the middle letter.
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let content = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) { nodes.push([node, content.length]); content += node.data; }
      const at = content.indexOf(wanted);
      if (at < 0) continue;
      const middle = at + Math.floor(wanted.length / 2);
      const [node, offset] = nodes.filter(([, start]) => start <= middle).pop();
      const range = document.createRange();
      range.setStart(node, middle - offset);
      range.setEnd(node, middle - offset + 1);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return undefined;
  }, text);
  if (!point) throw new Error(`"${text}" is not on the cursor's line in the editor`);
  await page.mouse.move(point.x - 20, point.y);
  await page.mouse.move(point.x, point.y, { steps: 5 });
}

/** Drags the sash on an element's left or top edge to `to` (an x or y in pixels). */
async function dragBoundary(page, selector, edge, to) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`no ${selector} to resize`);
  const [x, y] = edge === 'left' ? [box.x, box.y + box.height / 2] : [box.x + box.width / 2, box.y];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(edge === 'left' ? to : x, edge === 'left' ? y : to, { steps: 8 });
  await page.mouse.up();
  // Off the sash, or it stays highlighted in the shot.
  await page.mouse.move(NEUTRAL_POINT.x, NEUTRAL_POINT.y, { steps: 4 });
  await settle(page, 800);
}

/** Waits until the (nested) webview iframes show `text`. */
async function waitForWebviewText(page, text) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.evaluate((t) => document.body?.innerText.includes(t) ?? false, text).catch(() => false);
      if (found && frame !== page.mainFrame()) return;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`the context preview did not show "${text}" within ${STEP_TIMEOUT_MS} ms`);
}
