import { Networks, Onboarding, Token } from '@coretime/core'
import type { Command } from 'commander'
import { UsageError } from '../errors'
import { networkChoices, parseAmount, parseCount, parseNetwork } from '../flags'
import { emit, showAmount, table } from '../print'

type Options = {
  network?: string
  rule?: string
  era?: string
  codeSize?: string
  headSize?: string
  maxCodeSize?: string
  maxHeadSize?: string
  paraDeposit?: string
  perByte?: string
  json?: boolean
}

const RULES = { 'max-code-size': 'maxCodeSize', 'actual-bytes': 'actualBytes' } as const
const U32_MAX = 4_294_967_295

/** `coretime deposit`: what reserving a ParaID and registering head + code hold on the relay. */
export const registerDeposit = (program: Command): void => {
  program
    .command('deposit')
    .description('ParaID reserve and registration deposits (relay Registrar), current or pre-2024 rule')
    .option('--network <name>', networkChoices(), 'polkadot')
    .option('--rule <rule>', 'max-code-size (live since Jan 2024) or actual-bytes (before)', 'max-code-size')
    .option(
      '--era <era>',
      'Kusama constants: current (since fellows 1.3.4) or before-1.3.4 (40 KSM + 1 CENT/byte)',
    )
    .option('--code-size <bytes>', 'validation code (wasm) length in bytes')
    .option('--head-size <bytes>', 'genesis head length in bytes', '0')
    .option('--max-code-size <bytes>', 'relay max_code_size (default 3 MiB, assumed, not read from chain)')
    .option('--max-head-size <bytes>', 'relay max_head_data_size, checked when given')
    .option('--para-deposit <amount>', 'override ParaDeposit (tokens or planck)')
    .option('--per-byte <amount>', 'override DataDepositPerByte (tokens or planck)')
    .option('--json', 'machine-readable output')
    .action((opts: Options) => emit(deposit(opts), opts.json, renderDeposit))
}

/** What `coretime deposit` found: the inputs it used and the deposits (its `--json`). */
export type DepositResult = {
  network: Token.Network
  token: string
  decimals: number
  era: Onboarding.Deposit.Era
  rule: Onboarding.Deposit.Rule
  constants: Onboarding.Deposit.Constants
  headBytes: number
  codeBytes: number | null
  maxCodeSize: number
  maxCodeSizeAssumed: boolean
} & Onboarding.Deposit.Breakdown

/** `coretime deposit` as a function: flags in, deposits out; a bad flag throws a one-line UsageError. */
export const deposit = (opts: Options): DepositResult => {
  const network = parseNetwork(opts.network)
  const token = Token.of(network)
  const rule = RULES[(opts.rule ?? 'max-code-size').toLowerCase() as keyof typeof RULES]
  if (!rule) throw new UsageError(`--rule: expected max-code-size or actual-bytes, got "${opts.rule}"`)
  let era: Onboarding.Deposit.Era = network
  if (opts.era !== undefined) {
    const e = opts.era.toLowerCase()
    if (network !== 'kusama')
      throw new UsageError('--era: only Kusama has more than one set of deposit constants')
    if (e === 'before-1.3.4') era = 'kusama-before-1.3.4'
    else if (e !== 'current')
      throw new UsageError(`--era: expected current or before-1.3.4, got "${opts.era}"`)
  }
  const preset = Onboarding.Deposit.constants[era]
  const constants = {
    paraDeposit:
      opts.paraDeposit === undefined
        ? preset.paraDeposit
        : parseAmount('--para-deposit', opts.paraDeposit, token),
    dataDepositPerByte:
      opts.perByte === undefined ? preset.dataDepositPerByte : parseAmount('--per-byte', opts.perByte, token),
  }
  const maxCodeSize =
    opts.maxCodeSize === undefined
      ? Onboarding.Deposit.ASSUMED_MAX_CODE_SIZE
      : parseCount('--max-code-size', opts.maxCodeSize, 1, U32_MAX)
  let codeBytes = parseCount('--code-size', opts.codeSize ?? '0', 0, U32_MAX)
  // With no code size the current rule needs none: price a minimal code blob.
  const codeGiven = opts.codeSize !== undefined
  if (!codeGiven) {
    if (rule === 'actualBytes')
      throw new UsageError('--code-size: the actual-bytes rule needs the code length in bytes')
    codeBytes = Onboarding.Deposit.MIN_CODE_SIZE
  }
  const headBytes = parseCount('--head-size', opts.headSize ?? '0', 0, U32_MAX)
  const maxHeadDataSize =
    opts.maxHeadSize === undefined ? undefined : parseCount('--max-head-size', opts.maxHeadSize, 0, U32_MAX)
  const r = Onboarding.Deposit.register({
    constants,
    rule,
    headBytes,
    codeBytes,
    maxCodeSize,
    ...(maxHeadDataSize === undefined ? {} : { maxHeadDataSize }),
  })
  if (!r.ok) {
    const e = r.error
    const why =
      e.code === 'CodeTooLarge'
        ? `--code-size: ${e.codeBytes} bytes exceed max_code_size ${e.maxCodeSize} (CodeTooLarge)`
        : e.code === 'InvalidCode'
          ? `--code-size: ${e.codeBytes} bytes is below the minimum ${e.minCodeSize} (InvalidCode)`
          : `--head-size: ${e.headBytes} bytes exceed max_head_data_size ${e.maxHeadDataSize} (HeadDataTooLarge)`
    throw new UsageError(why)
  }
  const d = r.value
  return {
    network,
    token: token.symbol,
    decimals: token.decimals,
    era,
    rule,
    constants,
    headBytes,
    codeBytes: codeGiven ? codeBytes : null,
    maxCodeSize,
    maxCodeSizeAssumed: opts.maxCodeSize === undefined,
    ...d,
  }
}

/** The deposits as `coretime deposit` shows them. */
export const renderDeposit = (r: DepositResult): string => {
  const token = Token.of(r.network)
  const maxCodeLabel = `${r.maxCodeSize} bytes${r.maxCodeSizeAssumed ? ' (assumed 3 MiB; a relay config value)' : ''}`
  return `${[
    `Onboarding deposits on ${Networks.get(r.network).label} (Registrar; ${r.rule === 'maxCodeSize' ? 'current rule: head + max_code_size' : 'pre-2024 rule: head + actual code bytes'})`,
    table([
      ['ParaDeposit', showAmount(r.constants.paraDeposit, token)],
      ['DataDepositPerByte', showAmount(r.constants.dataDepositPerByte, token)],
      ['max_code_size', maxCodeLabel],
      ['reserve ParaID', showAmount(r.reserve, token)],
      [`head (${r.headBytes} B)`, showAmount(r.headDeposit, token)],
      [`code (${r.codeBytesCharged} B charged)`, showAmount(r.codeDeposit, token)],
      ['register adds', showAmount(r.onRegister, token)],
      ['total held', showAmount(r.total, token)],
    ]),
    'Deposits are reserved, not spent: deregistering a parathread returns them.',
  ].join('\n')}\n`
}
