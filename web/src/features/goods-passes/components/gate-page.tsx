import { Button, Card, Dialog, ErrorBlock, List, Result, SearchBar, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MobileHeader } from '../../../components/mobile-header';
import { formatDateTime } from '../../../lib/datetime';
import { useErrorText } from '../../../lib/use-api-error';
import { type GoodsPassDetail, lookUpPass, useGoodsPassAction } from '../api/goods-passes';

const verdictColor: Record<string, 'success' | 'danger' | 'warning' | 'default'> = {
  valid: 'success',
  used: 'danger',
  expired: 'danger',
  returned: 'warning',
  not_issued: 'warning',
  cancelled: 'danger',
};

/** /m/gate: the guard looks a pass up, compares the goods, and releases it or sends the person back. */
export function GatePage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [pass, setPass] = useState<GoodsPassDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(false);
  const [reason, setReason] = useState('');
  const act = useGoodsPassAction();
  const text = useErrorText();
  const search = async (value: string) => {
    if (!value.trim()) return;
    setLoading(true);
    setError(null);
    try {
      setPass(await lookUpPass(value.trim()));
    } catch (e) {
      setPass(null);
      setError(text(e));
    } finally {
      setLoading(false);
    }
  };
  const run = (action: 'release' | 'return', body: Record<string, unknown>, done: string) => {
    if (!pass) return;
    act.mutate(
      { id: pass.id, action, body },
      {
        onSuccess: (d) => {
          setPass(d);
          Toast.show({ icon: 'success', content: done });
        },
        onError: (e) => {
          Toast.show({ icon: 'fail', content: text(e) });
          void search(pass.number);
        },
      },
    );
  };
  return (
    <div className="m-page" data-testid="gate-page">
      <MobileHeader title={t('goodsPasses.gate.title')} canLogout />
      <div style={{ padding: 12 }}>
        <SearchBar
          placeholder={t('goodsPasses.gate.placeholder')}
          value={q}
          onChange={setQ}
          onSearch={(v) => void search(v)}
          data-testid="gate-search"
        />
        <Button block color="primary" style={{ marginTop: 8 }} loading={isLoading} onClick={() => void search(q)} data-testid="gate-lookup">
          {t('goodsPasses.gate.lookup')}
        </Button>
      </div>
      {error ? <ErrorBlock status="empty" title={error} description="" data-testid="gate-error" /> : null}
      {!pass && !error ? <ErrorBlock status="default" title={t('goodsPasses.gate.empty')} description="" /> : null}
      {pass ? (
        <div data-testid="gate-pass" data-number={pass.number} data-verdict={pass.verdict}>
          <Result
            status={pass.verdict === 'valid' ? 'success' : pass.verdict === 'used' || pass.verdict === 'expired' ? 'error' : 'warning'}
            title={<span data-testid="gate-verdict">{t(`goodsPasses.verdicts.${pass.verdict}`)}</span>}
            description={pass.number}
          />
          <List header={t('goodsPasses.items')} data-testid="gate-items">
            {pass.items.map((i, n) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a pass's goods list never changes order, and names may repeat
              <List.Item key={`${i.name}-${n}`} extra={`×${i.quantity}`} description={i.note} data-testid="gate-item">
                {i.name}
              </List.Item>
            ))}
          </List>
          <List>
            <List.Item extra={pass.location}>{t('goodsPasses.location')}</List.Item>
            <List.Item extra={pass.applicantName}>{t('goodsPasses.applicant')}</List.Item>
            <List.Item extra={<span data-testid="gate-issuer">{pass.issuedByName ?? '—'}</span>}>{t('goodsPasses.issuedBy')}</List.Item>
            <List.Item extra={pass.carrierName || '—'}>{t('goodsPasses.carrier')}</List.Item>
            <List.Item extra={pass.vehiclePlate || '—'}>{t('goodsPasses.plate')}</List.Item>
            <List.Item extra={formatDateTime(pass.validUntil) || '—'}>{t('goodsPasses.validUntil')}</List.Item>
            {pass.releasedAt ? (
              <List.Item extra={`${pass.releasedByName ?? ''} ${formatDateTime(pass.releasedAt)}`}>{t('goodsPasses.releasedBy')}</List.Item>
            ) : null}
            <List.Item extra={<Tag color={verdictColor[pass.verdict]}>{t(`goodsPasses.statuses.${pass.status}`)}</Tag>}>
              {t('goodsPasses.status')}
            </List.Item>
          </List>
          {pass.verdict === 'valid' ? (
            <Card style={{ margin: 12 }}>
              <p style={{ marginTop: 0 }}>{t('goodsPasses.gate.compare')}</p>
              <Button
                block
                color="success"
                size="large"
                loading={act.isPending}
                data-testid="gate-release"
                onClick={() => run('release', {}, t('goodsPasses.gate.released'))}
              >
                {t('goodsPasses.gate.release')}
              </Button>
              <Button
                block
                color="warning"
                style={{ marginTop: 12 }}
                data-testid="gate-return"
                onClick={() =>
                  void Dialog.confirm({
                    title: t('goodsPasses.gate.returnToDesk'),
                    content: (
                      <TextArea
                        placeholder={t('goodsPasses.gate.returnReason')}
                        onChange={setReason}
                        rows={3}
                        data-testid="gate-return-reason"
                      />
                    ),
                    onConfirm: () => {
                      if (!reason.trim()) {
                        Toast.show({ content: t('goodsPasses.gate.returnReason') });
                        return;
                      }
                      run('return', { reason }, t('goodsPasses.gate.returned'));
                    },
                  })
                }
              >
                {t('goodsPasses.gate.returnToDesk')}
              </Button>
            </Card>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
