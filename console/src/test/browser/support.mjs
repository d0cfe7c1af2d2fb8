// Helpers of the console's browser tests: Debian's Chromium through playwright-core, signing in through Keycloak's
// login form, the collector, accessibility checks and screenshots.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export const settings = {
  consoleUrl: required('CONSOLE_URL').replace(/\/$/, ''),
  collectorUrl: required('COLLECTOR_URL').replace(/\/$/, ''),
  writeKey: required('WRITE_KEY'),
  artifacts: process.env.ARTIFACTS ?? 'artifacts',
  chromium: process.env.CHROMIUM ?? '/usr/bin/chromium',
  latencySamples: Number(process.env.LATENCY_SAMPLES ?? 20),
};
mkdirSync(join(settings.artifacts, 'screenshots'), { recursive: true });

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (ConsoleBrowserTest does)`);
  return value;
}

export async function launch() {
  return chromium.launch({
    executablePath: settings.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh browser context (own cookies) signed in as the user; the page ends on the console. */
export async function signIn(browser, username, path = '') {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[${username}] page error: ${error.message}`));
  await page.goto(`${settings.consoleUrl}/${path}`);
  await page.waitForSelector('#username', { timeout: 30000 }); // Keycloak's login form
  await page.fill('#username', username);
  await page.fill('#password', username);
  const started = Date.now();
  await Promise.all([
    page.waitForURL((url) => url.toString().startsWith(settings.consoleUrl), { timeout: 30000 }),
    page.click('#kc-login'),
  ]);
  await page.waitForSelector('#navigation a', { timeout: 30000 });
  return { context, page, signedInAt: started };
}

export async function navigationOf(page) {
  return page.$$eval('#navigation a', (links) => links.map((link) => link.textContent.trim()));
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(settings.artifacts, 'screenshots', `${name}.png`), fullPage: true });
}

export function writeResults(name, results) {
  writeFileSync(join(settings.artifacts, `${name}.json`), JSON.stringify(results, null, 2));
}

/** Segment calls to the ingestion service's collector, as the web shop's analytics.js sends them. */
export async function collect(...events) {
  const response = await fetch(`${settings.collectorUrl}/v1/batch`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${settings.writeKey}:`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ batch: events.map((event) => ({ messageId: crypto.randomUUID(), timestamp: new Date().toISOString(), ...event })) }),
  });
  assert.equal(response.status, 200, `the collector answered ${response.status}: ${await response.text()}`);
}

export function orderCompleted(userId, orderId, sku, quantity = 1, price = 9.5) {
  return {
    type: 'track', event: 'Order Completed', userId,
    properties: {
      order_id: orderId, currency: 'GBP',
      products: [{ product_id: sku, sku, name: `Browser test ${sku}`, category: 'test.browser', brand: 'Console Test', quantity, price }],
    },
  };
}

/**
 * Accessible basics of the page as it is: a language, one h1, a name for every control and link, text contrast of
 * at least 4.5:1 (3:1 for large text), and keyboard access to the skip link and the navigation.
 */
export async function checkAccessibility(page, screen) {
  const problems = await page.evaluate(() => {
    const found = [];
    const visible = (element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0
        && !element.closest('[hidden]');
    };
    const describe = (element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(' ')[0]}` : ''} "${(element.textContent || '').trim().slice(0, 30)}"`;
    if (!document.documentElement.lang) found.push('the page has no lang');
    const headings = [...document.querySelectorAll('h1')].filter(visible);
    if (headings.length !== 1) found.push(`${headings.length} visible h1 headings`);
    for (const control of document.querySelectorAll('input, select, textarea')) {
      if (!visible(control) || control.type === 'hidden') continue;
      const labelled = (control.id && document.querySelector(`label[for="${control.id}"]`))
        || control.getAttribute('aria-label') || control.getAttribute('aria-labelledby') || control.closest('label');
      if (!labelled) found.push(`no label: ${describe(control)}`);
    }
    for (const element of document.querySelectorAll('button, a[href]')) {
      if (!visible(element)) continue;
      if (!(element.textContent.trim() || element.getAttribute('aria-label'))) found.push(`no name: ${describe(element)}`);
    }
    for (const image of document.querySelectorAll('img')) {
      if (!image.hasAttribute('alt')) found.push(`no alt: ${describe(image)}`);
    }
    for (const chart of document.querySelectorAll('.chart')) {
      if (chart.getAttribute('role') !== 'img' || !chart.getAttribute('aria-label')) found.push(`unnamed chart: ${describe(chart)}`);
    }
    const parse = (color) => {
      const match = color.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
      return match ? { r: +match[1], g: +match[2], b: +match[3], a: match[4] === undefined ? 1 : +match[4] } : null;
    };
    const luminance = ({ r, g, b }) => {
      const channel = (value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element) => {
      for (let current = element; current; current = current.parentElement) {
        const color = parse(getComputedStyle(current).backgroundColor);
        if (color && color.a > 0.5) return color;
      }
      return { r: 255, g: 255, b: 255, a: 1 };
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const checked = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent.trim() || !element || checked.has(element) || element.closest('svg')) continue;
      checked.add(element);
      if (!visible(element) || element.closest('.visually-hidden')) continue;
      const style = getComputedStyle(element);
      const foreground = parse(style.color);
      if (!foreground) continue;
      const back = background(element);
      const [light, dark] = [luminance(foreground), luminance(back)].sort((a, b) => b - a);
      const ratio = (light + 0.05) / (dark + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) found.push(`contrast ${ratio.toFixed(2)}: ${describe(element)}`);
    }
    return found;
  });
  assert.deepEqual(problems, [], `accessibility problems on ${screen}`);

  // Keyboard: on a fresh load, the first Tab stop is the skip link, which moves focus to the content; the
  // navigation's links are in the tab order.
  const address = page.url();
  await page.reload();
  await page.waitForSelector('main h1');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to content', `${screen}: the first Tab stop`);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', `${screen}: the skip link moves focus to the content`);
  assert.equal(page.url(), address, `${screen}: the skip link keeps the screen's address`);
  const unreachable = await page.$$eval('#navigation a, #sign-out', (links) => links.filter((link) => link.tabIndex < 0).length);
  assert.equal(unreachable, 0, `${screen}: navigation links out of the tab order`);
}

export function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}
