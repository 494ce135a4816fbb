import { BulkVsOnDemand, OnDemand, Renewal } from '@coretime/core'
import { type Aggregate, MonteCarlo, Rng, Scenario, simulate } from '@coretime/sim'
import { describe, expect, test } from 'vitest'
import {
  bandsOf,
  bandsOfAggregates,
  bulkVsOnDemand,
  mainSeed,
  mcAggregate,
  mcRuns,
  mcScenario,
  monteCarlo,
  resolveScenario,
  run,
  runView,
  scenarioOf,
  simCache,
  transferables,
} from '../src/model'
import { runErrorOf } from '../src/model/check'
import { defaults, type ViewState } from '../src/state'

const v = defaults()
const input = { params: v.a, demand: v.demand, sales: 6, userPaid: v.userPaid }

describe('model.run', () => {
  test('default: every sale row is @coretime/sim’s number for the same scenario', () => {
    const r = run(input, v.network, v.start)
    const parsed = Scenario.parse(scenarioOf(input, v.network, v.start))
    if (!parsed.ok) throw new Error('scenario refused')
    const sim = simulate(parsed.scenario, { seed: 0 })
    expect(r.rows.map((x) => x.endPrice)).toEqual(sim.sales.map((s) => s.endPrice))
    expect(r.rows.map((x) => x.coresSold)).toEqual(sim.sales.map((s) => s.coresSold))
    expect(r.rows.map((x) => x.revenue)).toEqual(sim.sales.map((s) => s.revenue))
    expect(r.revenue).toBe(sim.revenue)
  })

  test('behavior: the user’s renewal pays the recorded price: what was paid, then Renewal.nextPrice sale by sale', () => {
    // a core bought below the end price (40 DOT, the page's default before it matched the end price)
    const paid = 400_000_000_000n
    const r = run({ ...input, userPaid: paid }, v.network, v.start)
    const [first, second, third] = r.rows
    // do_renew pays the recorded price; assign recorded the 40 DOT paid (broker-pallet spec 5.6)
    expect(first?.userRenewal).toBe(paid)
    // the next is the 3% bump of 40 DOT floored at sale 1's end price (RFC-149): 50 DOT
    expect(second?.userRenewal).toBe(
      Renewal.nextPrice('floorAtEndPrice', paid, 30_000_000n, first!.endPrice, 100n * first!.endPrice),
    )
    expect(second?.userRenewal).toBe(500_000_000_000n)
    expect(third?.userRenewal).toBe(515_000_000_000n)
  })

  test('behavior: the renewal line is BulkVsOnDemand.Compare’s bulk price sequence at a constant end price', () => {
    const r = run(input, v.network, v.start)
    const prices = BulkVsOnDemand.Compare.bulkPrices({
      ...BulkVsOnDemand.Compare.defaults('polkadot'),
      regions: input.sales + 1,
      purchasePrice: v.userPaid,
      endPrice: r.rows[0]!.endPrice,
      renewalSalePrice: r.rows[0]!.topPrice,
    })
    // region 1 is the purchase; each later region is a renewal in the next sale
    expect(r.rows.map((x) => x.userRenewal)).toEqual(prices.slice(1))
  })

  test('args: a higher starting price moves every end price', () => {
    const a = run(input, v.network, v.start)
    const b = run({ ...input, params: { ...v.a, startPrice: v.a.startPrice * 2n } }, v.network, v.start)
    expect(b.rows[0]?.endPrice).toBe(2n * (a.rows[0]?.endPrice ?? 0n))
  })

  test('error: a scenario the simulator refuses throws with the field named', () => {
    expect(() => run({ ...input, params: { ...v.a, leadin: 0 } }, v.network, v.start)).toThrow(
      /^leadin: expected 1 to 10000000, got 0$/,
    )
  })

  test('behavior: on-demand cost is the floor spot price times the orders of a region', () => {
    const r = run(input, v.network, v.start)
    const c = bulkVsOnDemand({ ...v, blocksPerDay: 100 }, r)
    expect(c.rows[0]?.orders).toBe(2_800n) // 100 blocks a day × 28 days
    expect(c.rows[0]?.onDemand).toBe(c.spot * 2_800n)
    expect(c.rows[0]?.bulk).toBe(r.rows[0]?.userRenewal)
  })

  test('behavior: bulk and on-demand are @coretime/core’s BulkVsOnDemand numbers', () => {
    const r = run(input, v.network, v.start)
    const c = bulkVsOnDemand({ ...v, blocksPerDay: 5_000 }, r)
    const od = OnDemand.Params.sdkDefaults('polkadot')
    const row = r.rows[2]!
    const expected = BulkVsOnDemand.Compare.compare({
      blocksPerDay: 5_000,
      regions: 1,
      regionRelayBlocks: v.a.regionLength * 80,
      relayBlocksPerDay: 14_400,
      purchasePrice: row.userRenewal,
      endPrice: row.endPrice,
      renewalSalePrice: row.topPrice,
      renewalBump: 30_000_000n,
      renewalRule: 'floorAtEndPrice',
      onDemandBaseFee: od.baseFee,
      traffic: od.trafficDefault,
    })
    expect(c.spot).toBe(expected.spotPrice)
    expect(c.cores).toBe(1)
    expect(c.rows[2]).toEqual({
      index: 3,
      bulk: expected.perRegion[0]?.bulk,
      orders: expected.perRegion[0]?.orders,
      onDemand: expected.perRegion[0]?.onDemand,
    })
  })
})

