import type { Command } from 'commander'
import { registerAccount } from './account'
import { registerAutorenew } from './autorenew'
import { registerCompare } from './compare'
import { registerCosts } from './costs'
import { registerDecode } from './decode'
import { registerDeposit } from './deposit'
import { registerDevnet } from './devnet'
import { registerEncode } from './encode'
import { registerMerge } from './merge'
import { registerOndemand } from './ondemand'
import { registerOracle } from './oracle'
import { registerPlan } from './plan'
import { registerReplay } from './replay'
import { registerSimulate } from './simulate'
import { registerSnapshot } from './snapshot'
import { registerStatus } from './status'

/** Each command module exports a function that adds itself to the program. */
export type Register = (program: Command) => void

export const commands: Register[] = [
  registerOndemand,
  registerDeposit,
  registerAccount,
  registerEncode,
  registerDecode,
  registerPlan,
  registerAutorenew,
  registerCosts,
  registerCompare,
  registerReplay,
  registerSimulate,
  registerMerge,
  registerStatus,
  registerSnapshot,
  registerDevnet,
  registerOracle,
]
