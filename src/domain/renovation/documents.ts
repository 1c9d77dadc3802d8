/**
 * The application file (装修申请资料, [001]): the documents a renovation needs, which of them only
 * when the work includes a duplex change, a ceiling or a bathroom (waterproofing), and whether the
 * file is complete: every required document present and signed (stamped), and the agreement signed.
 */
export const workItems = ['walls', 'pipes', 'electrical', 'duplex', 'ceiling', 'waterproofing'] as const;
export type WorkItem = (typeof workItems)[number];
export type WorkItems = Record<WorkItem, boolean>;

export const documentCodes = [
  'business_licence', // 营业执照（加盖红章）
  'qualification_certificate', // 资质证书（加盖红章）
  'floor_plan', // 平面布置图
  'demolition_plan', // 拆墙示意图
  'pipe_changes', // 管道变化图
  'electrical_diagram', // 电气分布图及配电系统图
  'duplex_plan', // 复式改建图（改动时）
  'ceiling_plan', // 天花布置图（做吊顶时）
  'waterproofing_plan', // 防水施工方案（改动洗手间时）
] as const;
export type DocumentCode = (typeof documentCodes)[number];

/** The documents every renovation needs, and the ones a work item adds. */
const alwaysRequired: readonly DocumentCode[] = [
  'business_licence',
  'qualification_certificate',
  'floor_plan',
  'demolition_plan',
  'pipe_changes',
  'electrical_diagram',
];
const requiredWhen: Partial<Record<WorkItem, DocumentCode>> = {
  duplex: 'duplex_plan',
  ceiling: 'ceiling_plan',
  waterproofing: 'waterproofing_plan',
};

/** The documents this work needs, in the form's order. */
export function requiredDocuments(items: WorkItems): DocumentCode[] {
  const extra = new Set(
    (Object.entries(requiredWhen) as [WorkItem, DocumentCode][]).filter(([item]) => items[item]).map(([, code]) => code),
  );
  return documentCodes.filter((c) => alwaysRequired.includes(c) || extra.has(c));
}

export interface FiledDocument {
  code: string;
  /** Signed (drawings) or stamped (licences) on paper. */
  isSigned: boolean;
}

export interface Completeness {
  isComplete: boolean;
  required: DocumentCode[];
  missing: DocumentCode[];
  unsigned: DocumentCode[];
  isAgreementSigned: boolean;
}

/** Whether the file is complete: each required document present (its current version) and signed, and the agreement signed. */
export function completenessOf(items: WorkItems, documents: readonly FiledDocument[], isAgreementSigned: boolean): Completeness {
  const required = requiredDocuments(items);
  const missing = required.filter((c) => !documents.some((d) => d.code === c));
  const unsigned = required.filter((c) => !missing.includes(c) && !documents.some((d) => d.code === c && d.isSigned));
  return {
    isComplete: missing.length === 0 && unsigned.length === 0 && isAgreementSigned,
    required,
    missing,
    unsigned,
    isAgreementSigned,
  };
}
