import { z } from 'zod';
import { normalizeVietnamesePhone } from '~/accounts';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { formField, msg } from '~/lib/form';
import { ORGANIZATION_KINDS } from './groups';

/** The "register an organization" form (seller channel → new organization). */
export const registerOrganizationSchema = z.object({
  name: formField.text({ min: 3, max: 150, message: m.organizationNameLength }),
  kind: formField.choice(ORGANIZATION_KINDS, m.organizationKindRequired),
  provinceCode: z.string(msg(m.provinceRequired)).regex(/^\d{2}$/, msg(m.provinceRequired)),
  communeCode: z.string(msg(m.communeRequired)).regex(/^\d{5}$/, msg(m.communeRequired)),
  addressLine: z.string().max(200).default(''),
  phone: z.string(msg(m.phoneInvalid)).transform((value, ctx) => {
    const phone = normalizeVietnamesePhone(value);
    if (!phone) ctx.addIssue({ code: 'custom', message: m.phoneInvalid.key });
    return phone ?? '';
  }),
  taxCode: formField
    .optionalText({ max: 14 })
    .refine((v) => v === null || /^(\d{10}|\d{10}-\d{3})$/.test(v), msg(m.taxCodeFormat)),
  description: z.string().max(2000).default(''),
});

export type RegisterOrganizationForm = z.output<typeof registerOrganizationSchema>;

/**
 * The forms of an organization's page, one per `intent`: the logo (its file is read apart), inviting
 * and removing members, and sending the organization back for review.
 */
export const organizationPageSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('logo') }),
    z.object({
      intent: z.literal('invite'),
      identifier: z.string().default(''),
      role: z.preprocess(
        (v) => (v === 'owner' || v === 'helper' ? v : 'staff'),
        z.enum(['owner', 'staff', 'helper']),
      ),
    }),
    z.object({ intent: z.literal('remove'), userId: formField.int({ min: 1 }) }),
    z.object({ intent: z.literal('resubmit'), note: z.string().default('') }),
  ],
  msg(m.unknownAction),
);

export type OrganizationPageForm = z.output<typeof organizationPageSchema>;
