/**
 * PDF's standard security handler, for files encrypted without a password
 * to open them: what publishers and office suites write to restrict
 * printing or copying. Such a file opens in every viewer, so its reader
 * expects it to open here too. A file that does need a password to open
 * is refused, saying so (Refrain never asks for or guesses passwords).
 *
 * Revisions 2–4 (RC4 of 40–128 bits, AES-128) derive a key per object from
 * the file key with MD5 (ISO 32000-1, 7.6.3, algorithms 1, 2, 6); revisions
 * 5 and 6 (AES-256) take the file key from /UE, checked and unwrapped with
 * SHA-256 and the iterated SHA-2 hash of ISO 32000-2 (algorithms 2.A, 2.B).
 * MD5, SHA-2 and AES are @noble/hashes' and @noble/ciphers' (audited,
 * synchronous, the same in the worker and in Node); RC4 is a few lines.
 */
import { cbc } from '@noble/ciphers/aes.js';
import { md5 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { concatBytes } from '../signatures.ts';

/** How a file's strings and streams are decrypted. */
export interface Decryptor {
  /** Decrypts a string or a stream's bytes of object `num` `gen`; `stream` false for a string. */
  decrypt(data: Uint8Array, num: number, gen: number, stream: boolean): Uint8Array;
  /** Metadata streams are left in the clear (/EncryptMetadata false). */
  readonly metadataInClear: boolean;
}

/** What the /Encrypt dictionary says, read by the caller (objects.ts) from PDF values. */
export interface EncryptParams {
  filter: string;
  v: number;
  r: number;
  /** Key length in bits (/Length; 40 when absent). */
  length: number;
  o: Uint8Array;
  u: Uint8Array;
  ue: Uint8Array | null;
  p: number;
  encryptMetadata: boolean;
  /** The crypt filter method for streams and for strings (`V2` RC4, `AESV2`, `AESV3`, `None`), for V 4 and 5. */
  streamMethod: string;
  stringMethod: string;
  /** The first element of the trailer's /ID. */
  id: Uint8Array;
}

const PADDING = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

export const NEEDS_PASSWORD = 'is protected by a password, which Refrain does not ask for: open it in a PDF viewer and copy its text into "Paste a text"';

function equal(a: Uint8Array, b: Uint8Array, n: number): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

/** AES-CBC with the first 16 bytes as the IV and PKCS#7 padding; damaged padding keeps the bytes as decrypted. */
function aesDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length < 32 || data.length % 16) return new Uint8Array(0);
  const plain = cbc(key, data.subarray(0, 16), { disablePadding: true }).decrypt(data.subarray(16));
  const pad = plain[plain.length - 1]!;
  return pad >= 1 && pad <= 16 ? plain.subarray(0, plain.length - pad) : plain;
}

/** The decryptor for a file encrypted with the empty user password, or the reason it cannot be read. */
export function standardDecryptor(e: EncryptParams): Decryptor | { error: string } {
  if (e.filter !== 'Standard') return { error: `is encrypted with the "${e.filter}" handler (certificates or a plug-in), which Refrain cannot open; open it in a PDF viewer and copy its text into "Paste a text"` };
  const methods = (method: string, aesKey: (num: number, gen: number) => Uint8Array, rc4Key: (num: number, gen: number) => Uint8Array) =>
    (data: Uint8Array, num: number, gen: number) =>
      method === 'None' || method === 'Identity' ? data : method.startsWith('AES') ? aesDecrypt(aesKey(num, gen), data) : rc4(rc4Key(num, gen), data);
  if (e.r >= 5) {
    const key = aes256Key(e);
    if (!key) return { error: NEEDS_PASSWORD };
    const same = () => key;
    const stream = methods(e.streamMethod, same, same);
    const string = methods(e.stringMethod, same, same);
    return { decrypt: (d, num, gen, isStream) => (isStream ? stream : string)(d, num, gen), metadataInClear: !e.encryptMetadata };
  }
  const key = rc4Key(e);
  if (!key) return { error: NEEDS_PASSWORD };
  const objectKey = (salt: boolean) => (num: number, gen: number) => {
    const extra = Uint8Array.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]);
    return md5(concatBytes([key, extra, salt ? Uint8Array.from([0x73, 0x41, 0x6c, 0x54]) : new Uint8Array(0)])).subarray(0, Math.min(key.length + 5, 16));
  };
  const v4 = e.v >= 4;
  const stream = methods(v4 ? e.streamMethod : 'V2', objectKey(true), objectKey(false));
  const string = methods(v4 ? e.stringMethod : 'V2', objectKey(true), objectKey(false));
  return { decrypt: (d, num, gen, isStream) => (isStream ? stream : string)(d, num, gen), metadataInClear: !e.encryptMetadata };
}

