export * as Deposit from './Deposit'
