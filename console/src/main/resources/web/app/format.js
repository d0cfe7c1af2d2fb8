// Numbers, money and times as business users read them (British English by default).

const LOCALE = 'en-GB';
const integers = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const currencies = new Map();

export function integer(value) {
  return integers.format(value ?? 0);
}

export function decimal(value) {
  return decimals.format(value ?? 0);
}

export function percent(value) {
  return new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 1 }).format(value);
}

function currencyFormat(code) {
  if (!currencies.has(code)) {
    try {
      currencies.set(code, new Intl.NumberFormat(LOCALE, { style: 'currency', currency: code }));
    } catch {
      currencies.set(code, { format: (amount) => `${decimals.format(amount)} ${code}` });
    }
  }
  return currencies.get(code);
}

export function money(amount, code) {
  return currencyFormat(code).format(Number(amount ?? 0));
}

/**
 * Revenue by currency ({GBP: 12.5, USD: 3}) as one line: the main currency first, others after a plus. Amounts in
 * different currencies are never added up.
 */
export function revenue(byCurrency, main) {
  const entries = Object.entries(byCurrency || {});
  if (entries.length === 0) return money(0, main);
  entries.sort(([a], [b]) => (a === main ? -1 : b === main ? 1 : a.localeCompare(b)));
  return entries.map(([code, amount]) => money(amount, code)).join(' + ');
}

export function amountIn(byCurrency, code) {
  return Number((byCurrency || {})[code] ?? 0);
}

export function time(iso, zone) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: zone })
    .format(new Date(iso));
}

export function hour(iso, zone) {
  return new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
}

export function dateTime(iso, zone) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone })
    .format(new Date(iso));
}

/** 1500 → "1.5 s", 125000 → "2 min" */
export function duration(milliseconds) {
  if (milliseconds === null || milliseconds === undefined || milliseconds < 0) return 'unknown';
  if (milliseconds < 1000) return `${integer(milliseconds)} ms`;
  if (milliseconds < 60000) return `${decimal(milliseconds / 1000)} s`;
  if (milliseconds < 3600000) return `${integer(milliseconds / 60000)} min`;
  return `${decimal(milliseconds / 3600000)} h`;
}

/** The first 8 characters of a pseudonymous id, for tables; the full id stays in links and titles. */
export function shortId(id) {
  return id ? String(id).slice(0, 8) : '—';
}
