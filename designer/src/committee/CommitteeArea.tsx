// 评委会工作: the committee office's year. A committee picker (the committees the user's office runs; administrators
// and 纪检监察 all) and a menu 专家库 / 评审会议; routes #/committee/experts, #/committee/sessions, #/committee/sessions/<id>.
import { Alert, Card, Empty, Layout, Menu, Select, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { api } from '../api.js';
import { href, navigate } from '../common/router.js';
import { useAuth } from '../common/auth.js';
import { useLoad } from '../common/useLoad.js';
import { CommitteeContext, type OfficeCommittee } from './committee-context.js';

const ExpertsPage = lazy(() => import('./ExpertsPage.js'));
const SessionsPage = lazy(() => import('./SessionsPage.js'));
const SessionDetail = lazy(() => import('./SessionDetail.js'));
const DrawsAuditPage = lazy(() => import('./DrawsAuditPage.js'));
const FilingsPage = lazy(() => import('./FilingsPage.js'));
const ScoringPage = lazy(() => import('./ScoringPage.js'));

const PICKED = 'zc.committee';

export default function CommitteeArea({ page, id }: { page?: string; id?: string; query: URLSearchParams }) {
  const list = useLoad(() => api.get<{ items: OfficeCommittee[] }>('/api/committee-office/committees'), []);
  const committees = useMemo(() => list.data?.items ?? [], [list.data]);
  const [picked, setPicked] = useState<string | null>(() => window.localStorage.getItem(PICKED));
  const committee = committees.find((c) => c.id === picked) ?? committees.find((c) => c.canManage) ?? committees[0] ?? null;
  // 纪检监察 keep no pool: their area opens on the sessions
  const section = page === 'filings' ? 'filings' : page === 'draws' ? 'draws' : page === 'sessions' || !committee?.canManage ? 'sessions' : 'experts';
  // 抽取记录: the committee's office and 纪检监察 (the draws API answers no one else)
  const { hasRole } = useAuth();
  const seesDraws = hasRole('committeeClerk', 'supervisor');
  // 待核准的备案: the administrator approves filings (F6)
  const isAdmin = hasRole('admin');
  // 我的评分: experts score the candidates of the sessions they sit in (D4, D5)
  const isExpert = hasRole('expert');
  const officeWork = hasRole('committeeClerk', 'admin', 'supervisor');
  useEffect(() => {
    if (!page && isExpert && !officeWork) navigate('/committee/scoring');
    else if (!page && committee) navigate(`/committee/${section}`);
  }, [page, committee, section, isExpert, officeWork]);

  const pick = (v: string) => {
    window.localStorage.setItem(PICKED, v);
    setPicked(v);
  };

  if (page === 'scoring' || (isExpert && !officeWork)) {
    return (
      <Layout style={{ background: 'transparent' }} data-testid="committee-area">
        <Layout.Sider width={168} theme="light" style={{ marginRight: 16 }}>
          <Menu mode="inline" selectedKeys={['scoring']} items={[{ key: 'scoring', label: <a href={href('/committee/scoring')}>我的评分</a> }, ...(officeWork ? [{ key: 'sessions', label: <a href={href('/committee/sessions')}>评审会议</a> }] : [])]} />
        </Layout.Sider>
        <Layout.Content>
          <Suspense fallback={<Spin />}>
            <ScoringPage />
          </Suspense>
        </Layout.Content>
      </Layout>
    );
  }
  if (list.loading && !list.data) return <Spin />;
  if (list.error) return <Alert type="error" showIcon message={list.error} />;
  if (committees.length === 0) return <Empty description="您所在的办事机构没有负责的评委会" />;
  return (
    <CommitteeContext.Provider value={{ committee, committees }}>
      <Layout style={{ background: 'transparent' }} data-testid="committee-area">
        <Layout.Sider width={168} theme="light" style={{ marginRight: 16 }}>
          <Menu
            mode="inline"
            selectedKeys={[section]}
            items={[
              ...(committee?.canManage ? [{ key: 'experts', label: <a href={href('/committee/experts')}>专家库</a> }] : []),
              { key: 'sessions', label: <a href={href('/committee/sessions')}>评审会议</a> },
              ...(seesDraws ? [{ key: 'draws', label: <a href={href('/committee/draws')}>抽取记录</a> }] : []),
              ...(isAdmin ? [{ key: 'filings', label: <a href={href('/committee/filings')}>待核准的备案</a> }] : []),
              ...(isExpert ? [{ key: 'scoring', label: <a href={href('/committee/scoring')}>我的评分</a> }] : []),
            ]}
          />
        </Layout.Sider>
        <Layout.Content>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Space>
              <Typography.Text>评委会</Typography.Text>
              <Select
                style={{ minWidth: 520 }}
                showSearch
                optionFilterProp="label"
                value={committee?.id}
                onChange={pick}
                options={committees.map((c) => ({ value: c.id, label: c.name }))}
                data-testid="committee-picker"
              />
            </Space>
          </Card>
          <Suspense fallback={<Spin />}>
            {committee && (section === 'filings' ? <FilingsPage /> : section === 'draws' ? <DrawsAuditPage key={committee.id} /> : section === 'experts' ? <ExpertsPage key={committee.id} /> : id ? <SessionDetail id={id} /> : <SessionsPage />)}
          </Suspense>
        </Layout.Content>
      </Layout>
    </CommitteeContext.Provider>
  );
}
