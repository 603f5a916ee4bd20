import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node';
import { catalogueMessages as m } from '~/i18n/messages/catalogue';
import { commonMessages } from '~/i18n/messages/common';
import { UserError } from '~/lib/errors';
import { MAX_UPLOAD_BYTES } from '~/lib/images.server';
import { readFormData } from '~/lib/forms.server';

/**
 * Reads a form that may carry a file (a product photo, a certificate scan, a logo, a CSV): a file over
 * 10 MB is refused (413) before it is held in memory; a body that is not a form, or a broken one, is
 * refused like `readFormData` does (415, 400).
 */
export async function readForm(request: Request): Promise<FormData> {
  if (!request.headers.get('Content-Type')?.startsWith('multipart/form-data'))
    return readFormData(request);
  try {
    return await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }),
    );
  } catch (error) {
    if (
      error instanceof MaxPartSizeExceededError ||
      (error as Error)?.name === 'MaxPartSizeExceededError'
    ) {
      throw new UserError('too_large', 413, m.fileTooLarge, 'photo');
    }
    // A body cut short or with a broken boundary is the sender's problem, like readFormData's 400.
    throw new UserError('broken_form', 400, commonMessages.brokenForm);
  }
}

/** The bytes of an uploaded file field, or null when none was chosen. */
export async function fileBuffer(form: FormData, name: string): Promise<Buffer | null> {
  const file = form.get(name);
  if (!file || typeof file === 'string' || file.size === 0) return null;
  return Buffer.from(await file.arrayBuffer());
}