/** A small view with every kind of agent, for runs fast enough in a unit test. */
const withAgents = (over: Partial<ViewState['agents']> = {}): ViewState => ({
  ...v,
  sales: 5,
  mc: { runs: 12, seed: 7 },
  agents: { ...v.agents, renewers: 4, buyers: 3, speculators: 1, largeOn: true, ...over },
})

describe('model: agents', () => {
  test('default: the view’s agents reach @coretime/sim, and the main run is run 0 of the batch', () => {
    const view = withAgents()
    const scenario = mcScenario(view)
    expect(scenario.demand.agents.map((a) => a.kind)).toEqual([
      'renewer',
      'buyer',
      'speculator',
      'largeActor',
    ])
    const buyer = scenario.demand.agents[1]
    expect(buyer?.kind === 'buyer' && buyer.count).toBe(15) // 3 a sale × 5 sales
    expect(mainSeed(view)).toBe(Rng.derive(7, 0))
    const sim = simulate(scenario, { seed: Rng.derive(7, 0) })
    const { a } = runView(view)
    expect(a.rows.map((r) => r.endPrice)).toEqual(sim.sales.map((s) => s.endPrice))
    expect(a.rows.map((r) => r.purchasePrice)).toEqual(sim.sales.map((s) => s.purchasePrices?.mean ?? null))
  })

  test('args: a renewer’s limit and forget chance reach the simulator as planck and a probability', () => {
    const view = withAgents({ renewMax: 123_000_000_000n, forgetPct: 12.5 })
    const r = mcScenario(view).demand.agents[0]
    expect(r).toMatchObject({
      kind: 'renewer',
      maxPrice: 123_000_000_000n,
      forget: 0.125,
      renewInSale: [2, 2],
    })
  })

  test('error: agent settings the simulator refuses throw with the field named', () => {
    const view = withAgents({
      valuation: { ...v.agents.valuation, dist: 'uniform', min: 50_000_000_000n, max: 10_000_000_000n },
    })
    expect(() => runView(view)).toThrow(/^vmax: expected a highest worth at least the lowest/)
  })
})

