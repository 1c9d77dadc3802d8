import { FormOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { RouteObject } from 'react-router';
import { rolesWith } from '../../../../src/contract/access';
import { Guard, isDeskStaff, isResident } from '../../app/guards';
import type { Me } from '../auth/api/get-me';
import { lazyPage } from '../../lib/lazy-page';

const QuestionnairesPage = lazyPage(() => import('./components/questionnaires-page'), 'QuestionnairesPage');
const QuestionnaireDetailPage = lazyPage(() => import('./components/questionnaire-detail-page'), 'QuestionnaireDetailPage');
const QuestionnaireStatisticsPage = lazyPage(() => import('./components/statistics-page'), 'QuestionnaireStatisticsPage');
const MobileQuestionnairesPage = lazyPage(() => import('./components/mobile-questionnaires-page'), 'MobileQuestionnairesPage');

const viewers = rolesWith('questionnaire.view');
const seesQuestionnaires = (me: Me) => isDeskStaff(me) && viewers.includes(me.role);
const desk = (el: React.ReactNode) => <Guard allow={seesQuestionnaires}>{el}</Guard>;

/** The questionnaire feature's desk pages (inside the desk layout) and the resident's phone page. */
export const questionnairesDeskRoutes: RouteObject[] = [
  { path: '/questionnaires', element: desk(<QuestionnairesPage />) },
  { path: '/questionnaires/:id', element: desk(<QuestionnaireDetailPage />) },
  { path: '/questionnaires/:id/statistics', element: desk(<QuestionnaireStatisticsPage />) },
];
export const questionnairesMobileRoutes: RouteObject[] = [
  {
    path: '/m/questionnaires',
    element: (
      <Guard allow={isResident} loginPath="/m/login">
        {<MobileQuestionnairesPage />}
      </Guard>
    ),
  },
];

/** The feature's entry of the desk's side menu, for this person. */
export function questionnairesNav(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  if (!seesQuestionnaires(me)) return [];
  return [
    {
      key: '/questionnaires',
      icon: <FormOutlined />,
      label: <span data-testid="nav-questionnaires">{t('questionnaires.nav')}</span>,
    },
  ];
}
