/**
 * Shared helpers for the end-to-end tests: a system Chromium driven by
 * playwright-core, a tiny static server that serves the built single file
 * under a sub-path, a page watcher that records every error and request,
 * screenshots, and axe.
 *
 * The tests never build: `npm run test:e2e` builds dist/ once, then runs
 * vitest. `assertBuilt()` fails with a clear message when dist/ is missing.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { makeTempDir } from '../temp-dirs.ts';

/** Temporary folders (browser profiles, files to import) go after the test file that made them. */
export { makeTempDir, removeTempDirs } from '../temp-dirs.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST = join(ROOT, 'dist');
export const INDEX_HTML = join(DIST, 'index.html');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
/** Same lookup as ensure-chromium.mjs, which `npm run test:e2e` runs first. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** A deliberately odd sub-path: proves the one file works wherever it is put. */
export const SUB_PATH = '/some/sub/path/';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Throws unless dist/index.html exists (the test:e2e script builds it before vitest runs). */
export function assertBuilt(): void {
  if (!existsSync(INDEX_HTML)) {
    throw new Error(`e2e: ${INDEX_HTML} does not exist. Run "npm run test:e2e" (it builds first) or "npx vite build".`);
  }
}

/** The built file's text, e.g. to read the CSP it carries. */
export function builtHtml(): string {
  assertBuilt();
  return readFileSync(INDEX_HTML, 'utf8');
}

export function fileUrl(): string {
  return pathToFileURL(INDEX_HTML).href;
}

// ---------------------------------------------------------------------------
// Browser

export interface LaunchOptions {
  /**
   * A profile folder to keep between launches (persistence tests). Without
   * it, every launch gets a fresh temporary profile that is deleted on close.
   */
  userDataDir?: string;
  /** Options for the contexts this session makes (for a persistent profile: its one context). */
  contextOptions?: BrowserContextOptions;
}

export interface BrowserSession {
  /** A new isolated context; with a persistent profile, the profile's one context. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A new page in a new context (or in the persistent context). */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
  /** Null for a persistent profile (Playwright gives only its context). */
  browser: Browser | null;
}

const DEFAULT_CONTEXT: BrowserContextOptions = {
  viewport: { width: 1280, height: 900 },
  locale: 'en-GB',
  timezoneId: 'UTC',
  colorScheme: 'light',
  reducedMotion: 'reduce',
  serviceWorkers: 'block',
};

/** Writes `files` (name → text) into a new temporary folder; their paths, in order, for the import panel. */
export function writeTempFiles(files: Record<string, string>, prefix = 'refrain-e2e-files-'): string[] {
  const dir = makeTempDir(prefix);
  return Object.entries(files).map(([name, text]) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  });
}

/** Opens the library in `page` and imports `paths` through its panel, waiting until the import says Done. */
export async function importThroughPanel(page: Page, paths: readonly string[], timeout = 30_000): Promise<void> {
  await page.goto(`${fileUrl()}#/library`);
  await page.getByTestId('import-files').setInputFiles([...paths]);
  await page.getByTestId('import-stage').filter({ hasText: 'Done' }).waitFor({ timeout });
}

export interface OpenedApp {
  session: BrowserSession;
  page: Page;
  watch: PageWatch;
}

/**
 * The set-up most e2e files share: checks the build, launches Chromium
 * (`options` as for launchBrowser), opens a watched page (at `viewport`
 * if given) and, if `hash` is given, the built file at that route. Without
 * `hash` the page stays blank, for a caller that navigates itself (e.g.
 * importThroughPanel).
 */
export async function openBuilt(options: LaunchOptions & { hash?: string; viewport?: { width: number; height: number } } = {}): Promise<OpenedApp> {
  assertBuilt();
  const session = await launchBrowser(options);
  const page = await session.newPage(options.viewport ? { viewport: options.viewport } : undefined);
  const watch = watchPage(page);
  if (options.hash !== undefined) await page.goto(`${fileUrl()}${options.hash}`);
  return { session, page, watch };
}

