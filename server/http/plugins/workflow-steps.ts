// 简易模式: the step designer sends its steps and gets back the standard BPMN they compile to (with its
// diagram), which it saves as the flow's draft beside the steps. Given the flow's current BPMN, the answer
// also says whether that BPMN still is what the steps compile to (else the flow is 高级: edited as BPMN
// beyond what steps express). Nothing is stored here.
import type { FastifyPluginAsync } from 'fastify';
import { compileSteps } from '../../domain/workflow/steps/compile-steps.js';
import { sameBehaviour } from '../../domain/workflow/steps/same-behaviour.js';
import type { StepFlow } from '../../domain/workflow/steps/types.js';
import { ACTION_NAMES } from '../../runtime/actions/names.js';
import { compileWorkflow } from '../../domain/workflow/compile.js';
import { dryRun } from '../../domain/workflow/dry-run.js';
import { SAMPLE_APPLICANTS, sampleApplicant } from '../../domain/workflow/dry-run-profiles.js';
import { HttpError, httpFail } from '../errors.js';
import { assertMayRead } from '../flow-ownership.js';
import { requireUser } from './access.js';

interface CompileBody {
  key: string;
  name: string;
  steps: StepFlow;
  /** the flow's BPMN now (draft or latest), to compare with */
  xml?: string;
}

const KEY = { type: 'string', minLength: 1, maxLength: 120, pattern: '^[A-Za-z0-9_.-]+$' } as const;

interface DryRunBody {
  key: string;
  name: string;
  steps: StepFlow;
  /** a sample applicant (dry-run-profiles.ts) */
  sample: string;
  /** 'YYYY-MM-DD' */
  start: string;
}

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

const workflowSteps: FastifyPluginAsync = async (app) => {
  const { definitions: defs, meta } = app.platform;

  /** steps measured and validated as the workflow body they will be saved in, before anything walks them */
  async function checkedCompile(key: string, name: string, steps: StepFlow, xml?: string) {
    const body = { name, xml: xml ?? '-', steps };
    const bounded = defs.bounds('workflow', key, body);
    if (!bounded.ok) throw httpFail(bounded.error);
    const problems = meta.validate('workflow', body).filter((p) => p.pointer?.startsWith('/steps'));
    if (problems.length > 0) throw new HttpError(422, 'steps.invalid', `步骤有 ${problems.length} 处问题，未生成流程图`, problems);
    const compiled = await compileSteps(steps, { id: key, name });
    if (!compiled.ok) throw httpFail(compiled.error);
    return compiled;
  }

  app.post<{ Body: CompileBody }>(
    '/api/workflow-steps/compile',
    {
      config: { policy: ['admin', 'flowEditor'] },
      schema: {
        tags: ['definitions'],
        summary: '简易模式：把步骤编译为标准 BPMN 2.0（含图形），并判断现有 BPMN 是否仍与步骤一致（不保存）',
        body: {
          type: 'object',
          required: ['key', 'name', 'steps'],
          additionalProperties: false,
          properties: {
            key: KEY,
            name: { type: 'string', minLength: 1, maxLength: 200 },
            steps: { type: 'object', description: '步骤模型（见 workflow.schema.json 的 steps）' },
            xml: { type: 'string', description: '流程现在的 BPMN：给出时回答它是否仍是这些步骤编译的结果' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['xml', 'owners'],
            properties: {
              xml: { type: 'string', description: '编译得到的 BPMN（含图形信息）' },
              owners: { type: 'object', additionalProperties: { type: 'string' }, description: '元素 id → 所属步骤 id' },
              matches: { type: 'boolean', description: '给出的 BPMN 与步骤一致（false：已在 BPMN 高级模式中修改）' },
            },
          },
          401: { $ref: 'Error#' },
          403: { $ref: 'Error#' },
          422: { $ref: 'Error#' },
        },
      },
    },
    async (request) => {
      const { key, name, steps, xml } = request.body;
      const compiled = await checkedCompile(key, name, steps, xml);
      const matches = xml === undefined ? {} : { matches: await sameBehaviour(compiled.value.xml, xml, { actions: ACTION_NAMES }) };
      return { xml: compiled.value.xml, owners: compiled.value.owners, ...matches };
    },
  );

  const dateItem = { ...DATE, description: '北京时间日期' };
  app.post<{ Body: DryRunBody }>(
    '/api/workflow-steps/dry-run',
    {
      config: { policy: ['admin', 'flowEditor'] },
      schema: {
        tags: ['definitions'],
        summary: '试运行：按节假日日历为样例申报人走一遍流程（全部同意、表决通过、公示无投诉），给出各步骤最早日期和所走分支（不保存）',
        body: {
          type: 'object',
          required: ['key', 'name', 'steps', 'sample', 'start'],
          additionalProperties: false,
          properties: {
            key: KEY,
            name: { type: 'string', minLength: 1, maxLength: 200 },
            steps: { type: 'object', description: '步骤模型（见 workflow.schema.json 的 steps）' },
            sample: { type: 'string', enum: SAMPLE_APPLICANTS.map((s) => s.id), description: '样例申报人' },
            start: { ...DATE, description: '开始日期（提交申报之日，北京时间）' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['steps', 'end'],
            properties: {
              steps: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'name', 'type', 'typeLabel', 'start', 'end'],
                  properties: {
                    id: { type: 'string' },
                    name: { type: 'string' },
                    type: { type: 'string' },
                    typeLabel: { type: 'string', description: '步骤类型（中文）' },
                    start: dateItem,
                    end: dateItem,
                    branch: {
                      type: 'object',
                      required: ['name', 'condition'],
                      properties: { name: { type: 'string', description: '所走分支' }, condition: { type: 'string', description: '分支条件（中文）' } },
                    },
                  },
                },
              },
              end: { type: 'object', required: ['id', 'name', 'date'], properties: { id: { type: 'string' }, name: { type: 'string' }, date: dateItem } },
            },
          },
          401: { $ref: 'Error#' },
          403: { $ref: 'Error#' },
          422: { $ref: 'Error#' },
        },
      },
    },
    async (request) => {
      const { key, name, steps, sample, start } = request.body;
      await assertMayRead(request, requireUser(request), 'workflow', key);
      const compiled = await checkedCompile(key, name, steps);
      const model = await compileWorkflow(compiled.value.xml, { actions: ACTION_NAMES });
      if (!model.ok) throw httpFail(model.error, 422);
      const facts = sampleApplicant(sample)?.facts ?? {};
      const r = dryRun({ model: model.value, steps, owners: compiled.value.owners, facts, start, calendars: await app.platform.calendars.current() });
      if (!r.ok) throw httpFail(r.error, 422);
      return r.value;
    },
  );
};

export default workflowSteps;
