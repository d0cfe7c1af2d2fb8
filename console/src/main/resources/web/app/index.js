// The console's entry point (the Web Bundler bundles from this file): the page shell — who is signed in, the
// navigation their roles allow, and the current screen. Screens load on demand from ./screens/.
import './styles.css';
import { startShell } from './shell.js';

startShell();
