/**
 * Hidden classes kept alive between calls. V8 gives the instances of a
 * class (and the objects of one spread or literal site) a hidden class
 * ("map") that is reachable only weakly from its constructor's initial map.
 * Once every instance is garbage and a full GC runs, the map is collected:
 * the optimized code that embeds it is thrown away ("weak objects") and the
 * next call's new map misses every inline cache, so all hot functions
 * deoptimize ("insufficient type feedback") and are compiled again. A call
 * that follows a full GC (as in a worker that analyses now and then) was
 * ≈ 100 ms slower on a 1M-word corpus. One small instance of each such class,
 * held here for the life of the module, keeps its maps (and their parents)
 * alive, so the compiled code stays valid across calls. No data of a call is
 * kept: these are empty instances made at load time.
 */
const shapes: unknown[] = [];

/** Keeps `instance` (and so its hidden class) alive; returns it. */
export function keepShape<T>(instance: T): T {
  shapes.push(instance);
  return instance;
}
