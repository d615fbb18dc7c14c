/**
 * Hidden classes kept alive between calls: a V8 tuning, not part of the
 * method.
 *
 * V8 gives the instances of a class (and the objects of one spread) a
 * hidden class ("map") that is reachable only weakly from its constructor's
 * initial map. Once every instance is garbage and a full GC runs, the map
 * is collected: the optimized code that embeds it is thrown away ("weak
 * objects" in --trace-deopt) and the next call's new map misses every
 * inline cache, so all hot functions deoptimize ("insufficient type
 * feedback") and are compiled again. A call that follows a full GC (as in
 * a worker that analyses now and then) was ≈ 100 ms slower on a 1M-word
 * corpus (in-process A/B, full GC before each run: 387 → 273 ms, median of
 * 8). One small instance of each class the engine makes per call, held
 * here for the life of the module, keeps its maps (and their parents)
 * alive, so the compiled code stays valid across calls. No data of a call
 * is kept: these are empty instances.
 *
 * A new per-call class of src/reuse (or of src/text used by it) belongs in
 * this list, and so does a new shape of object literal that hot code reads
 * (`literalShapes`): a literal's map is reached only through the weak
 * transitions of the map it grew from, like a class's. Without them the
 * formula and family stages deoptimised on every call after a full GC
 * (1M words, in-process A/B: 0.89× of the time, median of 12 rounds).
 * Two more ways to lose compiled code each call, avoided where they
 * occur: an object made by a spread (`{ ...x, k: v }`) gets a map of its
 * own, held weakly (write the literal out), and a closure made once per
 * call and called in another function's hot loop is inlined by identity
 * (pass a column of values instead). And an array made by `map`, `filter`
 * or `fill` has one elements kind (hence map) when the builtin makes it
 * and another when optimised code that inlines it does (`map`: packed from
 * the builtin, holey inlined), so the readers of such arrays (formulas'
 * occurrences, families' members) deoptimised at the first array of the
 * other kind, in the second timed call of the bench ("wrong map"): the
 * later stages fill such arrays in loops (`new Array(n)`, holey either
 * way). The list of formulas itself was still made by `map` in
 * fragments.ts and frame-purity.ts: whenever those were compiled anew (in
 * the bench, after its 125k–500k-word growth runs), ten family-stage
 * functions deoptimised in the next 1M-word calls.
 */
import { TokenColumns } from '../text/intern.ts';
import { Vocabulary } from '../text/vocabulary.ts';
import { AlignPath, AlignWindow } from './align.ts';
import { CandidateAligner } from './align-candidates.ts';
import { CandidateBatch, CandidateClusters, HitColumns, OpenCandidates } from './candidates.ts';
import { MemberSpans } from './span-families.ts';
import { ChanceModel } from './significance.ts';
import { UnionFind } from './union-find.ts';
import { resolveOptions } from './options.ts';
import { DocPair } from './pair.ts';
import { prepareDocs } from './prepare.ts';
import { OpCache, PassageKeys } from './passage-output.ts';
import { RawPassages } from './passages.ts';
import { DocSeeds, SeedColumns } from './seeds.ts';
import { FirstOf } from './first-of.ts';
import { Known, TokenClasses, readMembers } from './family-members.ts';
import { HashSet32 } from './stock-phrases.ts';
import type { Formula, Occurrence } from './formulas.ts';
import type { Merges } from './formula-extents.ts';
import { StarBuilder, type StarPairs } from './frequent.ts';
import type { Buckets } from './buckets.ts';
import type { RawPassage } from './passages.ts';
import type { AlignOp, Family, FamilyVariant, Passage, Span } from './types.ts';

let kept: unknown[] | null = null;