describe('model: Monte Carlo', () => {
  test('default: the workers’ split batch gives @coretime/sim’s monteCarlo bands exactly', () => {
    const view = withAgents()
    const whole = MonteCarlo.monteCarlo(mcScenario(view), { runs: 12, seed: 7 })
    expect(monteCarlo(view)).toEqual(whole)
    const split = bandsOf([...mcRuns(view, 5, 12), ...mcRuns(view, 0, 5)])
    expect(split).toEqual(whole)
  })

  test('default: the workers’ columns (MonteCarlo.aggregate), merged in any order, give the same bands', () => {
    const view = withAgents()
    const whole = MonteCarlo.monteCarlo(mcScenario(view), { runs: 12, seed: 7 })
    const parts = [mcAggregate(view, 7, 12), mcAggregate(view, 0, 3), mcAggregate(view, 3, 7)]
    expect(bandsOfAggregates(parts)).toEqual(whole)
    // what crosses to the page: one buffer a column of whole numbers below 2^53
    expect(transferables(parts[0] as Aggregate.Aggregate)).toHaveLength(
      (parts[0] as Aggregate.Aggregate).cols.length,
    )
  })

  test('error: a share with no runs adds nothing; no runs at all have no bands', () => {
    const view = withAgents()
    const empty = { runs: 0, sales: 0, cols: [] }
    expect(bandsOfAggregates([empty, mcAggregate(view, 0, 12)])).toEqual(
      MonteCarlo.monteCarlo(mcScenario(view), { runs: 12, seed: 7 }),
    )
    expect(() => bandsOfAggregates([empty])).toThrow(/no runs/)
  })

  test('behavior: with agents the runs differ (a spread); richer buyers pay more', () => {
    const view = withAgents()
    const b = monteCarlo(view)
    expect(b.sales.some((s) => s.endPrice.p5 !== s.endPrice.p95 || s.coresSold.p5 !== s.coresSold.p95)).toBe(
      true,
    )
    const rich = monteCarlo(
      withAgents({ valuation: { ...v.agents.valuation, median: 10n * v.agents.valuation.median } }),
    )
    expect(rich).not.toEqual(b)
  })

  test('behavior: without agents every run is the same', () => {
    const b = monteCarlo({ ...v, sales: 4, mc: { runs: 5, seed: 3 } })
    for (const s of b.sales) expect(s.endPrice.p5).toBe(s.endPrice.p95)
  })

  test('error: a batch of no runs is refused by the simulator', () => {
    expect(() => bandsOf([])).toThrow(/no runs/)
  })
})

describe('model.resolveScenario', () => {
  const agents = {
    ...v.agents,
    renewers: 5,
    buyers: 3,
    speculators: 2,
    largeOn: true,
    valuation: { ...v.agents.valuation, dist: 'uniform' as const },
    timing: 'fraction' as const,
    timingPct: 40,
  }
  const cases: [string, Parameters<typeof resolveScenario>[0], 'polkadot' | 'kusama'][] = [
    ['defaults', input, 'polkadot'],
    ['agents of every kind', { ...input, agents }, 'polkadot'],
    [
      'lognormal, random timing',
      {
        ...input,
        agents: { ...agents, valuation: { ...agents.valuation, dist: 'lognormal' }, timing: 'random' },
      },
      'polkadot',
    ],
    [
      'fixed worth, kusama',
      { ...input, agents: { ...agents, valuation: { ...agents.valuation, dist: 'fixed' } } },
      'kusama',
    ],
    [
      'sale by sale, Linear, bump only',
      {
        ...input,
        params: { ...v.a, adapter: 'Linear', renewalRule: 'bumpOnly', idealPct: 33.33, bumpPct: 2.05 },
        demand: {
          mode: 'perSale',
          renewals: [0, 3, 4, 5, 6, 7],
          purchases: [1, 2, 3, 4, 5, 6],
          buyAtPct: 20,
        },
      },
      'polkadot',
    ],
    [
      'CenterTargetPrice, no renewals',
      { ...input, params: { ...v.a, adapter: 'CenterTargetPrice' }, demand: { ...v.demand, renewals: [0] } },
      'kusama',
    ],
  ]
  test.each(cases)(
    'default: %s — the same scenario as Scenario.parse of the scenario file',
    (_name, i, network) => {
      const parsed = Scenario.parse(scenarioOf(i, network, '2027-02-03'))
      if (!parsed.ok) throw new Error(parsed.error.issues.map(Scenario.formatIssue).join('; '))
      expect(resolveScenario(i, network, '2027-02-03')).toEqual(parsed.scenario)
    },
  )
  test('error: renewals and renewers beyond the runtime’s leased cores are refused, naming the field', () => {
    expect(() =>
      resolveScenario(
        { ...input, demand: { ...v.demand, renewals: [600] }, agents: { ...agents, renewers: 401 } },
        'polkadot',
        v.start,
      ),
    ).toThrow(/^ren: expected renewals and renewers together at most 1000, got 1001$/)
  })
  test('error: an amount above u128 is refused', () => {
    expect(() =>
      resolveScenario({ ...input, params: { ...v.a, startPrice: 2n ** 128n } }, 'polkadot', v.start),
    ).toThrow(/^price: /)
  })
})

