import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, queryString } from '../shared/api';
import type { Department, Page } from '../shared/contracts';

/** Picks a department by typing part of its name (searched on the server). */
export function DepartmentSelect({ value, onChange, id, ariaLabel }: { value?: string; onChange?: (id: string) => void; id?: string; ariaLabel?: string }) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api<Page<Department>>(`/api/v1/departments${queryString({ q, limit: 30 })}`).then(
        (p) => live && setOptions(p.items.map((d) => ({ value: d.id, label: d.name }))),
        () => undefined,
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
