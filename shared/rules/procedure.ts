/**
 * Procedure rules shared in shape by the 尽职免责 rule sets (catalogue section 8). Each rule set
 * passes its own ID, article and quoted text; nothing here carries a province's number.
 */
import type { CaseInput, EvaluatedPerson } from './case.js';
import { addWorkingDays } from './calendar.js';
import { addDays, addMonthsClamped } from './dates.js';
import { met, missing, notApplicable, notMet, undetermined } from './helpers.js';
import type { Evaluation, InstitutionConfig, ProcedureContext, ProcedureRule, WorkflowState } from './types.js';

interface Cited {
  id: string;
  article: string;
  quote: string;
  titleZh: string;
}

/** The person's fact sheet, falling back to the case-level dates. */
export function factSheetOf(input: CaseInput, person: EvaluatedPerson) {
  const fs = person.factSheet ?? {};
  return {
    deliveryDate: fs.deliveryDate ?? input.dates.factSheetDelivery,
    signatureDate: fs.signatureDate ?? input.dates.signature,
    refused: fs.refused ?? (input.dates.refusal !== undefined ? true : undefined),
    refusalDate: fs.refusalDate ?? input.dates.refusal,
    objectionDate: fs.objectionDate ?? input.dates.objection,
    objectionWritten: fs.objectionWritten,
    writtenExplanation: fs.writtenExplanation,
    reviewResult: fs.reviewResult,
    reviewExplanation: fs.reviewExplanation,
  };
}

export function evaluatedNames(input: CaseInput): Set<string> {
  return new Set(input.persons.map((p) => p.name));
}

/** Months after the 代偿损失 within which the investigation must start (NX-16-1 / YN-14-1). */
export function investigationDeadlineRule(spec: Cited & { months: number }): ProcedureRule {
  return {
    ...spec,
    modality: 'procedure',
    per: 'case',
    inputs: ['dates.compensation', 'dates.lossConfirmation', 'dates.investigationStart'],
    evaluate(ctx: ProcedureContext): Evaluation {
      const { dates } = ctx.input;
      const triggers = [
        dates.compensation ? { labelZh: '代偿日', date: dates.compensation } : undefined,
        dates.lossConfirmation ? { labelZh: '确认损失日', date: dates.lossConfirmation } : undefined,
      ].filter((t): t is { labelZh: string; date: string } => t !== undefined);
      if (!triggers.length) return missing(['代偿日期或确认损失日期'], '无法确定“代偿损失”发生日，不能计算调查期限。');
      triggers.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const strict = triggers[0];
      const lastDay = addMonthsClamped(strict.date, spec.months);
      const start = dates.investigationStart;
      const basisZh = `自${strict.labelZh}${strict.date}起${spec.months}个月，期间最后一日为${lastDay}（起算日不计入，月末对齐，见约定C-2；起算口径从严取较早日期，见C-7）`;
      const laterReading =
        triggers.length === 2 && triggers[1].date !== strict.date ? addMonthsClamped(triggers[1].date, spec.months) : undefined;
      ctx.deadline({
        id: `${spec.id}:investigation`,
        ruleId: spec.id,
        labelZh: '开展尽职免责调查',
        from: strict.date,
        lastDay,
        actual: start,
        status: start ? (start <= lastDay ? 'MET' : 'MISSED') : ctx.today > lastDay ? 'MISSED' : 'PENDING',
        basisZh,
      });
      if (!start) {
        if (ctx.today > lastDay) {
          return notMet('INVESTIGATION_DEADLINE_MISSED', `截至${ctx.today}无开展调查的记录，已超过期限（${basisZh}）。本条未规定超期后果，不据此否定免责，应报告并人工复核。`, {
            severity: 'warning',
            missingEvidence: ['尽职调查启动记录'],
          });
        }
        return { result: 'NOT_APPLICABLE', outcome: 'INVESTIGATION_PENDING', explanation: `尚未开展调查；应于${lastDay}（含当日）前开展（${basisZh}）。` };
      }
      const timely = start <= lastDay;
      let ambiguity = '';
      let severity: Evaluation['severity'] = timely ? 'info' : 'warning';
      if (laterReading !== undefined) {
        const timelyLater = start <= laterReading;
        if (timelyLater !== timely) {
          ambiguity = `按${triggers[1].labelZh}${triggers[1].date}起算（最后一日${laterReading}）结论不同；条文未明确起算日（C-7），需人工复核。`;
          severity = 'warning';
        }
      }
      if (timely) {
        return met('INVESTIGATION_TIMELY', `调查于${start}开展，在期限内（${basisZh}）。${ambiguity}`, { severity });
      }
      return notMet('INVESTIGATION_DEADLINE_MISSED', `调查于${start}开展，晚于期限最后一日${lastDay}（${basisZh}）。本条未规定超期后果，不据此否定免责，应报告并人工复核。${ambiguity}`, {
        severity,
      });
    },
  };
}

