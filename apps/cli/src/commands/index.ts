import type { Command } from 'commander'
import { registerDeposit } from './deposit'
import { registerOndemand } from './ondemand'

/** Each command module exports a function that adds itself to the program. */
export type Register = (program: Command) => void

export const commands: Register[] = [registerOndemand, registerDeposit]
