import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoomSearch } from '../api/search-rooms';

/**
 * A household of a community, picked by typing part of its address (楼栋 单元 室), an owner's name
 * or phone; each choice shows the address and who lives there. A form field (value / onChange).
 */
export function RoomSelect({
  communityId,
  value,
  onChange,
  placeholder,
  testId,
}: {
  communityId: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  placeholder?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const rooms = useRoomSearch(q ? { communityId, q } : null);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={placeholder ?? t('common.roomSearch')}
      loading={rooms.isFetching}
      data-testid={testId}
      options={(rooms.data ?? []).map((r) => ({
        value: r.id,
        label: `${r.label} ${r.residents.map((p) => p.name).join('、')}`.trim(),
      }))}
    />
  );
}
