/** The input panels of the coretime view, built from the generic fields (one file a section). */
export { agentFields } from './agents'
export { chainFields } from './chain'
export { amountField, type Refresh } from './common'
export { coreFields, demandFields } from './demand'
export { compareFields, paramFields } from './params'
export { costFields, mcFields } from './runs'
