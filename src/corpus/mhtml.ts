/**
 * A web page saved as one file (`.mhtml`, `.mht`: Chrome's and Edge's "Save
 * as… Webpage, Single File", Word's "Single File Web Page", an e-mail
 * Outlook saved): a MIME multipart message whose first HTML part (inside
 * nested multiparts too) is the page, its images and
 * styles in the parts after it. The page's bytes come out of their transfer
 * encoding (quoted-printable or base64), and file-text.ts reads them as
 * any saved page: in the charset the page declares, else the one its
 * part's headers state (e-mail programs label parts "us-ascii" whatever
 * they hold), else by detection; the address the page was saved from is
 * kept for its provenance.
 */

export interface MhtmlPage {
  /** The HTML part's bytes, transfer encoding undone. */
  html: Uint8Array;
  /** The http(s) address the page was saved from, if the file says. */
  location: string | null;
  /** The charset the HTML part's Content-Type states (`iso-8859-2`), as written; null when none. */
  charset: string | null;
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Headers (names lower-cased, folded lines unfolded) and the body after the blank line. */
function splitHeaders(text: string): Part {
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const body = m ? text.slice(m.index + m[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** A header's parameter (`boundary`, `charset`), quoted or not. */
function parameter(header: string | undefined, name: string): string | null {
  const m = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header ?? '');
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** The page of an MHTML file (its bytes read a character per byte), or why it is not one. */
export function readMhtml(bytes: Uint8Array): MhtmlPage | { error: string } {
  const text = new TextDecoder('latin1').decode(bytes);
  const top = splitHeaders(text);
  const type = top.headers.get('content-type') ?? '';
  if (!/^(multipart\/|text\/html)/i.test(type)) return { error: 'is not a web page saved as a single file (no multipart/related or text/html content)' };
  const page = htmlPart(top, 0);
  if (!page) return { error: 'is a web archive without an HTML page in it' };
  const encoding = (page.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const html = encoding === 'quoted-printable' ? quotedPrintable(page.body) : encoding === 'base64' ? base64(page.body) : latin1Bytes(page.body);
  const location = [top.headers.get('snapshot-content-location'), page.headers.get('content-location')].find((l) => l && /^https?:\/\//i.test(l)) ?? null;
  return { html, location, charset: parameter(page.headers.get('content-type'), 'charset') };
}

/** Multipart nesting followed (an e-mail saved as .mht: related, then alternative, then the HTML). */
const MAX_NESTING = 8;

/** The first text/html part, depth first: the page, or an e-mail's HTML body inside its alternatives. */
function htmlPart(part: Part, depth: number): Part | null {
  const type = part.headers.get('content-type') ?? '';
  if (/^text\/html/i.test(type)) return part;
  const boundary = parameter(type, 'boundary');
  if (!/^multipart\//i.test(type) || !boundary || depth >= MAX_NESTING) return null;
  for (const piece of part.body.split(`--${boundary}`).slice(1)) {
    if (piece.startsWith('--')) break;
    const found = htmlPart(splitHeaders(piece.replace(/^\r?\n/, '')), depth + 1);
    if (found) return found;
  }
  return null;
}

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function quotedPrintable(s: string): Uint8Array {
  return latin1Bytes(s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
}

function base64(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/=]/g, '');
  try {
    return latin1Bytes(atob(clean));
  } catch {
    // Damaged padding: the whole groups of four.
    const bare = clean.replace(/=/g, '');
    return latin1Bytes(atob(bare.slice(0, bare.length - (bare.length % 4))));
  }
}
