/**
 * Reading untrusted JSON field by field: a saved record, an exported notes
 * file, a shared corpus file. One reader for all of them, so every refusal
 * says the same kind of thing: the path of the field at fault and what it
 * held (`records[3].anchor.start is -1, expected an integer from 0 to …`).
 *
 * Pure: no DOM, no storage. `state/` (stored records, notes files) and
 * `importer/` (corpus files, sidecars) both use it.
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Thrown inside a validator only; `checked` turns it into a message. */
export class Invalid extends Error {}

/** Keys that could reach an object's prototype if a value were ever merged or spread. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A JSON object (not an array, not a class instance). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A short, safe description of a value for a message (strings cut at 30 characters). */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 30 ? `a string "${v.slice(0, 30)}…"` : JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  return `a ${typeof v}`;
}

/** Runs a validator that throws `Invalid`, returning its value or the message. */
export function checked<T>(validate: () => T): Checked<T> {
  try {
    return { ok: true, value: validate() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}

/** Reads the fields of one object, refusing unknown and dangerous keys; every getter throws `Invalid` naming the field. */
export class Fields {
  readonly #o: Record<string, unknown>;
  readonly #path: string;
  constructor(v: unknown, path: string, allowed: readonly string[]) {
    if (!isPlainObject(v)) throw new Invalid(`${path} is ${describe(v)}, expected an object`);
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) throw new Invalid(`${path} has a forbidden key "${k}"`);
      if (!allowed.includes(k)) throw new Invalid(`${path} has an unknown field "${k.slice(0, 40)}"`);
    }
    this.#o = v;
    this.#path = path;
  }
  raw(k: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.#o, k) ? this.#o[k] : undefined;
  }
  str(k: string, max: number, opts: { empty?: boolean } = {}): string {
    const v = this.raw(k);
    if (typeof v !== 'string') throw new Invalid(`${this.#path}.${k} is ${describe(v)}, expected a string`);
    if (v.length > max) throw new Invalid(`${this.#path}.${k} is ${v.length} characters long, the limit is ${max}`);
    if (!opts.empty && v.length === 0) throw new Invalid(`${this.#path}.${k} is empty`);
    return v;
  }
  strOrNull(k: string, max: number): string | null {
    return this.raw(k) === null ? null : this.str(k, max, { empty: true });
  }
  int(k: string, min: number, max: number): number {
    const v = this.raw(k);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new Invalid(`${this.#path}.${k} is ${describe(v)}, expected an integer from ${min} to ${max}`);
    }
    return v;
  }
  intOrNull(k: string, min: number, max: number): number | null {
    return this.raw(k) === null ? null : this.int(k, min, max);
  }
  bool(k: string): boolean {
    const v = this.raw(k);
    if (typeof v !== 'boolean') throw new Invalid(`${this.#path}.${k} is ${describe(v)}, expected true or false`);
    return v;
  }
  literal<T extends string>(k: string, allowed: readonly T[]): T {
    const v = this.raw(k);
    const hit = allowed.find((a) => a === v);
    if (hit === undefined) throw new Invalid(`${this.#path}.${k} is ${describe(v)}, expected one of ${allowed.join(', ')}`);
    return hit;
  }
}
