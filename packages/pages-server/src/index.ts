export { ONLINE_VARIABLE, onlineFromEnvironment, openPages, type Pages } from './open-pages.js';
export { localUrl } from './routing.js';
export {
  type AnsweredRequest,
  type PagesServer,
  type PagesServerOptions,
  startPagesServer,
} from './server.js';
export { BOOK_SITES, type BookSite, bookSite } from './sites.js';
