import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import type { Actor } from '../agents/Actor'
import type { IntentType } from '../agents/View'
import * as Rng from '../Rng'
import * as Intents from './Intents'

const TYPES: IntentType[] = ['renew', 'buy', 'order']
const actor = {} as Actor

/** The order by definition: block, then renewals before purchases before orders, then the seeded shuffle's rank. */
const expected = (blocks: readonly number[], types: readonly number[], seed: number): number[] => {
  const n = blocks.length
  const shuffled = Rng.shuffle(
    Rng.create(seed),
    Int32Array.from({ length: n }, (_, i) => i),
  )
  const rank = new Array<number>(n)
  shuffled.forEach((intent, r) => {
    rank[intent] = r
  })
  return Array.from({ length: n }, (_, i) => i).sort(
    (x, y) =>
      (blocks[x] as number) - (blocks[y] as number) ||
      (types[x] as number) - (types[y] as number) ||
      (rank[x] as number) - (rank[y] as number),
  )
}

const orderOf = (blocks: readonly number[], types: readonly number[], seed: number): number[] => {
  const b = Intents.buffer()
  blocks.forEach((block, i) => {
    Intents.add(b, TYPES[types[i] as number] as IntentType, actor, block, 0n, 1)
  })
  return [...Intents.order(b, Rng.create(seed))]
}

describe('Intents.order', () => {
  // spans chosen so every packing is used: 32-bit keys, 53-bit keys, and the comparator
  test.each([
    ['a sale (32-bit keys)', 1_000],
    ['a long span (53-bit keys)', 5_000_000_000],
    ['a span too long to pack (comparator)', 2 ** 50],
  ])('behavior: by block, renewals first, then the seeded shuffle — %s', (_, span) => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(span), fc.nat(2)), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (xs, seed) => {
          const blocks = xs.map(([b]) => 100_000 + b)
          const types = xs.map(([, t]) => t)
          expect(orderOf(blocks, types, seed)).toEqual(expected(blocks, types, seed))
        },
      ),
      { numRuns: 60 },
    )
  })

  test('error: a different seed gives a different order of same-block intents', () => {
    const blocks = Array.from({ length: 50 }, () => 7)
    const types = blocks.map(() => 1)
    expect(orderOf(blocks, types, 1)).not.toEqual(orderOf(blocks, types, 2))
  })
})
