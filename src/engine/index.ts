// The engine's one public surface. Pure functions: JSON-serialisable inputs, no clock, no
// I/O, randomness only from seeded generators; diagnostics come back as codes.
export * from './types.ts';
export { prngCreate, prngShuffle, type Prng } from './prng.ts';
export {
  zoneFixed,
  zoneOffsetAt,
  zoneToLocal,
  zoneLocalToUtc,
  dayWeekday,
  dayFromIsoDate,
  dayToIsoDate,
  type ZoneRules,
  type ZoneTransition,
  type LocalDay,
  type LocalTime,
} from './zone.ts';
export {
  intervalsNormalize,
  intervalsUnion,
  intervalsSubtract,
  intervalsIntersect,
  intervalsContain,
  intervalsOverlap,
  intervalsTotal,
  type IntervalSet,
} from './intervals.ts';
export {
  TRAVEL_MODES,
  TRAVEL_SPEEDS,
  TRAVEL_DETOUR_FACTOR,
  travelDistanceKm,
  travelMinutesByMode,
  travelModelCreate,
  type TravelFailureReason,
  type TravelMode,
  type Location,
  type TravelMatrixEntry,
  type TravelModel,
} from './travel.ts';
export {
  assignmentSolve,
  assignmentVerify,
  assignmentMatrixFromArcs,
  assignmentMatrixFromDense,
  type SparseCostMatrix,
  type AssignmentResult,
  type AssignmentSolution,
  type AssignmentFailure,
  type AssignmentMethod,
} from './assignment.ts';
export { assignmentParse, type ParsedAssignment, type AssignmentFormat } from './assignment-format.ts';
export { flowMinCost, type FlowNetwork, type FlowOptions, type FlowResult } from './min-cost-flow.ts';
export {
  pairingSolve,
  pairingSolverCreate,
  type PairingProblem,
  type PairingOptions,
  type PairingPair,
  type PairingResult,
  type PairingSolver,
} from './pairing.ts';
export {
  calendarBuild,
  visitSlotsList,
  type BusyBlock,
  type WeeklyWindow,
  type ScheduleRules,
  type PersonCalendar,
  type VisitSlot,
} from './scheduling.ts';
export {
  exchangeSolve,
  exchangeInputCheck,
  type ExchangeResult,
  type ExchangeFailureReason,
  exchangeRulesResolve,
  EXCHANGE_DEFAULT_WEIGHTS,
  type ExchangeInput,
  type ExchangeOutput,
  type ExchangePersonInput,
  type ExchangeRulesInput,
  type ExchangeWeights,
  type ExchangePair,
  type ExchangeVisit,
  type ExchangeReason,
} from './exchange.ts';
export { exchangeCheck, type ExchangeViolation } from './exchange-check.ts';
export {
  rotationBuild,
  rotationBound,
  rotationRecompute,
  rotationRoundsNeeded,
  type RotationInput,
  type RotationOutput,
  type RotationTable,
  type RotationRound,
  type RotationMeeting,
  type RotationRecomputeInput,
  type RotationRecomputeResult,
  type RotationFailureReason,
} from './speeddate.ts';
export {
  placementStable,
  placementWelfare,
  placementSolve,
  placementInputCheck,
  type PlacementFailureReason,
  type PlacementInput,
  type PlacementOutcome,
  type PlacementResult,
  type PlacementReason,
} from './placement.ts';

// Learner-report typology suggestion (model built from the labelled Dutch set in typology/data).
export * from './typology/index.ts';
export * from './leerlab.ts';
