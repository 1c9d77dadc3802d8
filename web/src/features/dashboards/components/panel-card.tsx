import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type DashboardPanel, type DashboardParams, exportUrl } from '../api/dashboards';

/** A dashboard card: the chart's title and the download of exactly its figures as .xlsx. */
export function PanelCard({ panel, params, children }: { panel: DashboardPanel; params: DashboardParams; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t(`dashboards.panels.${panel}`)}
      data-testid={`dashboard-panel-${panel}`}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={exportUrl(panel, params)}
          download
          data-testid={`dashboard-download-${panel}`}
        >
          {t('dashboards.download')}
        </Button>
      }
    >
      {children}
    </Card>
  );
}
