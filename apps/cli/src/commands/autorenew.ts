import { AutoRenew, EndHint, Networks, Token } from '@coretime/core'
import type { Command } from 'commander'
import { decodeLink } from '../appsLink'
import { UsageError } from '../errors'
import { networkChoices, parseAmount, parseCount, parseNetwork } from '../flags'
import { emit, showAmount } from '../print'
import { columns, wrap } from '../width'
import { type Gathered, gather, parseTime, planDated } from './plan'

type Options = {
  para?: string
  network?: string
  core?: string
  hint?: string
  noHint?: boolean
  saleinfo?: string
  snapshot?: string
  renewed?: boolean
  current?: boolean
  leaseUntil?: string
  refTime?: string
  proofSize?: string
  fee?: string
  renewals?: string
  renewalPrice?: string
  referenceTime?: string
  xcmPallet?: string
  json?: boolean
}

// Assumed when not given (the guide says to query `transactionPaymentCallApi.queryCallInfo`): a generous
// bound for a storage-light broker call, refunded by RefundSurplus when unused.
const DEFAULT_REF_TIME = 1_000_000_000n
const DEFAULT_PROOF_SIZE = 100_000n

/** The XCM fee assumed when `--fee` is not given: the network entry's, in tokens ("1 DOT"). */
const defaultFee = (network: Token.Network): string =>
  Token.format(Networks.get(network).coretime.assumedXcmFee, Token.of(network))

/** `coretime autorenew`: the enable_auto_renew call, its XCM program and the funds for N renewals. */
export const registerAutorenew = (program: Command): void => {
  program
    .command('autorenew')
    .description(
      'enable_auto_renew call data, the XCM program that sends it from the para, and the funds it needs',
    )
    .requiredOption('--para <id>', 'para id (task)')
    .option('--network <name>', `${networkChoices()} (default: the snapshot's, else polkadot)`)
    .option('--core <n>', 'core (else from --snapshot: workplan first, then workload)')
    .option('--hint <timeslice>', 'workload_end_hint, explicit')
    .option(
      '--saleinfo <json|file>',
      'broker.saleInfo, to derive the hint (regionBegin, or regionEnd with --renewed)',
    )
    .option('--snapshot <file>', 'saved chain state (see coretime plan)')
    .option('--renewed', 'already renewed for the sale region: hint = regionEnd')
    .option('--current', 'coretime ends when the sale region begins: hint = regionBegin')
    .option('--lease-until <timeslice>', 'a legacy lease ends here: hint = until')
    .option('--ref-time <n>', 'Transact weight ref_time (default 1000000000, assumed)')
    .option('--proof-size <n>', 'Transact weight proof_size (default 100000, assumed)')
    .option('--fee <amount>', 'withdrawn to buy execution, surplus refunded (default 1 DOT / 0.1 KSM)')
    .option('--renewals <n>', 'renewals to fund (default 1)')
    .option(
      '--renewal-price <amount>',
      'the current renewal price; later renewals are projected (needs --saleinfo)',
    )
    .option('--reference-time <iso>', 'time of saleStart, only to date the plan behind the projection')
    .option('--xcm-pallet <index>', "the para's XCM pallet index: also print polkadotXcm.send call data")
    .option('--json', 'machine-readable output')
    .action((opts: Options) => emit(autorenew(opts), opts.json, (r) => renderAutorenew(r), autorenewJson))
}

/** What `coretime autorenew` made: the call, its XCM program, the funds, and why the hint is what it is. */
export type AutorenewResult = {
  network: Token.Network
  paraId: number
  core: number
  /** how the core was found when not given (`broker.workplan` …) */
  coreSource: string | undefined
  workloadEndHint: number | undefined
  hintReason: string
  setup: AutoRenew.Setup
  decodeUrl: string
  warnings: string[]
}

/**
 * `coretime autorenew` as a function: flags (and a snapshot or sale info) in, the enable_auto_renew
 * call, its XCM and the funds out; a bad flag or file throws a UsageError.
 */
