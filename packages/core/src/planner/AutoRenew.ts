import * as Sovereign from '../accounts/Sovereign'
import * as Ss58 from '../accounts/Ss58'
import * as Calls from '../scale/Calls'
import { toHex } from '../scale/Hex'
import * as Xcm from '../scale/Xcm'
import type { Network } from '../units/Token'
import { coretime } from './Chains'

/**
 * Everything a para needs to switch on auto-renewal (docs.polkadot.com "Coretime Renewal"): the
 * `broker.enable_auto_renew` call, the XCM program that dispatches it from the para with its sibling
 * sovereign origin (broker lib.rs `enable_auto_renew`: `ensure!(who == SovereignAccountOf(task))`),
 * and the balance that account needs on the coretime chain.
 */
export type Input = {
  readonly network: Network
  readonly paraId: number
  readonly core: number
  /** `workload_end_hint` (see EndHint); `undefined` sends None, which the guide advises against */
  readonly workloadEndHint: number | undefined
  /** weight of the call on the coretime chain (`TransactionPaymentCallApi.query_call_info`) */
  readonly weight: Xcm.Weight
  /** planck withdrawn to buy execution; the unused part is refunded to the sovereign account */
  readonly fee: bigint
  /** renewal prices the account must hold, in order (from the plan's projection); may be empty */
  readonly renewalPrices: readonly bigint[]
  /** the para's XCM pallet index, to also produce `send(dest, message)` call data; optional */
  readonly xcmPalletIndex?: number
}

export type Setup = {
  readonly sovereign: { readonly hex: string; readonly ss58: string }
  readonly call: Calls.Call
  readonly callData: string
  readonly xcm: {
    readonly version: number
    readonly destination: string
    readonly message: string
    readonly program: unknown
    readonly sendCall: string | undefined
  }
  /** planck: fee + every renewal price + the coretime chain's existential deposit */
  readonly funds: {
    readonly fee: bigint
    readonly renewals: readonly bigint[]
    readonly existentialDeposit: bigint
    readonly total: bigint
  }
  readonly warnings: readonly string[]
}

export type SetupError = { readonly code: 'InvalidArgument'; readonly message: string }
export type Result =
  | { readonly ok: true; readonly value: Setup }
  | { readonly ok: false; readonly error: SetupError }

export const setup = (input: Input): Result => {
  const chain = coretime[input.network]
  const built = Calls.build('broker.enable_auto_renew', {
    core: input.core,
    task: input.paraId,
    workload_end_hint: input.workloadEndHint ?? null,
  })
  if (!built.ok) return { ok: false, error: { code: 'InvalidArgument', message: built.error.message } }
  if (input.fee <= 0n)
    return {
      ok: false,
      error: { code: 'InvalidArgument', message: 'fee: must be positive to buy execution' },
    }
  const call = Calls.encode(built.value)
  const program = Xcm.autoRenewProgram({ call, paraId: input.paraId, fee: input.fee, weight: input.weight })
  const message = Xcm.encodeMessage(program)
  const destination = Xcm.encodeDestination(Xcm.coretimeDestination(chain.paraId))
  const account = Sovereign.sibling(input.paraId)
  const renewals = [...input.renewalPrices]
  const total = renewals.reduce((a, p) => a + p, input.fee + chain.existentialDeposit)
  const warnings: string[] = []
  if (input.workloadEndHint === undefined)
    warnings.push(
      'workload_end_hint is None: the guide advises always setting it (regionBegin, regionEnd or lease until)',
    )
  if (input.weight.refTime === 0n) warnings.push('Transact weight ref_time is 0: query the call weight first')
  return {
    ok: true,
    value: {
      sovereign: { hex: toHex(account), ss58: Ss58.encode(account, chain.ss58Prefix) },
      call: built.value,
      callData: toHex(call),
      xcm: {
        version: Xcm.VERSION,
        destination: toHex(destination),
        message: toHex(message),
        program: Xcm.toJson(program),
        sendCall:
          input.xcmPalletIndex === undefined
            ? undefined
            : toHex(Xcm.sendCall(input.xcmPalletIndex, destination, message)),
      },
      funds: { fee: input.fee, renewals, existentialDeposit: chain.existentialDeposit, total },
      warnings,
    },
  }
}
