import { z } from 'zod';
import { documentCodes, workItems } from '../domain/renovation/documents.js';
import { renovationActions, renovationFlags, renovationStatuses } from '../domain/renovation/machine.js';
import { isoDateTime } from './common.js';
import { eventView, timerView } from './repair.js';

/*
 * Renovation (装修) API. Ticket kind `renovation`, numbers `YG-ZX-20261125-0001`. Money is in cents
 * (分) everywhere; dates without a time (planned start/end, patrol day) are local 'YYYY-MM-DD'.
 * Every route answers 404 for a renovation outside the caller's community or household.
 *
 * GET  /api/renovations                       staff (renovation.view) and residents (own households): list, filters status/buildingId/view(active|overdue|all|mine)/q
 * POST /api/renovations                       resident (own room) or clerk/cs_supervisor (any room of the community): apply (装修申请表) → submitted
 * GET  /api/renovations/:id                   detail: application, completeness, documents, timeline, patrols, violations, inspections, deposit ledger, allowedActions
 * POST /api/renovations/:id/<action>          one step, body per `renovationActionBodies` (action names kebab-case):
 *      edit               applicant/clerk/cs_supervisor, submitted|returned: change the application
 *      pass-check         clerk/cs_supervisor, submitted → cs_review (refused 409 `incomplete` while the file is incomplete)
 *      return             clerk/cs_supervisor, submitted → returned, with a reason
 *      approve            cs_manager at cs_review → eng_review; eng_supervisor at eng_review → approved
 *      reject             cs_manager at cs_review / eng_supervisor at eng_review → returned, with a reason
 *      resubmit           applicant/clerk/cs_supervisor, returned → submitted (round + 1)
 *      withdraw           applicant/clerk/cs_supervisor, before payment → withdrawn
 *      record-payment     finance, approved → in_works: fee lines + deposit + receipt; the permit (许可证) is issued
 *      record-patrol      clerk/cs_supervisor (CS daily), department_staff security (daily), eng_supervisor/technician (every N days): result, note; an issue may raise a violation
 *      record-violation   on-site staff: what was wrong → a violation (recorded)
 *      issue-notice       clerk/cs_supervisor/cs_manager/eng_supervisor: written rectification notice (整改通知书) with a deadline (policy hours unless given)
 *      recheck            on-site staff: rectified or not
 *      decide-penalty     eng_supervisor, after the deadline passed unrectified: stop-work order and/or a deposit deduction (≤ deposit left)
 *      resume-work        eng_supervisor/cs_manager, stopped → in_works, once every violation is rectified
 *      book-inspection    applicant/clerk/cs_supervisor, in_works|inspection_failed → inspection_booked (no open violation)
 *      record-acceptance  CS side (clerk/cs_supervisor) and engineering side (eng_supervisor/technician) each sign; both passed → refund_due, any failure → inspection_failed
 *      book-refund        finance, refund_due: the refund appointment
 *      record-refund      finance, refund_due → closed: refund = deposit − deductions
 * POST /api/renovations/:id/documents          applicant/clerk/cs_supervisor (multipart: file + fields code, isSigned 'true'|'false'), submitted|returned: adds or replaces a document (PDF/JPEG/PNG/WebP ≤ 10 MB)
 * POST /api/renovations/:id/documents/:documentId/signed   applicant/clerk/cs_supervisor, submitted|returned: marks the document signed/stamped or not ({ isSigned })
 * POST /api/renovations/:id/photos             on-site staff (multipart: file + field purpose 'patrol'|'violation' + targetId): a photo of a patrol or a violation
 * GET  /api/renovations/:id/files/:fileId      anyone who may see the renovation: the file, as its sniffed type, nosniff, never HTML
 * GET  /api/renovation-patrols                 patrol roles: today's (or ?date=) patrols due for the caller's duty (generated on read, idempotent)
 * GET  /print/renovations/:id/application      装修申请表 (staff with renovation.view, the applicant)
 * GET  /print/renovations/:id/permit           装修许可证 (once paid)
 * GET  /print/renovations/:id/acceptance       装修竣工验收表 (?inspectionId=, default the latest)
 * GET  /print/renovations/:id/violations/:violationId/notice   整改通知书
 */

export const renovationStatusEnum = z.enum(renovationStatuses);
export const renovationActionEnum = z.enum(renovationActions);
export const renovationFlagEnum = z.enum(renovationFlags);
export const documentCodeEnum = z.enum(documentCodes);
export const workItemEnum = z.enum(workItems);
/** Whose patrol: 客户助理 daily, 保安 daily, 工程 every N days. */
export const patrolDutyEnum = z.enum(['cs', 'security', 'engineering']);
export const violationStatusEnum = z.enum(['recorded', 'notice_issued', 'rectified', 'overdue']);
export const inspectionOutcomeEnum = z.enum(['pending', 'passed', 'failed']);

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
export const localDate = z.iso.date();
const phone = z
  .string()
  .trim()
  .regex(/^[\d-]{5,20}$/, '电话号码无效 / Invalid phone number');
const cents = z.number().int().min(0).max(100_000_000);

