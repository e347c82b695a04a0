import { SaveMapPartDocument, type MapTheme } from '@inburgering/contracts';
import { MAP_THEME_LABELS, MAP_THEMES } from '@inburgering/domain';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionForm } from '../clients/use-action-form';
import { ErrorSummary } from '../components/ErrorSummary';
import { ChoiceGroup, TextAreaField, TextField } from '../components/form-fields';
import { graphqlRequest } from '../graphql/request';
import { FocusedAlert } from '../procurement/FocusedAlert';
import { EMPTY_MAP_PART, parseMapPart, type MapPartValues } from './map-part-values';

const FIELDS = ['name', 'description', 'minutes', 'priceCents', 'themes', 'practical', 'providerId'] as const;
/** The offering party adds a MAP part to its catalogue (name, description, duration, price, themes, practical activity). */
export function MapPartForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<MapPartValues>(EMPTY_MAP_PART);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useActionForm('map-part', FIELDS);
  const set = (field: 'name' | 'description' | 'hours' | 'price') => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await form.submit(parseMapPart(values), (input) => graphqlRequest(SaveMapPartDocument, { input }));
    if (!ok) return;
    setSaved(t('mapParts.partSaved', { name: values.name.trim() }));
    setValues(EMPTY_MAP_PART);
    onSaved();
  }

  return (
    <form className="portal-form" onSubmit={submit} noValidate aria-labelledby="map-part-form-heading">
      <Heading2 id="map-part-form-heading">{t('mapParts.addTitle')}</Heading2>
      {saved && <FocusedAlert key={saved} message={saved} />}
      <ErrorSummary errors={form.errors.summary} />
      <TextField id={form.fieldId('name')} label={t('mapParts.part')} value={values.name} onChange={set('name')} errorMessage={form.errors.byField.name} autoComplete="off" />
      <TextAreaField id={form.fieldId('description')} label={t('mapParts.description')} value={values.description} onChange={set('description')} errorMessage={form.errors.byField.description} rows={3} />
      <TextField id={form.fieldId('minutes')} label={t('mapParts.hoursLabel')} description={t('mapParts.hoursHint')} value={values.hours} onChange={set('hours')}
        errorMessage={form.errors.byField.minutes} inputMode="decimal" autoComplete="off" />
      <TextField id={form.fieldId('priceCents')} label={t('mapParts.priceLabel')} description={t('mapParts.priceHint')} value={values.price} onChange={set('price')}
        errorMessage={form.errors.byField.priceCents} inputMode="decimal" autoComplete="off" />
      <ChoiceGroup id={form.fieldId('themes')} legend={t('mapParts.themesColumn')} type="checkbox" name="themes" selected={values.themes} errorMessage={form.errors.byField.themes}
        options={MAP_THEMES.map((theme) => ({ value: theme, label: MAP_THEME_LABELS[theme] }))}
        onToggle={(value, checked) => setValues((v) => ({ ...v, themes: checked ? [...v.themes, value as MapTheme] : v.themes.filter((theme) => theme !== value) }))} />
      <ChoiceGroup id={form.fieldId('practical')} legend={t('mapParts.practicalColumn')} description={t('mapParts.practicalHint')} type="checkbox" name="practical"
        selected={values.practical ? ['yes'] : []} options={[{ value: 'yes', label: t('mapParts.practicalOption') }]}
        onToggle={(_, checked) => setValues((v) => ({ ...v, practical: checked }))} />
      <Paragraph>
        <Button appearance="primary-action-button" type="submit" disabled={form.busy}>{form.busy ? t('clientActions.saving') : t('mapParts.addButton')}</Button>
      </Paragraph>
    </form>
  );
}