describe('runErrorOf', () => {
  test('default: the model’s refusal reaches the page as OutOfBounds data, naming the field', () => {
    let caught: unknown = null
    try {
      resolveScenario({ ...input, params: { ...v.a, startPrice: 2n ** 128n } }, 'polkadot', v.start)
    } catch (e) {
      caught = e
    }
    expect(runErrorOf(caught)).toEqual({
      code: 'OutOfBounds',
      message: `price: expected 0 to u128 planck, got ${2n ** 128n}`,
    })
  })
  test('error: anything else thrown by a run is EngineFailed, with its message', () => {
    expect(runErrorOf(new RangeError('bands: no runs'))).toEqual({
      code: 'EngineFailed',
      message: 'bands: no runs',
    })
    expect(runErrorOf('boom')).toEqual({ code: 'EngineFailed', message: 'boom' })
  })
})

describe('runView with a SimCache', () => {
  /** A cache that counts the simulations it was given (each one a miss). */
  const counting = () => {
    const c = simCache(8)
    let simulated = 0
    return {
      get: c.get,
      set: (k: string, r: Parameters<typeof c.set>[1]) => {
        simulated++
        c.set(k, r)
      },
      simulated: () => simulated,
    }
  }
  test('default: the same numbers as without a cache; unchanged inputs are not simulated again', () => {
    const cache = counting()
    const view: ViewState = { ...v, sales: 4, b: { ...v.a, leadin: 100_800 } }
    expect(runView(view, cache)).toEqual(runView(view))
    expect(cache.simulated()).toBe(2)
    // only set B moves: A comes from the cache
    const bMoved = { ...view, b: { ...v.a, leadin: 50_400 } }
    expect(runView(bMoved, cache)).toEqual(runView(bMoved))
    expect(cache.simulated()).toBe(3)
    // only your core's price moves: nothing is simulated, your renewal line follows
    const paid = { ...bMoved, userPaid: 2n * v.userPaid }
    const r = runView(paid, cache)
    expect(r).toEqual(runView(paid))
    expect(r.a.rows[0]?.userRenewal).toBe(2n * v.userPaid)
    expect(cache.simulated()).toBe(3)
  })
  test('error: a cached simulation does not skip the bounds check', () => {
    const cache = counting()
    runView({ ...v, sales: 4 }, cache)
    expect(() => runView({ ...v, sales: 4, userPaid: 2n ** 128n }, cache)).toThrow(/^paid: /)
  })
  test('behavior: the oldest entry goes first once full', () => {
    const c = simCache(1)
    const view = { ...v, sales: 2 }
    runView(view, c)
    runView({ ...view, demand: { ...view.demand, buyAtPct: 10 } }, c)
    let hits = 0
    const spy = {
      get: (k: string) => {
        const r = c.get(k)
        if (r) hits++
        return r
      },
      set: c.set,
    }
    runView(view, spy)
    expect(hits).toBe(0)
    runView(view, spy)
    expect(hits).toBe(1)
  })
})
