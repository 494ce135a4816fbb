import type { Aggregate } from '@coretime/sim'
import { describe, expect, test } from 'vitest'
import { bandsOf, bulkVsOnDemand, mcAggregate, mcRuns, runView } from '../src/model'
import type { Request, Response } from '../src/protocol'
import { createRunner, type RunnerState, type WorkerLike } from '../src/runner'
import { defaults, type ViewState } from '../src/state'

/** A Worker stand-in: records what the runner posts; the test answers when it wants to. */
const fakeWorker = () => {
  const posted: Request[] = []
  let terminated = false
  const w: WorkerLike & { posted: Request[]; reply(m: Response): void; terminated(): boolean } = {
    posted,
    onmessage: null,
    postMessage: (m) => {
      posted.push(m)
    },
    terminate: () => {
      terminated = true
    },
    reply(m) {
      w.onmessage?.({ data: m })
    },
    terminated: () => terminated,
  }
  return w
}

/** What the real worker would answer to a run request (the engine, in this thread). */
const answer = (req: Request): Response => {
  if (req.kind !== 'run') throw new Error('not a run')
  const { a, b } = runView(req.state)
  return { kind: 'run', id: req.id, a, b, costs: bulkVsOnDemand(req.state, a), ms: 1 }
}

const v = { ...defaults(), sales: 3 }
const withBump = (bumpPct: number): ViewState => ({ ...v, a: { ...v.a, bumpPct } })

