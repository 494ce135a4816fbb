import { Snapshot } from '@coretime/chain'
import { sample } from '@coretime/chain/testing'
import { describe, expect, test } from 'vitest'
import { fromSnapshotText } from '../src/snapshot'
import { defaults } from '../src/state'

describe('snapshot.fromSnapshotText', () => {
  test('default: the chain configuration, sale and demand become the starting point', () => {
    const r = fromSnapshotText(Snapshot.toJson(sample), defaults())
    if (!r.ok) throw new Error(r.error.message)
    const v = r.value
    const sale = sample.broker.saleInfo!
    expect(v.state.network).toBe('polkadot')
    expect(v.state.a).toMatchObject({
      adapter: 'MinimumPrice',
      minPrice: 100_000_000_000n,
      startPrice: sale.endPrice,
      interlude: 100_800,
      leadin: 201_600,
      regionLength: 5040,
      idealPct: 100,
      coreLimit: 20,
      bumpPct: 3,
      renewalRule: 'floorAtEndPrice',
    })
    // the current sale rotated at (regionBegin − regionLength)·80 − advanceNotice: 2026-11-09
    expect(v.state.start).toBe('2026-11-09')
    expect(v.state.demand).toMatchObject({ mode: 'constant', renewals: [2], purchases: [3] })
    expect(v.note).toContain('sale of region 353085–358125, 3 of 20 cores sold, 2 renewals due')
  })

  test('error: not a snapshot, or no sale yet', () => {
    expect(fromSnapshotText('{"format":"x"}', defaults())).toEqual({
      ok: false,
      error: {
        code: 'InvalidSnapshot',
        message: 'Snapshot not loaded: format: expected "coretime-snapshot/1", got "x"',
      },
    })
    const noSale = Snapshot.toJson({ ...sample, broker: { ...sample.broker, saleInfo: null } })
    expect(fromSnapshotText(noSale, defaults())).toEqual({
      ok: false,
      error: { code: 'NoSale', message: 'Snapshot not loaded: the chain has no sale yet' },
    })
  })
})
