// One org's fields: name, kind (new orgs only), parent from the tree, region code, D13 post counts.
// The server's problems show at their field.
import { Col, Form, Input, InputNumber, Row, Select, TreeSelect, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { ProblemDetail } from '../../api.js';
import type { Org, OrgNode } from '../../types/api.js';
import { fieldStatus } from '../problems-at.js';
import { ORG_KIND_LABELS, treeOptions } from './org-tree-data.js';

export const GRADES = ['正高级', '副高级', '中级', '初级'] as const;
export type OrgFormValues = { name: string; kind: Org['kind']; parentId?: string; code?: string; posts?: Org['posts'] };

export default function OrgForm({ form, tree, editing, problems }: { form: FormInstance<OrgFormValues>; tree: OrgNode[]; editing?: Org; problems: ProblemDetail[] | null }) {
  // an org cannot move under itself: its own branch is not offered as a parent
  const parents = treeOptions(editing ? prune(tree, editing.id) : tree);
  return (
    <Form form={form} layout="vertical" data-testid="org-form">
      <Form.Item name="name" label="机构名称" rules={[{ required: true, message: '请填写机构名称' }]} {...fieldStatus(problems, '/name')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]}>
        <Select disabled={!!editing} options={Object.entries(ORG_KIND_LABELS).map(([value, label]) => ({ value, label }))} data-testid="org-kind" />
      </Form.Item>
      <Form.Item name="parentId" label="上级机构" rules={[{ required: !editing || editing.parentId !== undefined, message: '请选择上级机构' }]} {...fieldStatus(problems, '/parentId')}>
        <TreeSelect treeData={parents} showSearch treeNodeFilterProp="title" placeholder="从机构树中选择" data-testid="org-parent" />
      </Form.Item>
      <Form.Item name="code" label="行政区划代码（盟市、旗县填写）">
        <Input maxLength={20} />
      </Form.Item>
      <Typography.Title level={5}>岗位设置（D13：超岗位申报高级职称不超过高级岗位数的 5%）</Typography.Title>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name={['posts', 'year']} label="核定年度">
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['posts', 'total']} label="专业技术岗位总数" {...fieldStatus(problems, '/posts/total')}>
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        {GRADES.map((g) => (
          <Col span={6} key={g}>
            <Form.Item name={['posts', 'byGrade', g]} label={`${g}岗位数`}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={12}>
        {GRADES.map((g) => (
          <Col span={6} key={g}>
            <Form.Item name={['posts', 'ratio', g]} label={`${g}比例（%）`} {...(g === '正高级' ? fieldStatus(problems, '/posts/ratio') : {})}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </Form>
  );
}

function prune(nodes: OrgNode[], id: string): OrgNode[] {
  return nodes.filter((n) => n.id !== id).map((n) => ({ ...n, children: prune(n.children, id) }));
}

/** the posts as the API takes them: empty numbers and empty groups left out */
export function cleanPosts(posts: Org['posts'] | undefined): Org['posts'] | undefined {
  if (!posts) return undefined;
  const strip = <T extends object>(o: T | undefined): T | undefined => {
    if (!o) return undefined;
    const kept = Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'number')) as T;
    return Object.keys(kept).length ? kept : undefined;
  };
  const out = { ...strip({ year: posts.year, total: posts.total }), ...(strip(posts.byGrade) ? { byGrade: strip(posts.byGrade) } : {}), ...(strip(posts.ratio) ? { ratio: strip(posts.ratio) } : {}) };
  return Object.keys(out).length ? out : undefined;
}
