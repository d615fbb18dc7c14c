import { mount } from 'svelte';
import App from './ui/App.svelte';
import corpus from 'virtual:refrain-corpus';
import './ui/theme.css';

mount(App, { target: document.getElementById('app')!, props: { corpus } });
