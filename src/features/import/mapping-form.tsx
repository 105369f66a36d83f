import { useState } from 'react';
import { ACTIVITY_KINDS, type ActivityKind } from '../../domain/model/records';
import { suggestMapping, type GenericMapping } from '../../domain/sources/generic/generic';

const ROLES: { key: keyof Omit<GenericMapping, 'defaultKind'>; label: string; required: boolean }[] = [
  { key: 'when', label: 'When (date/time)', required: true },
  { key: 'who', label: 'Who (name, handle or id)', required: true },
  { key: 'email', label: 'Email', required: false },
  { key: 'kind', label: 'Kind of activity', required: false },
  { key: 'text', label: 'Text', required: false },
  { key: 'thread', label: 'Thread / topic', required: false },
];

/** Lets the user say which column is what, for a CSV no known format matches. */
export function MappingForm({
  fileName,
  header,
  current,
  saved,
  onApply,
}: {
  fileName: string;
  header: string[];
  current: GenericMapping | undefined;
  saved: boolean;
  onApply: (m: GenericMapping) => void;
}) {
  const [m, setM] = useState<GenericMapping>(() => current ?? suggestMapping(header));
  const columns = header.map((h) => h.replace(/^\uFEFF/, '').trim()).filter((h) => h !== '');
  const ready = m.when !== '' && m.who !== '';
  return (
    <fieldset className="questions mapping">
      <legend>Map the columns of {fileName}</legend>
      {saved && <p className="muted">Using the mapping you saved for files with these columns. Change it below if needed.</p>}
      {ROLES.map((role) => (
        <label key={role.key}>
          {role.label}
          {role.required ? ' (required)' : ''}{' '}
          <select
            value={m[role.key] ?? ''}
            onChange={(e) => {
              const v = e.target.value;
              const next = { ...m };
              if (v === '' && !role.required) delete next[role.key];
              else next[role.key] = v;
              setM(next);
            }}
          >
            <option value="">{role.required ? 'choose a column…' : '— none —'}</option>
            {columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        Rows without a kind are{' '}
        <select value={m.defaultKind} onChange={(e) => setM({ ...m, defaultKind: e.target.value as ActivityKind })}>
          {ACTIVITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!ready} onClick={() => onApply(m)}>
        Apply mapping
      </button>
    </fieldset>
  );
}
