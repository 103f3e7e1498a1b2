import { useId, useState, type FormEvent } from 'react';
import type { Me } from '../../api/me';
import { buttonClass } from '../../components/button';
import { useMe, useSetName } from './api';
import { describeWriteProblem } from './write-problem';

export const fieldClass =
  'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100';

/**
 * Whether the person asking may write reviews now. Until `/api/me` answers, nobody may: the write
 * controls appear once it is known that they work.
 */
export function useCanWrite(): { me: Me | undefined; canWrite: boolean } {
  const me = useMe().data;
  return { me, canWrite: me?.canWrite === true };
}

/**
 * Who reviews are signed as: on loopback, the name is asked once (and can be changed); a viewer is
 * told they read only. Shown where someone is about to write.
 */
export function WhoIsReviewing() {
  const { data: me, isError } = useMe();
  const [editing, setEditing] = useState(false);
  if (isError)
    return <p className="text-xs text-slate-600 dark:text-slate-400">Who you are could not be read, so reviews are read only.</p>;
  if (!me) return null;
  if (me.askName || editing) return <NameForm me={me} onDone={() => setEditing(false)} />;
  if (!me.canWrite) {
    return (
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {me.name ? `Signed in as ${me.name}, ` : 'Signed in with the team\u2019s shared token, '}a viewer: you can read reviews
        but not write them.
      </p>
    );
  }
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400">
      Reviewing as <strong className="font-semibold text-slate-800 dark:text-slate-200">{me.name}</strong>
      {me.nameEditable && (
        <>
          {' '}
          <button type="button" onClick={() => setEditing(true)} className="text-sky-800 underline dark:text-sky-300">
            Change name
          </button>
        </>
      )}
    </p>
  );
}

function NameForm({ me, onDone }: { me: Me; onDone: () => void }) {
  const id = useId();
  const [name, setName] = useState(me.name ?? '');
  const save = useSetName();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ name: name.trim(), email: me.email }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} className="space-y-1" aria-label="Your name">
      <label htmlFor={id} className="block text-xs font-medium text-slate-800 dark:text-slate-200">
        Your name, to sign your reviews (asked once, remembered by this browser)
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={200}
          required
          autoComplete="name"
          className={fieldClass}
        />
        <button type="submit" className={buttonClass} disabled={save.isPending || name.trim() === ''}>
          Save name
        </button>
      </div>
      {save.isError && (
        <p role="alert" className="text-xs text-rose-800 dark:text-rose-300">
          {describeWriteProblem(save.error, 'name').message}
        </p>
      )}
    </form>
  );
}
