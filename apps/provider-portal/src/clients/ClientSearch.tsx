import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../components/form-fields';

interface ClientSearchProps {
  search: string;
  onSearch: (search: string) => void;
}

/** Search on name or client number; runs on submit (Enter or the button), not on every key stroke. */
export function ClientSearch({ search, onSearch }: ClientSearchProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(search);
  const [lastSearch, setLastSearch] = useState(search);
  // Follow the URL (back button, "Wis zoekopdracht") while keeping what the user is typing.
  if (search !== lastSearch) {
    setLastSearch(search);
    setValue(search);
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(value.trim());
  };

  return (
    <form role="search" aria-label={t('clients.searchLabel')} className="portal-search" onSubmit={onSubmit}>
      <TextField
        id="client-search"
        name="zoek"
        type="search"
        label={t('clients.searchLabel')}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <ButtonGroup className="portal-search__actions">
        <Button appearance="primary-action-button" type="submit">
          {t('clients.searchSubmit')}
        </Button>
        {search && (
          <Button appearance="subtle-button" type="button" onClick={() => onSearch('')}>
            {t('clients.searchClear')}
          </Button>
        )}
      </ButtonGroup>
    </form>
  );
}
