// The shell: a top menu over three areas (申报, 审核工作台, 设计器) and the sign-in page.
// The workbench and the designer (with bpmn-js) load on demand.
import { Button, Dropdown, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useAuth } from './common/auth.js';
import { ROLE_LABELS } from './common/labels.js';
import { href, navigate, useRoute, type Route } from './common/router.js';
import PortalHome from './portal/PortalHome.js';
import NotificationBell from './messages/NotificationBell.js';
import HeaderDrawer from './portal/HeaderDrawer.js';

// only the portal's home is in the first load: sign-in (antd Form, Tabs) and 我的申报 (antd Table) load when opened
const LoginPage = lazy(() => import('./pages/LoginPage.js'));
const MyApplications = lazy(() => import('./portal/MyApplications.js'));
// the generated forms (RJSF) load with the pages that show them
const NewApplication = lazy(() => import('./portal/NewApplication.js'));
const ApplicationWizard = lazy(() => import('./portal/ApplicationWizard.js'));
const Workbench = lazy(() => import('./workbench/WorkbenchArea.js'));
const Designer = lazy(() => import('./admin/DesignerArea.js'));
// 机构管理, 评委会管理, 账号与角色: administrators only
const OrgsPage = lazy(() => import('./admin/orgs/OrgsPage.js'));
const CommitteesPage = lazy(() => import('./admin/committees/CommitteesPage.js'));
const AccountsPage = lazy(() => import('./admin/accounts/AccountsPage.js'));
// 统计看板: ECharts loads with it, never with the portal
const DashboardPage = lazy(() => import('./dashboard/DashboardPage.js'));
// 花名册: offices and administrators (the workbench links to it)
const RosterPage = lazy(() => import('./rosters/RosterPage.js'));
// 消息中心: every signed-in person
const MessagesPage = lazy(() => import('./messages/MessagesPage.js'));
const CommitteeArea = lazy(() => import('./committee/CommitteeArea.js'));
const VerifyPage = lazy(() => import('./certificates/VerifyPage.js'));
const CertificatePrint = lazy(() => import('./certificates/CertificatePrint.js'));
const ExchangePage = lazy(() => import('./admin/exchange/ExchangePage.js'));
const ADMIN_PAGES: Record<string, { label: string; page: () => ReactNode }> = {
  orgs: { label: '机构管理', page: () => <OrgsPage /> },
  committees: { label: '评委会管理', page: () => <CommitteesPage /> },
  accounts: { label: '账号与角色', page: () => <AccountsPage /> },
  dashboard: { label: '统计看板', page: () => <DashboardPage /> },
  exchange: { label: '数据交换', page: () => <ExchangePage /> },
};

const REVIEWER_ROLES = ['unitReviewer', 'competentReviewer', 'leagueReviewer', 'centreClerk', 'committeeClerk', 'expert'] as const;

function area(route: Route): string {
  const first = route.segments[0] ?? '';
  if (first === 'workbench' || first === 'rosters') return 'workbench';
  if (first === 'designer') return 'designer';
  if (first === 'admin') return `admin-${route.segments[1] ?? ''}`;
  if (first === 'committee') return 'committee';
  if (first === 'verify') return 'verify';
  if (first === 'login') return 'login';
  return 'portal';
}

function NeedLogin({ children }: { children: ReactNode }) {
  const { me, loading } = useAuth();
  if (loading) return <Spin />;
  if (!me)
    return (
      <Result
        status="403"
        title="请先登录"
        subTitle="此页面需要登录后使用"
        extra={
          <Button type="primary" onClick={() => navigate(`/login?next=${encodeURIComponent(window.location.hash.slice(1))}`)}>
            去登录
          </Button>
        }
      />
    );
  return <>{children}</>;
}