export const workItemsSchema = z.object({
  walls: z.boolean(),
  pipes: z.boolean(),
  electrical: z.boolean(),
  duplex: z.boolean(),
  ceiling: z.boolean(),
  waterproofing: z.boolean(),
});

const applicationFields = {
  applicantName: text(50),
  applicantPhone: phone,
  contractorCompany: text(100),
  contractorContact: text(50),
  contractorPhone: phone,
  plannedStartDate: localDate,
  plannedEndDate: localDate,
  workItems: workItemsSchema,
  /** What will be done, in the applicant's words. */
  description: text(2000),
  /** The renovation agreement (装修协议书) is signed. */
  isAgreementSigned: z.boolean(),
};

export const createRenovationBody = z.object({ communityId: z.uuid(), roomId: z.uuid(), ...applicationFields });
export type CreateRenovationBody = z.infer<typeof createRenovationBody>;

const violationRef = { violationId: z.uuid() };
const acceptanceItem = z.object({ name: text(100), isPassed: z.boolean(), note: optionalText(500) });

/** Request bodies of the actions (POST /api/renovations/:id/<action>). */
export const renovationActionBodies = {
  edit: z.object(applicationFields).partial(),
  'pass-check': z.object({ note: optionalText(500) }),
  return: z.object({ reason: text(500) }),
  approve: z.object({ note: optionalText(500) }),
  reject: z.object({ reason: text(500) }),
  resubmit: z.object({ note: optionalText(500) }),
  withdraw: z.object({ reason: text(500) }),
  'record-payment': z.object({
    /** 装修管理费, 垃圾清运费…: at least one line. */
    fees: z
      .array(z.object({ name: text(50), amountCents: cents }))
      .min(1)
      .max(20),
    depositCents: cents,
    receiptNumber: text(50),
  }),
  'record-patrol': z.object({
    patrolId: z.uuid(),
    result: z.enum(['pass', 'issue']),
    note: optionalText(1000),
    /** An issue may raise a violation at once. */
    violation: z.object({ description: text(1000) }).optional(),
  }),
  'record-violation': z.object({ description: text(1000) }),
  'issue-notice': z.object({
    ...violationRef,
    /** What must be put right (整改要求). */
    requirement: text(1000),
    /** Default: the policy's rectificationDeadlineHours from now. */
    deadlineAt: isoDateTime.optional(),
  }),
  recheck: z.object({ ...violationRef, isRectified: z.boolean(), note: optionalText(500) }),
  'decide-penalty': z.object({
    ...violationRef,
    isStopWork: z.boolean(),
    deductionCents: cents,
    reason: text(500),
  }),
  'resume-work': z.object({ note: optionalText(500) }),
  'book-inspection': z.object({ at: isoDateTime, note: optionalText(500) }),
  'record-acceptance': z.object({ items: z.array(acceptanceItem).min(1).max(30), note: optionalText(1000) }),
  'book-refund': z.object({ at: isoDateTime }),
  'record-refund': z.object({ receiptNumber: text(50), note: optionalText(500) }),
} as const;
export type RenovationActionPath = keyof typeof renovationActionBodies;

export const renovationListQuery = z.object({
  communityId: z.uuid().optional(),
  /** active (not closed/withdrawn) · overdue (any overdue flag) · mine (awaiting my step) · all */
  view: z.enum(['active', 'overdue', 'mine', 'all']).default('active'),
  status: renovationStatusEnum.optional(),
  buildingId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const renovationSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  communityId: z.uuid(),
  communityName: z.string(),
  buildingId: z.uuid().nullable(),
  roomId: z.uuid().nullable(),
  roomLabel: z.string(),
  status: renovationStatusEnum,
  applicantName: z.string(),
  applicantPhone: z.string(),
  contractorCompany: z.string(),
  plannedStartDate: localDate,
  plannedEndDate: localDate,
  round: z.number().int(),
  isComplete: z.boolean(),
  permitNumber: z.string().nullable(),
  depositCents: z.number().int(),
  /** Deposit paid minus deductions (minus the refund once refunded). */
  depositBalanceCents: z.number().int(),
  refundDueDate: localDate.nullable(),
  flags: z.array(renovationFlagEnum),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type RenovationSummary = z.infer<typeof renovationSummary>;

export const renovationDocumentView = z.object({
  id: z.uuid(),
  code: documentCodeEnum,
  fileId: z.uuid(),
  filename: z.string(),
  mime: z.string(),
  sizeBytes: z.number().int(),
  isSigned: z.boolean(),
  /** False once a newer upload of the same code replaced it. */
  isCurrent: z.boolean(),
  uploadedBy: z.string(),
  createdAt: isoDateTime,
});

export const completenessView = z.object({
  isComplete: z.boolean(),
  required: z.array(documentCodeEnum),
  missing: z.array(documentCodeEnum),
  unsigned: z.array(documentCodeEnum),
  isAgreementSigned: z.boolean(),
});

export const patrolView = z.object({
  id: z.uuid(),
  renovationId: z.uuid(),
  duty: patrolDutyEnum,
  date: localDate,
  status: z.enum(['due', 'done', 'missed']),
  result: z.enum(['pass', 'issue']).nullable(),
  note: z.string().nullable(),
  photoFileId: z.uuid().nullable(),
  violationId: z.uuid().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: isoDateTime.nullable(),
});

export const violationView = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  description: z.string(),
  status: violationStatusEnum,
  photoFileId: z.uuid().nullable(),
  recordedBy: z.string(),
  recordedAt: isoDateTime,
  noticeNumber: z.string().nullable(),
  requirement: z.string().nullable(),
  deadlineAt: isoDateTime.nullable(),
  noticeIssuedBy: z.string().nullable(),
  noticeIssuedAt: isoDateTime.nullable(),
  rechecks: z.array(z.object({ at: isoDateTime, by: z.string(), isRectified: z.boolean(), note: z.string().nullable() })),
  rectifiedAt: isoDateTime.nullable(),
  isStopWork: z.boolean(),
  deductionCents: z.number().int(),
  penaltyReason: z.string().nullable(),
  penaltyBy: z.string().nullable(),
  penaltyAt: isoDateTime.nullable(),
});

