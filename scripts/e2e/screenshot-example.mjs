// Example screenshot script for `node scripts/e2e/run.mjs --screenshot-script <this file>`.
// run.mjs opens the workbench (the extension loaded from --extension, the --workspace folder open)
// and calls the default export. Copy this file to click around before taking screenshots.
import path from 'node:path';

/** @param {{ page: import('playwright-core').Page, workspace: string, outDir: string, port: number }} ctx */
export default async function takeScreenshots({ page, outDir }) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  // Let the explorer, status bar and activation settle.
  await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 30_000 });
  await page.waitForTimeout(2000);
  const file = path.join(outDir, 'workbench.png');
  await page.screenshot({ path: file });
  console.log(`screenshot: ${file}`);
}
