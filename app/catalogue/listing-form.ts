import { z } from 'zod';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { farmerWorkspaceMessages as fm } from '~/i18n/messages/farmer-workspace';
import { parseCalendarDate } from '~/lib/dates';
import { formField, msg } from '~/lib/form';
import { isValidGtin } from '~/lib/gtin';
import { parseVnd } from '~/lib/money';
import { CERTIFICATION_KINDS, OCOP_GROUPS, type CertificationKind } from './groups';

// The seller's product forms (seller channel → product): the listing itself, its OCOP claim and a
// stock change. Files (photo, certificate scan) are read apart from these, on the server.

/** Optional text: "" or missing is null; otherwise it must pass `check`. */
const optional = (check: (value: string) => boolean, message: Parameters<typeof msg>[0]) =>
  z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z
      .string()
      .nullable()
      .refine((v) => v === null || check(v), msg(message)),
  );

/** Free text the form may leave out, cut to `max` characters rather than refused. */
const clipped = (max: number) =>
  z
    .string()
    .default('')
    .transform((v) => v.slice(0, max));

const certificationFields = Object.fromEntries(
  CERTIFICATION_KINDS.flatMap((kind) => [
    [`cert_${kind}`, formField.checkbox()],
    [`cert_${kind}_ref`, clipped(100)],
  ]),
) as Record<`cert_${CertificationKind}`, z.ZodType<boolean>> &
  Record<`cert_${CertificationKind}_ref`, z.ZodType<string>>;

const listingShape = {
  name: formField.text({ min: 3, max: 150, message: m.productNameLength }),
  group: formField.choice(OCOP_GROUPS, m.groupRequired),
  unit: formField.text({ max: 30, message: m.unitRequired }),
  priceVnd: z.string(msg(m.priceInvalid)).transform((value, ctx) => {
    const price = parseVnd(value);
    if (!price || price > 1_000_000_000)
      ctx.addIssue({ code: 'custom', message: m.priceInvalid.key });
    return price ?? 0;
  }),
  weightG: optional((v) => /^\d{1,9}$/.test(v) && Number(v) > 0, m.weightInvalid).transform((v) =>
    v === null ? null : Number(v),
  ),
  gtin: optional(isValidGtin, m.gtinInvalid),
  description: z.string().max(5000, msg(m.descriptionTooLong)).default(''),
  originCommuneCode: optional((v) => /^\d{5}$/.test(v), m.originCommuneInvalid),
  category: clipped(80),
  netQuantity: clipped(50),
  ...certificationFields,
};

function toListing(form: z.output<z.ZodObject<typeof listingShape>>) {
  return {
    name: form.name,
    description: form.description,
    group: form.group,
    unit: form.unit,
    priceVnd: form.priceVnd,
    weightG: form.weightG,
    gtin: form.gtin,
    originCommuneCode: form.originCommuneCode,
    category: form.category,
    netQuantity: form.netQuantity,
    certifications: CERTIFICATION_KINDS.filter((kind) => form[`cert_${kind}`]).map((kind) => ({
      kind,
      reference: form[`cert_${kind}_ref`],
    })),
  };
}

/** The listing form: what a product is and costs. Certifications are a checkbox and a reference each. */
export const listingSchema = z.object(listingShape).transform(toListing);

export type ListingForm = z.output<typeof listingSchema>;

/** Up to a million units on hand: more is a typo (an extra zero or two). */
export const MAX_INITIAL_STOCK = 1_000_000;

/**
 * The new-listing form: the listing and how many units are on hand, so an approved product does not
 * go live as "Hết hàng" (out of stock). Blank means none yet.
 */
export const newListingSchema = z
  .object({
    ...listingShape,
    stock: z.preprocess(
      (v) => (typeof v === 'string' ? v.replace(/[.\s]/g, '') || '0' : (v ?? '0')),
      z
        .string(msg(fm.initialStockInvalid))
        .regex(/^\d{1,7}$/, msg(fm.initialStockInvalid))
        .transform(Number)
        .refine((n) => n <= MAX_INITIAL_STOCK, msg(fm.initialStockInvalid)),
    ),
  })
  .transform((form) => ({ listing: toListing(form), stock: form.stock }));

/** Required text: missing or empty says `message`; too long gets the common "too long" message. */
const requiredText = (max: number, message: Parameters<typeof msg>[0]) =>
  z.string(msg(message)).min(1, msg(message)).max(max);

const calendarDate = (message: Parameters<typeof msg>[0]) =>
  z.string(msg(message)).transform((value, ctx) => {
    const date = parseCalendarDate(value);
    if (!date) ctx.addIssue({ code: 'custom', message: message.key });
    return date ?? '';
  });

