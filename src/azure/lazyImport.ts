/**
 * Loads a module (or anything built from one) on first use and keeps it, but keeps only a success: a failed
 * `import()` (a bundle missing after an update, a disk error, a module that threw while loading) is tried
 * again on the next use instead of failing every later use with the same cached rejection.
 */
export function lazyImport<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= new Promise<T>((resolve) => resolve(load())).catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}
