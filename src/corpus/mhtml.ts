/**
 * A web page saved as one file (`.mhtml`, `.mht`: Chrome's and Edge's "Save
 * as… Webpage, Single File", Word's "Single File Web Page"): a MIME
 * multipart message whose first HTML part is the page, its images and
 * styles in the parts after it. The page's bytes come out of their transfer
 * encoding (quoted-printable or base64), and file-text.ts reads them as
 * any saved page (its declared charset, else detection); the address the page was
 * saved from is kept for its provenance.
 */

export interface MhtmlPage {
  /** The HTML part's bytes, transfer encoding undone. */
  html: Uint8Array;
  /** The http(s) address the page was saved from, if the file says. */
  location: string | null;
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
  const boundary = parameter(type, 'boundary');
  let parts: Part[];
  if (/^multipart\//i.test(type) && boundary) {
    parts = top.body
      .split(`--${boundary}`)
      .slice(1)
      .filter((p) => !p.startsWith('--'))
      .map((p) => splitHeaders(p.replace(/^\r?\n/, '')));
  } else if (/^text\/html/i.test(type)) parts = [top];
  else return { error: 'is not a web page saved as a single file (no multipart/related or text/html content)' };
  const page = parts.find((p) => /^text\/html/i.test(p.headers.get('content-type') ?? ''));
  if (!page) return { error: 'is a web archive without an HTML page in it' };
  const encoding = (page.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const html = encoding === 'quoted-printable' ? quotedPrintable(page.body) : encoding === 'base64' ? base64(page.body) : latin1Bytes(page.body);
  const location = [top.headers.get('snapshot-content-location'), page.headers.get('content-location')].find((l) => l && /^https?:\/\//i.test(l)) ?? null;
  return { html, location };
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
