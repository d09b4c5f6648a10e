import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// On the first page of a visit the browser starts at the top (skip link first); after
// that, every page change moves focus to the new page's heading.
let initialPage = true;

/**
 * The page's one <h1>. Sets document.title and receives focus when a page is navigated to,
 * so screen reader and keyboard users land at the start of the new page.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    if (initialPage) {
      initialPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className="page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
