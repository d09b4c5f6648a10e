import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog, Dialog, useConfirmAction } from './dialog.tsx';
import { DataTable, type Column } from './data-table.tsx';
import { RowActions } from './row-actions.tsx';
import { EmptyState, QueryView, SuccessMessage, type QueryLike } from './status.tsx';

/** The texts of an editable list, already translated; `name` is the item's name. */
export interface EditableListTexts {
  title: string;
  add: string;
  edit: string;
  added: string;
  saved: string;
  deleted: (name: string) => string;
  deleteTitle: string;
  deleteConfirm: (name: string) => string;
  deleteAction: string;
  empty: string;
}

type Editing<T> = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; item: T };

/**
 * A section with a list of named items in a table: those who may manage it add an item and
 * edit it in a dialog, and delete it after confirming; a notice says what happened.
 */
export function EditableListSection<T extends { id: string; name: string }>({
  id, texts, canManage, query, columns, row, emptyHelp, form, remove,
}: {
  /** Prefix of the heading's id. */
  id: string;
  texts: EditableListTexts;
  canManage: boolean;
  query: QueryLike<T[]>;
  /** The column headings, without the actions column (added for managers). */
  columns: readonly Column[];
  /** The cells of an item's row, starting with its <th scope="row">. */
  row: (item: T) => ReactNode;
  /** What the empty state says below its title. */
  emptyHelp: ReactNode;
  /** The add form (no item) or the edit form; it calls `onDone` after saving. */
  form: (item: T | undefined, onDone: () => void) => ReactNode;
  remove: (item: T) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing<T>>({ mode: 'closed' });
  const [notice, setNotice] = useState('');
  const removing = useConfirmAction(remove, (item) => setNotice(texts.deleted(item.name)));
  const titleId = `${id}-title`;
  return (
    <section aria-labelledby={titleId} className="section">
      <div className="section-heading">
        <h2 id={titleId}>{texts.title}</h2>
        {canManage ? (
          <button type="button" onClick={() => { setNotice(''); setEditing({ mode: 'new' }); }}>
            {texts.add}
          </button>
        ) : null}
      </div>
      {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      <QueryView query={query} empty={<EmptyState title={texts.empty}>{emptyHelp}</EmptyState>}>
        {(items) => (
          <DataTable caption={texts.title} captionHidden columns={[...columns, canManage && t('common.actions')]}>
            {items.map((item) => (
              <tr key={item.id}>
                {row(item)}
                {canManage ? (
                  <RowActions name={item.name} onEdit={() => { setNotice(''); setEditing({ mode: 'edit', item }); }} onDelete={() => removing.ask(item)} />
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <Dialog open={editing.mode !== 'closed'} title={editing.mode === 'edit' ? texts.edit : texts.add} onClose={() => setEditing({ mode: 'closed' })}>
        <FormSlot key={editing.mode === 'edit' ? editing.item.id : 'new'}>
          {form(editing.mode === 'edit' ? editing.item : undefined, () => {
            setNotice(editing.mode === 'edit' ? texts.saved : texts.added);
            setEditing({ mode: 'closed' });
          })}
        </FormSlot>
      </Dialog>
      <ConfirmDialog
        {...removing.dialog}
        title={texts.deleteTitle}
        message={texts.deleteConfirm(removing.target?.name ?? '')}
        confirmLabel={texts.deleteAction}
      />
    </section>
  );
}

/** Gives the form a fresh state per item (by its key). */
function FormSlot({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
