export type { Agent, AgentKind } from './agents/Agent'
export type { Failure, GroupResult, PriceStats, Rfc17Result, SaleResult } from './Results'
export { marketOf, type Rfc17Options, simulateRfc17 } from './Run'
