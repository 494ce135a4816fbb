import type { Actor } from '../agents/Actor'
import * as Actors from '../agents/Actor'
import type { Decisions, IntentType, SaleView } from '../agents/View'
import * as Rng from '../Rng'

/** A call an actor means to make at a block of the sale. */
export interface Intent {
  type: IntentType
  actor: Actor
  block: number
  /** renewals (0) before purchases (1) before on-demand orders (2) in the same block */
  prio: 0 | 1 | 2
  limit: bigint
  count: number
}

/**
 * A sale's intents and the buffers for ordering them, reused from sale to sale (`pool` keeps the
 * intent objects; typed arrays are costly to allocate once per sale).
 */
export interface IntentBuffer {
  intents: Intent[]
  pool: Intent[]
  holders: Actor[]
  slots: (Actor | undefined)[]
  scratch: Scratch
}

interface Scratch {
  shuffled: Int32Array
  rankOf: Int32Array
  keys: Float64Array
  /** the keys again when all fit in 32 bits: a Uint32Array sorts about three times faster */
  keys32: Uint32Array
  order: Int32Array
}
const newScratch = (n: number): Scratch => ({
  shuffled: new Int32Array(n),
  rankOf: new Int32Array(n),
  keys: new Float64Array(n),
  keys32: new Uint32Array(n),
  order: new Int32Array(n),
})

export const buffer = (): IntentBuffer => ({
  intents: [],
  pool: [],
  holders: [],
  slots: [],
  scratch: newScratch(64),
})

/** Starts a sale's list of intents. */
export const reset = (b: IntentBuffer): void => {
  b.intents.length = 0
}

const PRIO = { renew: 0, buy: 1, order: 2 } as const

/** Adds an intent (reusing a pooled object). */
export const add = (
  b: IntentBuffer,
  type: IntentType,
  actor: Actor,
  block: number,
  limit: bigint,
  count: number,
): void => {
  const prio = PRIO[type]
  const it = b.pool[b.intents.length]
  if (it === undefined) {
    const fresh: Intent = { type, actor, block, prio, limit, count }
    b.pool.push(fresh)
    b.intents.push(fresh)
    return
  }
  it.type = type
  it.actor = actor
  it.block = block
  it.prio = prio
  it.limit = limit
  it.count = count
  b.intents.push(it)
}

/** Renewals first: holders of a right into this sale's region decide, in core order. */
export const renewals = (
  b: IntentBuffer,
  actors: readonly Actor[],
  view: SaleView,
  rng: Rng.Rng,
  out: Decisions,
): void => {
  holdersOf(actors, view.regionBegin, b.holders, b.slots)
  for (const a of b.holders) Actors.renewal(a, view, rng, out)
}

/** Then every actor's purchases and orders, in actor order. */
export const purchases = (actors: readonly Actor[], view: SaleView, rng: Rng.Rng, out: Decisions): void => {
  for (const a of actors) Actors.intents(a, view, rng, out)
}

const byRightCore = (x: Actor, y: Actor): number => (x.right?.core ?? 0) - (y.right?.core ?? 0)

/**
 * Actors whose renewal right is for region `when`, in core order (then actor order: a stable sort
 * by core). Rights are per core, so a slot per core usually orders them without a sort.
 */
const holdersOf = (
  actors: readonly Actor[],
  when: number,
  out: Actor[],
  slots: (Actor | undefined)[],
): void => {
  out.length = 0
  let maxCore = -1
  let clash = false
  for (const a of actors) {
    const r = a.right
    if (r === null || r.when !== when) continue
    out.push(a)
    if (clash) continue
    if (slots[r.core] !== undefined) clash = true
    else {
      slots[r.core] = a
      if (r.core > maxCore) maxCore = r.core
    }
  }
  if (!clash) {
    let j = 0
    for (let c = 0; c <= maxCore; c++) {
      const a = slots[c]
      if (a !== undefined) {
        out[j++] = a
        slots[c] = undefined
      }
    }
    return
  }
  for (let c = 0; c <= maxCore; c++) slots[c] = undefined
  out.sort(byRightCore)
}

/**
 * The execution order of a sale's intents (indices into `b.intents`, valid until the next call):
 * by block, renewals before purchases, then a seeded shuffle (one Fisher–Yates over the intents'
 * indices). Sorted as packed numeric keys (block, prio, rank) in a Float64Array, several times
 * faster than a comparator.
 */
export const order = (b: IntentBuffer, rng: Rng.Rng): Int32Array => {
  const intents = b.intents
  const n = intents.length
  if (b.scratch.order.length < n) b.scratch = newScratch(Math.max(n, 2 * b.scratch.order.length))
  const buf = b.scratch
  // shuffled[r] is the intent of rank r
  const shuffled = buf.shuffled.subarray(0, n)
  for (let i = 0; i < n; i++) shuffled[i] = i
  Rng.shuffle(rng, shuffled)
  const rankOf = buf.rankOf
  for (let r = 0; r < n; r++) rankOf[shuffled[r] as number] = r
  const keys = buf.keys.subarray(0, n)
  const out = buf.order.subarray(0, n)
  // keys are exact while (block span · 3 + 2) · n < 2^53; blocks are whole numbers
  let base = Number.POSITIVE_INFINITY
  for (const it of intents) if (it.block < base) base = it.block
  let packed = true
  let max = 0
  for (let i = 0; i < n; i++) {
    const it = intents[i] as Intent
    const key = ((it.block - base) * 3 + it.prio) * n + (rankOf[i] as number)
    if (!(key < 2 ** 53)) packed = false
    if (key > max) max = key
    keys[i] = key
  }
  if (packed && max < 2 ** 32) {
    const keys32 = buf.keys32.subarray(0, n)
    keys32.set(keys)
    keys32.sort()
    for (let i = 0; i < n; i++) out[i] = shuffled[(keys32[i] as number) % n] as number
    return out
  }
  if (packed) {
    keys.sort()
    for (let i = 0; i < n; i++) out[i] = shuffled[(keys[i] as number) % n] as number
    return out
  }
  const idx = Array.from({ length: n }, (_, i) => i)
  idx.sort((x, y) => {
    const a = intents[x] as Intent
    const c = intents[y] as Intent
    return a.block - c.block || a.prio - c.prio || (rankOf[x] as number) - (rankOf[y] as number)
  })
  for (let i = 0; i < n; i++) out[i] = idx[i] as number
  return out
}
