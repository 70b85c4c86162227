import { signal, type Signal } from '@preact/signals';

/** The pages of the visitor front end, by path below its base. A booking page is meant to join them. */
export type PageName = 'ticket' | 'feedback' | 'not-found';

const routes: Record<string, PageName> = {
  '/ticket': 'ticket',
  '/feedback': 'feedback',
};

/** Which page a path shows: pure, so the table is tested without a browser. */
export function pageOf(pathname: string, base: string): PageName {
  const below = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const path = `/${below.replace(/^\/+|\/+$/g, '')}`;
  return routes[path] ?? 'not-found';
}

export interface Router {
  page: Signal<PageName>;
  /** Goes to another page of this app without a reload; the fragment (a visit token) is kept only if given. */
  navigate(path: string): void;
}

/** A few lines of history handling instead of a router library: the app has a handful of pages. */
export function createRouter(base: string, location: Location = globalThis.location, history: History = globalThis.history): Router {
  const root = base.replace(/\/$/, '');
  const page = signal(pageOf(location.pathname, root));
  globalThis.addEventListener?.('popstate', () => (page.value = pageOf(location.pathname, root)));
  return {
    page,
    navigate(path) {
      history.pushState(null, '', `${root}${path}`);
      page.value = pageOf(location.pathname, root);
    },
  };
}
