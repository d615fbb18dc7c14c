/**
 * A teacher's edition, end to end in Chromium over the built file: a teacher
 * imports three texts (one holding "</script>" and "<!--"), writes a note on a
 * formula and on a highlight, and makes a Refrain file that opens at the
 * formula; a student opens it in a fresh profile over file:// and over http
 * under a sub-path and sees the corpus, the opening view and the teacher's
 * notes read-only, under the same enforced CSP (nothing requested, an injected
 * script refused); the student's own note survives a reload, a second,
 * corrected edition with the same texts, and a third whose texts changed; the
 * Markdown export names the formula by its label; the family prints within an
 * A4 / Letter page width; Copy link on a file explains itself, and a link into
 * a corpus the reader lacks names it.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_BLOCK_ID, EDITION_BLOCK_ID, type Edition } from '../../src/edition/format.ts';
import { stripEdition, writeEdition } from '../../src/edition/writer.ts';
import { formatBytes } from '../../src/importer/limits.ts';
import { contentSecurityPolicy } from '../../src/node/vite-plugin-csp.ts';
import { clip } from '../../src/ui/shell/title.ts';
import { filler } from './custom-build.ts';
import {
  assertBuilt,
  fileUrl,
  launchBrowser,
  runAxe,
  SCREENSHOT_DIR,
  screenshot,
  selectInParagraph,
  seriousViolations,
  startStaticServer,
  SUB_PATH,
  watchPage,
  writeTempFiles,
  withoutHash,
  type BrowserSession,
  type PageWatch,
  type StaticServer,
} from './harness.ts';

const WAIT = { timeout: 30_000 };
const SHARED = 'Every river town must publish its water quality report each spring so that residents can judge the progress themselves.';
const HOSTILE = 'The memo quoted </script><script>window.__pwned = 1</script> and <!-- a comment --> verbatim.';
const TEACHER_FORMULA_NOTE = 'Who said this first, and who repeats it without saying so?';
const TEACHER_HIGHLIGHT_NOTE = 'Compare this claim with the council minutes.';
const STUDENT_NOTE = 'The Courier words it as a promise, the Herald as a duty.';

const files = {
  'courier.md': `---\ntitle: River towns promise reports\noutlet: The Courier\nauthor: Ann Lee\ndate: 2021-05-04\n---\n${filler(11, 6)}\n\n${SHARED}\n\n${filler(12, 5)}\n`,
  'herald.md': `---\ntitle: A duty to report\noutlet: The Herald\nauthor: Bo Chen\ndate: 2022-03\n---\n${filler(13, 5)}\n\n${SHARED.replace('must publish', 'shall publish')}\n\n${filler(14, 6)}\n\n${HOSTILE}\n`,
  'gazette.txt': `${filler(15, 8)}\n\n${SHARED}\n\n${filler(16, 4)}\n`,
};
const paths = writeTempFiles(files, 'refrain-edition-e2e-');
const dir = dirname(paths[0]!);
/** Editions are saved under a folder with a space: any path must work. */
const outDir = join(dir, 'class files');
mkdirSync(outDir);
const shots = join(SCREENSHOT_DIR, 'edition');
mkdirSync(shots, { recursive: true });

let teacherSession: BrowserSession;
let teacher: Page;
let teacherWatch: PageWatch;
let studentSession: BrowserSession;
let student: BrowserContext;
let server: StaticServer;
let editionPath = '';
let formulaLabel = '';
let formulaHash = '';

beforeAll(async () => {
  assertBuilt();
  teacherSession = await launchBrowser();
  teacher = await teacherSession.newPage({ viewport: { width: 1280, height: 800 } });
  teacherWatch = watchPage(teacher);
  studentSession = await launchBrowser();
  student = await studentSession.newContext({ viewport: { width: 1280, height: 800 } });
  server = await startStaticServer(outDir, { basePath: SUB_PATH });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await teacherSession?.close();
  await studentSession?.close();
});

async function writeNote(page: Page, field: ReturnType<Page['getByRole']>, text: string) {
  await field.fill(text);
  await field.blur();
  await page.getByRole('status').filter({ hasText: /^(Saved|Kept in this tab only)$/ }).last().waitFor(WAIT);
}