function Page({ route }: { route: Route }) {
  const [first, second, third] = route.segments;
  switch (first) {
    case undefined:
      return <PortalHome />;
    case 'login':
      return <LoginPage next={route.query.get('next') ?? '/'} initialTab={route.query.get('tab') ?? 'login'} />;
    case 'new':
      return (
        <NeedLogin>
          <NewApplication campaignKey={route.query.get('campaign') ?? ''} levelKey={route.query.get('level') ?? ''} />
        </NeedLogin>
      );
    case 'my':
      return (
        <NeedLogin>
          <MyApplications />
        </NeedLogin>
      );
    case 'apply':
      return <NeedLogin>{second ? <ApplicationWizard applicationId={second} initialStep={route.query.get('step')} /> : null}</NeedLogin>;
    case 'workbench':
      return (
        <NeedLogin>
          <Workbench applicationId={second} taskId={third} query={route.query} />
        </NeedLogin>
      );
    case 'designer':
      return (
        <NeedLogin>
          <Designer kind={second} defKey={third} />
        </NeedLogin>
      );
    case 'messages':
      return (
        <NeedLogin>
          <MessagesPage />
        </NeedLogin>
      );
    case 'committee':
      return (
        <NeedLogin>
          <CommitteeArea page={second} id={third} query={route.query} />
        </NeedLogin>
      );
    // public: anyone holding a certificate or its QR code (no login)
    case 'verify':
      return <VerifyPage query={route.query} offline={second === 'offline'} />;
    case 'certificate':
      return <NeedLogin>{second ? <CertificatePrint applicationId={second} /> : null}</NeedLogin>;
    case 'rosters':
      return (
        <NeedLogin>
          <RosterPage />
        </NeedLogin>
      );
    case 'admin': {
      const admin = ADMIN_PAGES[second ?? ''];
      if (admin) return <NeedLogin>{admin.page()}</NeedLogin>;
      return <Result status="404" title="页面不存在" extra={<a href={href('/')}>返回首页</a>} />;
    }
    default:
      return <Result status="404" title="页面不存在" extra={<a href={href('/')}>返回首页</a>} />;
  }
}

export default function App() {
  const route = useRoute();
  const { me, logout, hasRole } = useAuth();
  const items = [
    { key: 'portal', label: <a href={href('/')}>申报</a> },
    { key: 'verify', label: <a href={href('/verify')}>证书核验</a> },
    ...(me && hasRole(...REVIEWER_ROLES) ? [{ key: 'workbench', label: <a href={href('/workbench')}>审核工作台</a> }] : []),
    // the committee office's year (专家库, 评审会议, 抽取专家); 纪检 sees the draws
    ...(me && hasRole('committeeClerk', 'admin', 'supervisor', 'expert') ? [{ key: 'committee', label: <a href={href('/committee')}>评委会工作</a> }] : []),
    ...(me && hasRole('admin', 'flowEditor') ? [{ key: 'designer', label: <a href={href('/designer')}>设计器</a> }] : []),
    ...(me && hasRole('admin')
      ? [{ key: 'admin', label: '管理', children: Object.entries(ADMIN_PAGES).map(([k, p]) => ({ key: `admin-${k}`, label: <a href={href(`/admin/${k}`)}>{p.label}</a> })) }]
      : []),
    // a league/city HR bureau sees its own 盟市 on 统计看板 (the server scopes it)
    ...(me && hasRole('leagueReviewer') && !hasRole('admin') ? [{ key: 'admin-dashboard', label: <a href={href('/admin/dashboard')}>统计看板</a> }] : []),
  ];
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header className="zc-header">
        <span className="zc-brand">职称申报评审平台</span>
        <Menu className="zc-menu-wide" theme="dark" mode="horizontal" selectedKeys={[area(route)]} items={items} style={{ flex: 1, minWidth: 0 }} />
        <HeaderDrawer items={items} selected={area(route)} extra={me ? [{ key: 'my', label: <a href={href('/my')}>我的申报</a> }] : []} />
        {me ? <NotificationBell /> : null}
        {me ? (
          <Dropdown
            menu={{
              items: [
                { key: 'my', label: '我的申报', onClick: () => navigate('/my') },
                { key: 'logout', label: '退出登录', onClick: () => void logout().then(() => navigate('/')) },
              ],
            }}
          >
            <Space style={{ color: '#fff', cursor: 'pointer' }} data-testid="user-menu">
              {me.name}
              <Typography.Text className="zc-user-roles" style={{ color: '#bfd3ea' }}>{me.roles.map((r) => ROLE_LABELS[r.role] ?? r.role).join('、')}</Typography.Text>
            </Space>
          </Dropdown>
        ) : (
          <Space>
            <Button type="primary" href={href('/login')}>
              登录
            </Button>
            <Button ghost href={href('/login?tab=register')}>
              注册
            </Button>
          </Space>
        )}
      </Layout.Header>
      <Layout.Content className="zc-content">
        <Suspense fallback={<Spin tip="加载中…" size="large"><div style={{ height: 200 }} /></Spin>}>
          <Page route={route} />
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#888' }}>职称申报评审平台 · 流程图由 bpmn.io 提供</Layout.Footer>
    </Layout>
  );
}
