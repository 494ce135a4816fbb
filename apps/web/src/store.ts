/** A minimal subscribable store (the TanStack shape): get, set with an updater, subscribe. */
export interface Store<T> {
  get(): T
  set(update: (prev: T) => T): void
  subscribe(listener: (value: T) => void): () => void
}

export const createStore = <T>(initial: T): Store<T> => {
  let value = initial
  const listeners = new Set<(value: T) => void>()
  return {
    get: () => value,
    set(update) {
      const next = update(value)
      if (next === value) return
      value = next
      for (const l of listeners) l(value)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
