// Operations (connector operators, administrators): the ingestion sources' state, lag, throughput and dead
// letters, and identity resolution's review queue of probable matches.
import { api } from '../api.js';
import { h, notice, replace, table } from '../dom.js';
import * as format from '../format.js';

const REFRESH_MILLISECONDS = 10000;

export default {
  async mount(container, context) {
    const { session, announce } = context;
    const can = (capability) => session.capabilities.includes(capability);
    const seesCustomers = session.screens.some((screen) => screen.id === 'customers');
    const sources = h('div', { id: 'sources' });
    const deadLetters = h('div', { id: 'dead-letters' });
    const reviews = h('div', { id: 'reviews' });
    const refreshed = h('span');

    replace(container,
      h('div', { className: 'screen-header' },
        h('h1', {}, 'Operations'),
        h('p', { className: 'live-bar' }, 'Sources refresh every 10 seconds · ', refreshed)),
      h('section', { 'aria-labelledby': 'sources-heading', className: 'panel' },
        h('h2', { id: 'sources-heading' }, 'Sources'), sources, deadLetters),
      h('section', { 'aria-labelledby': 'reviews-heading', className: 'panel' },
        h('h2', { id: 'reviews-heading' }, 'Identity review queue'), reviews));

    async function loadSources() {
      try {
        const list = await api.get('/api/console/operations/sources');
        replace(sources, table(`${list.length} sources`, ['Source', 'Kind', 'State', { label: 'Lag', numeric: true },
          { label: 'Events/s', numeric: true }, { label: 'Events', numeric: true },
          { label: 'Dead letters', numeric: true }, { label: 'Errors', numeric: true }, 'Last event', 'Last error'],
        list.map((source) => h('tr', { dataset: { source: source.id } },
          h('th', { scope: 'row' }, h('span', { className: 'source-id' }, source.id),
            source.description ? h('span', { className: 'secondary-text' }, source.description) : null),
          h('td', {}, source.kind),
          h('td', {}, badge(source.state), source.desiredState === 'PAUSED' && source.state !== 'PAUSED' ? ' (pausing)' : null),
          h('td', { className: 'numeric' }, format.duration(source.lagMillis)),
          h('td', { className: 'numeric' }, format.decimal(source.eventsPerSecond)),
          h('td', { className: 'numeric' }, format.integer(source.events)),
          h('td', { className: 'numeric' }, source.deadLetters > 0
            ? h('button', { type: 'button', className: 'link', onClick: () => showDeadLetters(source.id),
              'aria-label': `${format.integer(source.deadLetters)} dead letters of ${source.id}: show the newest` },
            format.integer(source.deadLetters))
            : '0'),
          h('td', { className: 'numeric' }, format.integer(source.errors)),
          h('td', {}, format.dateTime(source.lastEventAt)),
          h('td', { className: 'error-text' }, source.lastError ?? '')))));
        refreshed.textContent = `updated ${format.time(new Date().toISOString())}`;
      } catch (error) {
        replace(sources, notice('error', error.message));
      }
    }

    async function showDeadLetters(sourceId) {
      replace(deadLetters, h('p', {}, 'Loading…'));
      try {
        const letters = await api.get(`/api/console/operations/sources/${encodeURIComponent(sourceId)}/dead-letters?limit=20`);
        const heading = h('h3', { tabindex: '-1' }, `Newest dead letters of ${sourceId}`);
        replace(deadLetters, heading,
          h('p', { className: 'secondary-text' }, 'Where and why each was refused; the rejected input itself may hold personal data and is not shown.'),
          table(`Dead letters of ${sourceId}`, ['Failed at', 'Position', 'Reason', 'Problems'],
            letters.map((letter) => h('tr', {},
              h('td', {}, format.dateTime(letter.failedAt)),
              h('td', {}, letter.position ?? '—'),
              h('td', {}, letter.reason ?? '—'),
              h('td', {}, letter.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '))))),
          h('button', { type: 'button', className: 'secondary', onClick: () => replace(deadLetters) }, 'Close'));
        heading.focus();
      } catch (error) {
        replace(deadLetters, notice('error', error.message));
      }
    }

    async function loadReviews() {
      if (!can('read-reviews')) {
        replace(reviews, notice('info', 'Identity resolution shows its review queue to administrators, privacy ',
          'officers and marketers; your role cannot see it.'));
        return;
      }
      try {
        const items = await api.get('/api/console/operations/reviews?limit=50');
        if (items.length === 0) {
          replace(reviews, notice('info', 'No probable matches wait for review.'));
          return;
        }
        const decide = can('decide-reviews');
        replace(reviews, table(`${items.length} open review items`, ['Proposed link', { label: 'Probability', numeric: true },
          'Evidence', 'Proposed', decide ? 'Decision' : null].filter(Boolean),
        items.map((item) => h('tr', { dataset: { review: item.id } },
          h('th', { scope: 'row' }, profileLink(item.leftProfile), ' and ', profileLink(item.rightProfile)),
          h('td', { className: 'numeric' }, format.percent(item.probability)),
          h('td', {}, item.evidence.map((evidence) => `${evidence.field}: ${evidence.level}`).join(', ')),
          h('td', {}, format.dateTime(item.createdAt)),
          decide ? h('td', {},
            h('button', { type: 'button', onClick: () => decideReview(item, 'accept'),
              'aria-label': `Accept: link profiles ${format.shortId(item.leftProfile)} and ${format.shortId(item.rightProfile)}` }, 'Link'),
            ' ',
            h('button', { type: 'button', className: 'secondary', onClick: () => decideReview(item, 'reject'),
              'aria-label': `Reject: keep profiles ${format.shortId(item.leftProfile)} and ${format.shortId(item.rightProfile)} apart` }, 'Keep apart'))
            : null))));
      } catch (error) {
        replace(reviews, notice('error', error.message));
      }
    }

    async function decideReview(item, decision) {
      try {
        await api.post(`/api/console/operations/reviews/${item.id}/${decision}`);
        announce(decision === 'accept' ? 'Profiles linked' : 'Profiles kept apart');
        await loadReviews();
      } catch (error) {
        replace(reviews, notice('error', error.message));
      }
    }

    function profileLink(id) {
      const text = format.shortId(id);
      return seesCustomers ? h('a', { href: `#/customers/${id}`, title: id }, text) : h('span', { title: id }, text);
    }

    await Promise.all([loadSources(), loadReviews()]);
    const timer = window.setInterval(loadSources, REFRESH_MILLISECONDS);
    return () => window.clearInterval(timer);
  },
};

function badge(state) {
  // The ingestion service's SourceState values.
  const kind = { RUNNING: 'good', STARTING: 'neutral', PAUSED: 'neutral', STANDBY: 'neutral', RETRYING: 'warning',
    FAILING: 'bad', INVALID: 'bad' }[state] ?? 'neutral';
  return h('span', { className: `badge badge-${kind}` }, state);
}
