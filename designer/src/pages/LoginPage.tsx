// 登录 / 注册: applicants register themselves (name, ID number, phone or e-mail, password); staff accounts
// come from administrators and sign in here too.
import { Alert, App as AntApp, Button, Card, Form, Input, Select, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, errorText } from '../api.js';
import { useAuth } from '../common/auth.js';
import { navigate } from '../common/router.js';
import { checkIdDocument, isIdDocumentType } from '../../../server/domain/forms/id-document.js';

const RESIDENT_ID = '居民身份证';

/** GB 11643 check digit: the 18th character of a resident ID number */
export function idNumberValid(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = w.reduce((s, wi, i) => s + wi * Number(id[i]), 0);
  return '10X98765432'[sum % 11] === id[17];
}

interface RegisterValues {
  name: string;
  /** A2: the document type, picked from the server's list in words */
  idDocType: string;
  idNumber: string;
  contact: string;
  orgId: string;
  password: string;
  confirm: string;
}

interface UnitOption {
  id: string;
  name: string;
  kind: string;
  parentName?: string;
}

export default function LoginPage({ next, initialTab }: { next: string; initialTab: string }) {
  const { login } = useAuth();
  const { message } = AntApp.useApp();
  const [tab, setTab] = useState(initialTab === 'register' ? 'register' : 'login');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [loginForm] = Form.useForm<{ login: string; password: string }>();
  const [units, setUnits] = useState<UnitOption[]>([]);
  const [docTypes, setDocTypes] = useState<string[]>([RESIDENT_ID]);
  const [registerForm] = Form.useForm<RegisterValues>();
  const docType = Form.useWatch('idDocType', registerForm) ?? RESIDENT_ID;
  useEffect(() => {
    api
      .get<{ items: string[] }>('/api/auth/id-document-types')
      .then((r) => setDocTypes(r.items))
      .catch(() => setDocTypes([RESIDENT_ID]));
  }, []);
  useEffect(() => {
    api
      .get<{ items: UnitOption[] }>('/api/units')
      .then((r) => setUnits(r.items))
      .catch(() => setUnits([]));
  }, []);

  const doLogin = async (v: { login: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.login.trim(), v.password);
      message.success('登录成功');
      navigate(next || '/');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const doRegister = async (v: RegisterValues) => {
    setBusy(true);
    setError(null);
    const contact = v.contact.trim();
    const body: Record<string, string> = { name: v.name.trim(), idDocType: v.idDocType ?? RESIDENT_ID, idNumber: v.idNumber.trim().toUpperCase(), password: v.password, orgId: v.orgId };
    body[contact.includes('@') ? 'email' : 'phone'] = contact;
    try {
      await api.post('/api/auth/register', body);
      message.success('注册成功，请登录');
      loginForm.setFieldsValue({ login: contact, password: '' });
      setTab('login');
    } catch (e) {
      const details = e instanceof ApiError && e.details.length ? `：${e.details.map((d) => d.message).join('；')}` : '';
      setError(errorText(e) + details);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 460, margin: '40px auto' }} title="欢迎使用职称申报评审平台">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k);
          setError(null);
        }}
        items={[
          {
            key: 'login',
            label: '登录',
            forceRender: true,
            children: (
              <Form form={loginForm} name="login" layout="vertical" onFinish={doLogin} requiredMark={false}>
                <Form.Item name="login" label="账号（注册时填写的手机号或邮箱）" rules={[{ required: true, message: '请输入账号' }]}>
                  <Input autoComplete="username" />
                </Form.Item>
                <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
                  <Input.Password autoComplete="current-password" />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={busy}>
                  登录
                </Button>
              </Form>
            ),
          },
          {
            key: 'register',
            label: '申报人注册',
            children: (
              <Form<RegisterValues> form={registerForm} name="register" layout="vertical" onFinish={doRegister} initialValues={{ idDocType: RESIDENT_ID }}>
                <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
                  <Input autoComplete="name" />
                </Form.Item>
                <Form.Item
                  name="idDocType"
                  label="证件类型"
                  extra="港澳台居民、持外国人工作许可证或永久居留身份证、海外高层次人才居住证的外籍人员，以本人所持证件注册"
                >
                  <Select data-testid="id-doc-type" options={docTypes.map((t) => ({ value: t, label: t }))} />
                </Form.Item>
                <Form.Item
                  name="idNumber"
                  label={docType === RESIDENT_ID ? '身份证号' : '证件号码'}
                  dependencies={['idDocType']}
                  rules={[
                    { required: true, message: docType === RESIDENT_ID ? '请输入身份证号' : '请输入证件号码' },
                    {
                      validator: async (_r, v: string | undefined) => {
                        const n = v?.trim().toUpperCase();
                        if (!n) return;
                        if (docType === RESIDENT_ID) {
                          if (!idNumberValid(n)) throw new Error('身份证号格式或校验位不正确');
                          return;
                        }
                        // the same format check the server runs, with the document's own reason
                        const problem = isIdDocumentType(docType) ? checkIdDocument(docType, n) : null;
                        if (problem) throw new Error(problem);
                      },
                    },
                  ]}
                >
                  <Input maxLength={20} />
                </Form.Item>
                <Form.Item name="contact" label="手机号或邮箱（作为登录账号）" rules={[{ required: true, message: '请输入手机号或邮箱' }, { pattern: /^(1\d{10}|[^@\s]+@[^@\s]+\.[^@\s]+)$/, message: '请输入11位手机号或有效邮箱' }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="orgId" label="工作单位（非公有制人员可选人才服务机构）" rules={[{ required: true, message: '请选择工作单位' }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    placeholder="输入单位名称搜索"
                    options={units.map((u) => ({ value: u.id, label: u.parentName ? `${u.name}（${u.parentName}）` : u.name }))}
                  />
                </Form.Item>
                <Form.Item name="password" label="密码" rules={[{ required: true, message: '请设置密码' }, { min: 8, message: '密码至少8位' }]}>
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
                <Form.Item
                  name="confirm"
                  label="确认密码"
                  dependencies={['password']}
                  rules={[
                    { required: true, message: '请再次输入密码' },
                    ({ getFieldValue }) => ({ validator: async (_r, v) => { if (v && v !== getFieldValue('password')) throw new Error('两次输入的密码不一致'); } }),
                  ]}
                >
                  <Input.Password autoComplete="new-password" />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={busy}>
                  注册
                </Button>
              </Form>
            ),
          },
        ]}
      />
    </Card>
  );
}
