import { describe, expect, test } from 'vitest'
import * as Runtimes from '../broker/Runtimes'
import * as Trace from './Trace'
import { configureStep, runtimeJson } from './unitTest.test-util'

const runtime = runtimeJson()
const full = '0xffffffffffffffffffff'
const file = () => ({
  format: 'coretime-trace/1',
  name: 'renewal_works',
  runtime: runtimeJson(),
  balances: { '1': '100000' } as Record<string, unknown>,
  steps: [
    configureStep(),
    { block: 0, origin: 'root', call: 'startSales', args: { endPrice: '100', extraCores: 1 } },
    { block: 2, origin: '1', call: 'purchase', args: { priceLimit: '100000' } },
    {
      block: 2,
      origin: '1',
      call: 'assign',
      args: { regionId: { begin: 4, core: 0, mask: full }, task: 1001, finality: 'Final' },
    },
    { block: 4 },
    { block: 6, origin: '1', call: 'renew', args: { core: 0 } },
  ] as Record<string, unknown>[],
})

const issues = (input: unknown): string[] => {
  const r = Trace.parse(input)
  if (r.ok) throw new Error('expected issues, the trace parsed')
  return r.error.issues.map(Trace.formatIssue)
}
const args = (f: ReturnType<typeof file>, i: number) => f.steps[i]!.args as Record<string, unknown>

