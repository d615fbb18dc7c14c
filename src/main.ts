import { mount } from 'svelte';
import corpus from 'virtual:refrain-corpus';
import App from './ui/App.svelte';
import './ui/theme.css';
import { AnalysisClient } from './worker/client.ts';
import { toAnalysisDocs } from './worker/protocol.ts';

const analysis = new AnalysisClient();
// The worker starts analysing while the first view renders.
void analysis.request('load', { corpusId: corpus.id, docs: toAnalysisDocs(corpus.documents) });

mount(App, { target: document.getElementById('app')!, props: { corpus, analysis } });
