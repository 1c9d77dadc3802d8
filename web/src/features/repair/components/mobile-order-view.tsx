import { Button, Image, ImageUploader, type ImageUploadItem, ImageViewer, List, NoticeBar, Steps, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/datetime';
import { label } from '../../../lib/i18n';
import { formatYuan } from '../../../lib/money';
import { useMobileErrorText } from '../../../lib/use-mobile-error';
import { type RepairAction, type RepairDetail, actionPath } from '../api/types';
import { photoProblem, photoTypes, useUploadPhoto } from '../api/upload-photo';
import { dangerActions } from './action-bodies';
import { eventDetails } from './event-data';
import { MobileActionSheet } from './mobile-action-sheet';
import { MobileCountdown, MobileFlagTags, MobileStatusTag, MobileUrgentTag } from './mobile-tags';

/** Internal chasing (timers, escalations) is for staff; residents see the steps of their repair. */
const internalEvents = new Set(['TimerFired', 'OrderEscalated', 'CodeRejected']);

function Timeline({ order, audience }: { order: RepairDetail; audience: 'technician' | 'resident' }) {
  const { t } = useTranslation();
  const events = [...order.events].filter((e) => audience === 'technician' || !internalEvents.has(e.type)).sort((a, b) => b.seq - a.seq);
  return (
    <Steps direction="vertical" current={0} data-testid="timeline">
      {events.map((e, i) => {
        const details = eventDetails(e.type, e.data);
        return (
          <Steps.Step
            key={e.seq}
            status={i === 0 ? 'process' : 'finish'}
            title={
              <span data-testid="timeline-item" data-event-type={e.type}>
                {label('event', e.type)}
                {e.fromStatus && e.fromStatus !== e.toStatus ? (
                  <span className="m-step-status"> → {label('status', e.toStatus)}</span>
                ) : null}
              </span>
            }
            description={
              <div className="m-step-desc">
                <div>
                  {formatDateTime(e.at)} · {e.actorName}
                </div>
                {details.map((d) => (
                  <div key={d.key}>
                    {d.label}
                    {t('common.colon')}
                    {d.value}
                  </div>
                ))}
              </div>
            }
          />
        );
      })}
    </Steps>
  );
}

function Photos({ order, canUpload }: { order: RepairDetail; canUpload: boolean }) {
  const { t } = useTranslation();
  const errorText = useMobileErrorText();
  const [uploaded, setUploaded] = useState<ImageUploadItem[]>([]);
  const upload = useUploadPhoto(order.id);
  const existing = order.photos.filter((p) => !uploaded.some((u) => u.key === p.id));
  return (
    <div className="m-photos" data-testid="order-photos">
      {existing.map((p, i) => (
        <Image
          key={p.id}
          src={p.url}
          width={80}
          height={80}
          fit="cover"
          style={{ borderRadius: 6 }}
          data-testid="order-photo"
          onClick={() => ImageViewer.Multi.show({ images: order.photos.map((x) => x.url), defaultIndex: i })}
        />
      ))}
      {canUpload ? (
        <ImageUploader
          value={uploaded}
          onChange={setUploaded}
          accept={photoTypes.join(',')}
          multiple
          maxCount={6}
          deletable={false}
          beforeUpload={(file) => {
            const problem = photoProblem(file);
            if (problem) {
              Toast.show({ icon: 'fail', content: t(problem) });
              return null;
            }
            return file;
          }}
          upload={async (file) => {
            try {
              const photo = await upload.mutateAsync(file);
              return { key: photo.id, url: photo.url };
            } catch (e) {
              errorText(e);
              throw e;
            }
          }}
          data-testid="upload-photo"
        />
      ) : null}
      {!canUpload && !order.photos.length ? <span className="m-muted">{t('order.noPhotos')}</span> : null}
    </div>
  );
}

export interface MobileOrderViewProps {
  order: RepairDetail;
  audience: 'technician' | 'resident';
}

/** The order as a technician or a resident sees it on the phone: state, facts, next steps, photos, history. */
export function MobileOrderView({ order, audience }: MobileOrderViewProps) {
  const { t } = useTranslation();
  const [action, setAction] = useState<RepairAction | null>(null);
  const actions = order.allowedActions as RepairAction[];
  const isOpen = !['closed', 'cancelled'].includes(order.status);
  const totalFee = order.labourFeeCents + order.materialFeeCents;
  const showCodeNote = audience === 'resident' && isOpen && !order.verifiedAt && !['completed', 'confirmed'].includes(order.status);

  return (
    <div className="m-order" data-testid="order-detail-page">
      <div className={`m-order-head${order.urgency === 'urgent' ? ' is-urgent' : ''}`}>
        <div className="m-order-number" data-testid="order-number">
          {order.number}
        </div>
        <div className="m-order-tags">
          <MobileStatusTag status={order.status} />
          <MobileUrgentTag urgency={order.urgency} />
          {audience === 'technician' ? <MobileFlagTags flags={order.flags} /> : null}
        </div>
        {order.nextTimer && audience === 'technician' ? (
          <MobileCountdown dueAt={order.nextTimer.dueAt} kind={order.nextTimer.kind} />
        ) : null}
      </div>

      {showCodeNote ? <NoticeBar content={t('resident.smsNote')} color="info" wrap data-testid="sms-code-note" /> : null}
      {audience === 'resident' && order.status === 'awaiting_approval' && order.quoteCents != null ? (
        <NoticeBar
          content={t('resident.quoteNotice', { price: formatYuan(order.quoteCents) })}
          color="alert"
          wrap
          data-testid="quote-notice"
        />
      ) : null}

      {actions.length ? (
        <div className="m-actions" data-testid="action-buttons">
          {actions.map((a, i) => (
            <Button
              key={a}
              block
              size="large"
              color={dangerActions.includes(a) ? 'danger' : i === 0 ? 'primary' : 'default'}
              fill={dangerActions.includes(a) ? 'outline' : 'solid'}
              onClick={() => setAction(a)}
              data-testid={`action-${actionPath(a)}`}
            >
              {label('action', a)}
            </Button>
          ))}
        </div>
      ) : null}

      <List header={t('order.basics')} mode="card">
        <List.Item extra={<span data-testid="order-location">{order.location}</span>}>{t('order.location')}</List.Item>
        <List.Item extra={label('category', order.category)}>{t('order.category')}</List.Item>
        {audience === 'technician' ? (
          <List.Item
            extra={
              <a href={`tel:${order.reporterPhone}`} data-testid="call-reporter">
                {order.reporterName} {order.reporterPhone}
              </a>
            }
          >
            {t('order.reporter')}
          </List.Item>
        ) : null}
        <List.Item
          extra={
            order.timing === 'appointment' ? `${t('timing.appointment')} ${formatDateTime(order.appointmentAt)}` : t('timing.immediate')
          }
        >
          {t('order.timing')}
        </List.Item>
        <List.Item extra={order.assigneeName ?? t('order.unassigned')}>{t('order.assignee')}</List.Item>
        <List.Item extra={formatDateTime(order.createdAt)}>{t('order.createdAt')}</List.Item>
        <List.Item
          description={
            <span data-testid="order-content" className="m-pre">
              {order.content}
            </span>
          }
        >
          {t('order.content')}
        </List.Item>
        {order.holdReason && order.status === 'on_hold' ? (
          <List.Item description={order.holdNote}>
            {t('order.holdReason')}
            {t('common.colon')}
            {label('holdReason', order.holdReason)}
          </List.Item>
        ) : null}
        {order.quoteDescription ? (
          <List.Item description={order.quoteDescription} extra={order.quoteCents != null ? formatYuan(order.quoteCents) : null}>
            {t('order.quote')}
          </List.Item>
        ) : null}
        {order.actualItems ? <List.Item description={order.actualItems}>{t('order.actualItems')}</List.Item> : null}
        {order.summary ? <List.Item description={order.summary}>{t('order.summary')}</List.Item> : null}
        {totalFee ? (
          <List.Item
            description={`${t('order.labourFee')} ${formatYuan(order.labourFeeCents)} · ${t('order.materialFee')} ${formatYuan(order.materialFeeCents)}`}
            extra={
              <span data-testid="total-fee">
                {formatYuan(totalFee)} · {label('feeStatus', order.feeStatus)}
              </span>
            }
          >
            {t('order.totalFee')}
          </List.Item>
        ) : null}
      </List>

      <List header={t('order.photos')} mode="card">
        <List.Item>
          <Photos order={order} canUpload={isOpen} />
        </List.Item>
      </List>

      <List header={audience === 'resident' ? t('resident.progress') : t('order.timeline')} mode="card">
        <List.Item>
          <Timeline order={order} audience={audience} />
        </List.Item>
      </List>

      <MobileActionSheet order={order} action={action} onClose={() => setAction(null)} audience={audience} />
    </div>
  );
}
