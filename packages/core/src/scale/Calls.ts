import { InvariantError } from '../errors/BaseError'
import * as Networks from '../networks/Networks'
import { fromHex, toHex } from './Hex'
import * as S from './Shape'

/**
 * Pallet and call indices of the live runtimes, with argument shapes (spec relay-and-data.md B.3 and
 * A.1; metadata 2026 of Polkadot/Kusama coretime and relay chains, checked by Calls.metadata.test.ts).
 * Arguments are plain SCALE (no compact) in these pallets.
 */
export type Network = Networks.Network
export type Chain = 'coretime' | 'relay'

export type CallDef = {
  readonly name: string
  readonly index: number
  readonly args: readonly (readonly [string, S.Shape])[]
}
export type PalletDef = {
  /** our name for the pallet, the same on both networks */
  readonly key: 'Broker' | 'OnDemand'
  /** the pallet's name in each runtime's metadata */
  readonly names: Readonly<Record<Network, string>>
  readonly chain: Chain
  readonly index: number
  readonly calls: readonly CallDef[]
}

// pallet-broker types.rs / coretime_interface.rs
const coreMask = S.bytes(10) // CoreMask = [u8; 10]
const regionId = S.struct(['begin', S.u32s], ['core', S.u16s], ['mask', coreMask])
const coreAssignment = S.enumOf(['Idle', 0, null], ['Pool', 1, null], ['Task', 2, S.u32s])
const schedule = S.vec(S.struct(['mask', coreMask], ['assignment', coreAssignment])) // BoundedVec<ScheduleItem, 80>
const finality = S.enumOf(['Provisional', 0, null], ['Final', 1, null])
const configRecord = S.struct(
  ['advance_notice', S.u32s],
  ['interlude_length', S.u32s],
  ['leadin_length', S.u32s],
  ['region_length', S.u32s],
  ['ideal_bulk_proportion', S.u32s], // Perbill parts
  ['limit_cores_offered', S.option(S.u16s)],
  ['renewal_bump', S.u32s], // Perbill parts
  ['contribution_timeout', S.u32s],
)
const revenueRecord = S.struct(['until', S.u32s], ['amount', S.u128s]) // OnDemandRevenueRecord

const call = (name: string, index: number, ...args: (readonly [string, S.Shape])[]): CallDef => ({
  name,
  index,
  args,
})

/** A pallet's metadata name on each network, from the network entries. */
const namesOf = (name: (n: Networks.NetworkEntry) => string): Readonly<Record<Network, string>> =>
  Object.fromEntries(Networks.names.map((n) => [n, name(Networks.get(n))])) as Record<Network, string>

/** pallet-broker, index 50 on both coretime chains (fellows coretime-{polkadot,kusama} lib.rs construct_runtime). */
export const Broker: PalletDef = {
  key: 'Broker',
  names: namesOf((n) => n.coretime.pallets.Broker),
  chain: 'coretime',
  index: 50,
  calls: [
    call('configure', 0, ['config', configRecord]),
    call('reserve', 1, ['workload', schedule]),
    call('unreserve', 2, ['item_index', S.u32s]),
    call('set_lease', 3, ['task', S.u32s], ['until', S.u32s]),
    call('start_sales', 4, ['end_price', S.u128s], ['extra_cores', S.u16s]),
    call('purchase', 5, ['price_limit', S.u128s]),
    call('renew', 6, ['core', S.u16s]),
    call('transfer', 7, ['region_id', regionId], ['new_owner', S.account]),
    call('partition', 8, ['region_id', regionId], ['pivot', S.u32s]),
    call('interlace', 9, ['region_id', regionId], ['pivot', coreMask]),
    call('assign', 10, ['region_id', regionId], ['task', S.u32s], ['finality', finality]),
    call('pool', 11, ['region_id', regionId], ['payee', S.account], ['finality', finality]),
    call('claim_revenue', 12, ['region_id', regionId], ['max_timeslices', S.u32s]),
    call('purchase_credit', 13, ['amount', S.u128s], ['beneficiary', S.account]),
    call('drop_region', 14, ['region_id', regionId]),
    call('drop_contribution', 15, ['region_id', regionId]),
    call('drop_history', 16, ['when', S.u32s]),
    call('drop_renewal', 17, ['core', S.u16s], ['when', S.u32s]),
    call('request_core_count', 18, ['core_count', S.u16s]),
    call('notify_core_count', 19, ['core_count', S.u16s]),
    call('notify_revenue', 20, ['revenue', revenueRecord]),
    call(
      'enable_auto_renew',
      21,
      ['core', S.u16s],
      ['task', S.u32s],
      ['workload_end_hint', S.option(S.u32s)],
    ),
    call('disable_auto_renew', 22, ['core', S.u16s], ['task', S.u32s]),
    call('force_reserve', 23, ['workload', schedule], ['core', S.u16s]),
    call('remove_lease', 24, ['task', S.u32s]),
    call('remove_assignment', 26, ['region_id', regionId]),
    call('remove_potential_renewal', 27, ['core', S.u16s], ['when', S.u32s]),
    call('force_transfer', 28, ['region_id', regionId], ['new_owner', S.account]),
    call('swap_leases', 99, ['id', S.u32s], ['other', S.u32s]),
  ],
}

