import { useTranslation } from 'react-i18next';

/** A small button in a row or list item; the item's name follows the label for screen readers. */
export function RowButton({ label, name, danger, onClick, disabled, pressed }: { label: string; name: string; danger?: boolean; onClick: () => void; disabled?: boolean; pressed?: boolean }) {
  return (
    <button type="button" className={danger ? 'button-danger-outline button-small' : 'button-secondary button-small'} onClick={onClick} disabled={disabled} aria-pressed={pressed}>
      {label}
      <span className="sr-only"> {name}</span>
    </button>
  );
}

/** The edit and delete buttons of a table row; the row's name is read out to screen readers. */
export function RowActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <td className="actions">
      <RowButton label={t('common.edit')} name={name} onClick={onEdit} />
      <RowButton label={t('common.delete')} name={name} danger onClick={onDelete} />
    </td>
  );
}
