import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { homeOf } from '../../../app/guards';
import { LanguageSwitch } from '../../../components/language-switch';
import { useApiErrorHandler } from '../../../lib/use-api-error';
import { type StaffCredentials, useLogin } from '../api/login';

/** /login: staff sign in with username and password. */
export function StaffLoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<StaffCredentials>();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const onError = useApiErrorHandler();
  const from = (location.state as { from?: string } | null)?.from;

  const submit = (values: StaffCredentials) =>
    login.mutate(values, {
      onSuccess: (me) => {
        const home = homeOf(me);
        // Back to the page that asked for sign-in, when it is a desktop page and this is a desktop user.
        const target = from && home === '/desk' && !from.startsWith('/m/') ? from : home;
        navigate(target, { replace: true });
      },
      onError: (e) => onError(e, form),
    });

  return (
    <div className="login-screen" data-testid="staff-login-page">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <div className="login-brand">
        <div className="login-brand-mark">物</div>
        <Typography.Title level={2} style={{ color: '#fff', margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,.8)' }}>{t('app.tagline')}</Typography.Text>
      </div>
      <Card className="login-card" title={t('auth.staffTitle')}>
        <Typography.Paragraph type="secondary">{t('auth.staffSubtitle')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} size="large">
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.usernamePlaceholder') }]}>
            <Input
              prefix={<UserOutlined />}
              placeholder={t('auth.usernamePlaceholder')}
              autoComplete="username"
              data-testid="login-username"
              autoFocus
            />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordPlaceholder') }]}>
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t('auth.passwordPlaceholder')}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.login')}
          </Button>
        </Form>
        <div className="login-alt">
          <Link to="/m/login" data-testid="resident-login-link">
            {t('auth.residentLink')}
          </Link>
        </div>
      </Card>
    </div>
  );
}
