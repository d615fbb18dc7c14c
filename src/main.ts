import { mount } from 'svelte';
import corpus from 'virtual:refrain-corpus';
import { ReadingState } from './state/reading-state.svelte.ts';
import App from './ui/App.svelte';
import './ui/theme.css';
import { AnalysisClient } from './worker/client.ts';
import { toAnalysisDocs } from './worker/protocol.ts';

const analysis = new AnalysisClient();
// The worker starts analysing while the reading state opens and the first view renders.
void analysis.request('load', { corpusId: corpus.id, docs: toAnalysisDocs(corpus.documents) });

// Never throws: without IndexedDB it runs in memory and says so in its status.
const reading = await ReadingState.open({ corpusId: corpus.id });

mount(App, { target: document.getElementById('app')!, props: { corpus, analysis, reading } });
