import { Badge, Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useResidentQuestionnaires } from '../api/questionnaires';

/** The resident home page's way to the questionnaires, with how many await their household. */
export function ResidentQuestionnaireLink({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useResidentQuestionnaires(!disabled);
  const awaiting = mine.data?.awaiting ?? 0;
  return (
    <Badge content={awaiting > 0 ? awaiting : null}>
      <Button size="small" onClick={() => navigate('/m/questionnaires')} disabled={disabled} data-testid="my-questionnaires-link">
        {awaiting > 0 ? t('questionnaires.residentLinkAwaiting', { n: awaiting }) : t('questionnaires.residentLink')}
      </Button>
    </Badge>
  );
}