/** Compliance or special-inspection conclusions may not replace the investigation (NX-16-2 / YN-14-2). */
export function basisSubstitutionRule(spec: Cited): ProcedureRule {
  return {
    ...spec,
    modality: 'procedure',
    per: 'case',
    inputs: ['procedure.responsibilityBasis', 'documents'],
    evaluate({ input }): Evaluation {
      const basis = input.procedure.responsibilityBasis;
      if (basis === '合规检查' || basis === '专项检查') {
        return notMet('INVALID_BASIS_SUBSTITUTION', `责任处理以${basis}结论为依据，违反“不得以合规检查、专项检查等检查结论替代”的规定；须补做尽职调查、评议和责任认定。`, {
          severity: 'blocking',
        });
      }
      if (basis === '尽职调查') return met('PROCEDURE_OK', '责任处理以尽职调查、评议为依据。');
      return notApplicable('材料未载明责任处理所依据的材料类型。');
    },
  };
}

/** The evaluated person must not take part in the evaluation of their own case (NX-15; YN-12-1). */
export function evaluationRecusalRule(spec: Cited): ProcedureRule {
  return {
    ...spec,
    modality: 'procedure',
    per: 'person',
    inputs: ['person.presentAtEvaluation', 'procedure.evaluationMeeting.participants'],
    evaluate({ input }, person): Evaluation {
      if (!person) return notApplicable('按人评估。');
      const participants = input.procedure.evaluationMeeting?.participants ?? [];
      if (person.presentAtEvaluation === true || participants.includes(person.name)) {
        return notMet('RECUSAL_VIOLATION', `被评议人${person.name}参与了对本人的尽职评议，违反回避要求；须排除后重新评议，在此之前不得定案。`, {
          severity: 'blocking',
        });
      }
      if (person.presentAtEvaluation === false || participants.length > 0) {
        return met('PROCEDURE_OK', `被评议人${person.name}未参与评议。`);
      }
      return notApplicable('材料未载明尽职评议的参加人员。');
    },
  };
}

/** The fact sheet must follow a prior step (NX-18-1: deliberation; YN-18-1: the conclusion). */
export function factSheetOrderRule(spec: Cited & { after: 'deliberation' | 'conclusion'; afterLabelZh: string }): ProcedureRule {
  return {
    ...spec,
    modality: 'procedure',
    per: 'person',
    inputs: ['dates.factSheetDelivery', 'person.factSheet.deliveryDate', spec.after === 'deliberation' ? 'dates.deliberation' : 'dates.conclusion'],
    evaluate({ input }, person): Evaluation {
      if (!person) return notApplicable('按人评估。');
      const delivery = factSheetOf(input, person).deliveryDate;
      const prior = spec.after === 'deliberation' ? input.dates.deliberation : (person.conclusion?.date ?? input.dates.conclusion);
      if (!delivery) return notApplicable('事实认定材料尚未送达。');
      if (!prior) {
        if (spec.after === 'deliberation') {
          return notMet('PROCEDURE_ORDER_VIOLATION', `事实认定材料已于${delivery}送达，但无${spec.afterLabelZh}的记录；应先经${spec.afterLabelZh}再制作、送达事实认定材料。`, {
            severity: 'blocking',
            missingEvidence: [`${spec.afterLabelZh}记录`],
          });
        }
        return missing([`${spec.afterLabelZh}日期`], `无法核对事实认定材料是否在${spec.afterLabelZh}之后送达。`);
      }
      if (delivery < prior) {
        return notMet('PROCEDURE_ORDER_VIOLATION', `事实认定材料于${delivery}送达，早于${spec.afterLabelZh}（${prior}），程序顺序错误；须在${spec.afterLabelZh}后重新送达。`, {
          severity: 'blocking',
        });
      }
      return met('PROCEDURE_OK', `事实认定材料于${delivery}送达，在${spec.afterLabelZh}（${prior}）之后。`);
    },
  };
}

export type ObjectionWindow = { count: number; unit: 'working_days' | 'calendar_days' };

