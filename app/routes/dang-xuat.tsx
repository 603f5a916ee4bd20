import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { signOutSchema } from '~/accounts';
import { signOut } from '~/accounts/index.server';
import { langFromRequest } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { asResponse, readFormData, submissionFailed, withUserErrors } from '~/lib/forms.server';

export async function loader() {
  return redirect('/');
}

/** POST only (a link cannot sign someone out); `everywhere=1` ends every session of the account. */
export async function action({ request, context }: ActionFunctionArgs) {
  const lang = langFromRequest(request);
  const result = await withUserErrors(lang, async () => {
    const submission = parseSubmission(signOutSchema, await readFormData(request));
    if (!submission.ok) return submissionFailed(lang, submission);
    return signOut(request, context, submission.value.everywhere);
  });
  return asResponse(result);
}
