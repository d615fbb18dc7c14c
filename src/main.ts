import { mount } from 'svelte';
import corpus from 'virtual:refrain-corpus';
import { openEdition } from './edition/open.ts';
import { carryNotes, idbSeriesIndex } from './edition/series.ts';
import { takeEditionFromPage } from './edition/page.ts';
import { ANALYSIS_ENGINE_VERSION } from './reuse/version.ts';
import { ReadingStore } from './state/store.ts';
import { parseHash } from './state/url.ts';
import { EditionSession } from './ui/edition/edition.svelte.ts';
import EditionRoot from './ui/edition/EditionRoot.svelte';
import { Corpora } from './ui/shell/corpora.svelte.ts';
import { router } from './ui/shell/router.svelte.ts';
import './ui/theme.css';
import { AnalysisClient } from './worker/client.ts';

// First, before anything mounts: read a teacher's edition carried by this file, and
// keep the app's own HTML (without it) to write new editions from (src/edition/page.ts).
const page = takeEditionFromPage();
const opened = page.edition ? openEdition(page.edition, page.analysis, ANALYSIS_ENGINE_VERSION) : null;

const analysis = new AnalysisClient();
// Loads the default corpus (the bundled one, or the edition's) into the worker at once, then
// opens storage (reading state, the user's own corpora) and returns to the corpus open last
// time, except in an edition, which opens on its own corpus. Never throws: without IndexedDB
// it runs in memory and says so in its status.
const corpora = new Corpora(opened?.corpus ?? corpus, analysis, opened ? { defaultAnalysis: opened.analysisBytes, restoreLast: false } : {});
await corpora.start();

// A student's own notes from an earlier file of this reading set whose texts differ (a corrected file): brought across.
const carried =
  opened?.series && corpora.isBundled
    ? await carryNotes({ series: opened.series, corpus: opened.corpus, target: corpora.reading.store, index: idbSeriesIndex(), open: (corpusId) => ReadingStore.open({ corpusId }) })
    : null;

// An edition opened without a link to a view: the view the teacher chose.
if (opened?.opening && location.hash.replace(/^#\/?$/, '') === '') router.replace(parseHash(opened.opening).view);

mount(EditionRoot, { target: document.getElementById('app')!, props: { corpora, edition: new EditionSession(page, opened, carried) } });
