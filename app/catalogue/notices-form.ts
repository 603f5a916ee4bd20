import { z } from 'zod';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { formField, msg } from '~/lib/form';

/**
 * The notices page's forms: "mark all read" (a button, works without JavaScript) and "seen", which the
 * page posts by itself once shown, up to the newest notice it showed.
 */
export const noticesPageSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('read-all') }),
    z.object({ intent: z.literal('seen'), upTo: formField.int({ min: 1 }) }),
  ],
  msg(m.unknownAction),
);

export type NoticesPageForm = z.output<typeof noticesPageSchema>;
