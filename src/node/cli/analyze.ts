/**
 * `npm run --silent analyze -- [--json] [--boilerplate] [--strict] [PATH...]`:
 * loads documents (the bundled seeds/ when no path is given), detects
 * reuse, and prints either one JSON object or a readable report (families
 * in the engine's order; boilerplate counted, and listed with
 * --boilerplate). A file that cannot be read is skipped with one warning
 * line on stderr; the exit status is 0 when at least one document was
 * read, 1 when none was or (with --strict) when any file was skipped.
 * Other errors are one line on stderr, exit 1.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffArrays } from 'diff';
import { readCorpusFromPaths, CorpusError } from '../load-corpus.ts';
import { describeDates } from '../../importer/run.ts';
import { describeChance, detectReuse, type Family, type Passage, type ReuseInput } from '../../reuse/index.ts';
import { joinWords, runTogether, versionTokens } from '../../compare/formula-tokens.ts';
import type { Corpus } from '../../corpus/types.ts';
import type { ComputedBy } from '../../interop/index.ts';
import { describeComputedBy, importFromPaths, takeImportArgs, IMPORT_USAGE } from './import-results.ts';
import { plural } from '../../text/plural.ts';
import { jsonPieces } from './json-pieces.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Cap on jsdiff's work per passage pair in the report. */
const DIFF_MAX_EDIT_LENGTH = 200;
const REPORT_MAX_PASSAGES = 60;
const USAGE = `usage: npm run --silent analyze -- [--json] [--boilerplate] [--strict] [PATH...]; to read passim's or TextPAIR's results: ${IMPORT_USAGE}; --help explains`;
const HELP = `usage: npm run --silent analyze -- [options] [PATH...]

Finds the passages and formulas that recur across the texts in PATH (files
or folders, read as the browser reads them; the bundled seeds/ when none is
given) and prints a readable report: the formulas, framing first, then the
best passage pairs, diffed word by word.

  --json          the whole result as JSON (documents, passages, families;
                  the fields are described in README.md)
  --boilerplate   list the families marked as one outlet's boilerplate too
  --strict        exit 1, with no report, if any file could not be read
  -h, --help      this help

Reading passim's or TextPAIR's results instead of analysing:
  ${IMPORT_USAGE.replace(/; /g, '\n  ')}
`;

interface Args {
  json: boolean;
  /** List the families marked boilerplate too. */
  boilerplate: boolean;
  /** Any skipped file is an error (exit 1, no report). */
  strict: boolean;
  paths: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, boilerplate: false, strict: false, paths: [] };
  for (const a of argv) {
    if (a === '--json') args.json = true;
    else if (a === '--boilerplate') args.boilerplate = true;
    else if (a === '--strict') args.strict = true;
    else if (a === '--help' || a === '-h') throw new HelpRequest();
    else if (a.startsWith('-')) throw new UsageError(`analyze: unknown option "${a}" (${USAGE})`);
    else args.paths.push(a);
  }
  return args;
}

class UsageError extends Error {}
class HelpRequest extends Error {}

function toInputs(corpus: Corpus): ReuseInput[] {
  return corpus.documents.map((d) => ({ id: d.meta.id, text: d.text, date: d.meta.date, outlet: d.meta.outlet, language: d.meta.language }));
}

/** Pieces written to stdout in blocks of about 1 MB, waiting whenever the pipe is full. */
async function writePieces(pieces: Iterable<string>): Promise<void> {
  let block = '';
  const flush = async () => {
    if (!process.stdout.write(block)) await new Promise((done) => process.stdout.once('drain', done));
    block = '';
  };
  for (const piece of pieces) {
    block += piece;
    if (block.length >= 1 << 20) await flush();
  }
  block += '\n';
  await flush();
}

/** Words as the views show them: a run of Han characters (or kana…) one character at a time, not as bigrams. */
function words(text: string): string[] {
  return versionTokens(text, 0, text.length).map((t) => t.text);
}

/** "a b [-old-]{+new+} c", from jsdiff over the words; no space between two Han characters. */
function wordDiff(a: string, b: string): string {
  const changes = diffArrays(words(a), words(b), { maxEditLength: DIFF_MAX_EDIT_LENGTH });
  if (!changes) return `[-${a}-]{+${b}+}`;
  let out = '';
  let last = '';
  for (const c of changes) {
    const s = joinWords(c.value.map((text) => ({ text })));
    const piece = c.added ? `{+${s}+}` : c.removed ? `[-${s}-]` : s;
    out += out && !runTogether(last, c.value[0]!) ? ` ${piece}` : piece;
    last = c.value.at(-1)!;
  }
  return out;
}


