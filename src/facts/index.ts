/** The facts stage: resolved prefetch + draft orders → typed, immutable `PatientFacts`. */
export { buildFacts } from './build-facts.js';
export { glucocorticoidExposure, predEq, type PlannedGlucocorticoid, HIGH_DOSE_MG_PER_DAY, HIGH_DOSE_MONTHS, CUMULATIVE_THRESHOLD_MG } from './glucocorticoid.js';
export { buildCourses } from './courses.js';
export type * from './types.js';