/**
 * Launches the system Chromium headless. Each session gets its own
 * user-data-dir: a fresh temporary one (removed on close) unless `userDataDir`
 * is given, in which case the profile survives close, for restart tests.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`e2e: no Chromium at ${CHROMIUM_PATH}. Run "node tests/e2e/ensure-chromium.mjs" or set CHROMIUM_PATH.`);
  }
  const common = { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 };

  if (options.userDataDir) {
    const context = await chromium.launchPersistentContext(options.userDataDir, {
      ...common,
      ...DEFAULT_CONTEXT,
      ...options.contextOptions,
    });
    return {
      browser: null,
      newContext: async () => context,
      newPage: async () => context.newPage(),
      close: () => context.close(),
    };
  }

  // chromium.launch() makes a fresh temporary user-data-dir of its own
  // (playwright_chromiumdev_profile-*) and deletes it on close, and it gives a
  // Browser, so every test file can open isolated contexts from one process.
  const browser = await chromium.launch(common);
  const newContext = (contextOptions?: BrowserContextOptions) =>
    browser.newContext({ ...DEFAULT_CONTEXT, ...options.contextOptions, ...contextOptions });
  return {
    browser,
    newContext,
    newPage: async (contextOptions) => (await newContext(contextOptions)).newPage(),
    close: () => browser.close(),
  };
}

// ---------------------------------------------------------------------------
// Static server

export interface RequestRecord {
  method: string;
  url: string;
  status: number;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234/some/sub/path/ */
  baseUrl: string;
  /** The page itself: baseUrl + index.html. */
  indexUrl: string;
  /** Every request the server has received, in order. */
  requests: RequestRecord[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves `root` on 127.0.0.1 (random port) under `basePath` only; anything
 * outside it is a 404. Logs every request so a test can assert that the
 * browser asked for index.html and nothing else.
 */
export async function startStaticServer(root: string, { basePath = SUB_PATH } = {}): Promise<StaticServer> {
  if (!basePath.startsWith('/') || !basePath.endsWith('/')) throw new Error(`e2e: basePath must start and end with "/", got ${basePath}`);
  const rootDir = resolve(root);
  const requests: RequestRecord[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      requests.push({ method: req.method ?? 'GET', url, status });
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
    if (!pathname.startsWith(basePath)) return send(404, 'not under the base path');
    let rel = pathname.slice(basePath.length) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(rootDir, rel));
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(403, 'outside the root');
    if (!existsSync(file) || !statSync(file).isFile()) return send(404, 'not found');
    send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}${basePath}`;
  return {
    baseUrl,
    indexUrl: `${baseUrl}index.html`,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------
// Page watcher

export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  /** Every request URL the page made, including data: and blob: ones. */
  requests: string[];
  /** Requests that went to the network (or disk): everything but data: and blob:. */
  networkRequests(): string[];
  /** Forget everything seen so far (e.g. before provoking a CSP violation on purpose). */
  clear(): void;
  /** Every problem seen, as one list of readable lines (empty when clean). */
  problems(): string[];
}

const NOT_NETWORK = /^(data|blob|about):/;

/** Starts recording console errors, page errors, failed requests and every request of `page`. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    requests: [],
    networkRequests: () => watch.requests.filter((u) => !NOT_NETWORK.test(u)),
    clear() {
      watch.consoleErrors.length = 0;
      watch.pageErrors.length = 0;
      watch.failedRequests.length = 0;
      watch.requests.length = 0;
    },
    problems: () => [
      ...watch.consoleErrors.map((e) => `console error: ${e}`),
      ...watch.pageErrors.map((e) => `page error: ${e}`),
      ...watch.failedRequests.map((e) => `failed request: ${e}`),
    ],
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location();
      watch.consoleErrors.push(`${msg.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.stack ?? String(error)));
  page.on('requestfailed', (req) => watch.failedRequests.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`));
  page.on('request', (req) => watch.requests.push(req.url()));
  // Workers' requests and errors surface on the worker, not the page.
  page.on('worker', (worker) => {
    worker.on('console', (msg) => {
      if (msg.type() === 'error') watch.consoleErrors.push(`[worker] ${msg.text()}`);
    });
  });
  return watch;
}

/** The URL without its fragment, for comparing request URLs with the page URL. */
export function withoutHash(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

// ---------------------------------------------------------------------------
// Reading

/** Selects characters [from, to) of the n-th paragraph of the clean text, as a reader's drag would. */
export async function selectInParagraph(page: Page, n: number, from: number, to: number) {
  await page.evaluate(
    ([n, from, to]) => {
      const para = document.querySelectorAll('[data-testid="clean-text"] p')[n]!;
      const text = para.querySelector('span')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, to);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    },
    [n, from, to] as const,
  );
}

// ---------------------------------------------------------------------------
// Screenshots

/** Saves a full-page PNG to test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

// ---------------------------------------------------------------------------
// axe

const AXE_SOURCE_PATH = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page and returns its violations.
 *
 * How axe gets into a page whose CSP allows only hashed scripts (tried):
 * - `page.addScriptTag({ content })` adds an inline <script> whose hash is
 *   not in `script-src`: Chromium refuses it ("Executing inline script
 *   violates the following Content Security Policy directive 'script-src
 *   'sha256-…''"), addScriptTag throws and `window.axe` stays undefined.
 * - `bypassCSP: true` on the context works, but then the page under test is
 *   not the page users get: its policy is switched off.
 * - `page.evaluate(source)` works with the policy ON: Playwright evaluates
 *   through the DevTools protocol (Runtime.evaluate), which CSP does not
 *   govern (it is the debugger, not page script). We use that; the CSP test
 *   checks the policy is still enforced in the same kind of page.
 * axe.min.js is a UMD bundle: evaluated as a plain script (no module, no
 * AMD define) it sets `window.axe`.
 */
export async function runAxe(page: Page, options: { include?: string } = {}): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(AXE_SOURCE_PATH, 'utf8');
  const loaded = (await page.evaluate('typeof window.axe')) === 'object' ? 'object' : await page.evaluate(`${axeSource}\n;typeof window.axe`);
  if (loaded !== 'object') throw new Error(`e2e: axe-core did not load in the page (window.axe is ${String(loaded)})`);
  return page.evaluate(async (include) => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<Result> } }).axe;
    const result = await axe.run(include ? { include: [include] } : document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, options.include);
}

/** Violations of serious or critical impact, formatted for an assertion message. */
export function seriousViolations(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 5).join(', ')}`);
}
