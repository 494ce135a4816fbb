import { type Snapshot, Status } from '@coretime/chain'
import { Token } from '@coretime/core'
import type { Command } from 'commander'
import { addLiveOptions, type LiveOptions, loadSnapshot, readLive } from '../chain/live'
import { UsageError } from '../errors'
import { networkChoices } from '../flags'
import { emit, showAmount } from '../print'
import { columns, wrap } from '../width'

type Options = LiveOptions & { snapshot?: string; json?: boolean }

/** `coretime status`: the sale now, from the live chain or a snapshot. */
export const registerStatus = (program: Command): void => {
  addLiveOptions(
    program
      .command('status')
      .description('the sale now: phase, prices, cores offered and sold, next phases, renewals due')
      .option('--network <name>', `${networkChoices()} (live)`)
      .option('--snapshot <file>', 'a coretime-snapshot/1 file instead of the live chain')
      .option('--json', 'machine-readable output'),
  ).action(async (opts: Options, cmd: Command) =>
    emit(await status(opts, cmd), opts.json, (r) => renderStatus(r), statusJson),
  )
}

/** What `coretime status` read: the network and the status view of its state (its `--json`). */
export type StatusResult = { network: Snapshot.Snapshot['network']; view: Status.View }

/**
 * `coretime status` as a function: the live chain (or `--snapshot`) in, the sale now out. `cmd`
 * tells flags given on the command line from defaults; a bad flag throws a UsageError, an
 * unreadable chain a ChainError.
 */
export const status = async (opts: Options, cmd?: Command): Promise<StatusResult> => {
  let snap: Snapshot.Snapshot
  if (opts.snapshot !== undefined) {
    const live = ['coretimeUrl', 'relayUrl', 'endpoint'].filter((k) => cmd?.getOptionValueSource(k) === 'cli')
    if (live.length > 0 || opts.network !== undefined)
      throw new UsageError('--snapshot: give either a snapshot or --network/--coretime-url/--relay-url')
    snap = loadSnapshot('--snapshot', opts.snapshot)
  } else snap = await readLive({ ...opts, network: opts.network ?? 'polkadot' })
  return { network: snap.network, view: Status.of(snap) }
}

/** The `--json` form: the status view. */
export const statusJson = (r: StatusResult): unknown => r.view

/** The sale now as `coretime status` shows it, within `width` columns. */
export const renderStatus = (r: StatusResult, width = columns()): string => {
  const v = r.view
  const token = Token.of(r.network)
  const amount = (x: bigint) => showAmount(x, token)
  const out: string[] = []
  out.push(`${r.network} — now: ${v.now.date}, relay block ${v.now.block}`)
  out.push(`  chains: ${v.chains.coretime}; ${v.chains.relay}`)
  const s = v.sale
  if (!s) out.push('no sale: sales have not started')
  else {
    out.push(`sale of region ${s.region.begin}–${s.region.end} (${s.region.beginDate} → ${s.region.endDate})`)
    out.push(`  phase now            ${s.phase}`)
    out.push(`  price now            ${amount(s.priceNow)}`)
    out.push(`  lead-in start price  ${amount(s.startPrice)}`)
    out.push(`  end of lead-in price ${amount(s.leadinEndPrice)}`)
    out.push(`  sellout price        ${s.selloutPrice === null ? 'none' : amount(s.selloutPrice)}`)
    out.push(
      `  cores                ${s.coresSold} of ${s.coresOffered} sold (ideal ${s.idealCoresSold}, from core ${s.firstCore})`,
    )
    out.push('next:')
    for (const n of s.next) out.push(`  ${n.at.date}  block ${String(n.at.block).padEnd(10)} ${n.name}`)
  }
  out.push(v.renewalsDue.length === 0 ? 'renewals due: none' : `renewals due (${v.renewalsDue.length}):`)
  for (const r of v.renewalsDue)
    out.push(
      `  core ${String(r.core).padEnd(4)} ${r.task === null ? 'partial'.padEnd(10) : `para ${r.task}`.padEnd(10)} ${amount(r.price)}${r.autoRenew ? '  (auto-renew)' : ''}${r.complete ? '' : '  (incomplete assignment: cannot renew)'}`,
    )
  out.push(
    v.onDemand
      ? `on-demand: base fee ${amount(v.onDemand.baseFee)}, ${v.onDemand.queued} queued, ${v.onDemand.numCores} cores on the relay`
      : 'on-demand: not read (no relay endpoint)',
  )
  return `${wrap(out.join('\n'), width)}\n`
}