describe('Trace.parse', () => {
  test('default', () => {
    const r = Trace.parse(file())
    if (!r.ok) throw new Error(r.error.issues.map(Trace.formatIssue).join('\n'))
    const t = r.trace
    expect(t.name).toBe('renewal_works')
    expect(t.startBlock).toBe(0)
    expect(t.runtime).toEqual({
      ...runtime,
      minimumCreditPurchase: 20n,
      priceAdapter: { kind: 'CenterTargetPrice' },
    })
    expect(t.balances).toEqual(new Map([['1', 100000n]]))
    expect(t.steps[0]).toEqual({
      block: 0,
      origin: 'root',
      call: {
        call: 'configure',
        args: Runtimes.unitTestConfig,
      },
    })
    expect(t.steps[2]).toEqual({
      block: 2,
      origin: '1',
      call: { call: 'purchase', args: { priceLimit: 100000n } },
    })
    expect(t.steps[3]!.call).toEqual({
      call: 'assign',
      args: { regionId: { begin: 4, core: 0, mask: (1n << 80n) - 1n }, task: 1001, finality: 'Final' },
    })
    expect(t.steps[4]).toEqual({ block: 4, origin: null, call: null })
    expect(t.expect).toBeNull()
  })

  test('args: startBlock, MinimumPrice, 128-bit balances, schedules and options', () => {
    const f = file()
    Object.assign(f.runtime, {
      startBlock: 10,
      balanceBits: 128,
      priceAdapter: { kind: 'MinimumPrice', minimumEndPrice: '100000000000' },
    })
    f.balances = { '1': '340282366920938463463374607431768211455', pot: '0' }
    f.steps = [
      {
        block: 10,
        origin: 'root',
        call: 'reserve',
        args: {
          workload: [
            { mask: '0xfffff000000000000000', assignment: { task: 1 } },
            { mask: '0x00000fffffffffffffff', assignment: 'Pool' },
          ],
        },
      },
      {
        block: 10,
        origin: '1001',
        call: 'enableAutoRenew',
        args: { core: 0, task: 1001, workloadEndHint: null },
      },
      { block: 11, origin: '1', call: 'notifyRevenue', args: { revenue: { until: 10, amount: '5' } } },
    ]
    const r = Trace.parse(f)
    if (!r.ok) throw new Error(r.error.issues.map(Trace.formatIssue).join('\n'))
    expect(r.trace.startBlock).toBe(10)
    expect('startBlock' in r.trace.runtime).toBe(false)
    expect(r.trace.runtime.priceAdapter).toEqual({ kind: 'MinimumPrice', minimumEndPrice: 100_000_000_000n })
    expect(r.trace.balances.get('1')).toBe((1n << 128n) - 1n)
    expect(r.trace.steps[0]!.call).toEqual({
      call: 'reserve',
      args: {
        workload: [
          { mask: 0xfffff000000000000000n, assignment: { task: 1 } },
          { mask: 0x00000fffffffffffffffn, assignment: 'Pool' },
        ],
      },
    })
    expect(r.trace.steps[1]!.call).toEqual({
      call: 'enableAutoRenew',
      args: { core: 0, task: 1001, workloadEndHint: null },
    })
    expect(r.trace.steps[2]!.call).toEqual({
      call: 'notifyRevenue',
      args: { revenue: { until: 10, amount: 5n } },
    })
  })

  test('args: expect section', () => {
    const f = {
      ...file(),
      expect: {
        steps: [
          { index: 2, ok: true },
          { index: 5, ok: false, error: 'SoldOut' },
        ],
        events: [
          { name: 'Renewed', data: { price: '100' } },
          { name: 'CoreAssigned', block: 6, step: null },
        ],
        state: { balances: { '1': '99800' } },
        after: [{ step: 4, state: { saleInfo: null } }],
      },
    }
    const r = Trace.parse(f)
    if (!r.ok) throw new Error(r.error.issues.map(Trace.formatIssue).join('\n'))
    expect(r.trace.expect).toEqual({
      steps: [
        { index: 2, ok: true },
        { index: 5, ok: false, error: 'SoldOut' },
      ],
      events: [
        { name: 'Renewed', data: { price: '100' } },
        { name: 'CoreAssigned', block: 6, step: null },
      ],
      state: { balances: { '1': '99800' } },
      after: [{ step: 4, state: { saleInfo: null } }],
    })
  })

  test('error: a number where planck belongs names the step and field', () => {
    const f = file()
    args(f, 2).priceLimit = 100000
    expect(issues(f)).toEqual([
      'steps[2].args.priceLimit: expected a decimal string of planck, got number 100000',
    ])
  })

  test('error: malformed decimal strings, masks and Perbill', () => {
    const f = file()
    args(f, 1).endPrice = '1.5'
    args(f, 0).renewalBump = '1000000001'
    ;(args(f, 3).regionId as Record<string, unknown>).mask = '0xfff'
    f.balances['2'] = '-3'
    expect(issues(f)).toEqual([
      'balances["2"]: expected a decimal string of planck, got string "-3"',
      'steps[0].args.renewalBump: expected a decimal string of Perbill parts (0..1000000000), got string "1000000001"',
      'steps[1].args.endPrice: expected a decimal string of planck, got string "1.5"',
      'steps[3].args.regionId.mask: expected a core mask ("0x" and 20 hex digits), got string "0xfff"',
    ])
  })

  test('error: a balance wider than the runtime Balance', () => {
    const f = file()
    f.balances['1'] = '18446744073709551616'
    expect(issues(f)).toEqual([
      'balances["1"]: expected a decimal string of planck at most 18446744073709551615 (the runtime\'s Balance width), got 18446744073709551616',
    ])
  })

  test('error: unknown call', () => {
    const f = file()
    f.steps[5]!.call = 'renewCore'
    const [issue] = issues(f)
    expect(issue).toMatch(/^steps\[5\]\.call: unknown call "renewCore", expected one of configure, /)
  })

  test('error: missing argument, unknown argument, wrong type', () => {
    const f = file()
    delete args(f, 3).task
    args(f, 3).taks = 1001
    args(f, 5).core = '0'
    expect(issues(f)).toEqual([
      'steps[3].args.task: missing, expected a task (para id, non-negative integer)',
      'steps[3].args.taks: unknown field',
      'steps[5].args.core: expected a core index (integer 0..65535), got string "0"',
    ])
  })

  test('error: missing args, origin or call', () => {
    const f = file()
    delete f.steps[5]!.args
    delete f.steps[2]!.origin
    delete f.steps[1]!.call
    expect(issues(f)).toEqual([
      'steps[1].call: missing, expected a call name (or a pause {block} alone)',
      'steps[2].origin: missing, expected an origin ("root" or an account id)',
      'steps[5].args: missing, expected an object of arguments',
    ])
  })

  test('error: a block that goes backwards', () => {
    const f = file()
    f.steps[5]!.block = 3
    expect(issues(f)).toEqual([
      'steps[5].block: block 3 is before steps[4] (block 4); blocks may not go backwards',
    ])
    const g = file()
    Object.assign(g.runtime, { startBlock: 1 })
    expect(issues(g)[0]).toBe(
      'steps[0].block: block 0 is before runtime.startBlock (block 1); blocks may not go backwards',
    )
  })

  test('error: unknown fields anywhere', () => {
    const f = { ...file(), comment: 'x', runtime: { ...runtime, maxCores: 3 } }
    f.steps[4] = { block: 4, note: 'pause' }
    expect(issues(f)).toEqual([
      'comment: unknown field',
      'runtime.maxCores: unknown field',
      'steps[4].note: unknown field',
    ])
  })

  test('error: runtime fields are required except startBlock', () => {
    const f = file()
    const { revenueAccount: _, ...rest } = runtime
    f.runtime = { ...rest, balanceBits: 32, priceAdapter: { kind: 'MinimumPrice' } } as typeof runtime
    expect(issues(f)).toEqual([
      'runtime.priceAdapter.minimumEndPrice: missing, expected a decimal string of planck',
      'runtime.balanceBits: expected 64 or 128, got number 32',
      'runtime.revenueAccount: missing, expected an account id (non-empty string other than "root")',
    ])
  })

  test('error: not a trace at all', () => {
    expect(issues(null)).toEqual(['(file): expected a JSON object, got null'])
    expect(issues([])).toEqual(['(file): expected a JSON object, got an array'])
    expect(issues({ format: 'coretime-trace/2', runtime, steps: {} })).toEqual([
      'format: expected "coretime-trace/1", got string "coretime-trace/2"',
      'steps: expected a list of steps, got an object',
    ])
  })

  test('error: expectations that point nowhere', () => {
    const f = {
      ...file(),
      expect: {
        steps: [
          { index: 4, ok: true },
          { index: 9, ok: true },
          { index: 2, ok: true, error: 'SoldOut' },
        ],
        events: [{ name: 'Bought' }],
        state: { balance: {} },
        after: [{ step: 6, state: {} }],
      },
    }
    expect(issues(f)).toEqual([
      'expect.events[0].name: expected an event name of the pallet (e.g. "Renewed"), got string "Bought"',
      'expect.state.balance: unknown field',
    ])
    f.expect.events = []
    f.expect.state = {} as never
    expect(issues(f)).toEqual([
      'expect.steps[0].index: step 4 is a pause; only calls have an outcome',
      'expect.steps[1].index: step 9 does not exist (the trace has 6 steps)',
      'expect.steps[2].error: an error only goes with "ok": false',
      'expect.after[0].step: step 6 does not exist (the trace has 6 steps)',
    ])
  })
})

