/**
 * Issue #14 item 7: spreading an input-sized array into a call
 * (`Math.max(...lengths)`, `push(...items)`, `String.fromCharCode(...codes)`,
 * `f.apply(null, list)`) throws "Maximum call stack size exceeded" beyond
 * about 125,000 elements, so a long text was refused. None of these forms
 * may appear in src/: use a loop or a fold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');
const FORBIDDEN = /Math\.(?:max|min)\(\s*(?:[^()]*,\s*)?\.\.\.|\.(?:push|unshift)\(\s*\.\.\.|String\.fromCharCode\(\s*\.\.\.|String\.fromCodePoint\(\s*\.\.\.|\.apply\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : /\.(ts|svelte)$/.test(e.name) ? [path] : [];
  });
}

describe('src spreads no array into a call', () => {
  it('has no Math.max(...), push(...), fromCharCode(...) or .apply(', () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (FORBIDDEN.test(line) && !line.trimStart().startsWith('//')) found.push(`${relative(SRC, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
  it('recognises the forms it forbids', () => {
    for (const bad of ['Math.max(...lens)', 'Math.min(1, ...xs)', 'out.push(...more)', 'String.fromCharCode(...codes)', 'f.apply(null, xs)']) expect(FORBIDDEN.test(bad)).toBe(true);
    for (const fine of ['Math.max(a, b)', 'out.push(x)', 'fn(...args)', '[...a, ...b]']) expect(FORBIDDEN.test(fine)).toBe(false);
  });
});
