import { Consistency } from '@coretime/chain'
import { readText, writeAtomic } from '@coretime/chain/node'
import { EndHint, Networks, Plan, SaleInfo, Token, Validation } from '@coretime/core'
import type { Command } from 'commander'
import { z } from 'zod'
import { calendar, planEvents } from '../calendar'
import { addLiveOptions, type LiveOptions, readLive } from '../chain/live'
import { plannerInput, toPlannerSnapshot } from '../chain/planner'
import { parseDuration, showDuration } from '../duration'
import { fsReason, UsageError } from '../errors'
import { networkChoices, parseAmount, parseCount, parseNetwork, parsePercent } from '../flags'
import { emit, showAmount } from '../print'
import { columns, defaultHang, wrap } from '../width'

/** A flag holding JSON inline (`{...}`) or a path to a JSON file. */
export const readJson = (flag: string, value: string): unknown => {
  const text = value.trim()
  let source = text
  if (!/^[[{]/.test(text)) {
    try {
      source = readText(text)
    } catch (e) {
      throw new UsageError(`${flag}: cannot read "${value}": ${fsReason(e)}`, { cause: e })
    }
  }
  try {
    return JSON.parse(source)
  } catch (e) {
    throw new UsageError(`${flag}: not valid JSON (${(e as Error).message})`)
  }
}

export const parseSaleInfo = (flag: string, value: unknown) => {
  const r = SaleInfo.parse(value)
  if (!r.ok) throw new UsageError(`${flag}: ${r.error.message}`)
  return r.value
}

/** Blocks and timeslices are u32 on chain. */
const U32_MAX = 0xffff_ffff
/** The last instant this command dates: 9999-12-31T23:59:59Z (four-digit years). */
const LAST_DATE = Date.UTC(9999, 11, 31, 23, 59, 59)

/**
 * `Plan.plan`, refusing a plan whose dates fall outside what the output can show (a block time or
 * a `--now` that puts a phase past the year 9999) instead of failing to format one.
 */
export const planDated = (input: Plan.Input): ReturnType<typeof Plan.plan> => {
  const far = { ok: false as const, error: { code: 'InvalidPlanInput' as const, message: '' } }
  let r: ReturnType<typeof Plan.plan>
  try {
    r = Plan.plan(input)
  } catch (e) {
    if (!(e instanceof RangeError)) throw e
    return { ...far, error: { ...far.error, message: DATES_TOO_FAR } }
  }
  if (!r.ok) return r
  const dates = [r.value.now, ...r.value.phases.flatMap((p) => [p.start, p.end]), r.value.renewal.deadline]
  if (dates.some((d) => d.timestamp > LAST_DATE))
    return { ...far, error: { ...far.error, message: DATES_TOO_FAR } }
  return r
}
const DATES_TOO_FAR =
  'the plan dates phases after the year 9999: check --reference-time, --reference-block, --now and --block-time'

/** An ISO date/time (or ms since the epoch) → ms. */
export const parseTime = (flag: string, value: string): number => {
  const t = /^\d+$/.test(value.trim()) ? Number(value) : Date.parse(value)
  if (!Number.isFinite(t) || t > LAST_DATE)
    throw new UsageError(`${flag}: expected an ISO date/time such as 2025-04-29T12:00:00Z, got "${value}"`)
  // Date.parse rolls a day past the month's end over (2025-02-30 → 2025-03-02): refuse it instead
  const d = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])]
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate() // day 0 of the next month
    if (m < 1 || m > 12 || day < 1 || day > last)
      throw new UsageError(
        `${flag}: ${d[1]}-${d[2]}-${d[3]} is not a date${m >= 1 && m <= 12 ? ` (that month has ${last} days)` : ''}, got "${value}"`,
      )
  }
  return t
}

