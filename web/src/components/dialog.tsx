import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { ErrorMessage } from './status.tsx';
import { useTranslation } from 'react-i18next';

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page
 * inert (focus stays inside), Escape closes it, and focus returns to the opener.
 */
export function Dialog({ open, title, onClose, children }: { open: boolean; title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>('input, select, textarea, button:not(.dialog-close)');
      first?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const handleClose = () => {
      onClose();
      if (opener.current instanceof HTMLElement && opener.current.isConnected) opener.current.focus();
    };
    dialog.addEventListener('close', handleClose);
    return () => dialog.removeEventListener('close', handleClose);
  }, [onClose]);

  return (
    <dialog ref={ref} aria-labelledby={titleId} className="dialog">
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="dialog-close button-ghost" onClick={() => ref.current?.close()} aria-label={t('common.close')}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {open ? children : null}
    </dialog>
  );
}

/** Asks before a destructive action; the confirm button names the action. */
export function ConfirmDialog({
  open, title, message, confirmLabel, busy, error, onConfirm, onClose,
}: {
  open: boolean; title: string; message: string; confirmLabel: string; busy?: boolean; error?: ReactNode; onConfirm: () => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <p>{message}</p>
      {error}
      <div className="button-row">
        <button type="button" className="button-danger" onClick={onConfirm} disabled={busy}>
          {busy ? t('common.busy') : confirmLabel}
        </button>
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/**
 * A destructive action on one item, asked first: `ask(item)` opens the confirmation, the
 * confirm button runs `action(item)`; on success `onDone(item)` runs and the dialog closes.
 * Spread `dialog` into a ConfirmDialog and add its texts.
 */
export function useConfirmAction<T>(action: (item: T) => Promise<unknown>, onDone?: (item: T) => void) {
  const [target, setTarget] = useState<T | null>(null);
  const mutation = useMutation({
    mutationFn: action,
    onSuccess: (_result, item) => {
      onDone?.(item);
      setTarget(null);
    },
  });
  return {
    target,
    mutation,
    ask: (item: T) => {
      mutation.reset();
      setTarget(item);
    },
    dialog: {
      open: target !== null,
      busy: mutation.isPending,
      error: <ErrorMessage error={mutation.error} />,
      onConfirm: () => {
        if (target !== null) mutation.mutate(target);
      },
      onClose: () => setTarget(null),
    },
  };
}
