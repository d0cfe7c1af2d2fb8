// Sends Segment's six calls through the real @segment/analytics-node SDK to the collector under test, then a
// batch holding calls the SDK lets through but the collector must refuse. Prints one JSON document on stdout:
// what each HTTP request sent (message ids in batch order) and what the collector answered, and what the SDK
// reported per call. SegmentSdkTest runs it and compares with what reached Kafka and the dead letters.
//
// Environment: CDP_COLLECTOR_URL (e.g. http://127.0.0.1:8081), CDP_WRITE_KEY, CDP_RUN_ID (makes ids unique).
import { Analytics, FetchHTTPClient } from '@segment/analytics-node'

function required(name) {
  const value = process.env[name]
  if (!value) {
    console.error(`${name} is not set`)
    process.exit(2)
  }
  return value
}

const host = required('CDP_COLLECTOR_URL')
const writeKey = required('CDP_WRITE_KEY')
const run = required('CDP_RUN_ID')

// The SDK's own HTTP client over fetch, recording each request's calls and the collector's answer.
const requests = []
async function recordingFetch(url, init) {
  const response = await fetch(url, init)
  const sent = JSON.parse(init.body)
  requests.push({
    url: String(url),
    messageIds: sent.batch.map((call) => call.messageId),
    status: response.status,
    body: await response.clone().text(),
  })
  return response
}

const analytics = new Analytics({
  writeKey,
  host,
  path: '/v1/batch',
  flushAt: 100,
  flushInterval: 60_000,
  maxRetries: 0,
  httpClient: new FetchHTTPClient(recordingFetch),
})
const errors = []
analytics.on('error', (error) => errors.push(String(error?.reason ?? error?.message ?? error)))

const outcomes = []
function outcome(call) {
  return (error, context) =>
    outcomes.push({
      call,
      messageId: context?.event?.messageId ?? null,
      error: error ? String(error.reason ?? error.message ?? error) : null,
    })
}

const userId = `u-${run}`
const anonymousId = `anon-${run}`
const groupId = `guild-${run}`
const at = (second) => new Date(Date.UTC(2026, 0, 15, 8, 0, second))

analytics.identify(
  {
    messageId: `${run}-identify`,
    userId,
    anonymousId,
    timestamp: at(1),
    traits: {
      email: `grendel.${run}@example.com`,
      firstName: 'Grendel',
      lastName: 'Mere',
      phone: '+44 20 7946 0000',
      address: { street: '1 Fen Lane', city: 'Heorot', postalCode: 'HE1 0RT', country: 'DK' },
      loyaltyCard: 'MM-000042',
      age: 1043,
      vip: true,
    },
    context: {
      ip: '203.0.113.7',
      locale: 'en-GB',
      device: { id: `dev-${run}`, type: 'server' },
      campaign: { name: 'halloween', source: 'newsletter', medium: 'email' },
    },
  },
  outcome('identify'),
)
analytics.track(
  {
    messageId: `${run}-track`,
    userId,
    timestamp: at(2),
    event: 'Order Completed',
    properties: {
      order_id: `order-${run}`,
      total: 39.8,
      currency: 'EUR',
      coupon: null,
      products: [{ product_id: 'SKU-FUR-BLUE', name: 'Blue fur brush', price: 19.9, quantity: 2 }],
    },
    context: {
      page: {
        path: '/checkout/done',
        url: 'https://shop.monstermart.example/checkout/done',
        referrer: 'https://shop.monstermart.example/checkout',
        title: 'Thank you',
        search: '?step=3',
      },
    },
  },
  outcome('track'),
)
analytics.page(
  {
    messageId: `${run}-page`,
    anonymousId,
    timestamp: at(3),
    category: 'Grooming',
    name: 'Brushes',
    properties: { path: '/c/brushes', url: 'https://shop.monstermart.example/c/brushes', title: 'Brushes' },
  },
  outcome('page'),
)
analytics.screen(
  {
    messageId: `${run}-screen`,
    userId,
    timestamp: at(4),
    category: 'Checkout',
    name: 'Basket',
    properties: { items: 2 },
  },
  outcome('screen'),
)
analytics.group(
  {
    messageId: `${run}-group`,
    userId,
    groupId,
    timestamp: at(5),
    traits: {
      name: 'The Fen Guild',
      industry: 'Swamp maintenance',
      employees: 12,
      plan: 'business',
      email: 'office@fen-guild.example',
    },
  },
  outcome('group'),
)
analytics.alias({ messageId: `${run}-alias`, userId, previousId: anonymousId, timestamp: at(6) }, outcome('alias'))
await analytics.flush()

// A second batch: one valid call and two the SDK sends but the collector refuses.
analytics.track(
  {
    messageId: `${run}-valid`,
    userId,
    timestamp: at(7),
    event: 'Product Viewed',
    properties: { product_id: 'SKU-2', price: 5 },
  },
  outcome('track'),
)
// The SDK accepts a groupId as the only id; Segment's spec (and the collector) need userId or anonymousId.
analytics.group({ messageId: `${run}-nobody`, groupId, timestamp: at(8), traits: { name: 'Nobody' } }, outcome('group'))
// Breaks the source's data-quality rule properties.price >= 0.
analytics.track(
  {
    messageId: `${run}-negative`,
    userId,
    timestamp: at(9),
    event: 'Product Viewed',
    properties: { product_id: 'SKU-3', price: -1 },
  },
  outcome('track'),
)
await analytics.closeAndFlush({ timeout: 30_000 })

process.stdout.write(JSON.stringify({ requests, outcomes, errors }) + '\n')
