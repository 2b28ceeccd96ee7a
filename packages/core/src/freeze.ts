/** Freezes `value` and everything in it: a validated policy cannot be changed after its checks. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') Object.values(value).forEach(deepFreeze);
  return Object.freeze(value);
}