/**
 * Objection window after delivery of the fact sheet (YN-18-2/3: five working days; NX-18-3:
 * the institution's 规定期限 from configuration). Working days follow C-3 on the calendar port.
 */
export function objectionWindowRule(
  spec: Cited & {
    window: (config: InstitutionConfig) => ObjectionWindow | undefined;
    windowSourceZh: (config: InstitutionConfig) => string;
    parameterName?: string;
  },
): ProcedureRule {
  return {
    ...spec,
    modality: 'procedure',
    per: 'person',
    inputs: ['person.factSheet', 'dates.factSheetDelivery', 'dates.signature', 'dates.refusal', 'dates.objection'],
    evaluate(ctx, person): Evaluation {
      if (!person) return notApplicable('按人评估。');
      const fs = factSheetOf(ctx.input, person);
      if (!fs.deliveryDate) return notApplicable('事实认定材料尚未送达，异议期未起算。');
      const objection = fs.objectionDate && fs.objectionWritten !== false ? fs.objectionDate : undefined;
      if (fs.signatureDate && !objection && fs.refused !== true) {
        return notApplicable(`被评议人已于${fs.signatureDate}签字确认。`);
      }
      const window = spec.window(ctx.config);
      if (!window) {
        return undetermined(
          [spec.parameterName ?? 'objectionPeriod'],
          `本办法未规定提出书面异议的“规定期限”天数，应由机构实施细则明确；未配置参数${spec.parameterName ?? 'objectionPeriod'}，异议是否及时无法判定（不得套用其他省份的期限）。`,
          'OBJECTION_TIMELINESS_UNDETERMINED',
        );
      }
      const source = spec.windowSourceZh(ctx.config);
      let lastDay: string;
      if (window.unit === 'working_days') {
        const d = addWorkingDays(ctx.calendar, fs.deliveryDate, window.count);
        if (d.status !== 'OK') {
          ctx.deadline({
            id: `${spec.id}:objection:${person.name}`,
            ruleId: spec.id,
            labelZh: '提出书面异议',
            personName: person.name,
            from: fs.deliveryDate,
            actual: objection,
            status: 'UNDETERMINED',
            basisZh: d.explanation,
          });
          return { result: 'UNDETERMINED_PARAMETER_MISSING', outcome: 'CALENDAR_UNKNOWN', explanation: d.explanation, missingParameters: [`workingDayCalendar:${d.year}`], severity: 'warning' };
        }
        lastDay = d.date;
      } else {
        lastDay = addDays(fs.deliveryDate, window.count);
      }
      const unitZh = window.unit === 'working_days' ? '个工作日' : '日';
      const basisZh = `${source}：送达日${fs.deliveryDate}次日起算${window.count}${unitZh}，最后一日为${lastDay}${window.unit === 'working_days' ? `（按${ctx.calendar.source}的国务院节假日安排计算，含调休上班日）` : ''}`;
      ctx.deadline({
        id: `${spec.id}:objection:${person.name}`,
        ruleId: spec.id,
        labelZh: '提出书面异议',
        personName: person.name,
        from: fs.deliveryDate,
        lastDay,
        actual: objection,
        status: objection ? (objection <= lastDay ? 'MET' : 'MISSED') : ctx.today > lastDay ? 'MISSED' : 'PENDING',
        basisZh,
      });
      const explanationNeeded = fs.refused === true && fs.writtenExplanation !== true;
      if (objection) {
        if (objection <= lastDay) return met('OBJECTION_TIMELY', `书面异议于${objection}提出，在期限内（${basisZh}）；工作小组应对异议及证明材料进行复核。`);
        return notMet(
          'OBJECTION_LATE',
          `书面异议于${objection}提出，已超过期限（${basisZh}），按拒签且未在期限内提出异议处理。${explanationNeeded ? '缺少注明原因和送达时间的书面说明。' : ''}`,
          { severity: explanationNeeded ? 'blocking' : 'warning', missingEvidence: explanationNeeded ? ['书面说明（注明拒签原因和送达时间）'] : [] },
        );
      }
      if (fs.refused === true) {
        if (ctx.today <= lastDay) {
          return { result: 'NOT_APPLICABLE', outcome: 'OBJECTION_WINDOW_OPEN', explanation: `被评议人拒签，异议期尚未届满（${basisZh}）。` };
        }
        return met('REFUSED_NO_TIMELY_OBJECTION', `被评议人拒签且未在期限内提出书面异议（${basisZh}）。${explanationNeeded ? '缺少注明原因和送达时间的书面说明，须补正。' : '已作出书面说明。'}`, {
          severity: explanationNeeded ? 'blocking' : 'info',
          missingEvidence: explanationNeeded ? ['书面说明（注明拒签原因和送达时间）'] : [],
        });
      }
      if (ctx.today <= lastDay) {
        return { result: 'NOT_APPLICABLE', outcome: 'OBJECTION_WINDOW_OPEN', explanation: `尚无签字或拒签记录，异议期尚未届满（${basisZh}）。` };
      }
      return missing(['签字确认或拒签记录'], `异议期已届满（${basisZh}），但无签字、拒签或异议的记录。`);
    },
  };
}

