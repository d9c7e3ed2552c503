/**
 * Counts failed store calls for /metrics without knowing the store's interface: every method
 * call that throws (or returns a promise that rejects) counts once under the method's name, and
 * the error goes on unchanged. Works for the SQLite and PostgreSQL stores alike.
 */
const wrapped = new WeakSet<object>();

export function countStoreErrors<T extends object>(store: T, onError: (operation: string) => void): T {
  // Wrapping twice would count twice (main.ts and createApp both wrap).
  if (wrapped.has(store)) return store;
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]): unknown => {
        try {
          const result: unknown = Reflect.apply(value, target, args);
          if (result instanceof Promise) {
            return result.catch((err: unknown) => {
              onError(property);
              throw err;
            });
          }
          return result;
        } catch (err) {
          onError(property);
          throw err;
        }
      };
    },
  });
  wrapped.add(proxy);
  return proxy;
}
