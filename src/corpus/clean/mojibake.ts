/**
 * Rule `mojibake`: text that was UTF-8 but was decoded as Windows-1252 /
 * Latin-1 ("â€™" → "’", "Ã©" → "é") or as Windows-874 / TIS-620 Thai
 * ("ยท" → "·") is decoded again. Only byte runs that form valid multi-byte
 * UTF-8 and decode to plausible characters are repaired; Thai only when no
 * real Thai in the document would be disturbed.
 */
import { CP1252_HIGH } from '../cp1252.ts';
import type { RawEdit } from './lines.ts';
import { isWs } from './text-shape.ts';

/** Double (and triple) mojibake is undone this many times at most. */
const MAX_REDECODE_ROUNDS = 3;
/** A repair needs at least this many suspect characters in a row (one is never a UTF-8 sequence). */
const MIN_RUN_CHARS = 2;

const CP1252_MAP = new Map<number, number>(CP1252_HIGH);
/** Byte a character would have in Windows-1252 (or Latin-1 for the C1 range); only bytes ≥ 0x80. */
function latinByte(cp: number): number | undefined {
  if (cp < 0x80) return undefined;
  if (cp <= 0xff) return cp;
  return CP1252_MAP.get(cp);
}

const CP874_EXTRA = new Map<number, number>([
  [0x20ac, 0x80], [0x2026, 0x85], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94],
  [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x00a0, 0xa0],
]);
/** Byte a character would have in Windows-874 / TIS-620; only bytes ≥ 0x80. */
function thaiByte(cp: number): number | undefined {
  if (cp < 0xa0) return undefined;
  if (cp >= 0x0e01 && cp <= 0x0e3a) return cp - 0x0e01 + 0xa1;
  if (cp === 0x0e3f) return 0xdf;
  if (cp >= 0x0e40 && cp <= 0x0e5b) return cp - 0x0e40 + 0xe0;
  return CP874_EXTRA.get(cp);
}
const isThai = (cp: number): boolean => cp >= 0x0e00 && cp <= 0x0e7f;

function seqLen(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Strictly decode one UTF-8 sequence; undefined if invalid (overlong, surrogate, out of range). */
function decodeSeq(bytes: number[]): number | undefined {
  const n = bytes.length;
  const b0 = bytes[0] ?? 0;
  for (let i = 1; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b < 0x80 || b > 0xbf) return undefined;
  }
  let cp: number;
  if (n === 2) cp = ((b0 & 0x1f) << 6) | ((bytes[1] ?? 0) & 0x3f);
  else if (n === 3) cp = ((b0 & 0x0f) << 12) | (((bytes[1] ?? 0) & 0x3f) << 6) | ((bytes[2] ?? 0) & 0x3f);
  else if (n === 4)
    cp = ((b0 & 0x07) << 18) | (((bytes[1] ?? 0) & 0x3f) << 12) | (((bytes[2] ?? 0) & 0x3f) << 6) | ((bytes[3] ?? 0) & 0x3f);
  else return undefined;
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return cp;
}

/** Would a human text plausibly contain this decoded character? Conservative. */
function plausible(cp: number, len: number): boolean {
  if (len === 2) return cp >= 0xa0 && cp <= 0x17f; // Latin-1 supplement, Latin Extended-A
  if (cp === 0xfffd || cp === 0xfeff || cp === 0x2028 || cp === 0x2029) return false;
  if (cp >= 0xe000 && cp <= 0xf8ff) return false; // private use
  if (cp >= 0xfff0 && cp <= 0xffff) return false;
  if (cp >= 0xf0000) return false;
  return true;
}

/**
 * Decode a run of characters as bytes (via `toByte`) back to UTF-8.
 * `whole`: every byte must belong to a valid sequence; otherwise valid
 * sequences are decoded where found and other characters left alone.
 * Returns pieces [from, to, replacement] in run-relative char indices.
 */