/** Makes an edition from the teacher's page and saves it to `name` in outDir. */
async function makeEdition(title: string, introduction: string, name: string): Promise<string> {
  await teacher.goto(`${fileUrl()}#/library`);
  await teacher.getByRole('button', { name: 'Make a Refrain file for this corpus…' }).click();
  const dialog = teacher.getByRole('dialog', { name: 'Make a Refrain file for this corpus' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel(/^Introduction/).fill(introduction);
  await dialog.getByRole('radio', { name: /^The view you were on: the formula/ }).check();
  const size = dialog.getByTestId('edition-size').filter({ hasText: /The file is [\d.]+ (KB|MB) \([\d.]+ (KB|MB) when a web host sends it compressed\)\./ });
  await size.waitFor(WAIT);
  const reported = /The file is ([\d.]+ (?:KB|MB)) \(([\d.]+ (?:KB|MB))/.exec(await size.innerText())!;
  const [download] = await Promise.all([teacher.waitForEvent('download'), dialog.getByRole('button', { name: 'Download the file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.refrain\.html$/);
  const path = join(outDir, name);
  await download.saveAs(path);
  // The size told before the download is the file's, raw and as a host sends it.
  expect(reported[1]).toBe(formatBytes(statSync(path).size));
  const [n, unit] = reported[2]!.split(' ');
  const gzipReported = Number(n) * (unit === 'MB' ? 1024 * 1024 : 1024);
  expect(Math.abs(gzipReported / gzipSync(readFileSync(path)).length - 1)).toBeLessThan(0.02); // another gzip than the browser's, same order
  return path;
}

/** The edition file `html` with `addition` at the end of document `id`'s text, as a teacher's corrected file would have it (analysis left out: it was for the old texts). */
function withChangedText(html: string, id: string, addition: string): string {
  const open = `<script type="application/json" id="${EDITION_BLOCK_ID}">`;
  const start = html.indexOf(open) + open.length;
  const edition = JSON.parse(html.slice(start, html.indexOf('</script>', start))) as Edition;
  const doc = edition.corpus.documents.find((d) => d.meta.id === id)!;
  if (doc.original !== undefined) doc.original += addition;
  doc.text += addition;
  return writeEdition(stripEdition(html), { ...edition, analysis: null });
}

/** Records CSP violations from the very start of every page of the context (init scripts run outside the page's CSP). */
async function recordViolations(context: BrowserContext) {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe("a teacher's edition", () => {
  it('the teacher imports texts, notes a formula and a passage, and makes a file that opens at the formula', async () => {
    await teacher.goto(`${fileUrl()}#/library`);
    await teacher.getByTestId('import-files').setInputFiles(paths);
    await teacher.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor(WAIT);

    await teacher.goto(`${fileUrl()}#/phrases`);
    const family = teacher.locator('main a[href^="#/family/"]').first();
    await family.waitFor(WAIT);
    formulaHash = (await family.getAttribute('href'))!;
    await family.click();
    const heading = teacher.getByRole('heading', { level: 1 });
    await heading.filter({ hasText: '“' }).waitFor(WAIT);
    formulaLabel = (await heading.innerText()).replace(/^“|”$/g, '');
    expect(formulaLabel).toMatch(/water quality report/);
    await writeNote(teacher, teacher.getByRole('textbox', { name: /^Note on the formula/ }), TEACHER_FORMULA_NOTE);

    await teacher.getByRole('link', { name: 'Open in document' }).first().click();
    await teacher.locator('[data-testid="clean-text"] p').first().waitFor(WAIT);
    await selectInParagraph(teacher, 0, 0, 30);
    await teacher.getByRole('button', { name: 'Highlight selection' }).click();
    await writeNote(teacher, teacher.getByRole('textbox', { name: /^Note on “/ }).last(), TEACHER_HIGHLIGHT_NOTE);
    await teacher.goto(`${fileUrl()}${formulaHash}`);
    await teacher.getByRole('heading', { level: 1 }).filter({ hasText: '“' }).waitFor(WAIT);

    await teacher.goto(`${fileUrl()}#/library`);
    await teacher.getByRole('button', { name: 'Make a Refrain file for this corpus…' }).click();
    const dialog = teacher.getByRole('dialog', { name: 'Make a Refrain file for this corpus' });
    await dialog.getByLabel('Title').fill('Week 3: who reports on rivers');
    await dialog.getByRole('radio', { name: /^The view you were on: the formula/ }).check();
    await dialog.getByTestId('edition-size').filter({ hasText: 'The file is' }).waitFor(WAIT);
    expect(seriousViolations(await runAxe(teacher)), 'axe, the dialog').toEqual([]);
    await screenshot(teacher, 'edition-dialog-1280');
    await teacher.screenshot({ path: join(shots, 'dialog-1280.png') });
    await teacher.setViewportSize({ width: 390, height: 844 });
    await teacher.screenshot({ path: join(shots, 'dialog-390.png'), fullPage: true });
    await teacher.setViewportSize({ width: 1280, height: 800 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    editionPath = await makeEdition('Week 3: who reports on rivers', 'Read the three reports.\n\nThen look at the sentence they share: who wrote it first?', 'week3.html');
    expect(teacherWatch.networkRequests().filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(teacherWatch.problems()).toEqual([]);
  });

  it('writes the app unchanged with the corpus in a data block, so the CSP hashes still match', () => {
    const html = readFileSync(editionPath, 'utf8');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    const app = html.slice(0, html.indexOf(`<script type="application/json" id="${EDITION_BLOCK_ID}">`));
    // Every hash the app's own script and style need is in the policy the file carries.
    for (const hash of contentSecurityPolicy(`${app}</body></html>`).match(/'sha256-[^']+'/g)!) expect(policy).toContain(hash);
    expect(html).toContain(`id="${ANALYSIS_BLOCK_ID}"`);
    // Nothing in the data can open or close an element: the blocks' text holds no "<" at all.
    for (const id of [EDITION_BLOCK_ID, ANALYSIS_BLOCK_ID]) {
      const start = html.indexOf(`<script type="application/json" id="${id}">`) + `<script type="application/json" id="${id}">`.length;
      const text = html.slice(start, html.indexOf('</script>', start));
      expect(text).not.toContain('<');
      expect(text.length).toBeGreaterThan(100);
    }
    expect(html).toContain('quoted \\u003c/script\\u003e\\u003cscript\\u003ewindow.__pwned');
  });

  for (const via of ['file', 'http'] as const) {
    it(`opens for a student over ${via === 'file' ? 'file://' : `http under ${SUB_PATH}`}: the corpus, the opening view, the teacher's notes read-only, under the CSP`, async () => {
      const context = await studentSession.newContext({ viewport: { width: 1280, height: 800 } });
      await recordViolations(context);
      const page = await context.newPage();
      const watch = watchPage(page);
      const url = via === 'file' ? pathToFileURL(editionPath).href : `${server.baseUrl}week3.html`;
      server.requests.length = 0;
      await page.goto(url);

      // The opening view, with the title and introduction above it.
      await page.getByRole('heading', { level: 1, name: `“${formulaLabel}”` }).waitFor(WAIT);
      expect(new URL(page.url()).hash).toBe(formulaHash);
      // The tab names the view, then the reading set.
      await expect.poll(() => page.title()).toBe(`Formula: “${clip(formulaLabel)}” — Week 3: who reports on rivers — Refrain`);
      const intro = page.getByRole('region', { name: 'About this reading set' });
      await intro.getByText('Then look at the sentence they share: who wrote it first?').waitFor(WAIT);
      await intro.getByText('Week 3: who reports on rivers').waitFor(WAIT);
      // The teacher's note, read-only, apart from the student's own (empty) field.
      const teacherNote = page.getByRole('region', { name: "Teacher's notes" });
      await teacherNote.getByText(TEACHER_FORMULA_NOTE).waitFor(WAIT);
      expect(await teacherNote.getByRole('textbox').count()).toBe(0);
      expect(await page.getByRole('textbox', { name: /^Note on the formula/ }).inputValue()).toBe('');
      if (via === 'file') {
        expect(seriousViolations(await runAxe(page)), 'axe, the opening view').toEqual([]);
        await screenshot(page, 'edition-opening-view-1280');
        await page.screenshot({ path: join(shots, 'opening-1280.png') });
      }

      // The first screen: the corpus under the edition's title, with the introduction.
      await page.getByRole('link', { name: 'Library' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Week 3: who reports on rivers' }).waitFor(WAIT);
      expect(await page.locator('main article').count()).toBe(3);
      await intro.getByText(/Your teacher's 1 highlight and 2 notes are shown beside the texts/).waitFor(WAIT);
      if (via === 'file') {
        expect(seriousViolations(await runAxe(page)), 'axe, the first screen').toEqual([]);
        await page.screenshot({ path: join(shots, 'first-screen-1280.png') });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: join(shots, 'first-screen-390.png') });
        await page.setViewportSize({ width: 1280, height: 800 });
      }

      // The teacher's highlight in the reader, marked apart and listed read-only; the hostile text shown as text.
      await page.getByRole('link', { name: 'A duty to report' }).click();
      await page.locator('[data-testid="clean-text"]').getByText('</script><script>window.__pwned = 1</script> and <!-- a comment --> verbatim.', { exact: false }).waitFor(WAIT);
      await page.getByRole('link', { name: 'Library' }).first().click();
      await page.getByRole('link', { name: 'River towns promise reports' }).click();
      await page.getByRole('region', { name: "Teacher's notes" }).or(page.getByRole('heading', { name: "Teacher's notes read-only" })).first().waitFor(WAIT);
      await page.getByText(TEACHER_HIGHLIGHT_NOTE).waitFor(WAIT);
      expect(await page.locator('mark.teacher').count()).toBeGreaterThan(0);
      expect(await page.locator('mark.hl').count()).toBe(0); // none of the student's own
      if (via === 'file') await page.screenshot({ path: join(shots, 'reader-teacher-1280.png') });

      // Nothing ran from the data, nothing was refused while the app loaded, nothing was requested.
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await violations(page)).toEqual([]);
      const pageUrl = withoutHash(url);
      expect(watch.networkRequests().filter((u) => withoutHash(u) !== pageUrl)).toEqual([]);
      if (via === 'http') expect(server.requests.map((r) => r.url)).toEqual([`${SUB_PATH}week3.html`]);
      expect(watch.problems()).toEqual([]);

      // The policy is enforced: an injected script and a request are refused.
      const outcome = await page.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.__injected = 1';
        document.head.append(s);
        const fetched = await fetch('https://example.com/refrain-edition').then(() => 'resolved', () => 'rejected');
        await new Promise((r) => setTimeout(r, 100));
        return { injected: (window as unknown as { __injected?: number }).__injected, fetched };
      });
      expect(outcome).toEqual({ injected: undefined, fetched: 'rejected' });
      expect(await violations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/), expect.stringMatching(/^connect-src https:\/\/example\.com/)]));
      await context.close();
    });
  }

  it("keeps the student's own note across a reload, a corrected edition with the same texts, and one whose texts changed", async () => {
    const page = await student.newPage();
    const watch = watchPage(page);
    await page.goto(pathToFileURL(editionPath).href);
    const own = page.getByRole('textbox', { name: /^Note on the formula/ });
    await own.waitFor(WAIT);
    await writeNote(page, own, STUDENT_NOTE);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `“${formulaLabel}”` }).waitFor(WAIT);
    await expect.poll(() => page.getByRole('textbox', { name: /^Note on the formula/ }).inputValue(), WAIT).toBe(STUDENT_NOTE);

    // The teacher corrects an author's name and sends a corrected file: another title and introduction, the same texts.
    await teacher.goto(`${fileUrl()}#/library`);
    await teacher.getByText('Edit a document’s details').click();
    await teacher.locator('#edit-doc').selectOption({ label: 'River towns promise reports (courier.md)' });
    await teacher.locator('#edit-author').fill('Ann J. Lee');
    await teacher.getByRole('button', { name: 'Save details' }).click();
    await teacher.getByRole('status').filter({ hasText: 'Saved the details of “River towns promise reports”.' }).waitFor(WAIT);
    await teacher.locator('main dd').filter({ hasText: /^Ann J\. Lee$/ }).waitFor(WAIT);
    const corrected = await makeEdition('Week 3 (corrected)', 'Read the three reports again.', 'week3-corrected.html');
    await page.goto(pathToFileURL(corrected).href);
    await page.getByRole('heading', { level: 1, name: `“${formulaLabel}”` }).waitFor(WAIT);
    await page.getByRole('region', { name: 'About this reading set' }).getByText('Week 3 (corrected)').waitFor(WAIT);
    await expect.poll(() => page.getByRole('textbox', { name: /^Note on the formula/ }).inputValue(), WAIT).toBe(STUDENT_NOTE);
    await page.getByRole('region', { name: "Teacher's notes" }).getByText(TEACHER_FORMULA_NOTE).waitFor(WAIT);
    // The first screen shows the title and introduction above what the corpus holds.
    await page.goto(`${pathToFileURL(corrected).href}#/`);
    const intro = page.getByRole('region', { name: 'About this reading set' });
    await intro.getByText('Read the three reports again.').waitFor(WAIT);
    await intro.getByText('Week 3 (corrected)').waitFor(WAIT);
    await page.screenshot({ path: join(shots, 'home-1280.png') });
    await page.goto(`${pathToFileURL(corrected).href}#/library`);
    await page.locator('main dd').filter({ hasText: /^Ann J\. Lee$/ }).waitFor(WAIT);

    // A file of the same reading set whose texts changed (a sentence added to one): another corpus, and the note follows.
    const changed = join(outDir, 'week3-changed.html');
    writeFileSync(changed, withChangedText(readFileSync(corrected, 'utf8'), 'herald', ' A correction: the memo was dated March.'));
    await page.goto(pathToFileURL(changed).href);
    await page.getByRole('heading', { level: 1, name: `“${formulaLabel}”` }).waitFor(WAIT);
    await page.getByRole('region', { name: 'About this reading set' }).getByText('Your notes and highlights from the earlier file of this reading set are here too (1 item brought across).').waitFor(WAIT);
    await expect.poll(() => page.getByRole('textbox', { name: /^Note on the formula/ }).inputValue(), WAIT).toBe(STUDENT_NOTE);
    expect(watch.problems()).toEqual([]);
  });

  it('exports the notes as Markdown naming the formula by its label, never its id', async () => {
    const page = await student.newPage();
    await page.goto(`${pathToFileURL(editionPath).href}#/notes`);
    await page.getByRole('heading', { level: 1, name: 'Your notes' }).waitFor(WAIT);
    await page.getByRole('heading', { name: "Teacher's notes read-only" }).waitFor(WAIT);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export notes for an assignment/ }).click()]);
    const md = readFileSync((await download.path())!, 'utf8');
    const id = formulaHash.replace('#/family/', '');
    expect(md).toContain(`### “${formulaLabel}”`);
    expect(md).toContain(STUDENT_NOTE);
    // The id may stand only inside the link's address, never in the text a reader sees.
    expect(md.replace(/\]\(<[^>]*>\)/g, ']')).not.toContain(id);
    expect(md).toMatch(/\[Open this formula in Refrain\]\(<file:\/\/[^>]*#\/family\//);
    expect(md).toContain('paste the part of a link from “\\#” after its address'); // "#" escaped: Markdown shows it as written
    expect(md).not.toContain(TEACHER_FORMULA_NOTE); // the teacher's notes are not the student's to hand in
  });

  it('prints a family within the width of an A4 and a Letter page, diff marks kept', async () => {
    const page = await student.newPage();
    await page.goto(pathToFileURL(editionPath).href);
    await page.locator('.collation').waitFor(WAIT);
    // Printable width at 96 px per inch with 14 mm margins: A4 182 mm, Letter 188 mm.
    for (const [paper, width] of [['A4', 688], ['Letter', 710]] as const) {
      await page.setViewportSize({ width, height: 1000 });
      await page.emulateMedia({ media: 'print' });
      const measured = await page.evaluate(() => {
        const blocks = [...document.querySelectorAll<HTMLElement>('main *')].filter((e) => getComputedStyle(e).display !== 'inline' && e.getClientRects().length > 0);
        return {
          scroll: document.documentElement.scrollWidth,
          widest: Math.max(...blocks.map((e) => e.getBoundingClientRect().right)),
          marks: document.querySelectorAll('.collation ins').length,
          underline: getComputedStyle(document.querySelector('.collation ins')!).textDecorationLine,
          header: getComputedStyle(document.querySelector('header.bar')!).display,
        };
      });
      expect(measured.scroll, paper).toBeLessThanOrEqual(width);
      expect(measured.widest, paper).toBeLessThanOrEqual(width + 0.5);
      expect(measured.marks).toBeGreaterThan(0);
      expect(measured.underline).toBe('underline');
      expect(measured.header).toBe('none');
    }
    await page.screenshot({ path: join(shots, 'print-family.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
  });

  it('Copy link on a file says whom the link works for and offers the view part; a link into a corpus this reader lacks names it', async () => {
    const page = await student.newPage();
    await page.goto(pathToFileURL(editionPath).href);
    await page.getByRole('heading', { level: 1, name: `“${formulaLabel}”` }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Copy link' }).click();
    const panel = page.getByRole('region', { name: 'Sharing this view' });
    await panel.getByText('A link to it works only for someone who has the same file in the same place.').waitFor(WAIT);
    await panel.getByRole('button', { name: 'Make a Refrain file that opens here…' }).waitFor(WAIT);
    const part = await panel.getByRole('textbox', { name: 'The view part of the link' }).inputValue();
    expect(part).toMatch(new RegExp(`^${formulaHash}\\?cid=\\w+&corpus=Week%203`));
    await page.screenshot({ path: join(shots, 'copy-link-file-1280.png') });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached', ...WAIT });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Copy link');

    // The view part pasted after the plain app (the bundled corpus): it names the corpus the link needs.
    const other = await student.newPage();
    await other.goto(`${fileUrl()}${part}`);
    await other.getByRole('heading', { level: 1, name: 'This link needs the corpus “Week 3: who reports on rivers”' }).waitFor(WAIT);
    await other.getByText(/Ask whoever sent the link for its Refrain file/).waitFor(WAIT);
    expect(await other.getByText(/older version/).count()).toBe(0);
    await other.screenshot({ path: join(shots, 'missing-corpus-1280.png') });
  });
});