/** A saved snapshot of the chain state the planner reads (broker storage, polkadot.js/papi JSON shapes). */
const assignment = z.object({
  core: z.number().int().min(0).max(65535),
  task: z.number().int().min(0),
  timeslice: z.number().int().optional(),
})
export const snapshotSchema = z
  .object({
    network: z.enum(Networks.names).optional(),
    saleinfo: z.unknown(),
    workplan: z.array(assignment).optional(),
    workload: z.array(assignment).optional(),
    leases: z.array(z.object({ until: z.number().int(), task: z.number().int() })).optional(),
    autoRenewals: z
      .array(z.object({ core: z.number().int(), task: z.number().int(), nextRenewal: z.number().int() }))
      .optional(),
    potentialRenewals: z
      .array(
        z.object({
          core: z.number().int(),
          when: z.number().int(),
          price: z.union([z.string(), z.number()]),
          /** the task whose workload the record renews (null: none); lets the planner spot a foreign record */
          task: z.number().int().nullable().optional(),
        }),
      )
      .optional(),
    sovereignBalance: z.union([z.string(), z.number()]).optional(),
    reference: z.object({ block: z.number().int(), time: z.string() }).optional(),
    config: z
      .object({
        interludeLength: z.number().int().optional(),
        advanceNotice: z.number().int().optional(),
        renewalBump: z.number().int().optional(),
      })
      .optional(),
  })
  .strict()
export type Snapshot = z.infer<typeof snapshotSchema>

export const readSnapshot = (value: string): Snapshot =>
  parsePlannerSnapshot(plannerInput(readJson('--snapshot', value)))

/** Validates the planner's snapshot shape (a chain snapshot arrives converted by `plannerInput`). */
export const parsePlannerSnapshot = (json: unknown): Snapshot => {
  const r = snapshotSchema.safeParse(json)
  if (!r.success) {
    const issue = r.error.issues[0]!
    throw new UsageError(`--snapshot: ${issue.path.join('.') || '(root)'}: ${Validation.describe(issue)}`)
  }
  return r.data
}

type Options = LiveOptions & {
  /** a live read, converted (set when neither --saleinfo nor --snapshot is given) */
  live?: Snapshot
  para?: string
  network?: string
  saleinfo?: string
  snapshot?: string
  referenceBlock?: string
  referenceTime?: string
  now?: string
  blockTime?: string
  saleBlocks?: string
  interlude?: string
  bump?: string
  core?: string
  renewed?: boolean
  current?: boolean
  leaseUntil?: string
  renewalPrice?: string
  balance?: string
  periods?: string
  fee?: string
  autoRenew?: boolean
  rule?: string
  ics?: string
  failIfDue?: string
  json?: boolean
}

/** `--fail-if-due`: the renewal deadline is closer than this (for cron or CI alerts). */
export const DUE_EXIT = 4

