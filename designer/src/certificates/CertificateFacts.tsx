// What a certificate says, in the words people read. From a signed document (QR or file: the ID number is masked in
// it) or from the online answer (no ID number at all).
import { Descriptions } from 'antd';

export interface Fact {
  label: string;
  value: string | undefined;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/** the facts of a signed certificate document, in reading order */
export function documentFacts(doc: Record<string, unknown>): Fact[] {
  const title = text(doc['title']);
  const grade = text(doc['grade']);
  return [
    { label: '证书编号', value: text(doc['number']) },
    { label: '持证人', value: text(doc['holder']) },
    { label: '身份证号', value: text(doc['idNumber']) },
    { label: '职称系列', value: text(doc['series']) },
    { label: '资格名称', value: title && grade ? `${title}（${grade}）` : title },
    { label: '评审（认定）机构', value: text(doc['committee']) },
    { label: '核准日期', value: text(doc['approvedAt']) },
    { label: '取得依据', value: text(doc['basis']) },
    { label: '有效范围', value: text(doc['validity']) },
    { label: '使用范围限制', value: text(doc['restriction']) },
  ];
}

export function CertificateFacts({ facts }: { facts: Fact[] }) {
  const shown = facts.filter((f) => f.value);
  if (shown.length === 0) return null;
  return (
    <Descriptions data-testid="certificate-facts" bordered size="small" column={1} style={{ maxWidth: 640, margin: '0 auto', textAlign: 'left' }}>
      {shown.map((f) => (
        <Descriptions.Item key={f.label} label={f.label}>
          {f.value}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