export const autorenew = (opts: Options): AutorenewResult => {
  const haveSale = opts.saleinfo !== undefined || opts.snapshot !== undefined
  const g = haveSale ? gather(opts) : undefined
  const network = g?.network ?? parseNetwork(opts.network)
  const token = Token.of(network)
  const para = g?.para ?? parseCount('--para', opts.para ?? '', 0, 0xffff_ffff)
  const core = g?.core ?? (opts.core === undefined ? undefined : parseCount('--core', opts.core, 0, 65535))
  if (core === undefined)
    throw new UsageError('--core: required (or a --snapshot whose workplan/workload holds the para)')
  if (opts.hint !== undefined && (opts.renewed || opts.current || opts.leaseUntil !== undefined))
    throw new UsageError('--hint: give the hint or one of --renewed, --current, --lease-until, not both')
  const referenceTime =
    opts.referenceTime === undefined ? 0 : parseTime('--reference-time', opts.referenceTime)
  let hint: number | undefined
  let hintReason: string
  if (opts.hint !== undefined) {
    hint = parseCount('--hint', opts.hint, 0, 0xffff_ffff)
    hintReason = 'given'
  } else if (opts.leaseUntil !== undefined && !g) {
    hint = parseCount('--lease-until', opts.leaseUntil, 0, 0xffff_ffff)
    hintReason = 'lease until'
  } else if (g) {
    hint = EndHint.endOf(g.coverage, g.sale)
    hintReason = EndHint.describe(g.coverage)
  } else
    throw new UsageError(
      '--hint: give it, or --saleinfo (with --renewed if already renewed), or --lease-until',
    )
  const renewals = parseCount('--renewals', opts.renewals ?? '1', 0, 100)
  // what the snapshot records for this core, as `plan` reads it: the renewal record and auto-renewal
  const records = snapshotRecords(g, core, para, hint)
  const recordPrice = opts.renewalPrice === undefined ? records.price : undefined
  let prices: bigint[] = []
  if (renewals > 0 && (opts.renewalPrice !== undefined || recordPrice !== undefined)) {
    const first =
      opts.renewalPrice !== undefined
        ? parseAmount('--renewal-price', opts.renewalPrice, token)
        : recordPrice!
    if (g) {
      const p = planDated({
        network,
        paraId: para,
        sale: g.sale,
        reference: {
          block: g.sale.saleStart,
          timestamp: referenceTime,
        },
        coverage: g.coverage,
        core,
        renewalPrice: first,
        periods: renewals,
      })
      if (!p.ok) throw new UsageError(p.error.message)
      prices = p.value.prices.projection.map((x) => x.price)
    } else if (renewals > 1)
      throw new UsageError('--renewals: projecting more than one renewal needs --saleinfo (end price, bump)')
    else prices = [first]
  } else if (renewals > 0 && opts.renewalPrice === undefined && opts.renewals !== undefined && !records.known)
    throw new UsageError('--renewal-price: needed to fund renewals (the PotentialRenewals price of the core)')
  const xcmPalletIndex =
    opts.xcmPallet === undefined ? undefined : parseCount('--xcm-pallet', opts.xcmPallet, 0, 255)
  const r = AutoRenew.setup({
    network,
    paraId: para,
    core,
    workloadEndHint: hint,
    weight: {
      refTime: opts.refTime === undefined ? DEFAULT_REF_TIME : BigInt(parseCount('--ref-time', opts.refTime)),
      proofSize:
        opts.proofSize === undefined
          ? DEFAULT_PROOF_SIZE
          : BigInt(parseCount('--proof-size', opts.proofSize)),
    },
    fee: parseAmount('--fee', opts.fee ?? defaultFee(network), token),
    renewalPrices: prices,
    ...(xcmPalletIndex === undefined ? {} : { xcmPalletIndex }),
  })
  if (!r.ok) throw new UsageError(r.error.message)
  const s = r.value
  const warnings = [...s.warnings]
  if (opts.refTime === undefined || opts.proofSize === undefined)
    warnings.push('Transact weight assumed: query transactionPaymentCallApi.queryCallInfo with the call data')
  if (opts.fee === undefined)
    warnings.push(`fee assumed ${defaultFee(network)}: the surplus is refunded by RefundSurplus`)
  warnings.push(...records.warnings)
  if (opts.renewalPrice === undefined && recordPrice === undefined)
    warnings.push('renewal price unknown: funds cover the fee and existential deposit only')
  // the enable_auto_renew call runs on the Coretime chain; polkadotXcm.send runs on the para's own
  // chain, whose endpoint no network entry knows: it gets no link
  const link = decodeLink(network, 'coretime', s.callData)
  return {
    network,
    paraId: para,
    core,
    coreSource: g?.coreSource,
    workloadEndHint: hint,
    hintReason,
    setup: s,
    decodeUrl: link,
    warnings,
  }
}