/** `coretime plan`: the renewal plan of a para from saleinfo (by hand or from a snapshot). */
export const registerPlan = (program: Command): void => {
  const cmd = program
    .command('plan')
    .description('renewal plan for a para: sale phases as blocks and dates, deadline, prices, warnings')
    .requiredOption('--para <id>', 'para id (task)')
    .option('--network <name>', `${networkChoices()} (default: the snapshot's, else polkadot)`)
    .option('--saleinfo <json|file>', 'broker.saleInfo as JSON (docs.polkadot.com shape) or a file')
    .option(
      '--snapshot <file>',
      'saved chain state: {saleinfo, workplan, workload, leases, autoRenewals, potentialRenewals, sovereignBalance, reference}',
    )
    .option('--reference-block <n>', 'a block of the sale clock whose time you know (default: saleStart)')
    .option('--reference-time <iso>', 'the time of that block, e.g. 2025-04-29T00:00:00Z')
    .option('--now <block>', 'current block in the sale clock (default: the reference block)')
    .option('--block-time <s>', 'seconds per sale-clock block (default 6, or 12 for coretime-chain blocks)')
    .option('--sale-blocks <unit>', 'relay or parachain: unit of saleStart/leadinLength (default: detected)')
    .option('--interlude <blocks>', 'interlude_length in sale-clock blocks (default: 7 days)')
    .option('--bump <percent>', 'renewal_bump (default 3%)')
    .option('--core <n>', 'the core to renew (else from the snapshot: workplan, then workload)')
    .option('--renewed', 'already renewed for the sale region: hint = regionEnd')
    .option('--current', 'coretime ends when the sale region begins: hint = regionBegin')
    .option('--lease-until <timeslice>', 'a legacy lease ends here: hint = until')
    .option(
      '--renewal-price <amount>',
      'the potential renewal price recorded for the core (tokens or planck)',
    )
    .option('--balance <amount>', "the para's sibling account balance on the coretime chain")
    .option('--periods <n>', 'renewals to fund and project', '3')
    .option('--fee <amount>', 'XCM fee counted when auto-renewal must still be enabled')
    .option('--auto-renew', 'auto-renewal is already enabled for this core')
    .option('--no-auto-renew', 'auto-renewal is not enabled')
    .option('--rule <rule>', 'renewal price rule: rfc149 (live) or bump-only (before June 2025)', 'rfc149')
    .option('--ics <file>', 'also write the deadline, safe window and sale phases as an iCalendar file')
    .option(
      '--fail-if-due <duration>',
      `exit ${DUE_EXIT} when the renewal deadline is closer than this: 14d, 36h, 2w`,
    )
    .option('--json', 'machine-readable output')
  addLiveOptions(cmd)
  refuseBoth(cmd, '--auto-renew', '--no-auto-renew')
  cmd.action(async (opts: Options, command: Command) => {
    // a malformed duration is refused before any chain is read
    if (opts.failIfDue !== undefined) parseDuration('--fail-if-due', opts.failIfDue)
    if (opts.ics !== undefined && opts.ics.trim() === '')
      throw new UsageError('--ics: expected a file path, got ""')
    // no sale given: read the live chain (--network, --coretime-url, --relay-url)
    if (opts.saleinfo === undefined && opts.snapshot === undefined)
      opts.live = parsePlannerSnapshot(toPlannerSnapshot(await readLive(opts)))
    const r = plan(opts, command.getOptionValueSource('autoRenew') !== undefined)
    if (r.due?.due) {
      process.stderr.write(`coretime: ${renderDue(r)}\n`)
      process.exitCode = DUE_EXIT
    }
    emit(r, opts.json, (x) => renderPlan(x), planJson)
  })
}

/** Refuses a negatable flag given both ways (`--auto-renew --no-auto-renew`): commander keeps the last one. */
export const refuseBoth = (cmd: Command, yes: string, no: string): void => {
  const seen = new Set<string>()
  cmd.on(`option:${yes.slice(2)}`, () => seen.add(yes))
  cmd.on(`option:${no.slice(2)}`, () => seen.add(no))
  cmd.hook('preAction', () => {
    if (seen.size === 2) throw new UsageError(`${yes} and ${no}: give one of them, not both`)
  })
}

export type Gathered = {
  network: Token.Network
  para: number
  sale: ReturnType<typeof parseSaleInfo>
  coverage: EndHint.Coverage
  core: number | undefined
  coreSource: string | undefined
  snapshot: Snapshot | undefined
}

