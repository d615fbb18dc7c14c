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
 * this list. Objects made by literals need nothing: their maps are held by
 * the feedback of the code that makes them.
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
import { OpCache } from './passage-output.ts';
import { RawPassages } from './passages.ts';
import { DocSeeds, SeedColumns } from './seeds.ts';
import { HashSet32 } from './stock-phrases.ts';

let kept: unknown[] | null = null;

/** Makes the kept instances on the first call (`detectReuse` calls it first). */
export function keepHiddenClasses(): void {
  if (kept) return;
  // The options spread: a thawed copy of the frozen defaults' map.
  const options = resolveOptions(undefined);
  const corpus = { stem: new Int32Array(0), flags: new Uint8Array(0), contentTok: new Int32Array(0), typeOpener: new Uint16Array(0) };
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
    new UnionFind(1),
    new MemberSpans(0),
  ];
}
