import { describe, expect, test } from 'vitest'
import { haveMetadata, load, metadataDir } from '../scale/sharedMetadata.test-util'
import { coretime } from './Chains'

const constant = (m: ReturnType<typeof load>, pallet: string, name: string): unknown => {
  const p = m.metadata.pallets.find((x) => x.name === pallet)!
  const c = p.constants.find((x) => x.name === name)!
  return m.builder.buildConstant(pallet, name).dec(c.value)
}

describe.skipIf(!haveMetadata('dotCoretime', 'ksmCoretime'))(
  `Chains against runtime metadata (${metadataDir})`,
  () => {
    test.each([
      ['dotCoretime', 'polkadot'],
      ['ksmCoretime', 'kusama'],
    ] as const)('default: %s constants match the static table', (file, network) => {
      const m = load(file)
      const chain = coretime[network]
      expect(BigInt(constant(m, 'Balances', 'ExistentialDeposit') as bigint)).toBe(chain.existentialDeposit)
      expect(constant(m, 'Broker', 'TimeslicePeriod')).toBe(chain.timeslicePeriod)
      expect(m.builder.ss58Prefix).toBe(chain.ss58Prefix)
    })
    test('error: the two networks differ where the table says they do', () => {
      const dot = load('dotCoretime')
      const ksm = load('ksmCoretime')
      expect(constant(dot, 'Balances', 'ExistentialDeposit')).not.toBe(
        constant(ksm, 'Balances', 'ExistentialDeposit'),
      )
    })
  },
)
