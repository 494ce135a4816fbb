export * as FixedU64 from './FixedU64'
export * as FixedU128 from './FixedU128'
export * as Perbill from './Perbill'
export * from './rounding'
