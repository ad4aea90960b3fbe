import { Type } from 'typebox';
import { DuesTariffSchema } from './rules/tariff.js';

const Rials = Type.Integer();
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const QuoteResponse = Nullable(
  Type.Object({
    day: Type.String({ description: 'The municipality calendar day the amounts are for (ISO)' }),
    principalRials: Rials,
    penaltyRials: Rials,
    prizeRials: Rials,
    payableRials: Rials,
    monthsLate: Type.Integer(),
    penaltyPct: Type.Integer(),
    amnestyCode: Nullable(Type.String()),
    paymentId: Nullable(
      Type.String({ description: 'شناسه پرداخت for exactly payableRials, valid this Jalali month' }),
    ),
    barcode: Nullable(
      Type.String({ description: '26 digits: bill ID and payment ID, each zero-padded to 13' }),
    ),
  }),
);

export const BillResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  billId: Type.String({ description: 'شناسه قبض (service type 6, municipal)' }),
  kind: Type.String(),
  year: Type.Integer({ description: 'Jalali year of the dues' }),
  state: Type.Union([
    Type.Literal('open'),
    Type.Literal('paid'),
    Type.Literal('exempt'),
    Type.Literal('cancelled'),
  ]),
  parcel: Type.Object({ id: Type.String(), renewalCode: Type.String() }),
  principalRials: Rials,
  accruesOn: Type.String(),
  dueOn: Type.String(),
  paidAt: Nullable(Type.String()),
  paidByPaymentId: Nullable(Type.String()),
  assessment: Type.Object({
    zoneCode: Nullable(Type.String()),
    landUse: Type.String(),
    landAreaM2: Type.Number(),
    builtAreaM2: Type.Number(),
    landValueRials: Rials,
    buildingValueRials: Rials,
    adjustments: Type.Array(Type.String()),
    exemption: Nullable(Type.String()),
  }),
  quote: QuoteResponse,
});

export const BillsQuery = Type.Object({
  parcelId: Type.Optional(Type.String({ format: 'uuid' })),
  year: Type.Optional(Type.Integer({ minimum: 1300, maximum: 1700 })),
  state: Type.Optional(
    Type.Union([
      Type.Literal('open'),
      Type.Literal('paid'),
      Type.Literal('exempt'),
      Type.Literal('cancelled'),
    ]),
  ),
  /** Offices: the owner they act for (with renewalCode or parcelId). */
  nationalId: Type.Optional(Type.String({ maxLength: 20 })),
  renewalCode: Type.Optional(Type.String({ maxLength: 40 })),
  after: Type.Optional(
    Type.String({ pattern: '^[0-9]{6,13}$', description: 'staff paging: bill IDs after this' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});

export const DebtsQuery = Type.Object({
  parcelId: Type.String({ format: 'uuid' }),
  asOf: Type.Optional(Type.String({ format: 'date', description: 'ISO date; default: now' })),
  nationalId: Type.Optional(Type.String({ maxLength: 20 })),
});

export const DebtsResponse = Type.Object({
  parcelId: Type.String(),
  asOf: Type.String(),
  totalRials: Rials,
  items: Type.Array(
    Type.Object({
      kind: Type.String(),
      year: Nullable(Type.Integer()),
      billId: Nullable(Type.String()),
      billRecordId: Type.String(),
      paymentId: Nullable(Type.String()),
      dueOn: Type.String(),
      principalRials: Rials,
      penaltyRials: Rials,
      prizeRials: Rials,
      payableRials: Rials,
      monthsLate: Type.Integer(),
      penaltyPct: Type.Integer(),
      amnestyCode: Nullable(Type.String()),
    }),
  ),
});

export const LookupQuery = Type.Object({
  municipality: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{2,40}$' })),
  billId: Type.String({ minLength: 6, maxLength: 40 }),
  paymentId: Type.String({ minLength: 6, maxLength: 40 }),
});

export const LookupResponse = Type.Object({
  municipality: Type.Object({ code: Type.String(), name: Type.String() }),
  billId: Type.String(),
  kind: Type.String(),
  year: Type.Integer(),
  state: Type.String(),
  dueOn: Type.String(),
  payableRials: Nullable(Rials),
  paymentId: Nullable(Type.String()),
  barcode: Nullable(Type.String()),
});

export const CancelBody = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500 }) });

export const TariffBody = DuesTariffSchema;
export const YearParams = Type.Object({ year: Type.Integer({ minimum: 1300, maximum: 1700 }) });

export const AmnestyBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z0-9_]{2,40}$' }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    resolutionNo: Type.String({ minLength: 1, maxLength: 300 }),
    startsOn: Type.String({ format: 'date' }),
    endsOn: Type.String({ format: 'date' }),
    duesYearsUpTo: Nullable(Type.Integer({ minimum: 1300, maximum: 1700 })),
    penaltyWaiverPct: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  { additionalProperties: false },
);

export const AssessmentBody = Type.Object({ year: Type.Integer({ minimum: 1300, maximum: 1700 }) });

export const AssessmentResponse = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  state: Type.String(),
  parcelsTotal: Type.Integer(),
  parcelsDone: Type.Integer(),
  billsCreated: Type.Integer(),
  exemptCount: Type.Integer(),
  totalRials: Rials,
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
});

export const FlagsBody = Type.Object({
  flags: Type.Array(Type.String({ pattern: '^[a-z0-9_]{2,40}$' }), { maxItems: 20, uniqueItems: true }),
});
