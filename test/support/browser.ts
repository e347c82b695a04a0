// Headless Chromium (Debian's, through playwright-core) and an axe-core check for the browser tests.
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A fresh context (own cookies) in Dutch at a laptop size. `bypassCSP` only so axe can be injected as an
 * inline script; one test opens the portal without it to prove the app itself runs under the strict CSP.
 */
export function newPortalContext(browser: Browser, options: { bypassCSP?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
    bypassCSP: options.bypassCSP ?? true,
    acceptDownloads: true,
  });
}

/** Fills in the login form as a user would (labels, then the button) and waits until the login page is gone. */
export async function logInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

/** Logs in through the form on the portal's start page, waits for the main menu, then opens `path`. */
export async function logInAndOpen(page: Page, baseUrl: string, email: string, password: string, path: string): Promise<Page> {
  await page.goto(`${baseUrl}/`);
  await logInThroughForm(page, email, password);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
  await page.goto(`${baseUrl}${path}`);
  return page;
}

/** Text a user can read in the main landmark. */
export function mainText(page: Page): Promise<string> {
  return page.getByRole('main').innerText();
}

/** Runs axe-core on the current page and fails with one readable line per violation and element. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  const lines = results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `- [${violation.impact ?? 'onbekend'}] ${violation.id}: ${violation.help} → ${node.target.join(' ')}\n    ${node.failureSummary ?? ''}`),
  );
  if (lines.length > 0) {
    throw new Error(`axe vond ${results.violations.length} toegankelijkheidsproblemen op ${page.url()}:\n${lines.join('\n')}`);
  }
}

/** Saves a PNG of the viewport (what a user sees first) when SCREENSHOT_DIR is set (to look at the pages while developing); otherwise nothing. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

/**
 * Goes to a page through the main menu, as a user would: when the menu is grouped and the link sits in a closed
 * group, it opens that group first.
 */
export async function clickMenu(page: Page, name: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  const link = nav.getByRole('link', { name, exact: true, includeHidden: true });
  await link.waitFor({ state: 'attached' });
  const group = nav.locator('.portal-nav__group').filter({ has: page.getByRole('link', { name, exact: true, includeHidden: true }) });
  if ((await group.count()) > 0 && !(await link.isVisible())) await group.getByRole('button').click();
  await link.click();
}

/** The cells of a table's row, by column header (without the sort arrows), for the row whose row header is `rowName`. */
export async function tableRow(table: Locator, rowName: string): Promise<Record<string, string>> {
  const headers = await table.getByRole('columnheader').allInnerTexts();
  const row = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: rowName, exact: true }) });
  const cells = await row.locator('th, td').allInnerTexts();
  return Object.fromEntries(headers.map((header, i) => [header.replace(/[▲▼↕]/g, '').trim(), cells[i].trim()]));
}

/**
 * The captions on the page whose text runs past the screen's right edge, before and after each table's scroll box is
 * scrolled to its end (a wide table's caption must wrap within the box and stay in view): "caption text: right edge".
 */
export function captionsPastTheScreen(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const past: string[] = [];
    const check = () => {
      for (const caption of Array.from(document.querySelectorAll('main caption'))) {
        const range = document.createRange();
        range.selectNodeContents(caption);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
        const left = Math.min(...rects.map((r) => r.left));
        const right = Math.max(...rects.map((r) => r.right));
        if (left < 0 || right > window.innerWidth) past.push(`${caption.textContent}: ${Math.round(left)}–${Math.round(right)}`);
      }
    };
    check();
    for (const table of Array.from(document.querySelectorAll('main table'))) {
      const box = table.parentElement!;
      box.scrollLeft = box.scrollWidth;
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
    check();
    return past;
  });
}

/**
 * The words inside `area` that the layout splits over two lines (a column squeezed to single letters on a phone):
 * each word of each text node, measured as a range, must sit on one line. A break after a hyphen ("Midden-" /
 * "Gelderland") is an ordinary line break, so the parts between hyphens count as the words; pass `words` to hold other
 * texts to one line (a date "23-11-2026" with its hyphens).
 */
export function wordsBrokenAcrossLines(area: Locator, words: RegExp = /[^\s-]+/g): Promise<string[]> {
  return area.evaluate((root, pattern) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of (node.textContent ?? '').matchAll(new RegExp(pattern.source, pattern.flags))) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
    return broken;
  }, { source: words.source, flags: words.flags });
}
