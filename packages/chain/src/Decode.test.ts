import { describe, expect, test } from 'vitest'
import * as Decode from './Decode'

const saleInfo = {
  sale_start: 1,
  leadin_length: 2,
  end_price: 3n,
  region_begin: 4,
  region_end: 5,
  ideal_cores_sold: 6,
  cores_offered: 7,
  first_core: 8,
  sellout_price: undefined,
  cores_sold: 9,
}

describe('Decode.as', () => {
  test('default: polkadot-api values become core records', () => {
    expect(Decode.as('Broker.SaleInfo', Decode.saleInfo, saleInfo)).toEqual({
      saleStart: 1,
      leadinLength: 2,
      endPrice: 3n,
      regionBegin: 4,
      regionEnd: 5,
      idealCoresSold: 6,
      coresOffered: 7,
      firstCore: 8,
      selloutPrice: null,
      coresSold: 9,
    })
    const binary = { asHex: () => '0xFFFFFFFFFF0000000000' }
    expect(
      Decode.as('Broker.Workload', Decode.workload, [
        { keyArgs: [3], value: [{ mask: binary, assignment: { type: 'Task', value: 2000 } }] },
      ]),
    ).toEqual([{ core: 3, schedule: [{ mask: 0xffffffffff0000000000n, assignment: { task: 2000 } }] }])
  })

  test('error: an older runtime shape (E1 `price` for `end_price`) is refused, never a wrong number', () => {
    const { end_price: _, ...old } = saleInfo
    expect(() => Decode.as('Broker.SaleInfo', Decode.saleInfo, { ...old, price: 3n })).toThrow(
      /^unexpected shape of Broker\.SaleInfo: end_price: /,
    )
  })

  test('error: a balance as a number, a mask of the wrong width, an unknown assignment', () => {
    expect(() => Decode.as('Broker.SaleInfo', Decode.saleInfo, { ...saleInfo, end_price: 3 })).toThrow(
      /Broker\.SaleInfo: end_price/,
    )
    expect(() =>
      Decode.as('Broker.Reservations', Decode.reservations, [
        [{ mask: '0xff', assignment: { type: 'Idle' } }],
      ]),
    ).toThrow(/Broker\.Reservations: 0\.0\.mask: expected 10 bytes/)
    expect(() =>
      Decode.as('Broker.Reservations', Decode.reservations, [
        [{ mask: '0xffffffffffffffffffff', assignment: { type: 'Market' } }],
      ]),
    ).toThrow(/unexpected shape of Broker\.Reservations: 0\.0\.assignment/)
  })
})