/** Shared by plan and autorenew: para, sale info, coverage (→ hint) and core, from flags and/or a snapshot. */
export const gather = (opts: Options & { saleinfo?: string }): Gathered => {
  const snapshot = opts.live ?? (opts.snapshot === undefined ? undefined : readSnapshot(opts.snapshot))
  const which = Consistency.networkOf(
    { flag: '--network', value: opts.network },
    { where: opts.live ? 'the live chain' : `--snapshot ${opts.snapshot}`, network: snapshot?.network },
  )
  if (!which.ok) throw new UsageError(which.error.message)
  const network = parseNetwork(which.value)
  const para = parseCount('--para', opts.para ?? '', 0, 0xffff_ffff)
  const rawSale = opts.saleinfo !== undefined ? readJson('--saleinfo', opts.saleinfo) : snapshot?.saleinfo
  if (rawSale === undefined) throw new UsageError('--saleinfo: required (or a --snapshot with saleinfo)')
  const sale = parseSaleInfo(opts.saleinfo !== undefined ? '--saleinfo' : '--snapshot', rawSale)
  const chosen = [opts.renewed, opts.current, opts.leaseUntil !== undefined].filter(Boolean).length
  if (chosen > 1) throw new UsageError('give at most one of --renewed, --current, --lease-until')
  const workplan = snapshot?.workplan ?? []
  let coverage: EndHint.Coverage
  if (opts.leaseUntil !== undefined)
    coverage = { kind: 'lease', until: parseCount('--lease-until', opts.leaseUntil, 0, 0xffff_ffff) }
  else if (opts.renewed) coverage = { kind: 'renewed' }
  else if (opts.current) coverage = { kind: 'currentSale' }
  else coverage = EndHint.coverageOf(para, sale, workplan, snapshot?.leases ?? [])
  let core: number | undefined
  let coreSource: string | undefined
  if (opts.core !== undefined) {
    core = parseCount('--core', opts.core, 0, 65535)
    coreSource = 'given'
  } else if (snapshot) {
    const picked = EndHint.pickCore(para, workplan, snapshot.workload ?? [])
    if (picked.ok) {
      core = picked.value.core
      coreSource = `broker.${picked.value.source}`
    } else if (!(snapshot.leases ?? []).some((l) => l.task === para))
      throw new UsageError(
        `--para: para ${para} holds no core in ${opts.live ? 'the live chain' : `--snapshot ${opts.snapshot}`} (not in broker.workload, broker.workplan or broker.leases): nothing to renew; buy a core in the sale, or give --core`,
      )
  }
  return { network, para, sale, coverage, core, coreSource, snapshot }
}

/** What `coretime plan` made: the plan, where its core came from, the calendar written, the due check. */
export type PlanResult = {
  network: Token.Network
  plan: Plan.Plan
  /** how the core was found (`given`, `broker.workplan` …); undefined: no core */
  coreSource: string | undefined
  /** the `--ics` file written */
  ics?: string
  /** `--fail-if-due`: how far the deadline is, and whether that is closer than asked */
  due?: Due
}

/**
 * `coretime plan` as a function: flags (and a snapshot or a live read in `opts.live`) in, the plan
 * out; with `--ics` it also writes the calendar. A bad flag or file throws a UsageError. A deadline
 * closer than `--fail-if-due` is data (`due.due`): the edge exits ${DUE_EXIT}.
 */
