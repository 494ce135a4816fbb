import { InvariantError } from '../errors/BaseError'
import { toHex } from './Hex'
import * as S from './Shape'

/**
 * The part of XCM v5 the auto-renewal setup needs (polkadot-sdk `staging-xcm` v5: Location, Asset,
 * Instruction), as shapes over polkadot-api codecs. V5 is the newest `VersionedXcm` in the 2026
 * metadata of both relays and coretime chains (checked by Xcm.metadata.test.ts). Enums list only
 * the variants we use, with their real indices.
 */
export const VERSION = 5

const networkId = S.enumOf(['ByGenesis', 0, S.bytes(32)], ['Polkadot', 2, null], ['Kusama', 3, null])
const junction = S.enumOf(
  ['Parachain', 0, S.compact(false)],
  ['AccountId32', 1, S.struct(['network', S.option(networkId)], ['id', S.bytes(32)])],
  ['PalletInstance', 4, S.u8s],
  ['GeneralIndex', 5, S.compact(true)],
)
const junctions = S.enumOf(
  ['Here', 0, null],
  ['X1', 1, S.array(junction, 1)],
  ['X2', 2, S.array(junction, 2)],
)
export const location = S.struct(['parents', S.u8s], ['interior', junctions])
const asset = S.struct(['id', location], ['fun', S.enumOf(['Fungible', 0, S.compact(true)])])
export const weight = S.struct(['ref_time', S.compact(true)], ['proof_size', S.compact(true)])
const weightLimit = S.enumOf(['Unlimited', 0, null], ['Limited', 1, weight])
const originKind = S.enumOf(
  ['Native', 0, null],
  ['SovereignAccount', 1, null],
  ['Superuser', 2, null],
  ['Xcm', 3, null],
)
const wildAsset = S.enumOf(['All', 0, null], ['AllCounted', 2, S.compact(false)])
const assetFilter = S.enumOf(['Definite', 0, S.vec(asset)], ['Wild', 1, wildAsset])

export const instruction = S.enumOf(
  ['WithdrawAsset', 0, S.vec(asset)],
  [
    'Transact',
    6,
    S.struct(['origin_kind', originKind], ['fallback_max_weight', S.option(weight)], ['call', S.blob]),
  ],
  ['DepositAsset', 13, S.struct(['assets', assetFilter], ['beneficiary', location])],
  ['BuyExecution', 19, S.struct(['fees', asset], ['weight_limit', weightLimit])],
  ['RefundSurplus', 20, null],
)
export const versionedXcm = S.enumOf(['V5', 5, S.vec(instruction)])
export const versionedLocation = S.enumOf(['V5', 5, location])

export type Weight = { readonly refTime: bigint; readonly proofSize: bigint }

/** `Location { parents, interior: X1(Parachain(id)) }` */
export const parachain = (parents: number, id: number): S.Value => ({
  parents,
  interior: { type: 'X1', value: [{ type: 'Parachain', value: id }] },
})

/** The relay token as seen from a parachain: `Location { parents: 1, interior: Here }` (DOT/KSM on the coretime chain). */
export const relayToken: S.Value = { parents: 1, interior: { type: 'Here' } }

export type AutoRenewXcm = {
  /** `broker.enable_auto_renew` call data to dispatch on the coretime chain */
  readonly call: Uint8Array
  /** the sending para: surplus goes back to its sovereign account there */
  readonly paraId: number
  /** planck withdrawn from the para's sovereign account to pay execution (the rest is refunded) */
  readonly fee: bigint
  /** weight of the call (`transactionPaymentCallApi.query_call_info`), the Transact fallback weight */
  readonly weight: Weight
}

/**
 * The program the docs.polkadot.com "Coretime Renewal" guide builds by hand: WithdrawAsset, BuyExecution,
 * Transact (SovereignAccount origin), RefundSurplus, DepositAsset (back to the para's sovereign account).
 */
export const autoRenewProgram = (p: AutoRenewXcm): S.Value => {
  const fee = { id: relayToken, fun: { type: 'Fungible', value: p.fee } }
  return {
    type: 'V5',
    value: [
      { type: 'WithdrawAsset', value: [fee] },
      { type: 'BuyExecution', value: { fees: fee, weight_limit: { type: 'Unlimited' } } },
      {
        type: 'Transact',
        value: {
          origin_kind: { type: 'SovereignAccount' },
          fallback_max_weight: { ref_time: p.weight.refTime, proof_size: p.weight.proofSize },
          call: p.call,
        },
      },
      { type: 'RefundSurplus' },
      {
        type: 'DepositAsset',
        value: {
          assets: { type: 'Wild', value: { type: 'AllCounted', value: 1 } },
          beneficiary: parachain(1, p.paraId),
        },
      },
    ],
  }
}

/** The coretime chain (para 1005) as a destination from a sibling parachain: `V5 { parents: 1, X1(Parachain(1005)) }`. */
export const coretimeDestination = (coretimeParaId = 1005): S.Value => ({
  type: 'V5',
  value: parachain(1, coretimeParaId),
})

export const encodeMessage = (program: S.Value): Uint8Array => S.codecOf(versionedXcm).enc(program)
export const encodeDestination = (dest: S.Value): Uint8Array => S.codecOf(versionedLocation).enc(dest)

/**
 * `pallet_xcm::send(dest, message)` (call index 0 in every runtime) for a chain whose XCM pallet has
 * index `palletIndex` (it differs per parachain: read it from the para's metadata).
 */
export const sendCall = (palletIndex: number, dest: Uint8Array, message: Uint8Array): Uint8Array => {
  if (!Number.isInteger(palletIndex) || palletIndex < 0 || palletIndex > 255)
    throw new InvariantError(`Xcm.sendCall: pallet index ${palletIndex} is not a u8`)
  const out = new Uint8Array(2 + dest.length + message.length)
  out.set([palletIndex, 0], 0)
  out.set(dest, 2)
  out.set(message, 2 + dest.length)
  return out
}

/** Readable JSON of a program (bigints as strings, bytes as hex). */
export const toJson = (program: S.Value): S.Json => S.toJson(versionedXcm, program)

export { toHex }
