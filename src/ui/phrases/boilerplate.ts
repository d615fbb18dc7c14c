/**
 * Why a family is one outlet's boilerplate, in figures a reader can check:
 * the engine's test (src/reuse/families.ts) read back from the family's
 * documents. The outlet holding most of them, how many of its documents
 * repeat the text, and how many documents elsewhere do without it —
 * documents with no outlet named count as elsewhere, as they do in the test.
 * (The test needs at least 3 documents of the outlet: `boilerplateMinDocs`.)
 */
export interface BoilerplateFacts {
  outlet: string;
  /** The outlet's documents that hold the family. */
  holding: number;
  /** The outlet's documents in the corpus. */
  outletDocs: number;
  /** Documents of other outlets, or of none, without the family. */
  elsewhereWithout: number;
}

/** The facts for a family found in `familyDocs` (ids; repeats ignored) of `corpus`; null if no document of it names an outlet. */
export function boilerplateFacts(familyDocs: Iterable<string>, corpus: ReadonlyMap<string, { outlet: string | null }>): BoilerplateFacts | null {
  const held = new Set(familyDocs);
  const perOutlet = new Map<string, number>();
  for (const id of held) {
    const outlet = corpus.get(id)?.outlet;
    if (outlet) perOutlet.set(outlet, (perOutlet.get(outlet) ?? 0) + 1);
  }
  let outlet = '';
  let holding = 0;
  for (const [o, n] of perOutlet) if (n > holding) [outlet, holding] = [o, n];
  if (!holding) return null;
  let outletDocs = 0;
  for (const d of corpus.values()) if (d.outlet === outlet) outletDocs++;
  return { outlet, holding, outletDocs, elsewhereWithout: corpus.size - outletDocs - (held.size - holding) };
}
