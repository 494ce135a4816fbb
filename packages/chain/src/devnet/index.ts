export * as Chopsticks from './Chopsticks'
export * as Client from './Client'
export * as DevAccounts from './DevAccounts'
export * as Devnet from './Devnet'
