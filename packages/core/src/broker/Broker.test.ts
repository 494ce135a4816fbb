import { describe, expect, test } from 'vitest'
import * as Broker from './Broker'
import * as Runtimes from './Runtimes'
import type { BrokerCall } from './types'

const mock = Runtimes.unitTest
const configure: BrokerCall = { call: 'configure', args: Runtimes.unitTestConfig }

describe('Broker.execute', () => {
  test('default: the README example buys the first core at the end price', () => {
    const state = Broker.create(mock, new Map([['alice', 100_000n]]))
    const out = Broker.sink()
    expect(Broker.execute(state, 'root', configure, out)).toEqual({ ok: true })
    expect(
      Broker.execute(state, 'root', { call: 'startSales', args: { endPrice: 100n, extraCores: 1 } }, out),
    ).toEqual({
      ok: true,
    })
    Broker.advanceTo(state, 2, out)
    expect(Broker.execute(state, 'alice', { call: 'purchase', args: { priceLimit: 1_000n } }, out)).toEqual({
      ok: true,
    })
    expect(out.events.at(-1)).toEqual({
      name: 'Purchased',
      data: {
        who: 'alice',
        regionId: { begin: 4, core: 0, mask: (1n << 80n) - 1n },
        price: 100n,
        duration: 3,
      },
    })
    expect(state.balances.get('alice')).toBe(99_900n)
    expect(state.balances.get('0')).toBe(100n)
  })

  test('error: a second purchase of the only core is SoldOut and changes nothing', () => {
    const state = Broker.create(mock, new Map([['alice', 100_000n]]))
    const out = Broker.sink()
    Broker.execute(state, 'root', configure, out)
    Broker.execute(state, 'root', { call: 'startSales', args: { endPrice: 100n, extraCores: 1 } }, out)
    Broker.advanceTo(state, 2, out)
    Broker.execute(state, 'alice', { call: 'purchase', args: { priceLimit: 1_000n } }, out)
    const before = Broker.clone(state)
    const events = out.events.length
    expect(Broker.execute(state, 'alice', { call: 'purchase', args: { priceLimit: 1_000n } }, out)).toEqual({
      ok: false,
      error: { code: 'SoldOut' },
    })
    expect(state).toEqual(before)
    expect(out.events).toHaveLength(events)
  })

  test('error: admin calls need root and signed calls refuse root (BadOrigin)', () => {
    const state = Broker.create(mock)
    const out = Broker.sink()
    expect(Broker.execute(state, 'alice', configure, out)).toEqual({
      ok: false,
      error: { code: 'BadOrigin', call: 'configure' },
    })
    expect(Broker.execute(state, 'root', { call: 'purchase', args: { priceLimit: 1n } }, out)).toEqual({
      ok: false,
      error: { code: 'BadOrigin', call: 'purchase' },
    })
    expect(Broker.execute(state, 'root', { call: 'dropHistory', args: { when: 0 } }, out)).toEqual({
      ok: false,
      error: { code: 'Uninitialized' },
    })
  })

  test('error: a purchase the buyer cannot pay is FundsUnavailable', () => {
    const state = Broker.create(mock, new Map([['bob', 99n]]))
    const out = Broker.sink()
    Broker.execute(state, 'root', configure, out)
    Broker.execute(state, 'root', { call: 'startSales', args: { endPrice: 100n, extraCores: 1 } }, out)
    Broker.advanceTo(state, 2, out)
    expect(Broker.execute(state, 'bob', { call: 'purchase', args: { priceLimit: 1_000n } }, out)).toEqual({
      ok: false,
      error: { code: 'FundsUnavailable', price: 100n },
    })
  })
})

describe('Broker.advanceTo', () => {
  test('error: time never goes backwards', () => {
    const state = Broker.create(mock, new Map(), 10)
    expect(() => Broker.advanceTo(state, 9, Broker.sink())).toThrow(/before 10/)
  })
})

describe('Broker.sovereignAccountOf', () => {
  test('behavior: sibling account of para 2000 is sibl ++ u32 LE ++ zeros', () => {
    expect(Broker.sovereignAccountOf({ ...mock, sovereignAccount: 'sibling' }, 2000)).toBe(
      '0x7369626cd0070000000000000000000000000000000000000000000000000000',
    )
    expect(Broker.sovereignAccountOf(mock, 2000)).toBe('2000')
  })
})
