import { vendorFieldNames, type CategoryDraft } from './category-draft.ts';
import { useCategoryText, type CategoryMessage } from './category-messages.ts';
import { FieldErrorText } from './FieldError.tsx';
import type { useFieldErrors } from './use-field-errors.ts';

interface Props {
  draft: CategoryDraft;
  change: (patch: Partial<CategoryDraft>) => void;
  errors: ReturnType<typeof useFieldErrors>;
}

const commonFields = ['itsmCategory', 'itsmSubcategory', 'itsmAssignmentGroup'] as const;

/** What a choice's ticket says in the ITSM: the common fields, then the one each vendor uses instead. */
export function ItsmFields({ draft, change, errors }: Props) {
  const t = useCategoryText();
  const input = (path: string, label: CategoryMessage, value: string, onInput: (value: string) => void, maxLength: number) => (
    <div class="field" key={path}>
      <label for={errors.field(path).id}>{t(label)}</label>
      <input {...errors.field(path)} type="text" maxLength={maxLength} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
      <FieldErrorText {...errors.errorOf(path)} />
    </div>
  );
  return (
    <fieldset class="itsm-fields">
      <legend>{t('itsmTitle')}</legend>
      {commonFields.map((name) => input(`body/${name}`, name, draft[name], (value) => change({ [name]: value }), 120))}
      {vendorFieldNames.map((name) =>
        input(`body/itsmVendorFields/${name}`, name, draft.itsmVendorFields[name], (value) => change({ itsmVendorFields: { ...draft.itsmVendorFields, [name]: value } }), 200),
      )}
      <FieldErrorText {...errors.errorOf('body/itsmVendorFields', true)} />
    </fieldset>
  );
}
