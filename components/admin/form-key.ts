const keys = new WeakMap<object, number>();
let last = 0;

/**
 * A key that changes each time an action returns a new state object, so uncontrolled fields
 * remount with the values the action handed back (React resets a form after its action runs).
 */
export function formKey(state: object): number {
  let key = keys.get(state);
  if (key === undefined) {
    key = ++last;
    keys.set(state, key);
  }
  return key;
}