const ocopClaimShape = {
  stars: z.preprocess(
    (v) => (typeof v === 'string' && /^\d$/.test(v) ? Number(v) : v),
    z.union([z.literal(3), z.literal(4), z.literal(5)], msg(m.ocopStarsInvalid)),
  ),
  certificateNo: requiredText(100, m.certificateNoRequired),
  issuer: requiredText(200, m.issuerRequired),
  issuedOn: calendarDate(m.issuedOnInvalid),
  expiresOn: optional((v) => parseCalendarDate(v) !== null, m.expiresOnInvalid).transform((v) =>
    v === null ? null : parseCalendarDate(v),
  ),
};

const expiresAfterIssue: [
  (claim: { issuedOn: string; expiresOn: string | null }) => boolean,
  { path: PropertyKey[]; error: string },
] = [
  (claim) => !claim.expiresOn || !claim.issuedOn || claim.expiresOn > claim.issuedOn,
  { path: ['expiresOn'], ...msg(m.expiresOnInvalid) },
];

/** The OCOP claim: stars, certificate number, issuer, issue date and (optional) expiry. */
export const ocopClaimSchema = z.object(ocopClaimShape).refine(...expiresAfterIssue);

export type OcopClaimForm = z.output<typeof ocopClaimSchema>;

const stockChangeShape = {
  delta: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/^\+/, '').replace(/^[−–]/, '-') : v),
    z
      .string(msg(m.stockDeltaInvalid))
      .regex(/^-?\d{1,9}$/, msg(m.stockDeltaInvalid))
      .transform(Number)
      .refine((n) => n !== 0, msg(m.stockDeltaInvalid)),
  ),
  reason: requiredText(500, m.stockReasonRequired),
};

/** A stock change: a whole number, signed (+ new harvest, − damaged goods), and why. */
export const stockChangeSchema = z.object(stockChangeShape);

/**
 * The edit page's sections, one form (and one schema) each, so a seller on a phone saves one short
 * part at a time and a mistake in one part never touches another: the basics, price and unit, shipping
 * and origin, and the other certifications (VietGAP…). Each gives only its own fields to
 * `updateListing`, which leaves the rest of the product as it is.
 */
const basicsShape = {
  name: listingShape.name,
  group: listingShape.group,
  category: listingShape.category,
  description: listingShape.description,
};
const priceShape = {
  priceVnd: listingShape.priceVnd,
  unit: listingShape.unit,
  netQuantity: listingShape.netQuantity,
};
const shippingShape = {
  weightG: listingShape.weightG,
  originCommuneCode: listingShape.originCommuneCode,
  gtin: listingShape.gtin,
};

const toCertifications = (form: z.output<z.ZodObject<typeof certificationFields>>) => ({
  certifications: CERTIFICATION_KINDS.filter((kind) => form[`cert_${kind}`]).map((kind) => ({
    kind,
    reference: form[`cert_${kind}_ref`],
  })),
});

export const listingBasicsSchema = z.object(basicsShape);
export const listingPriceSchema = z.object(priceShape);
export const listingShippingSchema = z.object(shippingShape);
export const listingCertificationsSchema = z
  .object(certificationFields)
  .transform(toCertifications);

/**
 * Every form of the product page, one per `intent`: the listing's sections, a photo (its file is read
 * apart), a stock change, the OCOP claim (with an optional scan) or its removal, and the publishing steps.
 */
export const productPageSchema = z.discriminatedUnion(
  'intent',
  [
    z
      .object({ intent: z.literal('basics'), ...basicsShape })
      .transform(({ intent, ...listing }) => ({ intent, listing })),
    z
      .object({ intent: z.literal('price'), ...priceShape })
      .transform(({ intent, ...listing }) => ({ intent, listing })),
    z
      .object({ intent: z.literal('shipping'), ...shippingShape })
      .transform(({ intent, ...listing }) => ({ intent, listing })),
    z
      .object({ intent: z.literal('certifications'), ...certificationFields })
      .transform(({ intent, ...form }) => ({ intent, listing: toCertifications(form) })),
    z.object({ intent: z.literal('photo') }),
    z.object({ intent: z.literal('stock'), ...stockChangeShape }),
    z.object({ intent: z.literal('ocop'), ...ocopClaimShape }).refine(...expiresAfterIssue),
    z.object({ intent: z.literal('remove-ocop') }),
    z.object({ intent: z.enum(['submit', 'archive', 'restore']) }),
  ],
  msg(m.unknownAction),
);

export type ProductPageForm = z.output<typeof productPageSchema>;
