import { describe, expect, test } from 'vitest'
import * as SaleInfo from './SaleInfo'

describe('SaleInfo.parse', () => {
  test('default: the seed JSON', () => {
    const r = SaleInfo.parse(SaleInfo.seedExample)
    expect(r.ok && r.value.endPrice).toBe(922760076n)
    expect(r.ok && r.value.selloutPrice).toBe(92272712073n)
  })
  test('args: polkadot.js strings with thousands separators, null sellout', () => {
    const r = SaleInfo.parse({
      ...SaleInfo.seedExample,
      saleStart: '1,544,949',
      endPrice: '922,760,076',
      selloutPrice: null,
    })
    expect(r.ok && r.value.saleStart).toBe(1544949)
    expect(r.ok && r.value.selloutPrice).toBe(null)
  })
  test.each([
    [{ ...SaleInfo.seedExample, regionEnd: undefined }, 'saleinfo.regionEnd: missing'],
    [{ ...SaleInfo.seedExample, endPrice: -1 }, 'saleinfo.endPrice'],
    [{ ...SaleInfo.seedExample, regionEnd: 1 }, 'regionEnd: must be after regionBegin'],
    ['nope', 'saleinfo.(root)'],
    [
      { ...SaleInfo.seedExample, coresSold: 999 },
      'saleinfo.coresSold: must be at most coresOffered (18), got 999',
    ],
    [{ ...SaleInfo.seedExample, coresOffered: 70_000 }, 'saleinfo.coresOffered: a core count is a u16'],
    [
      { ...SaleInfo.seedExample, idealCoresSold: 19 },
      'saleinfo.idealCoresSold: must be at most coresOffered',
    ],
    [{ ...SaleInfo.seedExample, firstCore: 65_530 }, 'saleinfo.firstCore: firstCore + coresOffered'],
  ])('error: %#', (input, message) => {
    const r = SaleInfo.parse(input)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.message).toContain(message)
  })
})
