/**
 * JSON Lines, read as a stream: chunks of bytes (a `File`'s stream in the
 * worker, a read stream in Node) in, one parsed record per line out, with
 * its line number. Nothing holds more than one chunk and one line, so a
 * file of any size can be read. Pure: no DOM, no Node APIs.
 */

/** Bytes or text, in order: anything `for await` can walk. */
export type Chunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** A file that can be read from its start as often as needed (an import reads some files twice). */
export interface Source {
  /** Shown in messages: a path or a file name. */
  name: string;
  /** Bytes, when known (for progress). */
  size?: number;
  open(): Chunks;
}

export interface LineProgress {
  /** Bytes read so far from this source. */
  bytes: number;
  /** Lines read so far. */
  lines: number;
}

/** Thrown when the caller's `cancelled()` says stop. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
    this.name = 'ImportCancelled';
  }
}

/** How often (lines) the cancel flag and progress callback are consulted. */
const CHECK_EVERY = 1024;

export interface ReadOptions {
  onProgress?: (p: LineProgress) => void;
  cancelled?: () => boolean;
}

/**
 * Each line of `chunks` (UTF-8 decoded across chunk boundaries; a
 * byte-order mark and a `\r` before `\n` dropped), with its 1-based number.
 * Blank lines are yielded too, so numbers stay true; callers skip them.
 */
export async function* readLines(chunks: Chunks, options: ReadOptions = {}): AsyncGenerator<{ text: string; line: number }> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let line = 0;
  let bytes = 0;
  const check = () => {
    if (options.cancelled?.()) throw new ImportCancelled();
    options.onProgress?.({ bytes, lines: line });
  };
  for await (const chunk of chunks) {
    let text: string;
    if (typeof chunk === 'string') {
      text = chunk;
      bytes += chunk.length;
    } else {
      text = decoder.decode(chunk, { stream: true });
      bytes += chunk.byteLength;
    }
    if (line === 0 && carry === '' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      let piece = carry === '' ? text.slice(from, nl) : carry + text.slice(from, nl);
      carry = '';
      if (piece.endsWith('\r')) piece = piece.slice(0, -1);
      from = nl + 1;
      line++;
      if (line % CHECK_EVERY === 0) check();
      yield { text: piece, line };
    }
    carry += text.slice(from);
  }
  carry += decoder.decode();
  if (carry.endsWith('\r')) carry = carry.slice(0, -1);
  if (carry !== '') yield { text: carry, line: ++line };
  check();
}

/** The whole of `chunks` as one string, exactly (line ends kept): a plain text file whose byte offsets matter. */
export async function readText(chunks: Chunks, options: ReadOptions = {}): Promise<string> {
  // A byte-order mark stays (as U+FEFF): byte offsets into the file count it.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const parts: string[] = [];
  let bytes = 0;
  for await (const chunk of chunks) {
    if (options.cancelled?.()) throw new ImportCancelled();
    parts.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    bytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    options.onProgress?.({ bytes, lines: 0 });
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** One line's outcome: a JSON object, or why it is not one. */
export type JsonLine = { line: number; value: Record<string, unknown> } | { line: number; error: string };

/** `readLines`, each non-blank line parsed as one JSON object. */
export async function* readJsonLines(chunks: Chunks, options: ReadOptions = {}): AsyncGenerator<JsonLine> {
  for await (const { text, line } of readLines(chunks, options)) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      yield { line, error: `not valid JSON (${e instanceof Error ? e.message : String(e)})` };
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      yield { line, error: `expected one JSON object per line, found ${Array.isArray(value) ? 'an array' : JSON.stringify(value)?.slice(0, 40)}` };
      continue;
    }
    yield { line, value: value as Record<string, unknown> };
  }
}

/** Chunks of a `ReadableStream` (a `File`'s or a `DecompressionStream`'s), for `for await`. */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