function report(corpus: Corpus, result: ReturnType<typeof detectReuse>, computedBy?: ComputedBy, showBoilerplate = false): string {
  const textOf = new Map(corpus.documents.map((d) => [d.meta.id, d.text]));
  const slice = (s: { doc: string; start: number; end: number }) => textOf.get(s.doc)!.slice(s.start, s.end).replace(/\s+/g, ' ');
  const labelOf = new Map(result.families.map((f) => [f.id, f.label]));
  const boilerplate = result.families.filter((f) => f.boilerplate);
  const lines: string[] = [];
  lines.push(
    `${plural(corpus.documents.length, 'document')}, ${plural(result.passages.length, 'passage pair')}, ${plural(result.families.length, 'family', 'families')}` +
      ` (${boilerplate.length} marked boilerplate: repeated across one outlet's documents${boilerplate.length && !showBoilerplate ? ', not listed; --boilerplate lists them' : ''})`,
  );
  if (computedBy) lines.push(describeComputedBy(computedBy));
  lines.push('', 'FAMILIES (framing first, then by spread across outlets and years)');
  for (const f of result.families) {
    if (f.boilerplate && !showBoilerplate) continue;
    const first = f.spread.first ? `${f.spread.first.doc}${f.spread.first.date ? ` (${f.spread.first.date})` : ''}` : '-';
    const marks = [f.kind === 'names' ? 'names' : '', f.boilerplate ? 'boilerplate' : ''].filter(Boolean).join(', ');
    lines.push(`- "${f.label}"${marks ? ` (${marks})` : ''}  [${f.documents} docs, ${f.members.length} occurrences; first ${first}; years ${f.spread.years.join(', ') || '-'}; outlets ${f.spread.outlets.join('; ') || '-'}]`);
    for (const v of f.variants.slice(1, 6)) lines.push(`    variant x${v.count}: "${v.text}"`);
    if (f.contains.length) lines.push(`    contains: ${f.contains.map((id) => `"${labelOf.get(id)}"`).join('; ')}`);
  }
  lines.push('', `PASSAGE PAIRS (best ${Math.min(REPORT_MAX_PASSAGES, result.passages.length)} by score)`);
  const best: Passage[] = [...result.passages].sort((x, y) => y.score - x.score).slice(0, REPORT_MAX_PASSAGES);
  for (const p of best) {
    lines.push(`- ${p.a.doc}[${p.a.start}-${p.a.end}] ~ ${p.b.doc}[${p.b.start}-${p.b.end}]  score ${p.score}, similarity ${p.similarity}, ${p.scope === 'internal' ? 'inside one document' : 'between documents'}, ${describeChance(p.expectedByChance)}`);
    lines.push(`    ${wordDiff(slice(p.a), slice(p.b))}`);
  }
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  try {
    let importing;
    try {
      importing = takeImportArgs(argv);
    } catch (e) {
      throw new UsageError(`analyze: ${(e as Error).message} (${USAGE})`);
    }
    const args = parseArgs(argv);
    if (importing) {
      if (args.paths.length) throw new UsageError(`analyze: paths go after --${importing.tool} (${USAGE})`);
      const { corpus, result, computedBy, warnings } = await importFromPaths(importing);
      for (const w of warnings) process.stderr.write(`analyze: ${w}\n`);
      if (args.json) await writePieces(jsonPieces(corpus, result, computedBy));
      else process.stdout.write(`${report(corpus, result, computedBy, args.boilerplate)}\n`);
      return 0;
    }
    const paths = args.paths.length > 0 ? args.paths : [resolve(REPO_ROOT, 'seeds')];
    const { corpus, skipped, dates } = await readCorpusFromPaths(paths);
    for (const s of skipped) process.stderr.write(`analyze: skipped ${s.file}: ${s.reason.split('\n')[0]}\n`);
    for (const d of dates) process.stderr.write(`analyze: ${d.file}: ${d.date.note.replace(/^I/, 'i')}\n`);
    const lost = describeDates({ notRead: dates.filter((d) => d.date.lost === 'none').length, yearOnly: dates.filter((d) => d.date.lost === 'year').length });
    if (corpus && lost) process.stderr.write(`analyze: ${corpus.documents.length} documents read; ${lost} (each named above, and in its document's provenance)\n`);
    if (!corpus) {
      process.stderr.write(`analyze: no document could be read from ${paths.join(', ')}\n`);
      return 1;
    }
    if (args.strict && skipped.length) {
      process.stderr.write(`analyze: --strict: ${skipped.length} file${skipped.length === 1 ? '' : 's'} could not be read\n`);
      return 1;
    }
    const result = detectReuse(toInputs(corpus));
    if (args.json) await writePieces(jsonPieces(corpus, result));
    else process.stdout.write(`${report(corpus, result, undefined, args.boilerplate)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof HelpRequest) {
      process.stdout.write(HELP);
      return 0;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    const message = err instanceof CorpusError ? err.message : `analyze: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`${message.split('\n')[0]}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
