// The console's screens by id (the ids of com.monstermart.cdp.console.core.Screen). A screen module exports
// default { mount(container, context) } and returns a clean-up function. To add a screen: write its module here,
// add a line below, and mark it BUILT in Screen.java.
export const SCREENS = {
  'live-sales': () => import('./live-sales.js'),
  customers: () => import('./customers.js'),
  operations: () => import('./operations.js'),
  // Planned (issue 16): kpis, sales-analysis, prediction, audiences, privacy.
};
