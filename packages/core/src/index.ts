export * as Token from './units/Token'
