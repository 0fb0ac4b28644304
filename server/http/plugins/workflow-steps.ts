// 简易模式: the step designer sends its steps and gets back the standard BPMN they compile to (with its
// diagram), which it saves as the flow's draft beside the steps. Given the flow's current BPMN, the answer
// also says whether that BPMN still is what the steps compile to (else the flow is 高级: edited as BPMN
// beyond what steps express). Nothing is stored here.
import type { FastifyPluginAsync } from 'fastify';
import { compileSteps } from '../../domain/workflow/steps/compile-steps.js';
import { sameBehaviour } from '../../domain/workflow/steps/same-behaviour.js';
import type { StepFlow } from '../../domain/workflow/steps/types.js';
import { ACTION_NAMES } from '../../runtime/actions/names.js';
import { HttpError, httpFail } from '../errors.js';

interface CompileBody {
  key: string;
  name: string;
  steps: StepFlow;
  /** the flow's BPMN now (draft or latest), to compare with */
  xml?: string;
}

const KEY = { type: 'string', minLength: 1, maxLength: 120, pattern: '^[A-Za-z0-9_.-]+$' } as const;

const workflowSteps: FastifyPluginAsync = async (app) => {
  const { definitions: defs, meta } = app.platform;

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
      // measured and validated as the workflow body they will be saved in, before anything walks them
      const body = { name, xml: xml ?? '-', steps };
      const bounded = defs.bounds('workflow', key, body);
      if (!bounded.ok) throw httpFail(bounded.error);
      const problems = meta.validate('workflow', body).filter((p) => p.pointer?.startsWith('/steps'));
      if (problems.length > 0) throw new HttpError(422, 'steps.invalid', `步骤有 ${problems.length} 处问题，未生成流程图`, problems);
      const compiled = await compileSteps(steps, { id: key, name });
      if (!compiled.ok) throw httpFail(compiled.error);
      const matches = xml === undefined ? {} : { matches: await sameBehaviour(compiled.value.xml, xml, { actions: ACTION_NAMES }) };
      return { xml: compiled.value.xml, owners: compiled.value.owners, ...matches };
    },
  );
};

export default workflowSteps;
