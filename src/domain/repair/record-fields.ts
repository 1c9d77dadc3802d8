import type { Decision, RepairCommand } from './decide.js';

/** Descriptive fields an action writes on the order besides the rule-bearing ones. */
export interface RepairRecordFields {
  acceptedAt?: Date;
  arrivedAt?: Date;
  completedAt?: Date | null;
  confirmedAt?: Date | null;
  verifiedBy?: 'code' | 'phone' | null;
  actualItems?: string | null;
  summary?: string;
  customerMaterialRating?: string | null;
  holdReason?: string | null;
  holdNote?: string | null;
  quoteDescription?: string;
  satisfaction?: string;
  paidAt?: Date;
  closedAt?: Date | null;
}

/** What a successful action records, given what the rules decided. */
export function recordFieldsFor(command: RepairCommand, decision: Decision, now: Date): RepairRecordFields {
  if (decision.refusal) return {};
  const f: RepairRecordFields = {};
  switch (command.action) {
    case 'grab':
    case 'accept':
      f.acceptedAt = now;
      break;
    case 'arrive':
      f.arrivedAt = now;
      break;
    case 'verify_code':
      f.verifiedBy = 'code';
      break;
    case 'confirm_by_phone':
      f.verifiedBy = 'phone';
      break;
    case 'record_work':
      if (command.actualItems !== undefined) f.actualItems = command.actualItems;
      if (command.customerMaterialRating !== undefined) f.customerMaterialRating = command.customerMaterialRating;
      break;
    case 'hold':
      f.holdReason = command.reason;
      f.holdNote = command.note;
      break;
    case 'resume':
      f.holdReason = null;
      f.holdNote = null;
      break;
    case 'request_quote':
      f.quoteDescription = command.description;
      break;
    case 'complete':
      f.completedAt = now;
      f.summary = command.summary;
      break;
    case 'reject_completion':
      f.completedAt = null;
      break;
    case 'confirm':
      f.confirmedAt = now;
      break;
    case 'record_payment':
      f.paidAt = now;
      break;
    case 'visit':
      f.satisfaction = command.outcome;
      if (decision.to === 'open') {
        f.completedAt = null;
        f.confirmedAt = null;
        f.verifiedBy = null;
      }
      break;
  }
  if (decision.to === 'closed' || decision.to === 'cancelled') f.closedAt = now;
  return f;
}
