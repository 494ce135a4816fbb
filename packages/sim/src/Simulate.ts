import type { BrokerState } from '@coretime/core'
import * as Profile from './Profile'
import * as Recorder from './Recorder'
import { agentResults, newSaleTally, type SimResult, saleResult } from './Results'
import * as Engine from './run/Engine'
import { execute } from './run/Execute'
import { gather } from './run/Gather'
import { resale } from './run/Resale'
import { dropEnded, rotate } from './run/Rotate'
import type { Run } from './run/Run'
import * as SaleView from './run/SaleView'
import { setup } from './run/Setup'
import type { Scenario } from './Scenario'

export type {
  AgentResult,
  Failure,
  FailureReason,
  GroupResult,
  OnDemandSale,
  PriceStats,
  SaleResult,
  SimResult,
} from './Results'
export { SimulationError } from './SimulationError'

export interface SimOptions {
  seed?: number
  /** record the run as a coretime-trace/1 file (`result.trace`) */
  trace?: boolean
  /**
   * Start from this broker state (a chain snapshot, `@coretime/chain`) instead of configuring a fresh
   * chain: no setup calls, the scenario's `start` is ignored, and the state's leases and renewal
   * rights are held by table renewers of the group `chain`. Cannot be recorded as a trace.
   */
  from?: BrokerState
  /** add this run's time per phase to these totals (`npm run bench`) */
  profile?: Profile.Profile
}

/**
 * Runs a scenario through the exact engine: every purchase, renewal, assignment and transfer is a
 * real `Broker.execute` call, and time only moves with `Broker.advanceTo`. Pure and deterministic:
 * the same scenario and seed give the same result. Each sale: holders drop ended regions, every
 * actor decides, the calls run in block order, speculators resell, the sale's result is recorded,
 * and time rotates into the next sale.
 */
export const simulate = (scenario: Scenario, options: SimOptions = {}): SimResult => {
  const lap = Profile.lapper(options.profile)
  const run = setup(scenario, {
    seed: options.seed ?? 0,
    trace: options.trace === true,
    ...(options.from && { from: options.from }),
  })
  lap('setup')
  for (let k = 1; k <= scenario.horizon; k++) {
    const { view, frame, rotation } = SaleView.open(run, k)
    const tally = newSaleTally()
    lap('record')
    dropEnded(run)
    lap('calls')
    gather(run, view, tally)
    lap('decide')
    execute(run, view, tally)
    lap('calls')
    const failed = resale(run, view, tally)
    lap('decide')
    run.sales.push(saleResult(frame, Engine.sale(run.engine), tally, failed, run.hasOnDemand))
    lap('record')
    if (k < scenario.horizon) rotate(run, rotation)
    lap('rotate')
  }
  const result = finish(run)
  lap('record')
  return result
}

/** The run's result: its sales, each agent's and group's ledger, and the trace when recorded. */
const finish = (run: Run): SimResult => {
  const { scenario, engine } = run
  const last = run.sales[run.sales.length - 1]
  const { agents, groups } = agentResults(run.actors, last?.regionEnd ?? 0)
  if (engine.steps && last) engine.steps.push({ block: engine.s.block, origin: null, call: null })
  const { runtime, startBlock } = scenario.chain
  return {
    name: scenario.name,
    seed: run.seed,
    token: { symbol: scenario.chain.token.symbol, decimals: scenario.chain.token.decimals },
    sales: run.sales,
    agents,
    groups,
    revenue: run.sales.reduce((t, s) => t + s.revenue, 0n),
    trace: engine.steps
      ? Recorder.toTrace(scenario.name, runtime, startBlock, run.balances, engine.steps)
      : null,
  }
}