/** Revisions 2–4: the file key for the empty user password (algorithm 2), or null when that password is not the file's (algorithms 4, 5). */
function rc4Key(e: EncryptParams): Uint8Array | null {
  const n = e.r === 2 ? 5 : Math.max(5, Math.min(16, Math.floor(e.length / 8)));
  const p = Uint8Array.from([e.p & 0xff, (e.p >> 8) & 0xff, (e.p >> 16) & 0xff, (e.p >>> 24) & 0xff]);
  const noMetadata = e.r >= 4 && !e.encryptMetadata ? Uint8Array.from([0xff, 0xff, 0xff, 0xff]) : new Uint8Array(0);
  let hash = md5(concatBytes([PADDING, e.o.subarray(0, 32), p, e.id, noMetadata]));
  if (e.r >= 3) for (let i = 0; i < 50; i++) hash = md5(hash.subarray(0, n));
  const key = hash.subarray(0, n);
  if (e.r === 2) return equal(rc4(key, PADDING), e.u, 32) ? key : null;
  let x = rc4(key, md5(concatBytes([PADDING, e.id])));
  for (let i = 1; i <= 19; i++) x = rc4(key.map((b) => b ^ i), x);
  return equal(x, e.u, 16) ? key : null;
}

/** Revisions 5 and 6: the file key for the empty user password, unwrapped from /UE, or null. */
function aes256Key(e: EncryptParams): Uint8Array | null {
  if (e.u.length < 48 || !e.ue || e.ue.length < 32) return null;
  const validationSalt = e.u.subarray(32, 40);
  const keySalt = e.u.subarray(40, 48);
  const hash = (salt: Uint8Array) => (e.r === 5 ? sha256(salt) : hash2B(salt, new Uint8Array(0)));
  if (!equal(hash(validationSalt), e.u, 32)) return null;
  const intermediate = hash(keySalt);
  return cbc(intermediate, new Uint8Array(16), { disablePadding: true }).decrypt(e.ue.subarray(0, 32));
}

/** ISO 32000-2's algorithm 2.B for the empty password: SHA-256, -384 or -512 by turns, with AES-128 between. */
function hash2B(salt: Uint8Array, userKey: Uint8Array): Uint8Array {
  let k: Uint8Array = sha256(concatBytes([salt, userKey]));
  for (let round = 0; ; round++) {
    const block = concatBytes([k, userKey]);
    const k1 = new Uint8Array(block.length * 64);
    for (let i = 0; i < 64; i++) k1.set(block, i * block.length);
    const encrypted = cbc(k.subarray(0, 16), k.subarray(16, 32), { disablePadding: true }).encrypt(k1);
    let sum = 0;
    for (let i = 0; i < 16; i++) sum += encrypted[i]!;
    const next = sum % 3;
    k = next === 0 ? sha256(encrypted) : next === 1 ? sha384(encrypted) : sha512(encrypted);
    if (round >= 63 && encrypted[encrypted.length - 1]! <= round - 31) return k.subarray(0, 32);
  }
}
