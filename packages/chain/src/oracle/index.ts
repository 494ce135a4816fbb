export * as Oracle from './Oracle'
export * as OracleScenario from './Scenario'
