/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:refrain-corpus' {
  import type { Corpus } from './corpus/types.ts';
  const corpus: Corpus;
  export default corpus;
}
