export * as Chopsticks from './Chopsticks'
export * as DevAccounts from './DevAccounts'
export * as Devnet from './Devnet'
