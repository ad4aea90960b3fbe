import { Type } from 'typebox';

const Rials = Type.Integer();
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const Item = Type.Object({
  billRecordId: Type.String(),
  billId: Type.String(),
  kind: Type.String(),
  year: Type.Integer(),
  parcel: Type.Object({ id: Type.String(), renewalCode: Type.String() }),
  principalRials: Rials,
  penaltyRials: Rials,
  prizeRials: Rials,
  amountRials: Rials,
  amnestyCode: Nullable(Type.String()),
});

export const PaymentState = Type.Union([
  Type.Literal('created'),
  Type.Literal('pending'),
  Type.Literal('paid'),
  Type.Literal('failed'),
  Type.Literal('refund_pending'),
  Type.Literal('refunded'),
]);

export const PaymentResponse = Type.Object({
  id: Type.String(),
  state: PaymentState,
  amountRials: Rials,
  gateway: Type.String(),
  refId: Nullable(Type.String()),
  cardPan: Nullable(Type.String()),
  payer: Type.Object({
    kind: Type.String(),
    nationalId: Nullable(Type.String()),
    officeId: Nullable(Type.String()),
  }),
  failureReason: Nullable(Type.String()),
  callbacks: Type.Integer(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  verifiedAt: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  items: Type.Array(Item),
});

export const StartedResponse = Type.Object({
  payment: PaymentResponse,
  redirectUrl: Type.String({ description: "The gateway's payment page: send the payer there (GET)" }),
});

export const StartBody = Type.Object(
  {
    billIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 20, uniqueItems: true }),
    /** Offices: the national ID of the owner they take the payment for. */
    nationalId: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);

export const ByBillIdBody = Type.Object(
  {
    municipality: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{2,40}$' })),
    billId: Type.String({ minLength: 6, maxLength: 40 }),
    paymentId: Type.String({ minLength: 6, maxLength: 40 }),
  },
  { additionalProperties: false },
);

export const CallbackQuery = Type.Object({
  Authority: Type.String({ minLength: 1, maxLength: 100 }),
  Status: Type.String({ maxLength: 10 }),
});

const ReceiptItem = Type.Object({
  ...Item.properties,
  parcel: Nullable(Type.Object({ id: Type.String(), renewalCode: Type.String() })),
  paymentId: Nullable(Type.String({ description: 'شناسه پرداخت the bill was paid with' })),
  plate: Nullable(
    Type.Object({
      registrationSection: Type.Integer(),
      mainPlate: Type.Integer(),
      subPlates: Type.Array(Type.Integer()),
      unitNo: Nullable(Type.Integer()),
    }),
  ),
});

export const ReceiptResponse = Type.Object({
  receiptNo: Nullable(
    Type.String({ description: "The receipt's own number: the ledger entry that booked the payment" }),
  ),
  paymentId: Type.String(),
  state: Type.String(),
  municipality: Type.Object({
    code: Type.String(),
    nameFa: Type.String(),
    nameEn: Type.String(),
    nameVi: Type.String(),
    timeZone: Type.String(),
  }),
  paidAt: Nullable(Type.String()),
  paidAtJalali: Nullable(Type.String()),
  amountRials: Rials,
  gateway: Type.String(),
  refId: Nullable(Type.String()),
  cardPan: Nullable(Type.String()),
  payer: Type.Object({
    kind: Type.String(),
    nationalId: Nullable(Type.String()),
    name: Nullable(Type.String()),
    officeName: Nullable(Type.String()),
  }),
  items: Type.Array(ReceiptItem),
  totals: Type.Object({ principalRials: Rials, penaltyRials: Rials, prizeRials: Rials }),
});

export const ListQuery = Type.Object({
  state: Type.Optional(PaymentState),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const ReconcileResponse = Type.Object({
  checked: Type.Integer(),
  paid: Type.Integer(),
  failed: Type.Integer(),
  refunded: Type.Integer(),
  stillPending: Type.Integer(),
  unverifiedAtGateway: Type.Integer(),
  mismatches: Type.Integer(),
  gatewayUnavailable: Type.Boolean(),
});

export const MismatchResponse = Type.Object({
  id: Type.String(),
  paymentId: Nullable(Type.String()),
  authority: Nullable(Type.String()),
  kind: Type.String(),
  details: Type.Object({}, { additionalProperties: true }),
  foundAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
  resolutionNote: Nullable(Type.String()),
});

export const NoteBody = Type.Object({ note: Type.String({ minLength: 3, maxLength: 1000 }) });

export const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 100 })) });

export const ReceiptPdfQuery = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 100 })),
  lang: Type.Optional(Type.Union([Type.Literal('fa'), Type.Literal('en'), Type.Literal('vi')])),
});

/** What the payer's result page shows: where the payment stands, nothing about who paid. */
export const OutcomeResponse = Type.Object({
  id: Type.String(),
  state: PaymentState,
  failureReason: Nullable(Type.String()),
  amountRials: Rials,
  refId: Nullable(Type.String()),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  completedAt: Nullable(Type.String()),
  items: Type.Array(
    Type.Object({ billId: Type.String(), kind: Type.String(), year: Type.Integer(), amountRials: Rials }),
  ),
});
