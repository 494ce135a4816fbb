import { Calls, Hex, Networks, Token } from '@coretime/core'
import type { Command } from 'commander'
import { decodeLink } from '../appsLink'
import { UsageError } from '../errors'
import { networkChoices, parseAmount, parseNetwork } from '../flags'
import { emit } from '../print'

type Options = { json?: boolean; list?: boolean; network?: string }

/** `coretime encode`: call data for a broker or on-demand call. */
export const registerEncode = (program: Command): void => {
  program
    .command('encode')
    .description('SCALE call data for a broker call (coretime chain) or an on-demand order (relay)')
    .argument('[call]', 'e.g. enable_auto_renew, broker.renew, on_demand.place_order_with_credits')
    .argument('[args...]', 'positional values in order, or name=value; JSON for structs/enums/lists')
    .option('--list', 'list every call with its arguments')
    .option(
      '--network <name>',
      `${networkChoices()}: the chain the call is for (its token for amounts, the Apps decode link); default polkadot`,
    )
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nExamples:\n  coretime encode enable_auto_renew core=48 task=2000 workload_end_hint=327885\n  coretime encode renew 48\n  coretime encode assign \'region_id={"begin":322845,"core":48,"mask":"0xffffffffffffffffffff"}\' task=2000 finality=Final',
    )
    .action((call: string | undefined, args: string[], opts: Options) =>
      emit(encode(call, args, opts), opts.json, renderEncode, encodeJson),
    )
}

/** A CLI word → a JSON value when it looks like one (object, array, quoted string), else the text. */
const value = (text: string, where: string): unknown => {
  if (/^[[{"]/.test(text.trim())) {
    try {
      return JSON.parse(text)
    } catch {
      throw new UsageError(`${where}: cannot parse ${JSON.stringify(text)} as JSON`)
    }
  }
  return text
}

/**
 * `name=value` words become named args; otherwise all words are positional (mixing is refused).
 * `call` (as typed) only labels errors. A name given twice (`core`, or `core` and `Core`) is refused.
 */
export const parseArgs = (words: readonly string[], call = 'encode'): unknown[] | Record<string, unknown> => {
  const named = words.map((w) => /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w))
  if (named.every((m) => m !== null)) {
    const seen = new Set<string>()
    for (const m of named) {
      const key = m![1]!.replace(/_/g, '').toLowerCase() // workload_end_hint = workloadEndHint
      if (seen.has(key)) throw new UsageError(`${call}: ${m![1]} is given twice`)
      seen.add(key)
    }
    return Object.fromEntries(named.map((m) => [m![1]!, value(m![2]!, `${call}: ${m![1]}`)]))
  }
  if (named.some((m) => m !== null))
    throw new UsageError('give the arguments either all as name=value or all positionally, not mixed')
  return words.map((w, i) => value(w, `${call}: argument ${i + 1}`))
}

/** One call of `coretime encode --list`. */
export type ListedCall = {
  pallet: string
  chain: Calls.Chain
  palletIndex: number
  callIndex: number
  call: string
  signature: string
}

/** What `coretime encode` made: the call list (`--list`) or one call's data and its decode link. */
export type EncodeResult =
  | { kind: 'list'; calls: ListedCall[] }
  | {
      kind: 'call'
      network: Token.Network
      call: Calls.Call
      chain: Calls.Chain
      bytes: Uint8Array
      callData: string
      decodeUrl: string
    }

/**
 * `coretime encode` as a function: a call name and its argument words in, the call data out (or
 * the list). An unknown call, a bad value or a token of another network throws a UsageError.
 */
export const encode = (name: string | undefined, words: readonly string[], opts: Options): EncodeResult => {
  if (opts.list || name === undefined) {
    if (name === undefined && !opts.list)
      throw new UsageError('missing call name (try `coretime encode --list`)')
    const calls = Calls.pallets.flatMap((p) =>
      p.calls.map((c) => ({
        pallet: p.key,
        chain: p.chain,
        palletIndex: p.index,
        callIndex: c.index,
        call: c.name,
        signature: Calls.signature(c),
      })),
    )
    return { kind: 'list', calls }
  }
  const network = parseNetwork(opts.network)
  const built = Calls.build(name, withTokens(name, parseArgs(words, name), network))
  if (!built.ok) throw new UsageError(built.error.message)
  const bytes = Calls.encode(built.value)
  const callData = Hex.toHex(bytes)
  const chain = Calls.pallets.find((p) => p.key === built.value.pallet)!.chain
  return {
    kind: 'call',
    network,
    call: built.value,
    chain,
    bytes,
    callData,
    decodeUrl: decodeLink(network, chain, callData),
  }
}

/** The `--json` form: the list, or the call data with its link, chain, indices and arguments. */
export const encodeJson = (r: EncodeResult): unknown =>
  r.kind === 'list'
    ? r.calls
    : {
        callData: r.callData,
        decodeUrl: r.decodeUrl,
        network: r.network,
        chain: r.chain,
        palletIndex: r.bytes[0],
        callIndex: r.bytes[1],
        ...Calls.toJson(r.call),
      }

/** The list, or the call data as `coretime encode` shows it. */
export const renderEncode = (r: EncodeResult): string =>
  r.kind === 'list'
    ? `${r.calls.map((c) => `${c.chain.padEnd(8)} ${`${c.palletIndex}.${c.callIndex}`.padEnd(6)} ${c.pallet}.${c.call}(${c.signature})`).join('\n')}\n`
    : `${r.callData}\n  ${Calls.render(r.call)}\n  ${r.chain === 'coretime' ? 'coretime chain' : 'relay chain'}: pallet ${r.bytes[0]}, call ${r.bytes[1]}, ${r.bytes.length} bytes\n  decode on polkadot.js Apps: ${r.decodeUrl}\n`

/**
 * Balance arguments (u128) given as tokens ("5 DOT") or "N planck" → planck, as every amount of the
 * CLI (docs/cli.md), read in `network`'s token: a symbol of another network ("5 KSM" for Polkadot)
 * is refused, never taken as a hint to switch networks. Other values pass through.
 */
export const withTokens = (
  name: string,
  args: unknown[] | Record<string, unknown>,
  network: Token.Network,
): unknown[] | Record<string, unknown> => {
  const found = Calls.find(name)
  if (!found.ok) return args
  const defs = found.value.call.args
  const token = Token.of(network)
  const key = (k: string) => k.replace(/_/g, '').toLowerCase()
  const convert = (argName: string, v: unknown): unknown => {
    const def = defs.find(([n]) => key(n) === key(argName))
    if (def?.[1].kind !== 'u128' || typeof v !== 'string') return v
    const unit = /([A-Za-z]+)\s*$/.exec(v.trim())?.[1]?.toUpperCase()
    if (unit === undefined) return v
    const other = Networks.names.find((n) => n !== network && Token.of(n).symbol === unit)
    if (other !== undefined && unit !== token.symbol)
      throw new UsageError(
        `${name}: ${def[0]}: "${v}" is in ${unit}, but the call is for ${network} (${token.symbol}); give --network ${other} for a ${Networks.get(other).label} call`,
      )
    return String(parseAmount(`${name}: ${def[0]}`, v, token))
  }
  if (Array.isArray(args)) return args.map((v, i) => convert(defs[i]?.[0] ?? '', v))
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, convert(k, v)]))
}
