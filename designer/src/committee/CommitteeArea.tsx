// 评委会工作: the committee office's year — 专家库 (ExpertsPage), 评审会议 (SessionsPage, SessionDetail).
import { Result } from 'antd';

export default function CommitteeArea(_props: { page?: string; id?: string; query: URLSearchParams }) {
  return <Result status="info" title="评委会工作" subTitle="专家库与评审会议" />;
}
