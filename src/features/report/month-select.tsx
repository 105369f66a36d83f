import { useId } from 'react';
import { monthLabel } from '../../domain/highlights/format';

export function MonthSelect({ label, months, value, onChange }: { label: string; months: string[]; value: string; onChange: (m: string) => void }) {
  const id = useId();
  return (
    <span className="month-select">
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {months.map((m) => (
          <option key={m} value={m}>
            {monthLabel(m)}
          </option>
        ))}
      </select>
    </span>
  );
}
