import { describe, expect, test } from 'vitest'
import * as Calls from './Calls'
import { toHex } from './Hex'
import { sampleInput } from './samples.test-util'
import {
  haveMetadata,
  lazy,
  load,
  type MetadataFile,
  metadataDir,
  palletCalls,
  sameShape,
} from './sharedMetadata.test-util'

// Proof that the static tables (spec B.3, A.1) are the live runtimes' own: same pallets, same call
// names and indices, same argument types, and bytes the runtime's RuntimeCall codec reads back identically.
const cases: [MetadataFile, Calls.PalletDef, Calls.Network][] = [
  ['dotCoretime', Calls.Broker, 'polkadot'],
  ['ksmCoretime', Calls.Broker, 'kusama'],
  ['dot', Calls.OnDemand, 'polkadot'],
  ['ksm', Calls.OnDemand, 'kusama'],
]
const files = cases.map(([f]) => f)

describe.skipIf(!haveMetadata(...files))(`Calls against runtime metadata (${metadataDir})`, () => {
  describe.each(cases)('%s', (file, pallet, network) => {
    const name = pallet.names[network]
    const ctx = lazy(() => {
      const m = load(file)
      // V15+: `extrinsic.call` is the RuntimeCall type
      const runtimeCall = m.builder.buildDefinition((m.metadata.extrinsic as { call: number }).call)
      return { meta: palletCalls(m, name), runtimeCall }
    })

    test('default: pallet index and the exact call list (names and indices)', () => {
      const { meta } = ctx()
      expect(meta.index).toBe(pallet.index)
      const theirs = [...meta.calls].map(([n, c]) => [n, c.index]).sort()
      const ours = pallet.calls.map((c) => [c.name, c.index]).sort()
      expect(ours).toEqual(theirs)
    })

    test('behavior: every argument has the runtime type (names, order, widths, variants)', () => {
      const { meta } = ctx()
      for (const def of pallet.calls) {
        const args = meta.calls.get(def.name)!.args
        expect(
          def.args.map(([n]) => n),
          def.name,
        ).toEqual(args.map(([n]) => n))
        for (const [i, [n, shape]] of def.args.entries())
          expect(sameShape(shape, args[i]![1], `${def.name}.${n}`), def.name).toBeUndefined()
      }
    })

    test('behavior: our call data decodes and re-encodes identically with the runtime codec', () => {
      const { runtimeCall } = ctx()
      for (const def of pallet.calls) {
        const sample = Object.fromEntries(def.args.map(([n, s]) => [n, sampleInput(s)]))
        const built = Calls.build(`${pallet.key}.${def.name}`, sample)
        if (!built.ok) throw new Error(built.error.message)
        const ours = Calls.encode(built.value)
        const decoded = runtimeCall.dec(ours) as { type: string; value: { type: string } }
        expect([decoded.type, decoded.value.type]).toEqual([name, def.name])
        expect(toHex(runtimeCall.enc(decoded))).toBe(toHex(ours))
      }
    })

    test('error: a wrong argument type is detected by the shape check', () => {
      const { meta } = ctx()
      const def = pallet.calls[0]!
      const [n, shape] = def.args[0]!
      const wrong = shape.kind === 'u16' ? ({ kind: 'u32' } as const) : ({ kind: 'u16' } as const)
      expect(sameShape(wrong, meta.calls.get(def.name)!.args[0]![1], n)).toBeDefined()
    })

    test('error: a call index the runtime does not have is refused by us too', () => {
      const { meta } = ctx()
      const used = new Set(pallet.calls.map((c) => c.index))
      const unused = [...Array(256).keys()].find((i) => !used.has(i))!
      expect(meta.calls.size).toBe(used.size)
      expect(Calls.decode(Uint8Array.from([pallet.index, unused])).ok).toBe(false)
    })
  })

  test('default: the seed call is read by the Polkadot coretime runtime as enable_auto_renew(48, 2000, Some(327885))', () => {
    const m = load('dotCoretime')
    const { codec, location } = m.builder.buildCall('Broker', 'enable_auto_renew')
    expect(location).toEqual([50, 21])
    const args = codec.dec(
      Uint8Array.from([0x30, 0x00, 0xd0, 0x07, 0x00, 0x00, 0x01, 0xcd, 0x00, 0x05, 0x00]),
    )
    expect(args).toEqual({ core: 48, task: 2000, workload_end_hint: 327885 })
    const ours = Calls.build('enable_auto_renew', args)
    expect(ours.ok && toHex(Calls.encode(ours.value))).toBe('0x32153000d007000001cd000500')
  })
})
