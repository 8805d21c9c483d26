/**
 * One property of a value whose shape nothing promises (something thrown, a driver value, a
 * parsed message), read as `value[key]` would be (inherited ones too) but typed `unknown`:
 * `undefined` when it is not an object or lacks the property.
 */
export function propertyOf(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const found: unknown = Reflect.get(value, key);
  return found;
}
