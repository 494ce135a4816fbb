import { describe, expect, test } from 'vitest'
import * as Speculator from './Speculator'
import { fakeView, recorder } from './testing'

const make = (o: { sales?: [number, number] | null; maxPrice?: bigint } = {}) =>
  Speculator.create(
    {
      kind: 'speculator',
      name: 's',
      count: 1,
      cores: 2,
      maxPrice: o.maxPrice ?? 980n,
      at: 0.2,
      markup: 1.5,
      sales: o.sales === undefined ? null : o.sales,
      budget: null,
    },
    { id: 's', group: 's', task: 2000 },
  )

describe('Speculator', () => {
  test('default: from fraction `at` of the lead-in, buys its cores once the price is ≤ maxPrice', () => {
    const { out, seen } = recorder()
    Speculator.intents(make(), fakeView(), out)
    // at 0.2 of a 50-block lead-in from block 100 is block 110 (price 990); 980 is reached at 120
    expect(seen.intents).toEqual([{ type: 'buy', id: 's', block: 120, limit: 980n, count: 2 }])
  })

  test('args: asks paid × markup, floored to the planck', () => {
    expect(Speculator.ask(make(), 1001n)).toBe(1501n)
  })

  test('error: outside its sales, or never cheap enough, it intends nothing', () => {
    const { out, seen } = recorder()
    Speculator.intents(make({ sales: [2, 3] }), fakeView({ k: 1 }), out)
    Speculator.intents(make({ maxPrice: 10n }), fakeView(), out)
    expect(seen.intents).toHaveLength(0)
  })
})
