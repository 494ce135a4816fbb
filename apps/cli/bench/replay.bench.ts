import { Broker } from '@coretime/core'
import { type GenStep, generate, POLKADOT_RUNTIME } from './longTrace'

const time = (f: () => void): number => {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}

const replaySteps = (steps: GenStep[], balances: Map<string, bigint>) => {
  const state = Broker.create(POLKADOT_RUNTIME, balances, 0)
  const out = Broker.sink()
  let advanceMs = 0
  let callMs = 0
  let calls = 0
  let events = 0
  let rotations = 0
  for (const s of steps) {
    const t0 = performance.now()
    Broker.advanceTo(state, s.block, out)
    const t1 = performance.now()
    if (s.call) {
      Broker.execute(state, s.origin, s.call, out)
      calls++
    }
    const t2 = performance.now()
    advanceMs += t1 - t0
    callMs += t2 - t1
    // a streaming consumer: count the events and let them go
    events += out.events.length
    for (const e of out.events) if (e.name === 'SaleInitialized') rotations++
    out.events.length = 0
    out.assignments.length = 0
  }
  return { state, advanceMs, callMs, calls, events, rotations }
}

/** Issue 2: replay throughput on a generated 10-year Polkadot-sized trace, and on a call-heavy one. */
export const benchReplay = (): void => {
  // Call-heavy first, on a small heap.
  const heavy = callHeavy(200_000)
  const sales = 131 // ≥ 10 years of 28-day regions
  const gen = generate({ sales, cores: 62, accounts: 200 })
  // warm up
  replaySteps(gen.steps, gen.balances)
  const runs = 3
  let best = Number.POSITIVE_INFINITY
  let result: ReturnType<typeof replaySteps> | null = null
  for (let i = 0; i < runs; i++) {
    const t = time(() => {
      result = replaySteps(gen.steps, gen.balances)
    })
    if (t < best) best = t
  }
  const r = result!
  const { rotations, events } = r
  console.log(`replay: long Polkadot trace — ${sales} sales, 62 cores`)
  console.log(`  ${r.calls} calls, ${events} events, ${r.state.block} relay blocks`)
  console.log(`  whole replay            ${best.toFixed(0)} ms (best of ${runs})`)
  const perSec = (n: number, ms: number) => ((n / ms) * 1000).toFixed(0)
  console.log(
    `  calls                   ${perSec(r.calls, r.callMs)} calls/s (${r.callMs.toFixed(1)} ms in execute)`,
  )
  console.log(
    `  time (hooks, rotations) ${((rotations / r.advanceMs) * 1000).toFixed(1)} rotations/s (${r.advanceMs.toFixed(0)} ms advancing,`,
  )
  console.log(`                          ${rotations} rotations)`)
  console.log(`replay: purchase/renew-heavy — ${heavy.calls} calls (${heavy.ok} succeeded)`)
  console.log(`  in ${heavy.ms.toFixed(0)} ms: ${perSec(heavy.calls, heavy.ms)} calls/s`)
}

/**
 * Purchase/renew-heavy: the state just after a rotation, then every renewal and every purchase
 * (with its Final assignment) of that sale in one block. Copies of the state are made untimed;
 * only `Broker.execute` is timed.
 */
export const callHeavy = (target: number) => {
  const gen = generate({ sales: 2, cores: 62, accounts: 50 })
  const state = Broker.create(POLKADOT_RUNTIME, gen.balances, 0)
  const out = Broker.sink()
  // Replay up to the second sale's first renewal.
  const firstRenew = gen.steps.findIndex((s) => s.call?.call === 'renew')
  for (const s of gen.steps.slice(0, firstRenew)) {
    Broker.advanceTo(state, s.block, out)
    if (s.call) Broker.execute(state, s.origin, s.call, out)
  }
  Broker.advanceTo(state, gen.steps[firstRenew]!.block, out)
  const sale = state.saleInfo!
  Broker.advanceTo(state, sale.saleStart + 1, out)
  const calls = gen.steps
    .slice(firstRenew)
    .filter((s) => s.call && s.block < sale.saleStart + 201_600 && s.call.call !== 'configure')
    .map((s) => ({ origin: s.origin, call: s.call! }))
  const perRound = calls.length
  const rounds = Math.ceil(target / perRound)
  const copies = Array.from({ length: Math.min(rounds, 20) }, () => Broker.clone(state))
  let ms = 0
  let n = 0
  let ok = 0
  for (let r = 0; r < rounds; r += copies.length) {
    const batch = copies.map((c) => Broker.clone(c))
    const t0 = performance.now()
    for (const st of batch) {
      out.events.length = 0
      for (const c of calls) if (Broker.execute(st, c.origin, c.call, out).ok) ok++
    }
    ms += performance.now() - t0
    n += batch.length * perRound
  }
  return { calls: n, ms, ok }
}
