import 'i18next';
import type { NlResources } from './nl';

// Typed keys: t('login.title') is checked against the Dutch resource file.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: NlResources };
  }
}
