import { describe, expect, it } from 'vitest';
import { accountLabel, accountsByKey } from './account-label';

describe('accountLabel (merge history and messages)', () => {
  it('names an account with its source and handle, so two "Ada Kaur" differ', () => {
    const a = { key: 'discourse:ada_kaur', source: 'discourse', name: 'Ada Kaur', handle: 'ada_kaur' };
    const b = { key: 'discourse:ada_kaur5', source: 'discourse', name: 'Ada Kaur', handle: 'ada_kaur5' };
    expect(accountLabel(a.key, a)).toBe('Ada Kaur (Discourse, ada_kaur)');
    expect(accountLabel(b.key, b)).toBe('Ada Kaur (Discourse, ada_kaur5)');
  });

  it('uses the key’s id where the account has no handle, and the handle where it has no name', () => {
    expect(accountLabel('slack:U042', { key: 'slack:U042', source: 'slack', name: 'Quinn Sato' })).toBe(
      'Quinn Sato (Slack, U042)',
    );
    expect(accountLabel('discord:1234', { key: 'discord:1234', source: 'discord', handle: 'quinn' })).toBe(
      'quinn (Discord)',
    );
  });

  it('reads a key alone when the account is no longer imported', () => {
    expect(accountLabel('discourse:ada_kaur')).toBe('ada_kaur (Discourse)');
    expect(accountLabel('plain')).toBe('plain');
  });

  it('indexes the accounts of every person by key (a merged person holds both)', () => {
    const map = accountsByKey([
      {
        accounts: [
          { key: 'discourse:a', source: 'discourse', name: 'A' },
          { key: 'slack:U1', source: 'slack', name: 'A.' },
        ],
      },
    ]);
    expect(map.get('slack:U1')?.name).toBe('A.');
    expect(map.size).toBe(2);
  });
});
