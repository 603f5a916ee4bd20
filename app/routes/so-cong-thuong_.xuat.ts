import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireActor } from '~/accounts/index.server';
import { langFromRequest } from '~/i18n';
import { parseSubmission } from '~/lib/form';
import { orErrorPage } from '~/lib/forms.server';
import { exportRequestSchema, searchRefusal } from '~/tradeoffice';
import { officerProvince, provinceExport } from '~/tradeoffice/index.server';

/**
 * Exports: CSV of the dashboard tables (`bang=kpi`, `bang=todo`, `bang=chung-nhan`, `bang=ban-hang`, `bang=tem`)
 * and the monthly report as XLSX (`bang=bao-cao-thang`).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const submission = parseSubmission(exportRequestSchema, new URL(request.url).searchParams);
  const file = await orErrorPage(langFromRequest(request), () => {
    if (!submission.ok) throw searchRefusal(submission);
    const { tinh, bang } = submission.value;
    return provinceExport(context.services.db, actor, officerProvince(actor, tinh ?? null), bang);
  });
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
