/** What the reading-state tests do in a document: select, highlight, write a note, read the notes back. */
import type { Page } from 'playwright-core';
import { selectInParagraph } from './harness.ts';

export const DOC = '000_f22addc8756c0a81';
export const OTHER = '004_f51e464d7cf6a9c4';
export const WAIT = { timeout: 15_000 };

export async function highlightWithNote(page: Page, paragraph: number, note: string): Promise<void> {
  await page.locator('[data-testid="clean-text"] p').first().waitFor(WAIT);
  await selectInParagraph(page, paragraph, 3, 40);
  await page.getByRole('button', { name: 'Highlight selection' }).click();
  const field = page.getByRole('textbox').last();
  await field.fill(note);
  await field.blur();
  await page.getByRole('status').filter({ hasText: /(Saved|Kept in this tab only)$/ }).last().waitFor(WAIT);
}

/** The text of every note field in the document's panel. */
export async function noteTexts(page: Page): Promise<string[]> {
  await page.locator('[data-testid="clean-text"] p').first().waitFor(WAIT);
  return page.getByPlaceholder('Add a note…').evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
}