/** After a timely objection: re-determination, or a written explanation (NX-18-4 / YN-18-3). */
export function objectionReviewRule(spec: Cited & { onErrorZh: string }): ProcedureRule {
  return {
    ...spec,
    modality: 'procedure',
    per: 'person',
    inputs: ['person.factSheet.reviewResult', 'person.factSheet.reviewExplanation'],
    evaluate({ input }, person): Evaluation {
      if (!person) return notApplicable('按人评估。');
      const fs = factSheetOf(input, person);
      if (!fs.objectionDate || fs.objectionWritten === false) return notApplicable('未提出书面异议。');
      if (!fs.reviewResult) return missing(['异议复核记录'], '已提出书面异议，尚无复核结果。');
      if (fs.reviewResult === 'ERROR_FOUND') return met('PROCEDURE_OK', `复核认为原结论有误，应${spec.onErrorZh}。`);
      if (fs.reviewExplanation !== true) {
        return notMet('PROCEDURE_VIOLATION', '异议不予采纳，但缺少书面说明；须补正后方可定案。', {
          severity: 'blocking',
          missingEvidence: ['不予采纳异议的书面说明'],
        });
      }
      return met('PROCEDURE_OK', '异议不予采纳，已作出书面说明。');
    },
  };
}

/** Working group: lead, approval, and no person who must recuse (NX-14 / YN-12-1). */
export function workingGroupRule(spec: Cited & { leaderPattern: RegExp; leaderZh: string; leaderSoft: boolean; approvalZh: string }): ProcedureRule {
  return {
    ...spec,
    modality: 'procedure',
    per: 'case',
    inputs: ['procedure.workingGroup', 'procedure.evaluationMeeting.participants', 'persons'],
    evaluate({ input }): Evaluation {
      const wg = input.procedure.workingGroup;
      if (!wg) return missing(['工作小组组成及审议确定记录'], '材料未载明尽职免责调查认定工作小组的组成。');
      const names = evaluatedNames(input);
      const conflicted = wg.members.filter((m) => names.has(m));
      if (conflicted.length) {
        return notMet('RECUSAL_VIOLATION', `工作小组成员中包含被评议人（${conflicted.join('、')}），应当回避的人员未排除；须调整组成后重新评议。`, {
          severity: 'blocking',
        });
      }
      const gaps: string[] = [];
      if (!wg.boardApprovalRef) gaps.push(`工作小组组成经${spec.approvalZh}审议确定的记录`);
      const leaderOk = wg.leaderTitle !== undefined && spec.leaderPattern.test(wg.leaderTitle);
      if (wg.leaderTitle === undefined) gaps.push('工作小组牵头人职务');
      if (gaps.length) return missing(gaps, '工作小组组成的材料不完整。');
      if (!leaderOk) {
        return notMet(
          'PROCEDURE_VIOLATION',
          `工作小组由“${wg.leaderTitle}”牵头，条文要求由${spec.leaderZh}牵头${spec.leaderSoft ? '（条文用“一般”，属一般要求，提示复核）' : ''}。`,
          { severity: 'warning' },
        );
      }
      return met('PROCEDURE_OK', `工作小组由${wg.leaderTitle}牵头，经${spec.approvalZh}审议确定（${wg.boardApprovalRef}），成员中无被评议人。`);
    },
  };
}

