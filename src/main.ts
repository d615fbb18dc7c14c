import { mount } from 'svelte';
import corpus from 'virtual:refrain-corpus';
import CorpusRoot from './ui/import/CorpusRoot.svelte';
import { Corpora } from './ui/shell/corpora.svelte.ts';
import './ui/theme.css';
import { AnalysisClient } from './worker/client.ts';

const analysis = new AnalysisClient();
// Loads the bundled corpus into the worker at once, then opens storage (reading
// state, the user's own corpora) and returns to the corpus open last time.
// Never throws: without IndexedDB it runs in memory and says so in its status.
const corpora = new Corpora(corpus, analysis);
await corpora.start();

mount(CorpusRoot, { target: document.getElementById('app')!, props: { corpora } });
