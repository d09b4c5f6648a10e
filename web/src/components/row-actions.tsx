import { useTranslation } from 'react-i18next';

/** The edit and delete buttons of a table row; the row's name is read out to screen readers. */
export function RowActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  const { t } = useTranslation();
  return (
    <td className="actions">
      <button type="button" className="button-secondary button-small" onClick={onEdit}>
        {t('common.edit')}
        <span className="sr-only"> {name}</span>
      </button>
      <button type="button" className="button-danger-outline button-small" onClick={onDelete}>
        {t('common.delete')}
        <span className="sr-only"> {name}</span>
      </button>
    </td>
  );
}