/** Publication and written notice after the determination (NX-20 / YN-20). */
export function publicationRule(spec: Cited & { principalReport: boolean }): ProcedureRule {
  return {
    ...spec,
    modality: 'procedure',
    per: 'case',
    inputs: ['procedure.publication', 'dates.determinationApproval'],
    evaluate({ input }): Evaluation {
      if (!input.dates.determinationApproval && !input.dates.publication) return notApplicable('责任认定尚未审议确定，尚未到公示环节。');
      const p = input.procedure.publication ?? {};
      const gaps: string[] = [];
      if (p.internal !== true) gaps.push('内部公示记录');
      if (p.personNotified !== true) gaps.push('书面告知被评议人的记录');
      if (p.departmentNotified !== true) gaps.push('书面告知被评议人所在部门的记录');
      if (spec.principalReport && input.persons.some((x) => x.role === '主要负责人') && p.regulatorReported !== true) {
        gaps.push('主要负责人责任认定结果报告同级融资担保监督管理部门的记录');
      }
      if (gaps.length) return { ...missing(gaps, '公示、告知材料不完整。'), severity: 'warning' };
      return met('PROCEDURE_OK', '已内部公示并书面告知被评议人及其所在部门。');
    },
  };
}

/** Workflow states of a 尽职免责 case (catalogue section 8). */
export function dueDiligenceWorkflow(options: { deliberationBeforeFactSheet: boolean }): WorkflowState[] {
  const states: WorkflowState[] = [
    { id: 'S0', labelZh: '业务审批', documents: ['REVIEW_MINUTES'], dates: ['approval'], required: true },
    { id: 'S1', labelZh: '代偿', documents: ['COMPENSATION_VOUCHER'], dates: ['compensation'], required: true },
    {
      id: 'S2',
      labelZh: '追偿',
      documents: ['RECOVERY_LOG'],
      dates: [],
      required: false,
      extra: (i) => (i.business.recoveries.length ? i.business.recoveries[0].date : undefined),
    },
    { id: 'S3', labelZh: '确认损失', documents: ['LOSS_CONFIRMATION'], dates: ['lossConfirmation'], required: true },
    {
      id: 'S4',
      labelZh: '成立工作小组',
      documents: ['WORKING_GROUP_RESOLUTION'],
      dates: [],
      required: true,
      extra: (i) => (i.procedure.workingGroup?.boardApprovalRef ? true : undefined),
    },
    { id: 'S5', labelZh: '尽职调查', documents: ['INVESTIGATION_OPENING'], dates: ['investigationStart'], required: true },
    { id: 'S6', labelZh: '调查结束', documents: ['INVESTIGATION_REPORT'], dates: ['investigationEnd'], required: true },
    {
      id: 'S7',
      labelZh: '尽职评议',
      documents: ['EVALUATION_MINUTES'],
      dates: ['evaluation'],
      required: true,
      extra: (i) => i.procedure.evaluationMeeting?.date,
    },
    { id: 'S8', labelZh: '形成评议报告及结论', documents: ['EVALUATION_REPORT'], dates: ['conclusion'], required: true },
  ];
  if (options.deliberationBeforeFactSheet) {
    states.push({ id: 'S9', labelZh: '党组织、董事会审议评议结论', documents: ['DELIBERATION_MINUTES'], dates: ['deliberation'], required: true });
  }
  states.push(
    {
      id: 'S10',
      labelZh: '送达事实认定材料',
      documents: ['FACT_SHEET'],
      dates: ['factSheetDelivery'],
      required: true,
      extra: (i) => i.persons.map((p) => p.factSheet?.deliveryDate).find(Boolean),
    },
    {
      id: 'S11',
      labelZh: '签字、拒签或异议',
      documents: ['SIGNATURE', 'REFUSAL_EXPLANATION', 'OBJECTION'],
      dates: ['signature', 'refusal', 'objection'],
      required: true,
      extra: (i) => i.persons.map((p) => p.factSheet?.signatureDate ?? p.factSheet?.refusalDate ?? p.factSheet?.objectionDate).find(Boolean),
    },
    { id: 'S12', labelZh: '异议复核', documents: ['OBJECTION_REVIEW'], dates: [], required: false, conditional: true, extra: (i) => i.persons.some((p) => p.factSheet?.reviewResult) || undefined },
    { id: 'S13', labelZh: '责任认定', documents: ['DETERMINATION_REPORT'], dates: ['determination'], required: true },
    { id: 'S14', labelZh: '责任认定审议确定', documents: ['DETERMINATION_RESOLUTION'], dates: ['determinationApproval'], required: true },
    { id: 'S16', labelZh: '公示和书面告知', documents: ['PUBLICATION_NOTICE'], dates: ['publication'], required: true },
    { id: 'S17', labelZh: '备案或报告', documents: ['REGULATOR_FILING'], dates: [], required: false, conditional: true },
    { id: 'S18', labelZh: '归档', documents: ['ARCHIVE_INDEX'], dates: ['archive'], required: true },
  );
  return states;
}