/** The relay's on-demand pallet, index 64 on both relays (spec A.1; named OnDemandAssignmentProvider on Kusama). */
export const OnDemand: PalletDef = {
  key: 'OnDemand',
  names: namesOf((n) => n.relay.pallets.OnDemand),
  chain: 'relay',
  index: 64,
  calls: [
    call('place_order_allow_death', 0, ['max_amount', S.u128s], ['para_id', S.u32s]),
    call('place_order_keep_alive', 1, ['max_amount', S.u128s], ['para_id', S.u32s]),
    call('place_order_with_credits', 2, ['max_amount', S.u128s], ['para_id', S.u32s]),
  ],
}

export const pallets: readonly PalletDef[] = [Broker, OnDemand]

/** A call as plain data: `{ pallet: 'Broker', call: 'enable_auto_renew', args: { core: 48, … } }`. */
export type Call = {
  readonly pallet: PalletDef['key']
  readonly call: string
  readonly args: Readonly<Record<string, S.Value>>
}

export type CallErrorCode =
  | 'UnknownPallet'
  | 'UnknownCall'
  | 'InvalidArgument'
  | 'MalformedHex'
  | 'Truncated'
  | 'TrailingBytes'
export type CallError = { readonly code: CallErrorCode; readonly message: string }
export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: CallError }

const fail = <T>(code: CallErrorCode, message: string): Result<T> => ({ ok: false, error: { code, message } })

/** `enableAutoRenew` / `enable-auto-renew` / `EnableAutoRenew` → `enable_auto_renew`. */
const snake = (s: string): string =>
  s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase()

const palletAliases = (p: PalletDef): string[] => [p.key, ...Object.values(p.names)].map((n) => snake(n))

/**
 * Finds a call by name: `enable_auto_renew`, `broker.enable_auto_renew`, `Broker.enableAutoRenew`,
 * `onDemand.placeOrderWithCredits`, `OnDemandAssignmentProvider.place_order_keep_alive`. Bare names are
 * unique across the two pallets.
 */
export const find = (name: string): Result<{ pallet: PalletDef; call: CallDef }> => {
  const text = name.trim()
  const dot = text.lastIndexOf('.')
  const palletName = dot >= 0 ? snake(text.slice(0, dot)) : undefined
  const callName = snake(dot >= 0 ? text.slice(dot + 1) : text)
  const candidates =
    palletName === undefined ? pallets : pallets.filter((p) => palletAliases(p).includes(palletName))
  if (candidates.length === 0)
    return fail('UnknownPallet', `unknown pallet "${text.slice(0, dot)}" (known: broker, on_demand)`)
  for (const pallet of candidates) {
    const call = pallet.calls.find((c) => c.name === callName)
    if (call) return { ok: true, value: { pallet, call } }
  }
  const known = candidates.flatMap((p) => p.calls.map((c) => c.name))
  const near = known
    .map((k) => [k, distance(k, callName)] as const)
    .filter(([, d]) => d <= Math.max(2, Math.floor(callName.length / 4)))
    .sort((a, b) => a[1] - b[1])
    .slice(0, 3)
    .map(([k]) => k)
  return fail(
    'UnknownCall',
    `unknown call "${text}"${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; see \`coretime encode --list\``,
  )
}

/** Levenshtein distance, for "did you mean" suggestions only. */
const distance = (a: string, b: string): number => {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = row
  }
  return prev[b.length]!
}

/**
 * Loose arguments (from JSON or the CLI) → a typed call. `args` is either positional (an array in
 * declaration order) or named (an object; `camelCase` names are accepted). Missing `Option` args are None.
 */
export const build = (
  name: string,
  args: readonly unknown[] | Readonly<Record<string, unknown>>,
): Result<Call> => {
  const found = find(name)
  if (!found.ok) return found
  const { pallet, call } = found.value
  const label = `${snake(pallet.key)}.${call.name}`
  const named: Record<string, unknown> = {}
  if (Array.isArray(args)) {
    if (args.length > call.args.length)
      return fail(
        'InvalidArgument',
        `${label} takes ${call.args.length} arguments (${signature(call)}), got ${args.length}`,
      )
    call.args.forEach(([n], i) => {
      if (i < args.length) named[n] = args[i]
    })
  } else {
    for (const [k, v] of Object.entries(args)) {
      const key = snake(k)
      if (!call.args.some(([n]) => n === key))
        return fail('InvalidArgument', `${label} has no argument "${k}" (arguments: ${signature(call)})`)
      named[key] = v
    }
  }
  const out: Record<string, S.Value> = {}
  for (const [n, shape] of call.args) {
    if (!(n in named) && shape.kind !== 'option')
      return fail(
        'InvalidArgument',
        `${label}: missing argument ${n} (${S.describe(shape)}); arguments: ${signature(call)}`,
      )
    const r = S.fromInput(shape, named[n], `${label}: ${n}`)
    if (!r.ok) return fail('InvalidArgument', r.error.message)
    out[n] = r.value
  }
  return { ok: true, value: { pallet: pallet.key, call: call.name, args: out } }
}

