import { readText } from '@coretime/chain/node'
import { Expect, Replay, Trace, TraceResult } from '@coretime/core'
import type { Command } from 'commander'
import { fsReason, UsageError } from '../errors'
import { MAX_TIMESLICES, timeslicesFrom } from '../limits'
import { emit, table } from '../print'

type Options = { json?: boolean; check?: boolean }

/** Failed steps listed in the human summary before the rest are counted. */
const MAX_LISTED = 20

/** `coretime replay FILE [--json] [--check]` (docs/trace-format.md). */
export const registerReplay = (program: Command): void => {
  program
    .command('replay')
    .description(
      'replay a coretime-trace/1 file through the broker engine (exit 1: expectation mismatch, 2: invalid file)',
    )
    .argument('<file>', 'a coretime-trace/1 JSON file')
    .option('--json', 'print the coretime-trace-result/1 JSON')
    .option('--check', "compare with the file's expect section; exit 1 on any mismatch")
    .action((file: string, opts: Options) => {
      const r = replay(file, opts)
      emit(
        r,
        opts.json,
        (x) => `${renderReplay(x)}\n`,
        (x) => x.result,
      )
      if (r.check === undefined) return // with --json, stdout holds only the result; the check goes to stderr
      ;(opts.json ? process.stderr : process.stdout).write(renderCheck(file, r.check))
      if (r.check.kind === 'checked' && r.check.mismatches.length > 0) process.exitCode = 1
    })
}

/** What `--check` found: no expect section, or the expectations counted and the mismatches. */
export type CheckResult =
  | { kind: 'noExpectations' }
  | { kind: 'checked'; count: number; mismatches: ReturnType<typeof Expect.check> }

/** What `coretime replay` ran: the trace, its result (the `--json`) and, with `--check`, the check. */
export type ReplayResult = {
  file: string
  trace: Trace.Trace
  result: TraceResult.ResultJson
  counts: TraceResult.Run['counts']
  check?: CheckResult
}

