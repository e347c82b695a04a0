import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nl } from './nl';

// Synchronous init: the resources are bundled, so the first render already has Dutch text.
void i18next.use(initReactI18next).init({
  lng: 'nl',
  fallbackLng: 'nl',
  resources: { nl: { translation: nl } },
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes already
  showSupportNotice: false,
});

export { i18next };
