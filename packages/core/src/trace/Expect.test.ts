import { describe, expect, test } from 'vitest'
import * as Broker from '../broker/Broker'
import * as Runtimes from '../broker/Runtimes'
import * as Expect from './Expect'
import type { ResultJson, StateJson } from './Result'
import { stateToJson } from './Result'
import type { Expect as ExpectSection } from './Trace'

const runtime = Runtimes.unitTest
const FULL = '0xffffffffffffffffffff'

const state = (balances: [string, bigint][], leases: { until: number; task: number }[] = []): StateJson => {
  const s = Broker.create(runtime, new Map(balances), 8)
  s.leases.push(...leases)
  return stateToJson(s)
}

const result: ResultJson = {
  format: 'coretime-trace-result/1',
  steps: [
    { index: 0, block: 0, ok: true },
    { index: 2, block: 6, ok: false, error: 'TooEarly' },
    { index: 3, block: 6, ok: true },
  ],
  events: [
    {
      block: 6,
      step: null,
      name: 'CoreAssigned',
      data: { core: 0, when: 8, assignment: [[{ task: 1001 }, 57600]] },
    },
    { block: 6, step: 3, name: 'Renewed', data: { who: '1', price: '100', oldCore: 0, core: 0, begin: 7 } },
    {
      block: 8,
      step: null,
      name: 'CoreAssigned',
      data: { core: 0, when: 10, assignment: [['Pool', 57600]] },
    },
  ],
  assignments: [],
  state: state(
    [
      ['1', 99800n],
      ['0', 200n],
    ],
    [{ until: 9, task: 2001 }],
  ),
}
const none: ExpectSection = { steps: [], events: [], state: null, after: [] }
const lines = (e: Partial<ExpectSection>, snapshots = new Map<number, StateJson>()) =>
  Expect.check({ ...none, ...e }, result, snapshots).map(Expect.formatMismatch)

describe('Expect.check', () => {
  test('default: everything matches', () => {
    expect(
      lines(
        {
          steps: [
            { index: 0, ok: true },
            { index: 2, ok: false, error: 'TooEarly' },
            { index: 3, ok: true },
          ],
          events: [
            {
              name: 'CoreAssigned',
              block: 6,
              step: null,
              data: { core: 0, assignment: [[{ task: 1001 }, 57600]] },
            },
            { name: 'Renewed', step: 3, data: { price: '100' } },
            { name: 'CoreAssigned', data: { when: 10 } },
          ],
          state: {
            block: 8,
            balances: { '1': '99800', '7': '0' },
            leases: [{ until: 9, task: 2001 }],
            saleInfo: null,
          },
          after: [{ step: 2, state: { balances: { '1': '100000' } } }],
        },
        new Map([[2, state([['1', 100000n]])]]),
      ),
    ).toEqual([])
  })

  test('behavior: an error expectation without a name accepts any error', () => {
    expect(lines({ steps: [{ index: 2, ok: false }] })).toEqual([])
  })

  test('error: step outcomes', () => {
    expect(
      lines({
        steps: [
          { index: 0, ok: false, error: 'SoldOut' },
          { index: 2, ok: true },
          { index: 3, ok: false },
          { index: 1, ok: true },
        ],
      }),
    ).toEqual([
      'steps[0]: expected error SoldOut, got ok',
      'steps[2]: expected ok, got error TooEarly',
      'steps[3]: expected error (any), got ok',
      'steps[1]: expected ok, got no outcome (not a call step)',
    ])
    expect(lines({ steps: [{ index: 2, ok: false, error: 'SoldOut' }] })).toEqual([
      'steps[2].error: expected SoldOut, got TooEarly',
    ])
  })

  test('error: events must come in order', () => {
    expect(
      lines({
        events: [
          { name: 'Renewed', data: { core: 0 } },
          { name: 'CoreAssigned', block: 6 },
        ],
      }),
    ).toEqual([
      'events[1]: expected CoreAssigned (block 6), got it only at events[0], before the previous expected event',
    ])
  })

  test('error: event data, block and step are compared when given', () => {
    expect(
      lines({
        events: [
          { name: 'Renewed', data: { price: '110' } },
          { name: 'CoreAssigned', step: 3 },
          { name: 'Purchased' },
        ],
      }),
    ).toEqual([
      'events[0]: expected Renewed (data {"price":"110"}), got 1 Renewed event, none matching; e.g. Renewed (block 6, step 3, data {"who":"1","price":"100","oldCore":0,"core":0,"begin":7})',
      'events[1]: expected CoreAssigned (step 3), got 2 CoreAssigned events, none matching; e.g. CoreAssigned (block 6, step null, data {"core":0,"when":8,"assignment":[[{"task":1001},57600]]})',
      'events[2]: expected Purchased, got no Purchased event',
    ])
  })

  test('error: a list in event data is compared whole', () => {
    expect(
      lines({ events: [{ name: 'CoreAssigned', data: { assignment: [[{ task: 1001 }, 28800]] } }] }),
    ).toHaveLength(1)
  })

  test('error: partial state, lists whole, absent accounts at zero', () => {
    expect(
      lines({
        state: {
          block: 9,
          balances: { '1': '99900', '2': '5', '0': '200' },
          leases: [],
          status: { coreCount: 1 },
        },
      }),
    ).toEqual([
      'state.block: expected 9, got 8',
      'state.balances["1"]: expected "99900", got "99800"',
      'state.balances["2"]: expected "5", got "0"',
      'state.leases: expected 0 items, got 1 item: [{"until":9,"task":2001}]',
      'state.status: expected {"coreCount":1}, got null',
    ])
  })

  test('error: list items are compared whole, to the field', () => {
    expect(lines({ state: { leases: [{ until: 10, task: 2001 }] } })).toEqual([
      'state.leases[0].until: expected 10, got 9',
    ])
    expect(lines({ state: { leases: [{ until: 9 }] } })).toEqual([
      'state.leases[0].task: expected nothing, got 2001',
    ])
  })

  test('error: after a step', () => {
    expect(
      lines(
        {
          after: [
            { step: 2, state: { balances: { '1': '1' } } },
            { step: 3, state: {} },
          ],
        },
        new Map([[2, state([])]]),
      ),
    ).toEqual([
      'after[step 2].balances["1"]: expected "1", got "0"',
      'after[step 3]: expected a state snapshot, got none (replayed without it)',
    ])
  })
})

describe('Expect.jsonMatches', () => {
  test('default', () => {
    expect(Expect.jsonMatches({ a: { b: 1 } }, { a: { b: 1, c: 2 }, d: 3 })).toBe(true)
    expect(Expect.jsonMatches({ a: [1, { b: 1 }] }, { a: [1, { b: 1, c: 2 }] })).toBe(false)
    expect(Expect.jsonMatches({ mask: FULL }, { mask: FULL.toUpperCase() })).toBe(false)
    expect(Expect.jsonMatches(null, {})).toBe(false)
  })
})
