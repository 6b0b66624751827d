/**
 * Builds the input of a 尽职免责 case assessment from the documents read for it: the fact sheet
 * names the evaluated person, the conclusion and the dates; review minutes add the approval
 * date, dissent and recusals. What no document states stays absent: the rules then report the
 * evidence as missing rather than assume it.
 */
import type { DocumentRecord } from '../domain/records.js';
import type { FactSheetFields, MeetingMinutesFields } from '../domain/fields.js';
import type { CaseInputRaw, RoleClass } from '../rules/case.js';
import type { InstitutionConfig } from '../rules/types.js';
import { Jurisdiction } from '../rules/case.js';

/** Role class from a position title (NX-4, YN-5); longest titles first so 客户经理 is not 经理. */
const ROLE_BY_TITLE: Array<[RegExp, RoleClass]> = [
  [/(?<!副)董事长|(?<!副)总经理(?!助理)|党委书记|主要负责人|执行董事/, '主要负责人'],
  [/副董事长|副总经理|总监|首席|总经理助理|分管/, '机构负责人'],
  [/评审委员|评审会委员|审保会委员/, '评审委员'],
  [/客户经理|专员|经办|业务员|助理|项目经理|风控岗|信贷员/, '经办人员'],
  [/部长|主任|部门经理|副经理|经理|负责人|主管/, '管理人员'],
];

export function roleFromPosition(position: string | undefined): RoleClass {
  if (!position) return '其他';
  return ROLE_BY_TITLE.find(([re]) => re.test(position))?.[1] ?? '其他';
}

export interface CaseDocuments {
  caseId: string;
  factSheet: DocumentRecord;
  minutes: DocumentRecord[];
}

/** A case per fact sheet, with the minutes of the same batch that concern the same project. */
export function groupCases(records: DocumentRecord[]): CaseDocuments[] {
  const minutes = records.filter((r) => r.status !== 'REJECTED' && r.extracted?.kind === 'MEETING_MINUTES');
  return records
    .filter((r) => r.status !== 'REJECTED' && r.extracted?.kind === 'FACT_SHEET')
    .map((factSheet) => {
      const f = fieldsOf<FactSheetFields>(factSheet);
      const project = f.projectId?.value;
      return {
        caseId: f.caseId?.value ?? project ?? factSheet.documentId.slice(0, 16),
        factSheet,
        minutes: project ? minutes.filter((m) => fieldsOf<MeetingMinutesFields>(m).projectId?.value === project) : [],
      };
    });
}

function fieldsOf<T>(record: DocumentRecord): Partial<T> {
  return (record.extracted?.fields ?? {}) as Partial<T>;
}

export type CaseInputResult = { input: CaseInputRaw } | { missing: string[] };

export function caseInputFromDocuments(documents: CaseDocuments, institution: InstitutionConfig | undefined): CaseInputResult {
  const f = fieldsOf<FactSheetFields>(documents.factSheet);
  const jurisdiction = Jurisdiction.safeParse(institution?.jurisdiction ?? documents.factSheet.jurisdiction);
  const name = f.evaluatedPerson?.value;
  const missing = [...(jurisdiction.success ? [] : ['机构所属地区']), ...(name ? [] : ['被评议人'])];
  if (!jurisdiction.success || !name) return { missing };

  const minutes = documents.minutes.map((m) => ({ record: m, f: fieldsOf<MeetingMinutesFields>(m) }));
  const review = minutes.find((m) => m.f.meetingType?.value === 'REVIEW_COMMITTEE');
  const vote = review?.f.votes?.value.find((v) => v.member === name);
  const recusal = minutes.flatMap((m) => m.f.recusals?.value ?? []).find((r) => r.person === name);

  const input: CaseInputRaw = {
    caseId: documents.caseId,
    institution: {
      name: f.institutionName?.value ?? institution?.institutionName ?? '（未识别）',
      jurisdiction: jurisdiction.data,
      // The pipeline serves the government financing-guarantee institutions on the list.
      governmentGuarantee: true,
    },
    business: {
      projectId: f.projectId?.value,
      debtorName: f.debtorName?.value,
      guaranteeAmountFen: f.guaranteeAmount?.value,
      compensationAmountFen: f.compensationAmount?.value,
    },
    dates: {
      approval: review?.f.meetingDate?.value,
      compensation: f.compensationDate?.value,
      conclusion: f.conclusionDate?.value,
      factSheetDelivery: f.deliveryDate?.value,
      objection: f.objectionDate?.value,
    },
    persons: [
      {
        name,
        position: f.position?.value,
        role: roleFromPosition(f.position?.value),
        conclusion: f.conclusion ? { result: f.conclusion.value, date: f.conclusionDate?.value } : undefined,
        factSheet: {
          deliveryDate: f.deliveryDate?.value,
          refused: f.refused?.value,
          objectionDate: f.objectionDate?.value,
        },
        dissent:
          vote && vote.vote === '反对'
            ? { minutesRef: review?.f.minutesNo?.value ?? review?.record.fileName, dissentText: vote.dissentText, legalBasis: vote.legalBasis }
            : undefined,
        conflict: recusal ? { hasInterest: true, relation: recusal.reason, recused: true } : undefined,
      },
    ],
  };
  return { input };
}
