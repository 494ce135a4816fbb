import { describe, expect, test } from 'vitest'
import { toHex } from './Hex'
import {
  haveMetadata,
  lazy,
  load,
  type MetadataFile,
  metadataDir,
  palletCalls,
  sameShape,
} from './sharedMetadata.test-util'
import * as Xcm from './Xcm'

const CALL = Uint8Array.from([0x32, 0x15, 0x30, 0x00, 0xd0, 0x07, 0x00, 0x00, 0x01, 0xcd, 0x00, 0x05, 0x00])
const files: [MetadataFile, string][] = [
  ['dotCoretime', 'PolkadotXcm'],
  ['ksmCoretime', 'PolkadotXcm'],
  ['dot', 'XcmPallet'],
  ['ksm', 'XcmPallet'],
]

describe.skipIf(!haveMetadata(...files.map(([f]) => f)))(
  `Xcm against runtime metadata (${metadataDir})`,
  () => {
    describe.each(files)('%s', (file, palletName) => {
      const ctx = lazy(() => {
        const m = load(file)
        const meta = palletCalls(m, palletName)
        return { m, meta, send: meta.calls.get('send')! }
      })

      test('default: V5 is the newest version and our shapes are the runtime types (variants we use)', () => {
        const { send } = ctx()
        const [, dest] = send.args[0]!
        const [, message] = send.args[1]!
        const versions = Object.keys((message as { value: Record<string, unknown> }).value)
        expect(versions.at(-1)).toBe(`V${Xcm.VERSION}`)
        expect(sameShape(Xcm.versionedXcm, message, 'message', false)).toBeUndefined()
        expect(sameShape(Xcm.versionedLocation, dest, 'dest', false)).toBeUndefined()
      })

      test('behavior: send(coretime, program) decodes and re-encodes identically with the runtime codec', () => {
        const { m, meta } = ctx()
        const runtimeCall = m.builder.buildDefinition((m.metadata.extrinsic as { call: number }).call)
        const program = Xcm.autoRenewProgram({
          call: CALL,
          paraId: 2000,
          fee: 5_000_000_000n,
          weight: { refTime: 1_500_000_000n, proofSize: 65_536n },
        })
        const bytes = Xcm.sendCall(
          meta.index,
          Xcm.encodeDestination(Xcm.coretimeDestination()),
          Xcm.encodeMessage(program),
        )
        const decoded = runtimeCall.dec(bytes) as {
          type: string
          value: { type: string; value: { message: { type: string; value: { type: string }[] } } }
        }
        expect([decoded.type, decoded.value.type]).toEqual([palletName, 'send'])
        expect(decoded.value.value.message.value.map((i) => i.type)).toEqual([
          'WithdrawAsset',
          'BuyExecution',
          'Transact',
          'RefundSurplus',
          'DepositAsset',
        ])
        expect(toHex(runtimeCall.enc(decoded))).toBe(toHex(bytes))
      })

      test('error: a wrong instruction index would be caught by the shape check', () => {
        const { send } = ctx()
        const wrong = {
          kind: 'enum',
          variants: [
            ['V5', 5, { kind: 'vec', inner: { kind: 'enum', variants: [['RefundSurplus', 21, null]] } }],
          ],
        } as const
        expect(sameShape(wrong, send.args[1]![1], 'message', false)).toMatch(/RefundSurplus index 21 vs 20/)
      })
    })
  },
)