export const acceptanceSignView = z.object({
  items: z.array(z.object({ name: z.string(), isPassed: z.boolean(), note: z.string().nullable() })),
  note: z.string().nullable(),
  byName: z.string(),
  byRole: z.string(),
  at: isoDateTime,
});

export const inspectionView = z.object({
  id: z.uuid(),
  round: z.number().int(),
  at: isoDateTime,
  bookedBy: z.string(),
  cs: acceptanceSignView.nullable(),
  engineering: acceptanceSignView.nullable(),
  outcome: inspectionOutcomeEnum,
  decidedAt: isoDateTime.nullable(),
});

/** The deposit's ledger: paid in, each deduction with its reason, the refund. */
export const depositLedgerView = z.object({
  depositCents: z.number().int(),
  deductions: z.array(z.object({ violationId: z.uuid(), amountCents: z.number().int(), reason: z.string(), at: isoDateTime })),
  deductedCents: z.number().int(),
  balanceCents: z.number().int(),
  refundCents: z.number().int().nullable(),
  refundedAt: isoDateTime.nullable(),
  refundReceiptNumber: z.string().nullable(),
});

export const renovationDetail = renovationSummary.extend({
  contractorContact: z.string(),
  contractorPhone: z.string(),
  workItems: workItemsSchema,
  description: z.string(),
  isAgreementSigned: z.boolean(),
  completeness: completenessView,
  documents: z.array(renovationDocumentView),
  lastReturnReason: z.string().nullable(),
  csApprovedBy: z.string().nullable(),
  csApprovedAt: isoDateTime.nullable(),
  engApprovedBy: z.string().nullable(),
  engApprovedAt: isoDateTime.nullable(),
  fees: z.array(z.object({ name: z.string(), amountCents: z.number().int() })),
  paymentReceiptNumber: z.string().nullable(),
  paidAt: isoDateTime.nullable(),
  permitIssuedAt: isoDateTime.nullable(),
  permitValidFrom: localDate.nullable(),
  permitValidTo: localDate.nullable(),
  inspectionPassedAt: isoDateTime.nullable(),
  refundAppointmentAt: isoDateTime.nullable(),
  ledger: depositLedgerView,
  patrols: z.array(patrolView),
  violations: z.array(violationView),
  inspections: z.array(inspectionView),
  events: z.array(eventView),
  timers: z.array(timerView),
  createdByName: z.string(),
  /** What the signed-in person may do next. */
  allowedActions: z.array(renovationActionEnum),
});
export type RenovationDetail = z.infer<typeof renovationDetail>;

export const renovationList = z.object({ items: z.array(renovationSummary), total: z.number().int() });

export const renovationDocumentParams = z.object({ id: z.uuid(), documentId: z.uuid() });
export const renovationFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const renovationViolationParams = z.object({ id: z.uuid(), violationId: z.uuid() });
export const markSignedBody = z.object({ isSigned: z.boolean() });
/** Text fields of the document upload (multipart, with the file in field "file"). */
export const documentUploadFields = z.object({ code: documentCodeEnum, isSigned: z.enum(['true', 'false']).default('false') });
/** Text fields of the photo upload (multipart): a patrol's or a violation's photo. */
export const photoUploadFields = z.object({ purpose: z.enum(['patrol', 'violation']), targetId: z.uuid() });
export const acceptanceQuery = z.object({ inspectionId: z.uuid().optional() });

export const patrolListQuery = z.object({
  communityId: z.uuid().optional(),
  /** The local day; today when left out. */
  date: localDate.optional(),
  /** Staff who do more than one duty may pick; default is the caller's own duty. */
  duty: patrolDutyEnum.optional(),
});
export const patrolTaskView = patrolView.extend({
  renovationNumber: z.string(),
  roomLabel: z.string(),
  contractorCompany: z.string(),
  renovationStatus: renovationStatusEnum,
});
export const patrolTaskList = z.object({ date: localDate, duty: patrolDutyEnum, items: z.array(patrolTaskView) });
