import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorText } from '../lib/use-api-error';

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }} data-testid="page-loading">
      <Spin size="large" />
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={text(error)}
      data-testid="load-error"
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : null}
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      data-testid="not-found"
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
