import { AutoComplete, Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { rolesWith } from '../../../../../src/contract/access';
import { emergencyKinds } from '../../../../../src/domain/intake/decide';
import { useSignedInMe } from '../../auth/api/get-me';
import { useSupervisors } from '../../matters/api/matters';
import { matterCategoryOptions } from '../../matters/categories';

const categories = ['consultation', 'help', 'suggestion', 'emergency', 'repair', 'paid_service', 'matter', 'complaint'];
const matterCreators = rolesWith('matter.create');
const repairCategories = ['plumbing', 'electrical', 'doors_windows', 'appliance', 'equipment', 'public_area', 'other'];

/** The triage part of a form: the category and what it needs (the kind of emergency, the repair, the matter). */
export function TriageFields({ prefix, communityId, isOptional = false }: { prefix: string[]; communityId: string; isOptional?: boolean }) {
  const { t } = useTranslation();
  const name = (...n: string[]) => [...prefix, ...n];
  const category = Form.useWatch(name('category')) as string | undefined;
  const onSpot = Form.useWatch(name('isAnsweredOnSpot')) as boolean | undefined;
  const me = useSignedInMe();
  // Who may send a matter may pick its supervisor; for anybody else it goes to the CS supervisor.
  const canPickSupervisor = matterCreators.includes(me.role);
  const sups = useSupervisors(communityId, category === 'matter' && canPickSupervisor);
  return (
    <>
      <Form.Item name={name('category')} label={t('intake.category')} rules={isOptional ? [] : [{ required: true }]}>
        <Select
          allowClear={isOptional}
          placeholder={isOptional ? t('intake.triageLater') : undefined}
          data-testid="triage-category"
          options={categories.map((c) => ({ value: c, label: t(`intake.categories.${c}` as never) }))}
        />
      </Form.Item>
      {category === 'emergency' && (
        <Form.Item name={name('emergencyKind')} label={t('intake.emergencyKind')} rules={[{ required: true }]}>
          <Select
            data-testid="triage-emergency-kind"
            options={emergencyKinds.map((k) => ({ value: k, label: t(`intake.emergencyKinds.${k}` as never) }))}
          />
        </Form.Item>
      )}
      {category === 'consultation' && (
        <Form.Item name={name('isAnsweredOnSpot')} valuePropName="checked">
          <Checkbox data-testid="triage-on-spot">{t('intake.answeredOnSpot')}</Checkbox>
        </Form.Item>
      )}
      {category === 'consultation' && onSpot && (
        <Form.Item name={name('answer')} label={t('intake.answer')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} data-testid="triage-answer" />
        </Form.Item>
      )}
      {(category === 'repair' || category === 'paid_service') && (
        <>
          <Form.Item name={name('repair', 'category')} label={t('intake.repairCategory')} rules={[{ required: true }]}>
            <Select
              data-testid="triage-repair-category"
              options={repairCategories.map((c) => ({ value: c, label: t(`category.${c}` as never) }))}
            />
          </Form.Item>
          <Form.Item name={name('repair', 'area')} label={t('intake.repairArea')} rules={[{ required: true }]}>
            <Select
              data-testid="triage-repair-area"
              options={[
                { value: 'in_home', label: t('intake.inHome') },
                { value: 'public', label: t('intake.publicArea') },
              ]}
            />
          </Form.Item>
        </>
      )}
      {category === 'matter' && (
        <>
          <Form.Item name={name('matter', 'category')} label={t('intake.matterCategory')} rules={[{ required: true, whitespace: true }]}>
            <AutoComplete options={matterCategoryOptions} data-testid="triage-matter-category" />
          </Form.Item>
          {canPickSupervisor && (
            <Form.Item name={name('matter', 'supervisorId')} label={t('intake.matterSupervisor')}>
              <Select
                allowClear
                placeholder={t('intake.matterSupervisorHint')}
                data-testid="triage-matter-supervisor"
                options={(sups.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
          )}
          <Form.Item name={name('matter', 'isMajor')} valuePropName="checked">
            <Checkbox>{t('intake.matterMajor')}</Checkbox>
          </Form.Item>
        </>
      )}
    </>
  );
}
