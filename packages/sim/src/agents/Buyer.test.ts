import { describe, expect, test } from 'vitest'
import * as Rng from '../Rng'
import * as Buyer from './Buyer'
import { fakeView, recorder } from './testing'

const spec = (o: Partial<Parameters<typeof Buyer.create>[0]> = {}): Parameters<typeof Buyer.create>[0] => ({
  kind: 'buyer',
  name: 'b',
  count: 1,
  arrival: [1, 1],
  patience: 2,
  valuation: { dist: 'fixed', value: 960n },
  timing: { strategy: 'atValuation' },
  renew: true,
  forget: 0,
  budget: null,
  ...o,
})
const who = { id: 'b', group: 'b', task: 2000 }

describe('Buyer', () => {
  test('default: buys at the first block whose price is within its valuation', () => {
    const a = Buyer.create(spec(), who, Rng.create(1))
    const { out, seen } = recorder()
    Buyer.intents(a, fakeView(), Rng.create(1), out)
    // 1000 − (b − 100) ≤ 960 from block 140
    expect(seen.intents).toEqual([{ type: 'buy', id: 'b', block: 140, limit: 960n, count: 1 }])
  })

  test('behavior: a price that never comes within the valuation is a failure (TooExpensive)', () => {
    const a = Buyer.create(spec({ valuation: { dist: 'fixed', value: 900n } }), who, Rng.create(1))
    const { out, seen } = recorder()
    Buyer.intents(a, fakeView(), Rng.create(1), out)
    expect(seen).toEqual({ intents: [], failures: [{ id: 'b', reason: 'TooExpensive' }], lapsed: [] })
  })

  test('behavior: gives up once its patience has run out, and does nothing before it arrives', () => {
    const a = Buyer.create(spec({ arrival: [2, 2] }), who, Rng.create(1))
    const { out, seen } = recorder()
    Buyer.intents(a, fakeView({ k: 1 }), Rng.create(1), out)
    expect(seen.intents).toHaveLength(0)
    Buyer.intents(a, fakeView({ k: 4 }), Rng.create(1), out)
    expect(a.done).toBe(true)
    Buyer.intents(a, fakeView({ k: 3 }), Rng.create(1), out)
    expect(seen.intents).toHaveLength(0)
  })

  test('behavior: declines a renewal above its valuation, and one it forgets', () => {
    const a = Buyer.create(spec(), who, Rng.create(1))
    expect(Buyer.declines(a, 960n, Rng.create(1))).toBeNull()
    expect(Buyer.declines(a, 961n, Rng.create(1))).toBe('RenewalTooExpensive')
    const forgetful = Buyer.create(spec({ forget: 1 }), who, Rng.create(1))
    expect(Buyer.declines(forgetful, 1n, Rng.create(1))).toBe('Forgot')
  })

  test('error: a buyer that does not renew intends no renewal', () => {
    const a = Buyer.create(spec({ renew: false }), who, Rng.create(1))
    const { out, seen } = recorder()
    Buyer.renewal(a, fakeView(), Rng.create(1), out)
    expect(seen.intents).toHaveLength(0)
  })
})