describe('runner', () => {
  test('default: one request, one run, its results for that view', () => {
    const run = fakeWorker()
    const r = createRunner(run, [fakeWorker()])
    const seen: RunnerState[] = []
    r.subscribe((s) => seen.push(s))
    r.request(v)
    expect(run.posted).toHaveLength(1)
    expect(r.get().computing).toBe(true)
    run.reply(answer(run.posted[0] as Request))
    const s = r.get()
    expect(s.computing).toBe(false)
    expect(s.results?.state).toBe(v)
    expect(s.results?.a.rows.map((x) => x.endPrice)).toEqual(runView(v).a.rows.map((x) => x.endPrice))
    expect(seen.at(-1)).toBe(s)
  })

  test('behavior: latest request wins — one run in flight, only the newest queued, superseded results dropped', () => {
    const run = fakeWorker()
    const r = createRunner(run, [fakeWorker()])
    r.request(withBump(1))
    r.request(withBump(2))
    r.request(withBump(3))
    // the first is in flight; 2 was replaced by 3 in the queue
    expect(run.posted.map((m) => (m.kind === 'run' ? m.state.a.bumpPct : null))).toEqual([1])
    run.reply(answer(run.posted[0] as Request))
    // 1's numbers are superseded: not shown; 3 is sent
    expect(r.get().results).toBeNull()
    expect(r.get().computing).toBe(true)
    expect(run.posted.map((m) => (m.kind === 'run' ? m.state.a.bumpPct : null))).toEqual([1, 3])
    run.reply(answer(run.posted[1] as Request))
    expect(r.get().results?.state.a.bumpPct).toBe(3)
    expect(r.get().computing).toBe(false)
  })

  test('behavior: a stale or unknown reply changes nothing', () => {
    const run = fakeWorker()
    const r = createRunner(run, [fakeWorker()])
    r.request(withBump(1))
    const before = r.get()
    run.reply({ kind: 'error', id: 999, error: { code: 'EngineFailed', message: 'late' } })
    expect(r.get()).toBe(before)
  })

  test('behavior: asking again for the same view sends nothing (the log scale is not the engine’s)', () => {
    const run = fakeWorker()
    const r = createRunner(run, [fakeWorker()])
    r.request(v)
    run.reply(answer(run.posted[0] as Request))
    r.request({ ...v })
    r.request({ ...v, log: false })
    expect(run.posted).toHaveLength(1)
  })

  test('error: the engine’s refusal is reported and cleared by the next success', () => {
    const run = fakeWorker()
    const r = createRunner(run, [fakeWorker()])
    r.request(withBump(1))
    run.reply({
      kind: 'error',
      id: (run.posted[0] as Request).id,
      error: { code: 'OutOfBounds', message: 'sales: expected 1 to 60, got 61' },
    })
    expect(r.get().error).toEqual({ code: 'OutOfBounds', message: 'sales: expected 1 to 60, got 61' })
    expect(r.get().computing).toBe(false)
    r.request(withBump(2))
    run.reply(answer(run.posted[1] as Request))
    expect(r.get().error).toBeNull()
  })

  test('behavior: Monte Carlo is split by run index over the workers and merged into the bands of the whole batch', () => {
    const mcs = [fakeWorker(), fakeWorker(), fakeWorker()]
    const r = createRunner(fakeWorker(), mcs)
    const view = { ...v, mc: { runs: 8, seed: 4 }, agents: { ...v.agents, buyers: 2 } }
    r.request(view)
    const ranges = mcs.map((w) => {
      const m = w.posted[0]
      return m?.kind === 'mc' ? [m.from, m.to] : null
    })
    expect(ranges).toEqual([
      [0, 2],
      [2, 5],
      [5, 8],
    ])
    expect(r.get().mc).toEqual({ status: 'running', total: 8, done: 0 })
    mcs[0]?.reply({ kind: 'progress', id: 1, done: 2 })
    expect(r.get().mc).toEqual({ status: 'running', total: 8, done: 2 })
    // each worker's share as @coretime/sim's columns (what the real worker posts)
    const parts: Aggregate.Aggregate[] = mcs.map((w) => {
      const m = w.posted[0]
      if (m?.kind !== 'mc') throw new Error('no mc request')
      return mcAggregate(view, m.from, m.to)
    })
    // answers in any order
    mcs[2]?.reply({ kind: 'mcAggregate', id: 1, aggregate: parts[2] as Aggregate.Aggregate })
    mcs[0]?.reply({ kind: 'mcAggregate', id: 1, aggregate: parts[0] as Aggregate.Aggregate })
    expect(r.get().mc.status).toBe('running')
    mcs[1]?.reply({ kind: 'mcAggregate', id: 1, aggregate: parts[1] as Aggregate.Aggregate })
    const mc = r.get().mc
    expect(mc.status).toBe('done')
    if (mc.status === 'done') expect(mc.bands).toEqual(bandsOf(mcRuns(view, 0, 8)))
  })

  test('behavior: more workers than runs — the spare ones are cancelled and the bands are of the runs asked for', () => {
    const mcs = [fakeWorker(), fakeWorker(), fakeWorker()]
    const r = createRunner(fakeWorker(), mcs)
    const view = { ...v, mc: { runs: 2, seed: 4 }, agents: { ...v.agents, buyers: 2 } }
    r.request(view)
    expect(mcs.map((w) => w.posted[0]?.kind)).toEqual(['mc', 'mc', 'cancel'])
    mcs[1]?.reply({ kind: 'mcAggregate', id: 1, aggregate: mcAggregate(view, 1, 2) })
    mcs[0]?.reply({ kind: 'mcAggregate', id: 1, aggregate: mcAggregate(view, 0, 1) })
    const mc = r.get().mc
    expect(mc.status).toBe('done')
    if (mc.status === 'done') expect(mc.bands).toEqual(bandsOf(mcRuns(view, 0, 2)))
  })

  test('behavior: a change that alters the batch restarts it; the old batch’s replies are ignored', () => {
    const mc = fakeWorker()
    const r = createRunner(fakeWorker(), [mc])
    const view = { ...v, mc: { runs: 4, seed: 1 } }
    r.request(view)
    r.request({ ...view, mc: { runs: 4, seed: 2 } })
    expect(mc.posted.map((m) => m.id)).toEqual([1, 2])
    mc.reply({ kind: 'mcAggregate', id: 1, aggregate: mcAggregate(view, 0, 4) })
    expect(r.get().mc).toEqual({ status: 'running', total: 4, done: 0 })
    // the user's own price and set B do not touch the batch
    r.request({ ...view, mc: { runs: 4, seed: 2 }, userPaid: 1n, b: view.a })
    expect(mc.posted).toHaveLength(2)
  })

  test('behavior: 0 runs cancels the batch', () => {
    const mc = fakeWorker()
    const r = createRunner(fakeWorker(), [mc])
    r.request({ ...v, mc: { runs: 4, seed: 1 } })
    r.request({ ...v, mc: { runs: 0, seed: 1 } })
    expect(mc.posted.at(-1)).toEqual({ kind: 'cancel', id: 2 })
    expect(r.get().mc).toEqual({ status: 'off' })
  })

  test('error: a worker’s failure stops the batch with its message', () => {
    const mc = fakeWorker()
    const r = createRunner(fakeWorker(), [mc])
    r.request({ ...v, mc: { runs: 4, seed: 1 } })
    mc.reply({ kind: 'error', id: 1, error: { code: 'EngineFailed', message: 'out of memory' } })
    expect(r.get().mc).toEqual({
      status: 'failed',
      error: { code: 'EngineFailed', message: 'out of memory' },
    })
  })

  test('behavior: Monte Carlo workers made on demand are made at the first batch, not before', () => {
    let made = 0
    const mc = fakeWorker()
    const r = createRunner(fakeWorker(), () => {
      made++
      return [mc]
    })
    r.request(v)
    expect(made).toBe(0)
    r.request({ ...v, mc: { runs: 4, seed: 1 } })
    r.request({ ...v, mc: { runs: 4, seed: 2 } })
    expect(made).toBe(1)
    mc.reply({ kind: 'progress', id: 3, done: 3 })
    expect(r.get().mc).toEqual({ status: 'running', total: 4, done: 3 })
  })

  test('behavior: warm makes the Monte Carlo workers once and has each compile with throw-away runs (with agents, ≤ 12 sales)', () => {
    let made = 0
    const mc = [fakeWorker(), fakeWorker()]
    const r = createRunner(fakeWorker(), () => {
      made++
      return mc
    })
    r.request({ ...v, sales: 40 })
    r.warm({ ...v, sales: 40 }, 60)
    r.warm({ ...v, sales: 40 }, 60)
    expect(made).toBe(1)
    for (const w of mc) {
      expect(w.posted).toHaveLength(1)
      const m = w.posted[0]
      if (m?.kind !== 'warm') throw new Error(`expected a warm request, got ${m?.kind}`)
      expect(m.runs).toBe(60)
      expect(m.state.sales).toBe(12)
      expect(m.state.agents.renewers + m.state.agents.buyers + m.state.agents.speculators).toBeGreaterThan(0)
    }
    // a batch after it gets a newer id, which stops the warm-up in the worker
    r.request({ ...v, sales: 40, mc: { runs: 4, seed: 1 } })
    const batch = mc[0]?.posted[1]
    expect(batch?.kind).toBe('mc')
    expect(batch?.id).toBeGreaterThan(mc[0]?.posted[0]?.id ?? Number.POSITIVE_INFINITY)
  })

  test('error: warm does nothing once a batch has made the workers (they are busy or already warm)', () => {
    const mc = fakeWorker()
    const r = createRunner(fakeWorker(), () => [mc])
    r.request({ ...v, mc: { runs: 4, seed: 1 } })
    r.warm(v, 60)
    expect(mc.posted.map((m) => m.kind)).toEqual(['mc'])
  })

  test('default: dispose terminates every worker', () => {
    const run = fakeWorker()
    const mc = fakeWorker()
    createRunner(run, [mc]).dispose()
    expect(run.terminated() && mc.terminated()).toBe(true)
  })
})
