import { type ComponentType, lazy } from 'react';

/**
 * A page loaded on demand by its export name: the desk and the phone pages each fetch only their
 * own code (`lazyPage(() => import('./components/x-page'), 'XPage')`).
 */
export const lazyPage = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));
