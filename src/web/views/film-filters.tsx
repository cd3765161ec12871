import type { FieldError } from '../../common/problem-details.js';
import { COUNTRIES } from '../../modules/catalog/domain/countries.js';
import { isLanguageCode } from '../../modules/catalog/domain/languages.js';
import { FIRST_DECADE } from '../../modules/catalog/films/film-filter-rules.js';

/** The choices of the film filters the search and the browse pages share. */
export interface Option {
  readonly value: string;
  readonly label: string;
}

const byLabel = (a: Option, b: Option): number => a.label.localeCompare(b.label, 'en');

/** Every ISO 639-1 language the catalogue accepts, by English name. */
export const LANGUAGE_OPTIONS: readonly Option[] = (() => {
  const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const options: Option[] = [];
  for (const first of letters)
    for (const second of letters) {
      const code = `${first}${second}`;
      if (isLanguageCode(code)) options.push({ value: code, label: names.of(code) ?? code });
    }
  return options.sort(byLabel);
})();

/** Every decade from the first films to this one, newest first. */
export const DECADE_OPTIONS: readonly Option[] = (() => {
  const options: Option[] = [];
  for (let decade = Math.floor(new Date().getUTCFullYear() / 10) * 10; decade >= FIRST_DECADE; decade -= 10)
    options.push({ value: String(decade), label: `${decade}s` });
  return options;
})();

export const COUNTRY_OPTIONS: readonly Option[] = COUNTRIES.map((country) => ({
  value: country.code,
  label: country.name,
})).sort(byLabel);

export function SelectField({
  name,
  label,
  value,
  options,
  anyLabel,
  errors,
}: {
  readonly name: string;
  readonly label: string;
  readonly value?: string;
  readonly options: readonly Option[];
  /** The choice of no filter; left out when one of the options must be chosen. */
  readonly anyLabel?: string;
  readonly errors?: readonly FieldError[];
}) {
  const id = `field-${name}`;
  const error = errors?.find((candidate) => candidate.field === name);
  const selected = value?.toLowerCase();
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error.message}
        </p>
      )}
      <select
        id={id}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value.toLowerCase() === selected}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The language and country filters, each a choice of every code the catalogue accepts. */
export function LanguageAndCountryFields({
  language,
  country,
  errors,
}: {
  readonly language?: string;
  readonly country?: string;
  readonly errors?: readonly FieldError[];
}) {
  return (
    <>
      <SelectField
        name="language"
        label="Language"
        value={language}
        options={LANGUAGE_OPTIONS}
        anyLabel="Any language"
        errors={errors}
      />
      <SelectField
        name="country"
        label="Country"
        value={country}
        options={COUNTRY_OPTIONS}
        anyLabel="Any country"
        errors={errors}
      />
    </>
  );
}

/** The decade filter: every decade from the first films to this one, newest first. */
export function DecadeField({
  decade,
  errors,
}: {
  readonly decade?: string;
  readonly errors?: readonly FieldError[];
}) {
  return (
    <SelectField
      name="decade"
      label="Decade"
      value={decade}
      options={DECADE_OPTIONS}
      anyLabel="Any decade"
      errors={errors}
    />
  );
}
