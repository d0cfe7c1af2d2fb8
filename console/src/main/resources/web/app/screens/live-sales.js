// Live sales: sales per product and category, last hour and today, pushed by the server (server-sent events) from
// the Kafka Streams aggregate of completed orders.
import { createChart } from './charts.js';
import { h, notice, replace, table } from '../dom.js';
import * as format from '../format.js';
import { api } from '../api.js';

const STATUS_TEXT = {
  RUNNING: 'Live',
  REBALANCING: 'Catching up: figures may be incomplete for a moment',
  STARTING: 'Starting: waiting for resolved events',
  FAILED: 'The live aggregate stopped; see the console log',
  DISABLED: 'Live sales are switched off on this console',
};
const TOP_IN_CHARTS = 10;

export default {
  async mount(container) {
    let paused = false;
    let latest = null;
    let firstData = true;
    let source = null;
    let retry = null;

    const statusText = h('span', { className: 'live-status' }, 'Connecting…');
    const updatedText = h('span', { className: 'updated' });
    const pause = h('button', { type: 'button', className: 'secondary', 'aria-pressed': 'false' }, 'Pause updates');
    const tiles = h('div', { className: 'tiles', id: 'live-sales-tiles' });
    const hoursChart = h('div', { className: 'chart' });
    const productsChart = h('div', { className: 'chart chart-tall' });
    const categoriesChart = h('div', { className: 'chart chart-tall' });
    const hoursTable = h('div');
    const productsTable = h('div');
    const categoriesTable = h('div');
    const lastHourTable = h('div');
    const filter = h('input', { id: 'last-hour-filter', type: 'search', autocomplete: 'off' });
    const problems = h('div');

    replace(container,
      h('div', { className: 'screen-header' },
        h('h1', {}, 'Live sales'),
        h('p', { className: 'live-bar' }, statusText, ' · ', updatedText, ' ', pause)),
      problems,
      h('section', { 'aria-labelledby': 'totals-heading' },
        h('h2', { id: 'totals-heading', className: 'visually-hidden' }, 'Totals'), tiles),
      h('section', { 'aria-labelledby': 'hours-heading', className: 'panel' },
        h('h2', { id: 'hours-heading' }, 'Revenue by hour: today and yesterday'), hoursChart,
        h('details', {}, h('summary', {}, 'Show as a table'), hoursTable)),
      h('div', { className: 'columns' },
        h('section', { 'aria-labelledby': 'products-heading', className: 'panel' },
          h('h2', { id: 'products-heading' }, 'Best-selling products today'), productsChart, productsTable),
        h('section', { 'aria-labelledby': 'categories-heading', className: 'panel' },
          h('h2', { id: 'categories-heading' }, 'Categories today'), categoriesChart, categoriesTable)),
      h('section', { 'aria-labelledby': 'last-hour-heading', className: 'panel' },
        h('h2', { id: 'last-hour-heading' }, 'Products sold in the last hour'),
        h('p', { className: 'filter' }, h('label', { for: 'last-hour-filter' }, 'Filter by product, SKU, category or brand'), ' ', filter),
        lastHourTable));

    const charts = {
      hours: createChart(hoursChart, 'Revenue by hour today compared with yesterday'),
      products: createChart(productsChart, 'Revenue of the best-selling products today'),
      categories: createChart(categoriesChart, 'Revenue by category today'),
    };

    pause.addEventListener('click', () => {
      paused = !paused;
      pause.setAttribute('aria-pressed', String(paused));
      pause.textContent = paused ? 'Resume updates' : 'Pause updates';
      if (!paused && latest) render(latest);
    });
    filter.addEventListener('input', () => latest && renderLastHour(latest));

    function render(snapshot) {
      latest = snapshot;
      statusText.textContent = STATUS_TEXT[snapshot.status] ?? snapshot.status;
      statusText.dataset.status = snapshot.status;
      updatedText.textContent = `updated ${format.time(snapshot.asOf, snapshot.zone)} (${snapshot.zone})`;
      if (paused) return;
      renderTiles(snapshot);
      renderHours(snapshot);
      renderProducts(snapshot);
      renderCategories(snapshot);
      renderLastHour(snapshot);
      if (firstData) {
        firstData = false;
        performance.mark('console:live-sales-first-data');
      }
    }

    function renderTiles(snapshot) {
      const { today, lastHour, yesterdaySoFar, currency } = snapshot;
      const todayMain = format.amountIn(today.totals.revenue, currency);
      const yesterdayMain = format.amountIn(yesterdaySoFar.revenue, currency);
      const change = yesterdayMain > 0 ? (todayMain - yesterdayMain) / yesterdayMain : null;
      replace(tiles,
        tile('revenue-today', 'Revenue today', format.revenue(today.totals.revenue, currency),
          `${format.money(yesterdayMain, currency)} by this time yesterday${change === null ? '' : ` (${change >= 0 ? '+' : ''}${format.percent(change)})`}`),
        tile('orders-today', 'Orders today', format.integer(today.totals.orders),
          `${format.integer(yesterdaySoFar.orders)} by this time yesterday`),
        tile('units-today', 'Units sold today', format.integer(today.totals.units), `${format.integer(today.productCount)} products`),
        tile('revenue-last-hour', 'Revenue in the last hour', format.revenue(lastHour.totals.revenue, currency),
          `${format.integer(lastHour.totals.orders)} orders, ${format.integer(lastHour.totals.units)} units`));
    }

    function renderHours(snapshot) {
      const { currency, zone } = snapshot;
      const labels = snapshot.yesterdayByHour.map((entry) => format.hour(entry.hour, zone));
      const today = snapshot.todayByHour.map((entry) => format.amountIn(entry.revenue, currency));
      const yesterday = snapshot.yesterdayByHour.map((entry) => format.amountIn(entry.revenue, currency));
      charts.hours.update({
        tooltip: { trigger: 'axis' },
        legend: { data: ['Today', 'Yesterday'], top: 0, right: 16 },
        grid: { left: 64, right: 16, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', name: currency },
        series: [
          { name: 'Today', type: 'bar', data: today },
          { name: 'Yesterday', type: 'line', data: yesterday },
        ],
      });
      replace(hoursTable, table(`Revenue in ${currency} by hour`, ['Hour', { label: 'Orders today', numeric: true },
        { label: 'Revenue today', numeric: true }, { label: 'Orders yesterday', numeric: true },
        { label: 'Revenue yesterday', numeric: true }],
      snapshot.yesterdayByHour.map((entry, index) => {
        const todays = snapshot.todayByHour[index];
        return h('tr', {},
          h('th', { scope: 'row' }, format.hour(entry.hour, zone)),
          h('td', { className: 'numeric' }, todays ? format.integer(todays.orders) : '—'),
          h('td', { className: 'numeric' }, todays ? format.revenue(todays.revenue, currency) : '—'),
          h('td', { className: 'numeric' }, format.integer(entry.orders)),
          h('td', { className: 'numeric' }, format.revenue(entry.revenue, currency)));
      })));
    }

    function renderProducts(snapshot) {
      const { currency } = snapshot;
      const products = snapshot.today.products;
      const top = products.slice(0, TOP_IN_CHARTS).reverse();
      charts.products.update({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 160, right: 24, top: 8, bottom: 24 },
        xAxis: { type: 'value', name: currency },
        yAxis: { type: 'category', data: top.map(productLabel), axisLabel: { width: 150, overflow: 'truncate' } },
        series: [{ name: 'Revenue', type: 'bar', data: top.map((product) => format.amountIn(product.revenue, currency)) }],
      });
      replace(productsTable, productTable(`Best-selling products today (${format.integer(snapshot.today.productCount)} sold)`,
        products, currency, 'today-products'));
    }

    function renderCategories(snapshot) {
      const { currency } = snapshot;
      const categories = snapshot.today.categories;
      const top = categories.slice(0, TOP_IN_CHARTS).reverse();
      charts.categories.update({
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 160, right: 24, top: 8, bottom: 24 },
        xAxis: { type: 'value', name: currency },
        yAxis: { type: 'category', data: top.map((category) => category.category), axisLabel: { width: 150, overflow: 'truncate' } },
        series: [{ name: 'Revenue', type: 'bar', data: top.map((category) => format.amountIn(category.revenue, currency)) }],
      });
      replace(categoriesTable, table('Categories today', ['Category', { label: 'Products', numeric: true },
        { label: 'Units', numeric: true }, { label: 'Revenue', numeric: true }],
      categories.map((category) => h('tr', { dataset: { category: category.category } },
        h('th', { scope: 'row' }, category.category),
        h('td', { className: 'numeric' }, format.integer(category.products)),
        h('td', { className: 'numeric', dataset: { field: 'units' } }, format.integer(category.units)),
        h('td', { className: 'numeric', dataset: { field: 'revenue' } }, format.revenue(category.revenue, currency))))));
    }

    function renderLastHour(snapshot) {
      const words = filter.value.trim().toLowerCase();
      const products = snapshot.lastHour.products.filter((product) => !words
        || [product.productKey, product.name, product.category, product.brand]
          .some((field) => field && field.toLowerCase().includes(words)));
      replace(lastHourTable,
        products.length === 0 && !words
          ? notice('info', 'No sales in the last hour.')
          : productTable(`Products sold in the last hour (${format.integer(products.length)} shown)`, products,
            snapshot.currency, 'last-hour-products'));
    }

    function connect() {
      source = new EventSource('/api/console/live-sales/stream');
      source.onmessage = (event) => {
        replace(problems);
        render(JSON.parse(event.data));
      };
      source.onerror = async () => {
        if (source.readyState !== EventSource.CLOSED) {
          statusText.textContent = 'Reconnecting…';
          return;
        }
        source.close();
        statusText.textContent = 'Disconnected: retrying in a few seconds';
        try {
          await api.get('/api/console/session'); // reloads the page to sign in again if the session has ended
        } catch (error) {
          replace(problems, notice('error', error.message));
        }
        retry = window.setTimeout(connect, 3000);
      };
    }

    connect();
    return () => {
      window.clearTimeout(retry);
      if (source) source.close();
      Object.values(charts).forEach((chart) => chart.dispose());
    };
  },
};

function tile(id, label, value, detail) {
  return h('div', { className: 'tile', dataset: { tile: id } },
    h('p', { className: 'tile-label', id: `tile-${id}` }, label),
    h('p', { className: 'tile-value', 'aria-describedby': `tile-${id}`, dataset: { field: 'value' } }, value),
    h('p', { className: 'tile-detail' }, detail));
}

function productLabel(product) {
  return product.name ?? product.productKey;
}

function productTable(caption, products, currency, id) {
  return h('div', { id },
    table(caption, ['Product', 'SKU or id', 'Category', 'Brand', { label: 'Units', numeric: true }, { label: 'Revenue', numeric: true }],
      products.map((product) => h('tr', { dataset: { productKey: product.productKey } },
        h('th', { scope: 'row' }, productLabel(product)),
        h('td', {}, product.productKey),
        h('td', {}, product.category),
        h('td', {}, product.brand ?? '—'),
        h('td', { className: 'numeric', dataset: { field: 'units' } }, format.integer(product.units)),
        h('td', { className: 'numeric', dataset: { field: 'revenue' } }, format.revenue(product.revenue, currency))))));
}