/** Makes the kept instances on the first call (`detectReuse` calls it first). */
export function keepHiddenClasses(): void {
  if (kept) return;
  // The options spread: a thawed copy of the frozen defaults' map.
  const options = resolveOptions(undefined);
  const corpus = { typeStem: new Int32Array(0), flags: new Uint8Array(0), contentTok: new Int32Array(0), typeOpener: new Uint32Array(0), typeCoordinator: new Uint32Array(0), type: new Int32Array(0), start: new Int32Array(0), typeBigram: new Uint8Array(0), typeLength: new Int32Array(0) };
  // A call leaves `score` a double (it is read from a Float64Array): the
  // kept instance takes that final map, not the first one (small integer).
  const path = new AlignPath();
  path.score = 0.5;
  kept = [
    options,
    new Vocabulary(),
    new TokenColumns(16),
    new HashSet32(0),
    new SeedColumns(0),
    new DocSeeds(),
    new HitColumns(),
    new OpenCandidates(),
    new CandidateBatch(),
    new CandidateClusters(options, () => {}),
    new CandidateAligner([], corpus, 0, options),
    new DocPair(corpus),
    new AlignWindow(),
    path,
    new RawPassages(),
    new OpCache([]),
    new PassageKeys([]),
    new FirstOf(),
    new StarBuilder([], new Int32Array(0)),
    new ChanceModel(new Int32Array(0), new Int32Array(0), new Uint8Array(0), 0, new Int32Array(0), 0, new Int32Array(0)),
    new UnionFind(1),
    new MemberSpans(0),
    // Member columns (a literal of family-members.ts') and their index for a second read.
    new Known(readMembers([], new Uint8Array(0), []), new Uint8Array(0), []),
    new TokenClasses(0),
    // A PreparedDoc (a literal of prepareDocs'), of one empty document.
    prepareDocs([{ id: '', text: '' }], new Vocabulary()),
    ...literalShapes(),
  ];
}

/**
 * One object of each shape the later stages make by object literals (and
 * read in hot loops). A literal's hidden class is the one every literal
 * with the same keys in the same order gets, whatever code makes it, so
 * these keep the engine's. Fields hold values of the representation a
 * call leaves them in: a field that changes representation gets a new
 * hidden class, and a double field boxes every value it holds, so a score
 * (a sum of the integer match weights) stays a small integer here, and
 * `expectedByChance` and `similarity` are doubles.
 */
function literalShapes(): unknown[] {
  const span: Span = { doc: '', start: 0, end: 0 };
  const occurrence: Occurrence = { doc: 0, first: 0, last: 0, links: 0 };
  const formula: Formula = { occurrences: [occurrence], passages: [0], coreMask: () => new Uint8Array(0), contains: [0], partOf: [0] };
  const raw: RawPassage = { docA: 0, docB: 0, aFirst: 0, aLast: 0, bFirst: 0, bLast: 0, score: 0, contentMatches: 0, matched: 0, steps: 0, frequent: false, at: 0, copies: [0] };
  const ops: AlignOp[] = [
    { op: 'match', a: '', b: '' },
    { op: 'ins', b: '' },
    { op: 'del', a: '' },
  ];
  const passage: Passage = { a: span, b: span, score: 0, expectedByChance: 0.5, scope: 'between', tier: 'close', words: 0, contentMatches: 0, similarity: 0.5, ops };
  const variant: FamilyVariant = { wording: '', text: '', count: 0 };
  const family: Family = {
    id: '',
    label: '',
    core: '',
    kind: 'framing',
    boilerplate: false,
    contains: [''],
    partOf: [''],
    members: [span],
    variants: [variant],
    spread: { first: { doc: '', date: '' }, outlets: [''], years: [''] },
    documents: 0,
    passages: [0],
  };
  const stars: StarPairs = { count: 0, cols: new Int32Array(0), copyOf: new Int32Array(0) };
  // collectSeeds reads this literal of bucketSeeds' after its document
  // loop, in code compiled on stack replacement: without it, that code
  // deoptimised at the read in every 8M-word call and was compiled again
  // in the next.
  const buckets: Buckets = { recurring: new Int32Array(0), recurringStart: new Int32Array(0), rarity: new Uint8Array(0), sorted: new Int32Array(0) };
  // chooseMerges' result, which assembleFormulas destructures: without it
  // its map died at each full GC and assembleFormulas' code with it
  // ("weak objects", then "insufficient type feedback" once recompiled).
  const merges: Merges = { parent: new Int32Array(0), fragment: new Uint8Array(0), frames: [[0, 0]] };
  return [raw, formula, passage, family, stars, buckets, merges];
}
