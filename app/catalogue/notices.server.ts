import type { DB } from '~db/connection.server';
import { type Actor, isMember } from '~/accounts';
import { memberEmails } from '~/accounts/index.server';
import { queueEmail } from '~/email/index.server';
import { formatMessage } from '~/i18n/messages';
import { farmerWorkspaceMessages as m } from '~/i18n/messages/farmer-workspace';
import type { Message } from '~/lib/errors';
import { lastReadNoticeId, memberOrgIds } from './notice-reads.server';

export type NoticeSubject = 'listing' | 'ocop' | 'organization';
export type NoticeDecision = 'approved' | 'rejected' | 'changes_requested';

const TEXT: Record<NoticeSubject, Record<NoticeDecision, Message>> = {
  listing: {
    approved: m.noticeListingApproved,
    rejected: m.noticeListingRejected,
    changes_requested: m.noticeListingChanges,
  },
  ocop: {
    approved: m.noticeOcopApproved,
    rejected: m.noticeOcopRejected,
    changes_requested: m.noticeOcopChanges,
  },
  organization: {
    approved: m.noticeOrganizationApproved,
    rejected: m.noticeOrganizationRejected,
    changes_requested: m.noticeOrganizationChanges,
  },
};

/** What a notice says, in both languages (the note, when there is one, on a line of its own). */
export function noticeText(notice: {
  subject: NoticeSubject;
  decision: NoticeDecision;
  subjectName: string;
  note: string | null;
}): { headline: Message; note: Message | null } {
  return {
    headline: formatMessage(TEXT[notice.subject][notice.decision], { name: notice.subjectName }),
    note: notice.note ? formatMessage(m.noticeNote, { note: notice.note }) : null,
  };
}

/**
 * Tells a cooperative about an officer's decision on one of its listings or claims (`productId`) or on
 * the organization itself (its registration: no product), in the decision's own transaction: a notice
 * in its seller area and, through the e-mail outbox, a message to each member with an e-mail address
 * (sent only if the decision commits; nothing is lost while SMTP is down).
 */
export async function recordDecisionNotice(
  trx: DB,
  notice: {
    organizationId: number;
    productId: number | null;
    subject: NoticeSubject;
    decision: NoticeDecision;
    note: string | null;
  },
  now = new Date(),
): Promise<void> {
  const { name } = notice.productId
    ? await trx
        .selectFrom('products')
        .select('name')
        .where('id', '=', notice.productId)
        .executeTakeFirstOrThrow()
    : await trx
        .selectFrom('organizations')
        .select('name')
        .where('id', '=', notice.organizationId)
        .executeTakeFirstOrThrow();
  await trx
    .insertInto('notices')
    .values({
      organization_id: notice.organizationId,
      product_id: notice.productId,
      subject: notice.subject,
      decision: notice.decision,
      subject_name: name,
      note: notice.note,
      created_at: now.toISOString(),
    })
    .execute();
  const { headline, note } = noticeText({ ...notice, subjectName: name });
  const link = notice.productId
    ? `/kenh-nguoi-ban/san-pham/${notice.productId}`
    : '/kenh-nguoi-ban';
  const lines = (lang: 'vi' | 'en') =>
    [headline[lang], note?.[lang], formatMessage(m.noticeEmailLink, { url: link })[lang]]
      .filter(Boolean)
      .join('\n');
  for (const to of await memberEmails(trx, notice.organizationId)) {
    await queueEmail(
      trx,
      {
        to,
        subject: formatMessage(m.noticeEmailSubject, { text: headline.vi }).vi,
        text: `${lines('vi')}\n\n— English —\n${lines('en')}\n`,
      },
      now,
    );
  }
}

/**
 * The latest notices of the organizations the actor is a member of, newest first, each saying whether
 * this user has read it yet (notice_reads, notice-reads.server.ts).
 */
export async function listNotices(db: DB, actor: Actor, limit = 10) {
  const orgIds = memberOrgIds(actor);
  if (orgIds.length === 0) return [];
  const [rows, lastRead] = await Promise.all([
    db
      .selectFrom('notices')
      .selectAll()
      .where('organization_id', 'in', orgIds)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute(),
    lastReadNoticeId(db, actor.userId),
  ]);
  return rows
    .filter((r) => isMember(actor, r.organization_id))
    .map((r) => ({
      id: r.id,
      productId: r.product_id,
      subject: r.subject,
      decision: r.decision,
      createdAt: r.created_at,
      unread: r.id > lastRead,
      ...noticeText({
        subject: r.subject,
        decision: r.decision,
        subjectName: r.subject_name,
        note: r.note,
      }),
    }));
}
