import { z } from 'zod';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { msg } from '~/lib/form';

/**
 * The seller's spreadsheet page: `preview` sends the file (read apart, as bytes); `import` sends back the
 * checked file's bytes, base64, from the preview.
 */
export const sellerImportSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('preview') }),
    z.object({ intent: z.literal('import'), csv: z.string().default('') }),
  ],
  msg(m.unknownAction),
);
