import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Image, Space, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../../lib/use-api-error';
import type { RepairDetail } from '../api/types';
import { photoProblem, photoTypes, useUploadPhoto } from '../api/upload-photo';

/** The order's photos with a preview, and an upload button for staff. */
export function OrderPhotos({ order, canUpload }: { order: RepairDetail; canUpload: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useUploadPhoto(order.id);
  const errorText = useErrorText();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {order.photos.length ? (
        <Image.PreviewGroup>
          <Space wrap size={8} data-testid="order-photos">
            {order.photos.map((p) => (
              <Image
                key={p.id}
                src={p.url}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 6 }}
                data-testid="order-photo"
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('order.noPhotos')} style={{ margin: 0 }} />
      )}
      {canUpload ? (
        <Upload
          accept={photoTypes.join(',')}
          showUploadList={false}
          multiple
          beforeUpload={(file) => {
            const problem = photoProblem(file);
            if (problem) {
              void message.error(t(problem));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            upload.mutate(file as File, {
              onSuccess: (r) => {
                void message.success(t('order.photosUploaded', { count: 1 }));
                onSuccess?.(r);
              },
              onError: (e) => {
                void message.error(`${t('order.photoFailed')}: ${errorText(e)}`);
                onError?.(e as Error);
              },
            });
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="upload-photo">
            {t('order.uploadPhoto')}
          </Button>
        </Upload>
      ) : null}
    </Space>
  );
}