export const plan = (opts: Options, autoRenewGiven: boolean): PlanResult => {
  const g = gather(opts)
  const token = Token.of(g.network)
  const snap = g.snapshot
  const refTimeText = opts.referenceTime ?? snap?.reference?.time
  if (refTimeText === undefined)
    throw new UsageError(
      '--reference-time: required to date blocks (the time of --reference-block, default saleStart)',
    )
  const reference = {
    block:
      opts.referenceBlock !== undefined
        ? parseCount('--reference-block', opts.referenceBlock, 0, U32_MAX)
        : (snap?.reference?.block ?? g.sale.saleStart),
    timestamp: parseTime('--reference-time', refTimeText),
  }
  let saleBlocks: 'relay' | 'parachain' | undefined
  if (opts.saleBlocks !== undefined) {
    if (opts.saleBlocks !== 'relay' && opts.saleBlocks !== 'parachain')
      throw new UsageError(`--sale-blocks: expected relay or parachain, got "${opts.saleBlocks}"`)
    saleBlocks = opts.saleBlocks
  }
  const ruleText = opts.rule ?? 'rfc149'
  const rule = ruleText === 'rfc149' ? 'floorAtEndPrice' : ruleText === 'bump-only' ? 'bumpOnly' : undefined
  if (rule === undefined) throw new UsageError(`--rule: expected rfc149 or bump-only, got "${opts.rule}"`)
  const potentialRenewals = snap?.potentialRenewals?.map((r) => ({
    core: r.core,
    when: r.when,
    price: parseAmount('--snapshot: potentialRenewals.price', String(r.price), token),
    ...(r.task === undefined ? {} : { task: r.task }),
  }))
  const renewalPrice =
    opts.renewalPrice !== undefined ? parseAmount('--renewal-price', opts.renewalPrice, token) : undefined
  const balance =
    opts.balance !== undefined
      ? parseAmount('--balance', opts.balance, token)
      : snap?.sovereignBalance !== undefined
        ? parseAmount('--snapshot: sovereignBalance', String(snap.sovereignBalance), token)
        : undefined
  const autoRenewals = autoRenewGiven
    ? opts.autoRenew
      ? [{ core: g.core ?? 0, task: g.para, nextRenewal: 0 }]
      : []
    : snap?.autoRenewals
  const input: Plan.Input = {
    network: g.network,
    paraId: g.para,
    sale: g.sale,
    reference,
    coverage: g.coverage,
    periods: parseCount('--periods', opts.periods ?? '3', 1, 100),
    rule,
    ...(opts.now === undefined ? {} : { now: parseCount('--now', opts.now, 0, U32_MAX) }),
    ...(saleBlocks === undefined ? {} : { saleBlocks }),
    ...(opts.blockTime === undefined
      ? {}
      : { blockMs: parseCount('--block-time', opts.blockTime, 1, 3600) * 1000 }),
    ...(opts.interlude === undefined
      ? snap?.config?.interludeLength === undefined
        ? {}
        : { interludeLength: snap.config.interludeLength }
      : { interludeLength: parseCount('--interlude', opts.interlude, 0, U32_MAX) }),
    ...(snap?.config?.advanceNotice === undefined ? {} : { advanceNotice: snap.config.advanceNotice }),
    ...(opts.bump === undefined
      ? snap?.config?.renewalBump === undefined
        ? {}
        : { renewalBump: BigInt(snap.config.renewalBump) }
      : { renewalBump: parsePercent('--bump', opts.bump) }),
    ...(g.core === undefined ? {} : { core: g.core }),
    ...(renewalPrice === undefined ? {} : { renewalPrice }),
    ...(potentialRenewals === undefined ? {} : { potentialRenewals }),
    ...(balance === undefined ? {} : { balance }),
    ...(autoRenewals === undefined ? {} : { autoRenewals }),
    ...(opts.fee === undefined ? {} : { fee: parseAmount('--fee', opts.fee, token) }),
  }
  const r = planDated(input)
  if (!r.ok) throw new UsageError(r.error.message)
  const p = r.value
  // the calendar first: a path that cannot be written fails the command before anything is printed
  if (opts.ics !== undefined) {
    try {
      writeAtomic(opts.ics, calendar(planEvents(p), Date.now()))
    } catch (e) {
      throw new UsageError(`--ics: cannot write ${JSON.stringify(opts.ics)}: ${fsReason(e, 'write')}`, {
        cause: e,
      })
    }
  }
  const due = opts.failIfDue === undefined ? undefined : dueCheck(p, opts.failIfDue)
  return {
    network: g.network,
    plan: p,
    coreSource: g.coreSource,
    ...(opts.ics === undefined ? {} : { ics: opts.ics }),
    ...(due === undefined ? {} : { due }),
  }
}

