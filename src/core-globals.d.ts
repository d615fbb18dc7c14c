/**
 * The globals the pure core (tsconfig.core.json) may use besides ES2023:
 * only APIs that both of its hosts have, Node ≥ 20 and a Web Worker, typed
 * as the DOM library types them. No DOM, no worker-only API (postMessage,
 * fetch, indexedDB), no Node-only API (Buffer, fs): a core module that
 * reaches for one fails `npm run check`. Add a global here only if both
 * hosts have it, and say which module needs it.
 *
 * The app's own check (tsconfig.json) sees the full DOM library instead, so
 * it leaves this file out.
 */

// corpus/decode.ts, importer/, reuse/families.ts: bytes to text and back.
interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
interface TextDecoder {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  decode(input?: ArrayBuffer | ArrayBufferView, options?: TextDecodeOptions): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};
interface TextEncoderEncodeIntoResult {
  read: number;
  written: number;
}
interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
  // text/intern.ts: an ASCII text's code units as bytes.
  encodeInto(source: string, destination: Uint8Array): TextEncoderEncodeIntoResult;
}
declare var TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};

// corpus/mhtml.ts: a base64 part of a saved page (Node ≥ 16 and workers have it).
declare function atob(data: string): string;

// search/engine.ts: how long a query took.
interface Performance {
  now(): number;
}
declare var performance: Performance;
