import type { Corpus } from '../../corpus/types.ts';
import type { ComputedBy } from '../../interop/index.ts';
import type { ReuseResult } from '../../reuse/index.ts';

/**
 * The whole result as JSON, in pieces whose concatenation is
 * JSON.stringify of { documents, passages, families, computedBy? }: a large
 * corpus's result (826 licence files: 580K passages with their steps) is
 * longer than the longest string V8 can make.
 */
export function* jsonPieces(corpus: Corpus, result: ReuseResult, computedBy?: ComputedBy): Generator<string> {
  const documents = corpus.documents.map((d) => ({
    id: d.meta.id,
    title: d.meta.title,
    outlet: d.meta.outlet,
    date: d.meta.date?.value ?? null,
    text: d.text,
  }));
  const lists: [string, readonly unknown[]][] = [['documents', documents], ['passages', result.passages], ['families', result.families]];
  let open = '{';
  for (const [key, list] of lists) {
    yield `${open}${JSON.stringify(key)}:[`;
    for (let i = 0; i < list.length; i++) yield (i ? ',' : '') + JSON.stringify(list[i]);
    yield ']';
    open = ',';
  }
  if (computedBy) yield `,"computedBy":${JSON.stringify(computedBy)}`;
  yield '}';
}