/** The `--json` form: the setup with its link, para, core, hint and warnings. */
export const autorenewJson = (r: AutorenewResult): unknown => ({
  ...r.setup,
  decodeUrl: r.decodeUrl,
  paraId: r.paraId,
  core: r.core,
  workloadEndHint: r.workloadEndHint ?? null,
  hintReason: r.hintReason,
  warnings: r.warnings,
})

/** The call, XCM and funds as `coretime autorenew` shows them, within `width` columns. */
export const renderAutorenew = (r: AutorenewResult, width = columns()): string => {
  const { setup: s, core, paraId: para, workloadEndHint: hint, warnings } = r
  const token = Token.of(r.network)
  const out = [
    `para ${para} on ${r.network}: auto-renewal of core ${core}${r.coreSource ? ` (${r.coreSource})` : ''}`,
    `sovereign account (sibl, coretime chain): ${s.sovereign.ss58}  ${s.sovereign.hex}`,
    `workload_end_hint: ${hint}  (${r.hintReason})`,
    `call: broker.enable_auto_renew(${core}, ${para}, ${hint === undefined ? 'None' : `Some(${hint})`})`,
    `  call data: ${s.callData}`,
    `  decode on polkadot.js Apps: ${r.decodeUrl}`,
    `XCM V${s.xcm.version}, sent from the para with Root origin to the coretime chain:`,
    '  WithdrawAsset → BuyExecution → Transact(SovereignAccount) → RefundSurplus → DepositAsset',
    `  dest:    ${s.xcm.destination}`,
    `  message: ${s.xcm.message}`,
    ...(s.xcm.sendCall === undefined ? [] : [`  polkadotXcm.send call data: ${s.xcm.sendCall}`]),
    'funds on the sovereign account:',
    `  XCM fee                ${showAmount(s.funds.fee, token)}`,
    ...s.funds.renewals.map((p, i) => `  renewal ${String(i + 1).padEnd(14)} ${showAmount(p, token)}`),
    `  existential deposit    ${showAmount(s.funds.existentialDeposit, token)}`,
    `  total                  ${showAmount(s.funds.total, token)}`,
    ...(warnings.length ? ['warnings:', ...warnings.map((w) => `  ! ${w}`)] : []),
  ]
  return `${wrap(out.join('\n'), width)}\n`
}

/**
 * The snapshot's records for (core, para), read as `plan` reads them: the renewal price recorded at
 * (core, hint) and whether auto-renewal is already on. `known`: the snapshot lists potential renewals.
 */
const snapshotRecords = (
  g: Gathered | undefined,
  core: number,
  para: number,
  hint: number | undefined,
): { price: bigint | undefined; known: boolean; warnings: string[] } => {
  const snap = g?.snapshot
  const warnings: string[] = []
  if (!snap || !g) return { price: undefined, known: false, warnings }
  const token = Token.of(g.network)
  const recorded = snap.potentialRenewals
  const at = (when: number | undefined) => recorded?.find((r) => r.core === core && r.when === when)
  const record = at(hint)
  const price =
    record === undefined
      ? undefined
      : parseAmount('--snapshot: potentialRenewals.price', String(record.price), token)
  // pallet-broker dispatchable_impls.rs do_enable_auto_renew: a record at the sale's regionBegin (renew
  // now) or at the hint is needed, else NotAllowed
  if (recorded !== undefined && record === undefined && at(g.sale.regionBegin) === undefined)
    warnings.push(
      `broker.potentialRenewals has no entry for core ${core} at when=${hint ?? g.sale.regionBegin}: enable_auto_renew fails with NotAllowed (renewal is not possible from this core)`,
    )
  const existing = snap.autoRenewals?.find((a) => a.core === core)
  if (existing?.task === para)
    warnings.push(
      `auto-renewal is already enabled for core ${core} (task ${para}, next renewal at timeslice ${existing.nextRenewal}): nothing to enable`,
    )
  else if (existing) warnings.push(`core ${core} already auto-renews for task ${existing.task}, not ${para}`)
  return { price, known: recorded !== undefined, warnings }
}
