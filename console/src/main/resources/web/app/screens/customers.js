// Customers: find a customer by an identifier, and a customer's page from the profile API — masked, unless the
// user's role may reveal personal data and states a purpose (the profile store records it with the user's name).
import { api } from '../api.js';
import { h, notice, replace, table } from '../dom.js';
import * as format from '../format.js';

// value: what the select sends; type and namespace: the identifier the profile store is asked for.
const IDENTIFIER_TYPES = [
  { value: 'email', label: 'E-mail address', type: 'email' },
  { value: 'phone', label: 'Phone number', type: 'phone' },
  { value: 'loyalty_card', label: 'Loyalty card number', type: 'loyalty_card' },
  { value: 'user_id', label: 'Web shop customer number', type: 'user_id', namespace: 'shop' },
  { value: 'pos_member', label: 'Store loyalty member number', type: 'user_id', namespace: 'pos' },
  { value: 'profile', label: 'Profile id' },
];

const PURPOSES = [
  'Answering the customer\'s own request',
  'Data subject access request',
  'Investigating a complaint',
  'Fraud investigation',
];

export default {
  async mount(container, context) {
    const [profileId] = context.route.segments;
    if (profileId) {
      await showProfile(container, context, profileId);
    } else {
      showSearch(container, context);
    }
    return () => {};
  },
};

function showSearch(container, { navigate }) {
  const type = h('select', { id: 'identifier-type', name: 'type' },
    IDENTIFIER_TYPES.map((option) => h('option', { value: option.value }, option.label)));
  const value = h('input', { id: 'identifier-value', name: 'value', type: 'text', required: true, autocomplete: 'off',
    'aria-describedby': 'identifier-help' });
  const result = h('div', { id: 'search-result', 'aria-live': 'polite' });
  const form = h('form', { className: 'search-form', novalidate: true },
    h('div', { className: 'field' }, h('label', { for: 'identifier-type' }, 'Find by'), type),
    h('div', { className: 'field' }, h('label', { for: 'identifier-value' }, 'Value'), value),
    h('button', { type: 'submit' }, 'Find customer'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = value.value.trim();
    if (!text) {
      replace(result, notice('error', 'Type the value to look for.'));
      value.focus();
      return;
    }
    if (type.value === 'profile') {
      navigate(`customers/${encodeURIComponent(text)}`);
      return;
    }
    replace(result, h('p', {}, 'Looking…'));
    try {
      const chosen = IDENTIFIER_TYPES.find((option) => option.value === type.value);
      const profile = await api.post('/api/console/customers/lookup',
        { type: chosen.type, namespace: chosen.namespace, value: text });
      navigate(`customers/${encodeURIComponent(profile.profileId)}`);
    } catch (error) {
      replace(result, notice(error.status === 404 ? 'info' : 'error',
        error.status === 404 ? 'No customer has this identifier.' : error.message));
    }
  });
  replace(container,
    h('h1', {}, 'Customers'),
    h('section', { className: 'panel', 'aria-labelledby': 'search-heading' },
      h('h2', { id: 'search-heading' }, 'Find a customer'),
      h('p', { id: 'identifier-help', className: 'secondary-text' },
        'The value is sent in the request body, never in the address bar, and is not kept. The customer page shows ',
        'pseudonymous ids; personal data stays masked unless your role may reveal it.'),
      form, result));
}

async function showProfile(container, context, profileId, revealed = null) {
  const { session, announce } = context;
  replace(container, h('h1', {}, `Customer ${format.shortId(profileId)}`), h('p', {}, 'Loading…'));
  let profile;
  try {
    profile = revealed?.profile ?? await api.get(`/api/console/customers/${encodeURIComponent(profileId)}`);
  } catch (error) {
    replace(container, h('h1', {}, `Customer ${format.shortId(profileId)}`),
      notice(error.status === 404 ? 'info' : 'error', error.status === 404 ? 'No customer has this profile id.' : error.message),
      h('p', {}, h('a', { href: '#/customers' }, 'Find another customer')));
    return;
  }
  const canReveal = session.capabilities.includes('reveal-personal-data');
  const disclosure = profile.pii === 'revealed'
    ? notice('warning', h('strong', {}, 'Personal data revealed'), ` for: ${revealed?.purpose ?? 'a stated purpose'}. `,
      'This was recorded with your name. It is shown on this page only; reload to mask it again.')
    : notice('info', 'Personal data is masked.',
      canReveal ? ' To see it, state why below: the reason is recorded with your name.' : ' Your role cannot reveal it.');
  replace(container,
    h('div', { className: 'screen-header' },
      h('h1', {}, `Customer ${format.shortId(profile.profileId)}`),
      h('p', { className: 'secondary-text' }, h('a', { href: '#/customers' }, 'Find another customer'))),
    h('p', { className: 'profile-id' }, 'Profile id ', h('code', {}, profile.profileId),
      profile.requestedId && profile.requestedId !== profile.profileId ? ` (merged from ${profile.requestedId})` : null),
    disclosure,
    profile.erased ? notice('warning', 'This customer was erased: their personal data can no longer be decrypted.') : null,
    summary(profile),
    h('div', { className: 'columns' },
      h('section', { className: 'panel', 'aria-labelledby': 'traits-heading' },
        h('h2', { id: 'traits-heading' }, 'Traits'), traitsTable(profile)),
      h('section', { className: 'panel', 'aria-labelledby': 'identifiers-heading' },
        h('h2', { id: 'identifiers-heading' }, 'Identifiers'), identifiersTable(profile))),
    h('section', { className: 'panel', 'aria-labelledby': 'events-heading' },
      h('h2', { id: 'events-heading' }, 'Recent events'), eventsTable(profile)),
    canReveal && profile.pii !== 'revealed' ? revealForm(container, context, profile.profileId) : null);
  if (revealed) announce('Personal data revealed');
}

