export * as Expect from './Expect'
export * as Replay from './Replay'
export * as TraceResult from './Result'
export * as Trace from './Trace'
