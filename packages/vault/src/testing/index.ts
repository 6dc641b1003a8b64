export {
  check,
  expectCode,
  fakeKey,
  findLeak,
  leakForms,
  recordsText,
  tamper,
} from './conformance-helpers.js';
export {
  CONFORMANCE_SCENARIOS,
  type ConformanceOptions,
  type ConformanceResult,
  runVaultConformance,
} from './vault-conformance.js';
