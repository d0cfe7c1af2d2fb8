import { api, ApiError } from './api.js';
import { h, notice, replace } from './dom.js';
import { SCREENS } from './screens/index.js';

const main = () => document.getElementById('main');

/** Screens are addressed by the hash: #/<screen id>/<more>?<query>, so a link reproduces a view. */
export function parseRoute(hash) {
  const [path, query = ''] = (hash || '').replace(/^#\/?/, '').split('?');
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { screen: segments[0] ?? '', segments: segments.slice(1), query: new URLSearchParams(query) };
}

export function navigate(path) {
  window.location.hash = `#/${path}`;
}

/** Says something to screen-reader users (polite: after what they are hearing). */
export function announce(text) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  window.setTimeout(() => { announcer.textContent = text; }, 50);
}

export async function startShell() {
  // The skip link moves focus to the content without touching the address (the hash holds the screen).
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    main().focus();
  });
  let session;
  try {
    session = await api.get('/api/console/session');
  } catch (error) {
    replace(main(), notice('error', `The console cannot start: ${error.message}`));
    return;
  }
  document.getElementById('user-name').textContent = `${session.name} (${session.roles.join(', ') || 'no console role'})`;
  renderNavigation(session);
  let unmount = null;
  let first = true;
  const show = async () => {
    if (window.location.hash && !window.location.hash.startsWith('#/')) return; // an in-page anchor, not a screen
    const route = parseRoute(window.location.hash);
    if (!route.screen) {
      if (session.home) {
        window.location.replace(`#/${session.home}`);
      } else {
        replace(main(), h('h1', {}, 'Welcome'), notice('info',
          'Your account holds no console role. Ask an administrator for one of: sales-manager, marketer, analyst, ',
          'privacy-officer, connector-operator.'));
      }
      return;
    }
    if (unmount) {
      try { unmount(); } catch { /* a screen's clean-up must not block the next one */ }
      unmount = null;
    }
    markCurrent(route.screen);
    const entry = session.screens.find((screen) => screen.id === route.screen);
    const container = h('div', { className: 'screen', dataset: { screen: route.screen } });
    replace(main(), container);
    if (!entry) {
      const planned = session.planned.find((screen) => screen.id === route.screen);
      document.title = 'Not available · MonsterMart CDP console';
      replace(container, h('h1', {}, planned ? planned.title : 'Not available'), notice('info', planned
        ? 'This screen is not built yet.'
        : 'This screen does not exist or is not available for your role.'));
    } else {
      document.title = `${entry.title} · MonsterMart CDP console`;
      try {
        const screen = (await SCREENS[entry.id]()).default;
        unmount = await screen.mount(container, { session, route, navigate, announce });
      } catch (error) {
        const message = error instanceof ApiError ? error.message : `The screen failed: ${error.message}`;
        container.append(notice('error', message));
      }
    }
    if (!first) {
      // Keyboard and screen-reader users land on the new screen's heading.
      const heading = container.querySelector('h1');
      if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus();
      }
    }
    first = false;
  };
  window.addEventListener('hashchange', show);
  await show();
}

function renderNavigation(session) {
  const list = document.getElementById('navigation');
  replace(list, session.screens.map((screen) =>
    h('li', {}, h('a', { href: `#/${screen.id}`, dataset: { screen: screen.id } }, screen.title))));
}

function markCurrent(screenId) {
  for (const link of document.querySelectorAll('#navigation a')) {
    if (link.dataset.screen === screenId) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}
