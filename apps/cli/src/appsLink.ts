import { Networks } from '@coretime/core'

/** polkadot.js Apps, the page people already use to check call data before submitting it. */
export const APPS_URL = 'https://polkadot.js.org/apps/'

/**
 * The polkadot.js Apps "Extrinsics → Decode" page for `callData`, connected (`rpc=`) to the first
 * public endpoint of the chain the call is for (Networks: the relay or the Coretime chain).
 */
export const decodeLink = (
  network: Networks.Network,
  chain: 'relay' | 'coretime',
  callData: string,
): string =>
  `${APPS_URL}?rpc=${encodeURIComponent(Networks.get(network).endpoints[chain][0])}#/extrinsics/decode/${callData}`
