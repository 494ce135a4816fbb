import { Broker } from '@coretime/core'
import { MonteCarlo, Scenario, simulate } from '@coretime/sim'
import { createPool } from '../src/sim/pool'

/**
 * Issue 4 figures: one Polkadot-sized run (130 sales ≈ 10 years, 200 agents), a 10,000-run Monte
 * Carlo on this machine's cores, and how both grow with agents and sales. Prints; asserts nothing.
 */

/** A Polkadot-sized market with `agents` agents: renewers on leases, buyers, speculators, a large actor. */
export const benchScenario = (agents: number, sales: number): Scenario.Scenario => {
  const renewers = Math.min(50, Math.floor(agents / 4))
  const speculators = Math.max(1, Math.floor(agents / 25))
  const buyers = Math.max(0, agents - renewers - speculators - 1)
  const raw: Scenario.RawScenario = {
    name: `bench-${agents}-agents-${sales}-sales`,
    chain: { preset: 'polkadot' },
    horizon: sales,
    start: { endPrice: '50 DOT', extraCores: 40 },
    demand: {
      agents: [
        {
          kind: 'renewer',
          count: renewers,
          renewInSale: [2, Math.max(2, Math.min(sales, 26))],
          maxPrice: '2000 DOT',
          forget: 0.01,
        },
        {
          kind: 'buyer',
          count: buyers,
          arrival: [1, sales],
          patience: 3,
          valuation: { dist: 'lognormal', median: '300 DOT', sigma: 0.8 },
          timing: { strategy: 'random' },
        },
        { kind: 'speculator', count: speculators, cores: 2, maxPrice: '150 DOT', at: 0.3, markup: 1.5 },
        { kind: 'largeActor', name: 'whale', buyBelow: '20 DOT', sales: [1, sales] },
      ],
    },
  }
  const p = Scenario.parse(raw)
  if (!p.ok) throw new Error(p.error.issues.map(Scenario.formatIssue).join('; '))
  return p.scenario
}

const time = (f: () => void): number => {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}
/** Median and best of `n` timings (other processes on a shared machine inflate single ones). */
const spread = (n: number, f: () => void): { median: number; best: number } => {
  const ts = Array.from({ length: n }, () => time(f)).sort((a, b) => a - b)
  return { median: ts[Math.floor(n / 2)] ?? 0, best: ts[0] ?? 0 }
}
const ms = (x: number): string => `${x.toFixed(1)} ms`

/** The engine alone: `sales` sales of time advancing with no calls after start_sales (the floor). */
const engineFloor = (sales: number): { ms: number; timeslices: number } => {
  const sc = benchScenario(0, sales)
  const s = Broker.create(sc.chain.runtime, new Map(), 0)
  const sink = Broker.sink({ quietHistory: true })
  Broker.execute(s, 'root', { call: 'configure', args: sc.chain.configuration }, sink)
  Broker.execute(
    s,
    'root',
    { call: 'startSales', args: { endPrice: sc.start.endPrice, extraCores: 40 } },
    sink,
  )
  const end = (sales + 1) * sc.chain.configuration.regionLength * sc.chain.runtime.timeslicePeriod
  const t = time(() => {
    for (let b = 0; b < end; b += 403_200) {
      Broker.advanceTo(s, Math.min(end, b + 403_200), sink)
      sink.events.length = 0
      sink.assignments.length = 0
    }
  })
  return { ms: t, timeslices: s.status?.lastCommittedTimeslice ?? 0 }
}

export const benchSim = async (options: { mcRuns?: number } = {}): Promise<void> => {
  console.log('simulator (issue 4)')
  const big = benchScenario(200, 130)
  for (let i = 0; i < 10; i++) simulate(big, { seed: 100 + i }) // warm up the JIT
  const one = spread(21, () => simulate(big, { seed: 1 }))
  console.log(
    `  one run, 130 sales, 200 agents: ${ms(one.median)} median, ${ms(one.best)} best of 21 (target ≤ 20 ms)`,
  )
  for (let i = 0; i < 5; i++) engineFloor(130) // warm up
  const floors = Array.from({ length: 9 }, () => engineFloor(130)).sort((a, b) => a.ms - b.ms)
  const floor = floors[4] as { ms: number; timeslices: number } // the median
  console.log(
    `  of which the engine's time advance alone (no calls): ${ms(floor.ms)} for ${floor.timeslices} timeslice commits (${((floor.ms * 1000) / floor.timeslices).toFixed(2)} µs each)`,
  )

  const runs = options.mcRuns ?? 1000
  const c0 = performance.now()
  const pool = createPool(2)
  await pool.run(big, { runs: 40, seed: 99 }) // start-up: load the simulator, warm up the JIT
  const cold = performance.now() - c0
  const t0 = performance.now()
  const sums = await pool.run(big, { runs, seed: 1 })
  const mc = performance.now() - t0
  await pool.close()
  MonteCarlo.bands(sums)
  console.log(
    `  Monte Carlo, 2 long-lived worker threads: ${runs} runs in ${(mc / 1000).toFixed(1)} s (${ms(mc / runs)} per run) → 10,000 runs ≈ ${((mc / runs) * 10).toFixed(0)} s${runs >= 10_000 ? '' : ' (extrapolated)'} (target ≤ 60 s)`,
  )
  console.log(`    pool start-up with 40 warm-up runs: ${(cold / 1000).toFixed(1)} s, once per pool`)

  console.log('  growth with agents (130 sales), median of 7:')
  for (const n of [0, 50, 100, 200, 400]) {
    const sc = benchScenario(n, 130)
    simulate(sc, { seed: 2 })
    console.log(
      `    ${String(n).padStart(4)} agents  ${ms(spread(7, () => simulate(sc, { seed: 1 })).median)}`,
    )
  }
  console.log('  growth with sales (200 agents), median of 7:')
  for (const k of [13, 26, 65, 130, 260]) {
    const sc = benchScenario(200, k)
    simulate(sc, { seed: 2 })
    console.log(
      `    ${String(k).padStart(4)} sales   ${ms(spread(7, () => simulate(sc, { seed: 1 })).median)}`,
    )
  }
}
