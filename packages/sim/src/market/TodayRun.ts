import type { LargeActor } from '../agents/LargeActor'
import { newSaleTally, type SimResult, saleResult } from '../Results'
import * as Engine from '../run/Engine'
import { execute } from '../run/Execute'
import { gather } from '../run/Gather'
import { resale } from '../run/Resale'
import { dropEnded, rotate } from '../run/Rotate'
import * as SaleView from '../run/SaleView'
import { setup } from '../run/Setup'
import type { Scenario } from '../Scenario'

/**
 * Today's run (`simulate`, the same steps in the same order) that also counts, per sale, the cores
 * the large actors bought and hold for that sale's region — the one number the comparison needs
 * that today's results do not carry. A test checks its sales equal `simulate`'s.
 */
export const todayRun = (
  scenario: Scenario,
  seed: number,
): { sales: SimResult['sales']; revenue: bigint; largeActorCores: number[] } => {
  const run = setup(scenario, { seed, trace: false })
  const largeActorCores: number[] = []
  for (let k = 1; k <= scenario.horizon; k++) {
    const { view, frame, rotation } = SaleView.open(run, k)
    run.engine.sink = run.engine.quiet
    const tally = newSaleTally()
    dropEnded(run)
    gather(run, view, tally)
    execute(run, view, tally)
    const failed = resale(run, view, tally)
    run.sales.push(saleResult(frame, Engine.sale(run.engine), tally, failed, run.hasOnDemand))
    let held = 0
    for (const a of run.actors)
      if (a.kind === 'largeActor') held += (a as LargeActor).regions.filter((r) => r.sale === k).length
    largeActorCores.push(held)
    if (k < scenario.horizon) rotate(run, rotation)
  }
  return { sales: run.sales, revenue: run.sales.reduce((t, s) => t + s.revenue, 0n), largeActorCores }
}
