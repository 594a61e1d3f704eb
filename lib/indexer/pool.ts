/**
 * Maps an async stream with up to `limit` calls in flight and yields the results in input order,
 * so "the first of two duplicates" means the first in walk order whatever finished first.
 * `fn` must not reject: wrap failures in its result.
 */
export async function* mapOrdered<T, R>(source: AsyncIterable<T>, limit: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const inFlight: Promise<R>[] = [];
  for await (const item of source) {
    inFlight.push(fn(item));
    if (inFlight.length >= limit) yield await inFlight.shift()!;
  }
  while (inFlight.length > 0) yield await inFlight.shift()!;
}
