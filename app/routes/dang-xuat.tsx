import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { signOut } from '~/accounts/index.server';

export async function loader() {
  return redirect('/');
}

/** POST only (a link cannot sign someone out); `everywhere=1` ends every session of the account. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  return signOut(request, context, form.get('everywhere') === '1');
}
