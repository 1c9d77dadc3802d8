import { CheckCircleTwoTone, ExclamationCircleTwoTone, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentCodes } from '../../../../../src/domain/renovation/documents';
import { formatShort } from '../../../lib/datetime';
import { useErrorText } from '../../../lib/use-api-error';
import {
  type DocumentCode,
  fileUrl,
  openInNewTab,
  type RenovationDetail,
  uploadProblem,
  uploadTypes,
  useMarkSigned,
  useUploadDocument,
} from '../api/renovations';

type Doc = RenovationDetail['documents'][number];
interface Line {
  code: DocumentCode;
  isRequired: boolean;
  doc: Doc | null;
}

/** What the file still lacks, in words. */
export function CompletenessNote({ r }: { r: RenovationDetail }) {
  const { t } = useTranslation();
  const c = r.completeness;
  const names = (codes: readonly string[]) => codes.map((x) => t(`renovation.documentNames.${x}` as never)).join('、');
  const problems = [
    c.missing.length ? t('renovation.documents.missing', { list: names(c.missing) }) : null,
    c.unsigned.length ? t('renovation.documents.unsigned', { list: names(c.unsigned) }) : null,
    c.isAgreementSigned ? null : t('renovation.documents.agreementMissing'),
  ].filter(Boolean);
  return c.isComplete ? (
    <Alert
      type="success"
      showIcon
      message={t('renovation.documents.complete')}
      data-testid="renovation-completeness"
      data-complete="true"
    />
  ) : (
    <Alert
      type="warning"
      showIcon
      message={t('renovation.documents.incomplete')}
      description={problems.join('；')}
      data-testid="renovation-completeness"
      data-complete="false"
    />
  );
}

/** The upload button of one document: the file goes up marked signed when the box beside it is ticked. */
function UploadButton({ r, code, hasDoc }: { r: RenovationDetail; code: DocumentCode; hasDoc: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadDocument(r.id);
  const errorText = useErrorText();
  const [isSigned, setSigned] = useState(true);
  return (
    <Space size={4}>
      <Checkbox checked={isSigned} onChange={(e) => setSigned(e.target.checked)} data-testid="document-upload-signed">
        {t('renovation.documents.signed')}
      </Checkbox>
      <Upload
        accept={uploadTypes.join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          const problem = uploadProblem(file);
          if (problem) {
            void message.error(t(problem));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onSuccess, onError }) =>
          upload.mutate(
            { code, isSigned, file: file as File },
            {
              onSuccess: (res) => {
                void message.success(t('renovation.documents.uploaded'));
                onSuccess?.(res);
              },
              onError: (e) => {
                void message.error(errorText(e));
                onError?.(e as Error);
              },
            },
          )
        }
      >
        <Button size="small" icon={<UploadOutlined />} loading={upload.isPending} data-testid="document-upload">
          {t(hasDoc ? 'renovation.documents.replace' : 'renovation.documents.upload')}
        </Button>
      </Upload>
    </Space>
  );
}

/** The application file (装修申请资料): each required document, its file, signed or not, and uploads while it may change. */
export function DocumentChecklist({ r, canChange }: { r: RenovationDetail; canChange: boolean }) {
  const { t } = useTranslation();
  const mark = useMarkSigned(r.id);
  const errorText = useErrorText();
  const { message } = App.useApp();
  const current = r.documents.filter((d) => d.isCurrent);
  const lines: Line[] = documentCodes
    .filter((c) => r.completeness.required.includes(c) || current.some((d) => d.code === c))
    .map((code) => ({ code, isRequired: r.completeness.required.includes(code), doc: current.find((d) => d.code === code) ?? null }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <CompletenessNote r={r} />
      <Table<Line>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={lines}
        data-testid="renovation-documents"
        onRow={(l) => ({ 'data-testid': 'document-row', 'data-code': l.code, 'data-signed': String(!!l.doc?.isSigned) }) as never}
        columns={[
          {
            title: t('renovation.documents.document'),
            dataIndex: 'code',
            render: (c: DocumentCode, l) => (
              <Space size={4}>
                {l.doc?.isSigned ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <ExclamationCircleTwoTone twoToneColor="#faad14" />}
                {t(`renovation.documentNames.${c}`)}
                {l.isRequired ? null : <Typography.Text type="secondary">{t('renovation.documents.optional')}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('renovation.documents.file'),
            key: 'file',
            render: (_: unknown, l) =>
              l.doc ? (
                <Space size={4} wrap>
                  <Button
                    type="link"
                    size="small"
                    style={{ paddingInline: 0 }}
                    onClick={() => openInNewTab(fileUrl(r.id, l.doc!.fileId))}
                    data-testid="document-view"
                  >
                    {l.doc.filename}
                  </Button>
                  <Typography.Text type="secondary">
                    {l.doc.uploadedBy} {formatShort(l.doc.createdAt)}
                  </Typography.Text>
                </Space>
              ) : (
                <Tag>{t('renovation.documents.notUploaded')}</Tag>
              ),
          },
          {
            title: t('renovation.documents.signed'),
            key: 'signed',
            width: 150,
            render: (_: unknown, l) =>
              l.doc ? (
                canChange ? (
                  <Checkbox
                    checked={l.doc.isSigned}
                    disabled={mark.isPending}
                    data-testid="document-mark-signed"
                    onChange={(e) =>
                      mark.mutate(
                        { documentId: l.doc!.id, isSigned: e.target.checked },
                        { onError: (err) => void message.error(errorText(err)) },
                      )
                    }
                  >
                    {t('renovation.documents.signed')}
                  </Checkbox>
                ) : (
                  <Tag color={l.doc.isSigned ? 'green' : 'orange'}>
                    {t(l.doc.isSigned ? 'renovation.documents.signed' : 'renovation.documents.notSigned')}
                  </Tag>
                )
              ) : null,
          },
          ...(canChange
            ? [
                {
                  title: t('common.operation'),
                  key: 'upload',
                  width: 250,
                  render: (_: unknown, l: Line) => <UploadButton r={r} code={l.code} hasDoc={!!l.doc} />,
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
