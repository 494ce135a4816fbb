import * as Networks from '../networks/Networks'
import type { Network } from '../units/Token'

/**
 * ParaID reservation and registration deposits on the relay's Registrar pallet (index 70).
 * polkadot-sdk polkadot/runtime/common/src/paras_registrar/mod.rs reserve, validate_onboarding_data
 */

/** The two Registrar constants a deposit depends on, planck. */
export type Constants = {
  /** `ParaDeposit`: reserved by `reserve()` and counted in the registration deposit */
  readonly paraDeposit: bigint
  /** `DataDepositPerByte` */
  readonly dataDepositPerByte: bigint
}

export type Era = Network | 'kusama-before-1.3.4'

/**
 * Registrar constants per network and era (metadata 2026; fellows relay/*\/src/lib.rs):
 * Polkadot 100 DOT + 0.001 DOT/byte; Kusama 4 KSM + CENTS/10 per byte since fellows #501 (release 1.3.4,
 * Nov 2024), 40 KSM + 1 CENT per byte before it.
 */
export const constants: Readonly<Record<Era, Constants>> = {
  ...(Object.fromEntries(Networks.names.map((n) => [n, Networks.get(n).relay.registrar])) as Record<
    Network,
    Constants
  >),
  'kusama-before-1.3.4': { paraDeposit: 40_000_000_000_000n, dataDepositPerByte: 333_333_333n },
}

export const eraOf = (network: Network): Era => network

/**
 * Which size the code term uses: `maxCodeSize` (the relay's `max_code_size`, since polkadot-sdk #3020,
 * Jan 2024, live today) or `actualBytes` (the uploaded code's length, before it).
 */
export type Rule = 'maxCodeSize' | 'actualBytes'

/**
 * `max_code_size` assumed when none is given: 3 MiB. A relay configuration value, not code; the
 * Polkadot wiki's "~3300 DOT"/"~1100 KSM" (June 2024) match 3 MiB. Read `configuration.activeConfig`.
 */
export const ASSUMED_MAX_CODE_SIZE = 3 * 1024 * 1024

/** polkadot primitives MIN_CODE_SIZE: the smallest validation code `register` accepts. */
export const MIN_CODE_SIZE = 9

export type Inputs = {
  readonly constants: Constants
  readonly rule: Rule
  /** genesis head length, bytes */
  readonly headBytes: number
  /** validation code length, bytes (checked against the limits; priced only by the actualBytes rule) */
  readonly codeBytes: number
  /** relay `max_code_size`, bytes */
  readonly maxCodeSize: number
  /** relay `max_head_data_size`, bytes; checked when given */
  readonly maxHeadDataSize?: number
}

export type Breakdown = {
  /** `ParaDeposit`, reserved at `reserve()` */
  readonly reserve: bigint
  readonly headDeposit: bigint
  readonly codeDeposit: bigint
  /** bytes the code term was charged for */
  readonly codeBytesCharged: number
  /** reserve + head + code: what is held once registered */
  readonly total: bigint
  /** what `register` reserves on top of the earlier `reserve()` */
  readonly onRegister: bigint
}

export type DepositError =
  | { readonly code: 'CodeTooLarge'; readonly codeBytes: number; readonly maxCodeSize: number }
  | { readonly code: 'InvalidCode'; readonly codeBytes: number; readonly minCodeSize: number }
  | { readonly code: 'HeadDataTooLarge'; readonly headBytes: number; readonly maxHeadDataSize: number }

export type Result =
  | { readonly ok: true; readonly value: Breakdown }
  | { readonly ok: false; readonly error: DepositError }

/** The deposit `reserve()` takes: `ParaDeposit`. */
export const reserve = (c: Constants): bigint => c.paraDeposit

/**
 * The deposit held once `register(id, head, code)` succeeds, with the checks `register` makes.
 * Current rule: `ParaDeposit + DataDepositPerByte × (len(head) + max_code_size)`; before Jan 2024 the
 * code term was `len(code)`. polkadot-sdk paras_registrar/mod.rs validate_onboarding_data
 */
export const register = (inputs: Inputs): Result => {
  const { headBytes, codeBytes, maxCodeSize } = inputs
  // the size checks are those of the current pallet; the pre-2024 one checked the same limits
  if (codeBytes < MIN_CODE_SIZE)
    return { ok: false, error: { code: 'InvalidCode', codeBytes, minCodeSize: MIN_CODE_SIZE } }
  if (codeBytes > maxCodeSize) return { ok: false, error: { code: 'CodeTooLarge', codeBytes, maxCodeSize } }
  if (inputs.maxHeadDataSize !== undefined && headBytes > inputs.maxHeadDataSize)
    return {
      ok: false,
      error: { code: 'HeadDataTooLarge', headBytes, maxHeadDataSize: inputs.maxHeadDataSize },
    }
  const perByte = inputs.constants.dataDepositPerByte
  const codeBytesCharged = inputs.rule === 'maxCodeSize' ? maxCodeSize : codeBytes
  const reserveAmount = inputs.constants.paraDeposit
  const headDeposit = perByte * BigInt(headBytes)
  const codeDeposit = perByte * BigInt(codeBytesCharged)
  const total = reserveAmount + headDeposit + codeDeposit
  return {
    ok: true,
    value: {
      reserve: reserveAmount,
      headDeposit,
      codeDeposit,
      codeBytesCharged,
      total,
      onRegister: total - reserveAmount,
    },
  }
}
