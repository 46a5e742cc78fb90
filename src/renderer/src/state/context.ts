/**
 * Typed context accessors: a state class is provided once near the root and
 * taken by any component below it, instead of being drilled through props.
 */
import { getContext, setContext } from 'svelte';

export function defineContext<T>(name: string) {
  const key = Symbol(name);
  return {
    provide(value: T): T {
      return setContext(key, value);
    },
    use(): T {
      const value = getContext<T | undefined>(key);
      if (value === undefined) throw new Error(`${name} is used outside the component that provides it.`);
      return value;
    },
  };
}
