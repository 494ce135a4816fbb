export * from './broker/index'
export * from './fixed/index'
export * as Token from './units/Token'
