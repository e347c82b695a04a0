import { useTranslation } from 'react-i18next';
import { documentUrl, formatFileSize, type StoredDocument } from './upload-document';

/** A download link to an evidence document; the API sends it as an attachment to those who may see it. */
export function DocumentLink({ document }: { document: StoredDocument }) {
  const { t } = useTranslation();
  return (
    <a href={documentUrl(document.id)} download={document.filename} className="utrecht-link utrecht-link--html-a">
      {t('procurement.evidence.download', { filename: document.filename, size: formatFileSize(document.sizeBytes) })}
    </a>
  );
}
