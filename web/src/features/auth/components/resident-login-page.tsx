import { Button, Form, Input, NavBar, NoticeBar, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { homeOf } from '../../../app/guards';
import { MobileLanguageSwitch } from '../../../components/mobile-language-switch';
import { useMobileErrorText } from '../../../lib/use-mobile-error';
import { residentPhone, useRequestCode, useResidentLogin } from '../api/resident-login';

const phonePattern = /^1\d{10}$/;

/** /m/login: a resident signs in with mobile number and SMS code (shown on screen in demo mode). */
export function ResidentLoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const requestCode = useRequestCode();
  const login = useResidentLogin();
  const navigate = useNavigate();
  const errorText = useMobileErrorText();
  const [demoCode, setDemoCode] = useState<string | null>(null);
  const [cooldown, setCooldown] = useState(0);

  useEffect(() => {
    if (cooldown <= 0) return;
    const id = setTimeout(() => setCooldown((s) => s - 1), 1000);
    return () => clearTimeout(id);
  }, [cooldown]);

  useEffect(() => {
    const phone = residentPhone();
    if (phone) form.setFieldValue('phone', phone);
  }, [form]);

  const sendCode = async () => {
    const phone = String(form.getFieldValue('phone') ?? '').trim();
    if (!phonePattern.test(phone)) {
      form.setFields([{ name: 'phone', errors: [t('auth.invalidPhone')] }]);
      return;
    }
    requestCode.mutate(phone, {
      onSuccess: (res) => {
        setCooldown(60);
        setDemoCode(res.demoCode ?? null);
        Toast.show({ icon: 'success', content: t('auth.codeSent') });
      },
      onError: (e) => errorText(e, form),
    });
  };

  const submit = (values: { phone: string; code: string }) =>
    login.mutate(
      { phone: values.phone.trim(), code: values.code.trim() },
      { onSuccess: (me) => navigate(homeOf(me), { replace: true }), onError: (e) => errorText(e, form) },
    );

  return (
    <div className="m-page" data-testid="resident-login-page">
      <NavBar back={null} right={<MobileLanguageSwitch />}>
        {t('auth.residentTitle')}
      </NavBar>
      <div className="m-hero">
        <div className="m-hero-mark">物</div>
        <div className="m-hero-title">{t('app.name')}</div>
        <div className="m-hero-sub">{t('auth.residentSubtitle')}</div>
      </div>
      {demoCode ? (
        <NoticeBar color="info" content={<span data-testid="demo-code">{t('auth.demoCode', { code: demoCode })}</span>} wrap />
      ) : null}
      <Form
        form={form}
        layout="horizontal"
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={login.isPending} data-testid="resident-login-submit">
            {t('auth.login')}
          </Button>
        }
      >
        <Form.Item
          name="phone"
          label={t('auth.phone')}
          rules={[{ required: true, pattern: phonePattern, message: t('auth.invalidPhone') }]}
        >
          <Input placeholder={t('auth.phonePlaceholder')} type="tel" maxLength={11} clearable data-testid="resident-phone" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('auth.code')}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t('auth.invalidCode') }]}
          extra={
            <Button
              size="small"
              color="primary"
              fill="outline"
              disabled={cooldown > 0}
              loading={requestCode.isPending}
              onClick={sendCode}
              data-testid="request-code"
            >
              {cooldown > 0 ? t('auth.resendIn', { seconds: cooldown }) : t('auth.requestCode')}
            </Button>
          }
        >
          <Input placeholder={t('auth.codePlaceholder')} type="tel" maxLength={6} clearable data-testid="resident-code" />
        </Form.Item>
      </Form>
      <div className="m-foot-link">
        <Link to="/login" data-testid="staff-login-link">
          {t('auth.staffLink')}
        </Link>
      </div>
    </div>
  );
}
