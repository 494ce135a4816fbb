import { describe, expect, test } from 'vitest'
import { InvariantError } from '../errors/BaseError'
import { advanceTo, paraBlock } from './Clock'
import { execute } from './Dispatch'
import { unitTest, unitTestConfig } from './Runtimes'
import { create, sink } from './Storage'

const started = () => {
  const s = create(unitTest, new Map([['alice', 1_000_000n]]))
  const out = sink()
  execute(s, 'root', { call: 'configure', args: { ...unitTestConfig, regionLength: 3 } }, out)
  execute(s, 'root', { call: 'startSales', args: { endPrice: 100n, extraCores: 1 } }, out)
  return { s, out }
}

describe('Broker.paraBlock', () => {
  test('default: one tick per parachain block commits at most one timeslice, however far the relay jumped', () => {
    const a = started()
    paraBlock(a.s, 40, a.out) // the hook ran at block 0; extrinsics now see relay 40
    expect(a.s.block).toBe(40)
    expect(a.s.status?.lastCommittedTimeslice).toBe(1)
    paraBlock(a.s, 42, a.out) // the hook at 40 commits one more
    expect(a.s.status?.lastCommittedTimeslice).toBe(2)
    // the relay clock ticks every block: it has long committed every ready timeslice
    const b = started()
    advanceTo(b.s, 42, b.out)
    expect(b.s.status?.lastCommittedTimeslice).toBeGreaterThan(2)
  })
  test('error: a relay parent before the clock', () => {
    const a = started()
    paraBlock(a.s, 10, a.out)
    expect(() => paraBlock(a.s, 9, a.out)).toThrow('Broker.paraBlock: relay parent 9 is before 10')
    // a caller's bug, not a user's input: the house's InvariantError
    expect(() => advanceTo(a.s, 9, a.out)).toThrow(InvariantError)
  })
})
