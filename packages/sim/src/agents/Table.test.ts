import { describe, expect, test } from 'vitest'
import * as Table from './Table'
import { fakeView, recorder } from './testing'

describe('Table', () => {
  test('default: holders renew right after the rotation while the table has renewals', () => {
    const view = fakeView({ tableRenewalsLeft: 1 })
    const { out, seen } = recorder()
    const a = Table.create({ id: 'x', group: 'g', task: 1 })
    const b = Table.create({ id: 'y', group: 'g', task: 2 })
    a.right = { core: 0, when: 5 }
    b.right = { core: 1, when: 5 }
    Table.renewal(a, view, out)
    Table.renewal(b, view, out)
    expect(seen.intents).toEqual([{ type: 'renew', id: 'x', block: 11, limit: 0n, count: 1 }])
    // the second holder finds the table's renewals used up: its right lapses
    expect(seen.lapsed).toEqual(['y'])
    expect(b.right).toBeNull()
  })

  test('error: with no renewals in the table every right lapses', () => {
    const { out, seen } = recorder()
    const a = Table.create({ id: 'x', group: 'g', task: 1 })
    a.right = { core: 0, when: 5 }
    Table.renewal(a, fakeView(), out)
    expect(seen).toEqual({ intents: [], failures: [], lapsed: ['x'] })
  })
})