function summary(profile) {
  const items = [
    ['Status', profile.status],
    ['First seen', format.dateTime(profile.firstSeenAt)],
    ['Last seen', format.dateTime(profile.lastSeenAt)],
    ['Events', format.integer(profile.eventCount)],
    ['Orders', format.integer(profile.orderCount)],
    ['Lifetime revenue', format.decimal(profile.lifetimeRevenue ?? 0)],
    ['Last order', format.dateTime(profile.lastOrderAt)],
  ];
  return h('dl', { className: 'summary', id: 'customer-summary' },
    items.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value ?? '—'))));
}

function flatten(value, prefix = '', rows = []) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, nested] of Object.entries(value)) flatten(nested, prefix ? `${prefix}.${key}` : key, rows);
  } else {
    rows.push([prefix, Array.isArray(value) ? value.join(', ') : value]);
  }
  return rows;
}

function traitsTable(profile) {
  const rows = flatten(profile.traits ?? {});
  if (rows.length === 0) return notice('info', 'No traits yet.');
  return table('Traits', ['Trait', 'Value'], rows.map(([trait, value]) =>
    h('tr', { dataset: { trait } }, h('th', { scope: 'row' }, trait), h('td', { dataset: { field: 'value' } }, shown(value)))));
}

/** A masked value (bullets) reads "masked" to screen readers. */
function shown(value) {
  if (value === null || value === undefined) return '—';
  const text = String(value);
  return /^[•*]+$/.test(text) ? h('span', { 'aria-label': 'masked', title: 'masked' }, text) : text;
}

function identifiersTable(profile) {
  const identifiers = profile.identifiers ?? [];
  if (identifiers.length === 0) return notice('info', 'No identifiers.');
  return table('Identifiers (values are never shown: personal ones are kept as blind indexes)',
    ['Type', 'Namespace', 'Source', 'First seen', 'Last seen'],
    identifiers.map((identifier) => h('tr', {},
      h('th', { scope: 'row' }, identifier.type),
      h('td', {}, identifier.namespace),
      h('td', {}, identifier.sourceId ?? '—'),
      h('td', {}, format.dateTime(identifier.firstSeenAt)),
      h('td', {}, format.dateTime(identifier.lastSeenAt)))));
}

function eventsTable(profile) {
  const events = profile.recentEvents ?? [];
  if (events.length === 0) return notice('info', 'No recent events.');
  return table('Recent events', ['When', 'Event', 'Source', 'Details'], events.map((event) => h('tr', {},
    h('td', {}, format.dateTime(event.occurredAt)),
    h('th', { scope: 'row' }, event.name ?? event.type),
    h('td', {}, event.sourceId ?? '—'),
    h('td', { className: 'details' }, describe(event.properties)))));
}

function describe(properties) {
  if (!properties) return '';
  const parts = [];
  for (const key of ['order_id', 'product_id', 'name', 'category', 'revenue', 'total', 'currency', 'path', 'purpose']) {
    if (properties[key] !== undefined && properties[key] !== null && typeof properties[key] !== 'object') {
      parts.push(`${key}: ${properties[key]}`);
    }
  }
  if (Array.isArray(properties.products)) {
    parts.push(`${properties.products.length} ${properties.products.length === 1 ? 'product' : 'products'}`);
  }
  return parts.join(' · ');
}

function revealForm(container, context, profileId) {
  const choice = h('select', { id: 'reveal-purpose-choice' },
    h('option', { value: '' }, 'Choose a purpose…'),
    PURPOSES.map((purpose) => h('option', { value: purpose }, purpose)),
    h('option', { value: 'other' }, 'Another purpose (describe it)'));
  const other = h('input', { id: 'reveal-purpose-other', type: 'text', maxlength: '200', autocomplete: 'off' });
  const otherField = h('div', { className: 'field', hidden: true },
    h('label', { for: 'reveal-purpose-other' }, 'Describe the purpose'), other);
  const problem = h('div', { 'aria-live': 'assertive' });
  choice.addEventListener('change', () => { otherField.hidden = choice.value !== 'other'; });
  const form = h('form', { className: 'reveal-form', novalidate: true },
    h('div', { className: 'field' }, h('label', { for: 'reveal-purpose-choice' }, 'Why do you need the personal data?'), choice),
    otherField,
    h('button', { type: 'submit' }, 'Reveal personal data'),
    problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const purpose = choice.value === 'other' ? other.value.trim() : choice.value;
    if (!purpose) {
      replace(problem, notice('error', 'Choose or describe the purpose first.'));
      choice.focus();
      return;
    }
    try {
      const profile = await api.post(`/api/console/customers/${encodeURIComponent(profileId)}/reveal`, { purpose });
      await showProfile(container, context, profileId, { profile, purpose });
      const heading = container.querySelector('h1');
      heading?.setAttribute('tabindex', '-1');
      heading?.focus();
    } catch (error) {
      replace(problem, notice('error', error.message));
    }
  });
  return h('section', { className: 'panel', 'aria-labelledby': 'reveal-heading' },
    h('h2', { id: 'reveal-heading' }, 'Reveal personal data'),
    h('p', { className: 'secondary-text' }, 'The profile store decrypts this customer\'s personal data for you once, and ',
      'records your name, the time and the purpose.'),
    form);
}