/** The one line `--fail-if-due` prints on stderr when the deadline is too close. */
export const renderDue = ({ plan: p, due }: PlanResult): string => {
  const left = due?.remainingMs ?? 0
  return `para ${p.paraId}: renewal deadline ${p.renewal.deadline.date} ${left < 0 ? `passed ${showDuration(left)} ago` : `is ${showDuration(left)} away`}, closer than --fail-if-due ${due?.within}`
}

/** The `--json` form: the plan with the core's source, the calendar file and the due check. */
export const planJson = (r: PlanResult): unknown => ({
  ...r.plan,
  coreSource: r.coreSource ?? null,
  ...(r.ics === undefined ? {} : { ics: r.ics }),
  ...(r.due === undefined ? {} : { due: r.due }),
})

/** The plan as `coretime plan` shows it, within `width` columns (a phase's end continues under its start). */
export const renderPlan = (r: PlanResult, width = columns()): string => {
  const p = r.plan
  const token = Token.of(r.network)
  const amount = (x: bigint | undefined) => (x === undefined ? 'unknown' : showAmount(x, token))
  const point = (x: Plan.Point) =>
    `${x.date}  block ${x.block}${x.relayBlock !== x.block ? ` (relay ${x.relayBlock})` : ''}${x.timeslice === undefined ? '' : ` timeslice ${x.timeslice}`}`
  const out: string[] = []
  out.push(
    `para ${p.paraId} on ${r.network}${p.core === undefined ? '' : `, core ${p.core}${r.coreSource ? ` (${r.coreSource})` : ''}`}`,
  )
  out.push(`now: ${point(p.now)} — ${p.phaseNow}`)
  out.push(`workload_end_hint: ${p.workloadEndHint.timeslice}  (${p.workloadEndHint.reason})`)
  out.push('phases:')
  for (const ph of p.phases)
    out.push(`  ${`${ph.sale} ${ph.name}`.padEnd(18)} ${point(ph.start)}  →  ${point(ph.end)}`)
  out.push(`renewal: in the ${p.renewal.sale} sale (region from timeslice ${p.renewal.regionBegin})`)
  out.push(`  safe window (interlude): ${p.renewal.safeWindow.start.date} → ${p.renewal.safeWindow.end.date}`)
  out.push(`  deadline (sale rotation): ${point(p.renewal.deadline)}`)
  out.push('prices:')
  out.push(`  sale end price       ${amount(p.prices.endPrice)}`)
  out.push(`  sale price now       ${amount(p.prices.salePriceNow)}`)
  out.push(`  renewal price        ${amount(p.prices.renewalPrice)}`)
  out.push(`  next renewal price   ${amount(p.prices.nextRenewalPrice)}`)
  for (const x of p.prices.projection)
    out.push(`    region ${x.regionBegin}–${x.regionEnd}: ${amount(x.price)}`)
  out.push('  assumptions:')
  for (const a of p.prices.assumptions) out.push(`    - ${a}`)
  out.push(`funds: need ${amount(p.funds.needed)}, have ${amount(p.funds.balance)}`)
  if (p.warnings.length > 0) {
    out.push('warnings:')
    for (const w of p.warnings) out.push(`  ! ${w.code}: ${w.message}`)
  }
  // within the terminal's width (80 off a terminal); a phase's end continues under its start
  return `${wrap(out.join('\n'), width, (l) => (/^ {2}\S+ \S+ +\d{4}-/.test(l) ? 21 : defaultHang(l)))}\n`
}

/** `--fail-if-due`'s check. */
export type Due = { within: string; withinMs: number; remainingMs: number; due: boolean }

/** Whether the deadline is closer to the plan's now than `within` (strictly; a passed deadline is due). */
export const dueCheck = (p: Plan.Plan, within: string): Due => {
  const withinMs = parseDuration('--fail-if-due', within)
  const remainingMs = p.renewal.deadline.timestamp - p.now.timestamp
  return { within, withinMs, remainingMs, due: remainingMs < withinMs }
}
