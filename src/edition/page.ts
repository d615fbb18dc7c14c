/**
 * The page's side of an edition, run first thing at startup (src/main.ts),
 * before anything mounts: takes the data blocks out of the document (reading
 * them), then keeps the document as it now is, which is the app's own HTML,
 * to write new editions from.
 *
 * Why the copy is the app unchanged: script and style elements serialise as
 * the very text the parser read, which is the text the browser hashed to
 * check the Content-Security-Policy; nothing has been mounted yet. A file
 * whose scripts are not inline (the development server) cannot be copied
 * into one file, and says so.
 */
import { ANALYSIS_BLOCK_ID, EDITION_BLOCK_ID, parseEdition, type Edition } from './format.ts';

export interface PageEdition {
  /** The app's own HTML, edition blocks taken out; null where it is not one self-contained file. */
  appHtml: string | null;
  /** Why appHtml is null. */
  notSelfContained: string | null;
  /** The edition this file carries, if any. */
  edition: Edition | null;
  /** The raw text of its analysis block (JSON), if any. */
  analysis: string | null;
  /** The file has a data block that could not be read: what is wrong with it. */
  error: string | null;
}

/** The text of a data block, removing it from the document. */
function takeBlock(doc: Document, id: string): string | null {
  const el = doc.getElementById(id);
  if (!el || el.tagName !== 'SCRIPT' || el.getAttribute('type') !== 'application/json') return null;
  const text = el.textContent ?? '';
  el.remove();
  return text;
}

export function takeEditionFromPage(doc: Document = document): PageEdition {
  const block = takeBlock(doc, EDITION_BLOCK_ID);
  const analysis = takeBlock(doc, ANALYSIS_BLOCK_ID);
  const external = doc.querySelector('script[src], link[rel~="stylesheet"][href], link[rel="modulepreload"]');
  const notSelfContained = external ? 'This page loads its code from separate files (the development server); a Refrain file can be made from the built app (npm run build) only.' : null;
  const appHtml = notSelfContained ? null : `<!doctype html>\n${doc.documentElement.outerHTML}`;
  if (block === null) return { appHtml, notSelfContained, edition: null, analysis: null, error: null };
  const parsed = parseEdition(block);
  if (!parsed.ok) return { appHtml, notSelfContained, edition: null, analysis: null, error: parsed.error };
  return { appHtml, notSelfContained, edition: parsed.edition, analysis, error: null };
}
