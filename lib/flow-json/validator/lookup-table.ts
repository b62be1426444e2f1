/**
 * A copy of `entries` without a prototype. Tables looked up by keys from the document must not answer for names
 * every object inherits: with a plain object, a component of type "constructor" or a property "toString" would
 * be found. Lookups in such a table are also faster than an own-property check.
 */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