/** `core: u16, task: u32, workload_end_hint: Option<u32>` */
export const signature = (call: CallDef): string =>
  call.args.map(([n, s]) => `${n}: ${S.describe(s)}`).join(', ')

const palletOf = (key: Call['pallet']): PalletDef => (key === 'Broker' ? Broker : OnDemand)

/** A typed call → its call data: pallet index ‖ call index ‖ SCALE args. Throws on a call not in the table (a bug). */
export const encode = (c: Call): Uint8Array => {
  const pallet = palletOf(c.pallet)
  const def = pallet.calls.find((d) => d.name === c.call)
  if (!def) throw new InvariantError(`Calls.encode: ${c.pallet}.${c.call} is not in the table`)
  const parts = def.args.map(([n, s]) => S.codecOf(s).enc(c.args[n]))
  const length = parts.reduce((a, p) => a + p.length, 2)
  const out = new Uint8Array(length)
  out[0] = pallet.index
  out[1] = def.index
  let offset = 2
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

/** `0x…` call data → typed call, refusing malformed hex, unknown indices, truncated and over-long data. */
export const decodeHex = (hex: string): Result<Call> => {
  const bytes = fromHex(hex)
  if (!bytes.ok) return fail('MalformedHex', bytes.error.message)
  return decode(bytes.value)
}

/** Call data → typed call. */
export const decode = (data: Uint8Array): Result<Call> => {
  if (data.length < 2)
    return fail('Truncated', `call data too short: ${data.length} byte(s), need at least 2`)
  const [pi, ci] = [data[0]!, data[1]!]
  const pallet = pallets.find((p) => p.index === pi)
  if (!pallet)
    return fail(
      'UnknownPallet',
      `unknown pallet index ${pi} (0x${pi.toString(16).padStart(2, '0')}); known: ${pallets.map((p) => `${p.index} ${p.key}`).join(', ')}`,
    )
  const def = pallet.calls.find((c) => c.index === ci)
  if (!def) return fail('UnknownCall', `${pallet.key} (pallet ${pi}) has no call with index ${ci}`)
  const label = `${snake(pallet.key)}.${def.name}`
  const args: Record<string, S.Value> = {}
  let offset = 2
  for (const [n, shape] of def.args) {
    const rest = data.slice(offset) // a copy: scale-ts decoders read from the start of the underlying buffer
    let value: S.Value
    try {
      value = S.codecOf(shape).dec(rest) as S.Value
    } catch {
      return fail('Truncated', `${label}: call data ends inside argument ${n} (${S.describe(shape)})`)
    }
    // SCALE is canonical here: re-encoding gives the exact bytes consumed; a mismatch means bad data.
    const used = S.codecOf(shape).enc(value)
    if (used.length > rest.length)
      return fail('Truncated', `${label}: call data ends inside argument ${n} (${S.describe(shape)})`)
    if (toHex(used) !== toHex(rest.subarray(0, used.length)))
      return fail('InvalidArgument', `${label}: argument ${n} is not a valid ${S.describe(shape)}`)
    args[n] = value
    offset += used.length
  }
  if (offset !== data.length)
    return fail(
      'TrailingBytes',
      `${label}: ${data.length - offset} unexpected byte(s) after the call (it uses ${offset} of ${data.length})`,
    )
  return { ok: true, value: { pallet: pallet.key, call: def.name, args } }
}

/** Definition of a typed call (for rendering). */
export const definition = (c: Call): CallDef | undefined =>
  palletOf(c.pallet).calls.find((d) => d.name === c.call)

/** `broker.enable_auto_renew(core: 48, task: 2000, workload_end_hint: Some(327885))` */
export const render = (c: Call, prefix?: number): string => {
  const def = definition(c)
  const args = (def?.args ?? []).map(([n, s]) => `${n}: ${S.render(s, c.args[n], prefix)}`).join(', ')
  return `${snake(c.pallet)}.${c.call}(${args})`
}

/** JSON form: `{ pallet, call, args }` with bigints as strings and bytes as hex. */
export const toJson = (
  c: Call,
  prefix?: number,
): { pallet: string; call: string; args: Record<string, S.Json> } => {
  const def = definition(c)
  return {
    pallet: c.pallet,
    call: c.call,
    args: Object.fromEntries((def?.args ?? []).map(([n, s]) => [n, S.toJson(s, c.args[n], prefix)])),
  }
}
