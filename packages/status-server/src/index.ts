export { HOME_PAGE_HTML } from './home-page.js';
export { reasonPhrase, UNASSIGNED_REASON } from './reasons.js';
export {
  DEFAULT_LATENCY_MS,
  type StatusServer,
  type StatusServerOptions,
  startStatusServer,
} from './server.js';
export { MAX_SLEEP_MS } from './sleep-parameter.js';
