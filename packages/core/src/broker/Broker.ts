// The broker pallet as a state machine over plain data: the public face of the files that
// mirror pallet-broker (Storage ~ lib.rs storage, Utility ~ utility_impls.rs, Tick ~ tick_impls.rs,
// Dispatch ~ lib.rs call wrappers, *Dispatchables ~ dispatchable_impls.rs; Clock and FastForward
// are ours: when the hook runs, and skipping blocks in which it would only write history).

export { advanceTo, paraBlock } from './Clock'
export { execute, isAdminCall } from './Dispatch'
export {
  balanceOf,
  clone,
  create,
  regionAt,
  regionPaid,
  regionsInOrder,
  renewalAt,
  renewals,
  renewalsInOrder,
  setBalance,
  setRegion,
  setRenewal,
  setWorkplan,
  sink,
} from './Storage'
export { currentTimeslice, maxBalance, salePriceNow, sovereignAccountOf } from './Utility'