/** One line for each way a file can fail to be JSON. */
const readJson = (file: string): unknown => {
  let text: string
  try {
    text = readText(file)
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${fsReason(e)}`, { cause: e })
  }
  if (text.trim() === '') throw new UsageError(`${file} is empty; expected a coretime-trace/1 JSON file`)
  try {
    return JSON.parse(text)
  } catch (e) {
    const why = (e as Error).message.replace(/\s+/g, ' ')
    throw new UsageError(`${file} is not valid JSON: ${why}`, { cause: e })
  }
}

/**
 * `coretime replay` as a function: a trace file in, its replay (and with `check`, the comparison
 * with its expect section) out. An unreadable or invalid file, or one past the work limit, throws a
 * UsageError; mismatches are data (`check.mismatches`).
 */
export const replay = (file: string, opts: Options): ReplayResult => {
  const parsed = Trace.parse(readJson(file))
  if (!parsed.ok) {
    const lines = parsed.error.issues.map(Trace.formatIssue)
    throw new UsageError(
      lines.length === 1
        ? `${file}: ${lines[0]}`
        : `${file}: ${lines.length} problems, nothing was run\n${lines.map((l) => `  ${l}`).join('\n')}`,
      { exitCode: 2 },
    )
  }
  const trace = parsed.trace
  // bound the work before doing it: the hook runs once per timeslice crossed
  const far = trace.steps.findIndex(
    (s) => timeslicesFrom(trace.startBlock, s.block, trace.runtime.timeslicePeriod) > MAX_TIMESLICES,
  )
  if (far >= 0)
    throw new UsageError(
      `${file}: step ${far} (block ${trace.steps[far]!.block}) is more than ${MAX_TIMESLICES} timeslices after the start (block ${trace.startBlock}, ${trace.runtime.timeslicePeriod} blocks a timeslice); replay is limited to ${MAX_TIMESLICES} timeslices (about 8 s and 600 MB on a small machine)`,
    )
  // the human summary only counts events and assignments: keep none of them
  const keepEvents = opts.json === true || opts.check === true
  const run = Replay.replay(trace, {
    keepEvents,
    ...(opts.check ? { snapshots: Replay.snapshotSteps(trace) } : {}),
  })
  const result = TraceResult.toJson(run)
  const out: ReplayResult = { file, trace, result, counts: run.counts }
  if (!opts.check) return out
  const e = trace.expect
  if (e === null) return { ...out, check: { kind: 'noExpectations' } }
  const count = e.steps.length + e.events.length + (e.state ? 1 : 0) + e.after.length
  return { ...out, check: { kind: 'checked', count, mismatches: Expect.check(e, result, run.snapshots) } }
}

/** The `--check` lines: all hold, or each mismatch and their number. */
export const renderCheck = (file: string, c: CheckResult): string => {
  if (c.kind === 'noExpectations') return `expectations: ${file} has no expect section; nothing to check\n`
  if (c.mismatches.length === 0) return `expectations: all ${c.count} hold\n`
  const n = c.mismatches.length
  return [...c.mismatches.map(Expect.formatMismatch), `expectations: ${n} mismatch${n === 1 ? '' : 'es'}`]
    .map((l) => `${l}\n`)
    .join('')
}

const callOf = (trace: Trace.Trace, index: number): string => {
  const s = trace.steps[index]
  return s?.call ? `${s.call.call} by ${s.origin}` : 'pause'
}

const tally = (names: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>()
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1)
  return counts
}

const countBy = (counts: ReadonlyMap<string, number>): string => {
  const items = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n, c]) => `${n} ${c}`)
  return fit(items, '', (n) => `… ${n} more`, 80)
}

/** The human summary: steps ok/failed, events, assignments, final sale and balances. */
export const renderReplay = ({ file, trace, result: r, counts }: ReplayResult): string => {
  const calls = r.steps.length
  const pauses = trace.steps.length - calls
  const failed = r.steps.filter((s) => !s.ok)
  const first = trace.steps[0]?.block ?? trace.startBlock
  const out: string[] = [
    `${trace.name ?? file}: ${calls} call${calls === 1 ? '' : 's'}${pauses ? `, ${pauses} pause${pauses === 1 ? '' : 's'}` : ''}, blocks ${first} to ${r.state.block}`,
  ]
  const rows: [string, string][] = [['steps', `${calls - failed.length} ok, ${failed.length} failed`]]
  for (const s of failed.slice(0, MAX_LISTED))
    rows.push(['', `step ${s.index} (block ${s.block}) ${callOf(trace, s.index)}: ${s.error}`])
  if (failed.length > MAX_LISTED) rows.push(['', `… and ${failed.length - MAX_LISTED} more`])
  const eventCounts = counts?.events ?? tally(r.events.map((e) => e.name))
  const eventTotal = counts?.eventTotal ?? r.events.length
  rows.push(['events', eventTotal === 0 ? '0' : `${eventTotal} (${countBy(eventCounts)})`])
  rows.push(['assignments', `${counts?.assignments ?? r.assignments.length} sent to the relay`])
  const sale = r.state.saleInfo
  rows.push([
    'sale',
    sale === null
      ? 'none started'
      : `timeslices [${sale.regionBegin}, ${sale.regionEnd}), on sale from block ${sale.saleStart}; end price ${sale.endPrice}, sellout price ${sale.selloutPrice ?? 'none'}; ${sale.coresSold} of ${sale.coresOffered} cores sold`,
  ])
  const balances = Object.entries(r.state.balances)
  rows.push([
    'balances',
    balances.length === 0
      ? 'all zero'
      : fit(
          balances.map(([who, b]) => `${who}: ${b}`),
          ' (planck)',
          moreAccounts,
        ),
  ])
  const credits = Object.entries(r.state.credits)
  if (credits.length > 0)
    rows.push([
      'credits',
      fit(
        credits.map(([who, c]) => `${who}: ${c}`),
        '',
        moreAccounts,
      ),
    ])
  out.push(table(rows))
  return out.join('\n')
}

const moreAccounts = (n: number): string => `… ${n} more (--json lists all)`

/**
 * "a, b, c" + unit, or as many as fit in `width` characters, then `more(the number left out)`, so
 * a summary row stays within ~110 columns.
 */
const fit = (items: readonly string[], unit: string, more: (n: number) => string, width = 60): string => {
  const shown: string[] = []
  let used = 0
  for (const item of items) {
    if (shown.length > 0 && used + item.length > width) break
    shown.push(item)
    used += item.length + 2
  }
  const rest = items.length - shown.length
  return rest === 0 ? `${shown.join(', ')}${unit}` : `${shown.join(', ')}${unit}, ${more(rest)}`
}