describe('Trace.parse clock', () => {
  test('default: no clock field is the relay clock (every older trace keeps its meaning)', () => {
    const r = Trace.parse(file())
    if (!r.ok) throw new Error('parse')
    expect(r.trace.clock).toBeUndefined()
    expect(Trace.toJson(r.trace).clock).toBeUndefined()
  })

  test('args: clock "parachain" and "relay" are read and written back', () => {
    for (const clock of ['parachain', 'relay'] as const) {
      const r = Trace.parse({ ...file(), clock })
      if (!r.ok) throw new Error(r.error.message)
      expect(r.trace.clock).toBe(clock)
      expect(Trace.toJson(r.trace).clock).toBe(clock)
    }
  })

  test('error: a clock that is neither names the field and the values', () => {
    expect(issues({ ...file(), clock: 'para' })).toEqual([
      'clock: expected "relay" or "parachain", got string "para"',
    ])
    expect(issues({ ...file(), clock: 1 })).toEqual(['clock: expected "relay" or "parachain", got number 1'])
  })
})

describe('Trace.toJson', () => {
  test('default: round trip through parse', () => {
    const f = {
      ...file(),
      expect: { steps: [{ index: 5, ok: false, error: 'SoldOut' }], state: { balances: {} } },
    }
    Object.assign(f.runtime, { startBlock: 0, priceAdapter: { kind: 'MinimumPrice', minimumEndPrice: '7' } })
    f.steps.push(
      {
        block: 7,
        origin: '1',
        call: 'interlace',
        args: { regionId: { begin: 4, core: 0, mask: full }, pivot: '0xfffff000000000000000' },
      },
      {
        block: 7,
        origin: '1',
        call: 'partition',
        args: { regionId: { begin: 4, core: 0, mask: full }, pivot: 2 },
      },
    )
    const r = Trace.parse(f)
    if (!r.ok) throw new Error(r.error.issues.map(Trace.formatIssue).join('\n'))
    const json = Trace.toJson(r.trace)
    expect(json).toEqual(JSON.parse(JSON.stringify(f)))
    const again = Trace.parse(JSON.parse(JSON.stringify(json)))
    expect(again).toEqual(r)
  })

  test('behavior: startBlock is written out; balances sorted', () => {
    const f = file()
    f.balances = { b: '1', '10': '2', '9': '3' }
    const r = Trace.parse(f)
    if (!r.ok) throw new Error('parse')
    const json = Trace.toJson(r.trace)
    expect((json.runtime as Record<string, unknown>).startBlock).toBe(0)
    expect(JSON.stringify(json.balances)).toBe('{"9":"3","10":"2","b":"1"}')
  })
})
