/** Renderer entry: loads the global styles and mounts the app. */
// First, before the app's modules run: the main process answers while the page builds its first render.
import './lib/send-window-start';
import { mount } from 'svelte';
import './styles/global.css';
import './styles/controls.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('The #app element is missing from index.html.');

export default mount(App, { target });