function decodeRun(
  cps: number[],
  toByte: (cp: number) => number | undefined,
  whole: boolean,
): Array<[number, number, string]> | undefined {
  const bytes = cps.map((cp) => toByte(cp) ?? -1);
  const out: Array<[number, number, string]> = [];
  let i = 0;
  while (i < bytes.length) {
    const n = seqLen(bytes[i] ?? 0);
    if (n > 0 && i + n <= bytes.length) {
      const cp = decodeSeq(bytes.slice(i, i + n));
      if (cp !== undefined && plausible(cp, n)) {
        const last = out[out.length - 1];
        const ch = String.fromCodePoint(cp);
        if (last && last[1] === i) {
          last[1] = i + n;
          last[2] += ch;
        } else out.push([i, i + n, ch]);
        i += n;
        continue;
      }
    }
    if (whole) return undefined;
    i++;
  }
  return out;
}

/** Repeat a Latin repair on a replacement (double mojibake "Ã¢â‚¬â„¢" → "â€™" → "’"). */
function redecode(s: string): string {
  for (let round = 0; round < MAX_REDECODE_ROUNDS; round++) {
    const cps = Array.from(s, (c) => c.codePointAt(0) ?? 0);
    if (!cps.every((cp) => latinByte(cp) !== undefined)) return s;
    const pieces = decodeRun(cps, latinByte, true);
    if (!pieces || pieces.length === 0) return s;
    s = pieces.map((p) => p[2]).join('');
  }
  return s;
}


/** Mojibake repairs inside [from, to) of `src`. `thaiOk`: the document allows the Thai repair. */
export function mojibakeEdits(src: string, from: number, to: number, thaiOk: boolean): RawEdit[] {
  const edits: RawEdit[] = [];
  // Runs of characters that have a high byte in the codec.
  const scan = (toByte: (cp: number) => number | undefined, label: string, whole: boolean, needThai: boolean): void => {
    let i = from;
    while (i < to) {
      const cp = src.codePointAt(i) ?? 0;
      if (toByte(cp) === undefined) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      const runStart = i;
      const cps: number[] = [];
      const offs: number[] = [];
      while (i < to) {
        const c = src.codePointAt(i) ?? 0;
        if (toByte(c) === undefined) break;
        cps.push(c);
        offs.push(i);
        i += c > 0xffff ? 2 : 1;
      }
      offs.push(i);
      if (cps.length < MIN_RUN_CHARS || (needThai && !cps.some(isThai))) continue;
      const pieces = decodeRun(cps, toByte, whole);
      if (!pieces) continue;
      for (const [a, b, rep] of pieces) {
        const start = offs[a] ?? runStart;
        const end = offs[b] ?? i;
        const bad = src.slice(start, end);
        const fixed = label === 'Windows-1252' ? redecode(rep) : rep;
        edits.push({
          start,
          end,
          replacement: fixed,
          rule: 'mojibake',
          reason: `UTF-8 text decoded as ${label}: "${bad}" repaired to "${fixed}"`,
        });
      }
    }
  };
  scan(latinByte, 'Windows-1252', false, false);
  if (thaiOk) scan(thaiByte, 'Windows-874 (Thai)', true, true);
  // A repair that would leave whitespace at either end of the line is not made
  // (the line was trimmed on the original): such a character is left as it is.
  return edits.filter(
    (e) => !((e.start === from && isWs(e.replacement.charAt(0))) || (e.end === to && isWs(e.replacement.charAt(e.replacement.length - 1)))),
  );
}

/**
 * The Thai repair is allowed only if every run of Thai characters in the
 * document is, as a whole, valid UTF-8 mis-decoded as Windows-874: real Thai
 * text never is, so a page with any real Thai is left alone.
 */
export function thaiRepairAllowed(src: string): boolean {
  let found = false;
  let i = 0;
  const n = src.length;
  while (i < n) {
    const cp = src.charCodeAt(i);
    if (!isThai(cp)) {
      i++;
      continue;
    }
    // Extend the run over Thai and other cp874-encodable characters.
    let j = i;
    while (j < n && thaiByte(src.charCodeAt(j)) !== undefined) j++;
    // Include cp874 punctuation just before the Thai character.
    let k = i;
    while (k > 0 && thaiByte(src.charCodeAt(k - 1)) !== undefined && !isThai(src.charCodeAt(k - 1))) k--;
    if (j === i) return false; // a Thai code point with no cp874 byte (e.g. U+0E00)
    const cps = Array.from(src.slice(k, j), (c) => c.codePointAt(0) ?? 0);
    const pieces = decodeRun(cps, thaiByte, true);
    if (!pieces) return false;
    found = true;
    i = j;
  }
  return found;
}
