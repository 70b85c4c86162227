import { interpolate, type Dictionaries, type TranslationParams } from '@walkup/client';
import { useConsole } from '../../console-context.ts';

// The category tree editor's words, shipped with the lazily loaded admin screens.
const en = {
  categoriesTitle: 'Categories on the kiosk',
  categoriesHelp: 'Groups are the kiosk’s first tiles; each choice under a group sends the visitor to a queue. Archiving a group archives its choices.',
  group: 'group',
  choiceOf: 'choice, queue {queue}',
  noChoices: 'No choices yet.',
  addChoiceTo: 'Add a choice to {name}',
  archiveAction: 'Archive',
  restoreAction: 'Restore',
  addCategoryTitle: 'Add a category',
  addChoiceTitle: 'Add a choice to {name}',
  editCategoryTitle: 'Edit {name}',
  categoryId: 'Identifier (lower-case letters, digits, dashes; cannot change later)',
  place: 'Place in the tree',
  moveToGroup: 'Group (changing it moves the choice to the end of that group)',
  topLevel: 'Top level (a group of choices)',
  underGroup: 'Choice under {name}',
  labelIn: 'Label on the kiosk ({language})',
  icon: 'Icon',
  queue: 'Queue',
  chooseQueue: 'Choose a queue',
  priority: 'Priority (0 normal to 9 most urgent)',
  serviceMinutes: 'Expected service time (minutes)',
  serviceHelp: 'Used to estimate waits until the desk has measured its own times.',
  itsmTitle: 'ITSM ticket fields (optional)',
  itsmCategory: 'ITSM category',
  itsmSubcategory: 'ITSM subcategory',
  itsmAssignmentGroup: 'ITSM assignment group (instead of the queue’s)',
  rtQueue: 'RT queue',
  jsmRequestType: 'Jira Service Management request type',
  glpiCategory: 'GLPI category',
  addCategory: 'Add category',
  saveCategory: 'Save category',
  categorySaved: 'Category {name} saved.',
  categoryArchived: 'Category {name} archived.',
  categoryRestored: 'Category {name} restored.',
  previewTitle: 'Kiosk preview',
  previewHelp: 'The tiles as visitors see them now. Choose a group to see its choices.',
  previewLanguage: 'Preview language',
  previewGroups: 'First screen',
  previewChoices: 'After choosing {name}',
  previewEmptyGroup: 'This group has no choice yet: visitors who tap it cannot check in. Add a choice or archive the group.',
  previewNothing: 'No category in service: the kiosk has nothing to offer.',
};

export type CategoryMessage = keyof typeof en;

const dictionaries: Dictionaries<CategoryMessage> = {
  en,
  fr: {
    categoriesTitle: 'Catégories de la borne',
    categoriesHelp: 'Les groupes sont les premières tuiles de la borne ; chaque choix d’un groupe envoie le visiteur vers une file. Archiver un groupe archive ses choix.',
    group: 'groupe',
    choiceOf: 'choix, file {queue}',
    noChoices: 'Aucun choix pour l’instant.',
    addChoiceTo: 'Ajouter un choix à {name}',
    archiveAction: 'Archiver',
    restoreAction: 'Rétablir',
    addCategoryTitle: 'Ajouter une catégorie',
    addChoiceTitle: 'Ajouter un choix à {name}',
    editCategoryTitle: 'Modifier {name}',
    categoryId: 'Identifiant (minuscules, chiffres, tirets ; définitif)',
    place: 'Place dans l’arbre',
    moveToGroup: 'Groupe (le changer place le choix à la fin de ce groupe)',
    topLevel: 'Premier niveau (un groupe de choix)',
    underGroup: 'Choix dans {name}',
    labelIn: 'Libellé sur la borne ({language})',
    icon: 'Icône',
    queue: 'File',
    chooseQueue: 'Choisir une file',
    priority: 'Priorité (0 normale à 9 la plus urgente)',
    serviceMinutes: 'Durée de service prévue (minutes)',
    serviceHelp: 'Sert à estimer l’attente tant que le guichet n’a pas mesuré ses propres durées.',
    itsmTitle: 'Champs du ticket ITSM (facultatifs)',
    itsmCategory: 'Catégorie ITSM',
    itsmSubcategory: 'Sous-catégorie ITSM',
    itsmAssignmentGroup: 'Groupe d’affectation ITSM (au lieu de celui de la file)',
    rtQueue: 'File RT',
    jsmRequestType: 'Type de demande Jira Service Management',
    glpiCategory: 'Catégorie GLPI',
    addCategory: 'Ajouter la catégorie',
    saveCategory: 'Enregistrer la catégorie',
    categorySaved: 'Catégorie {name} enregistrée.',
    categoryArchived: 'Catégorie {name} archivée.',
    categoryRestored: 'Catégorie {name} rétablie.',
    previewTitle: 'Aperçu de la borne',
    previewHelp: 'Les tuiles telles que les visiteurs les voient maintenant. Choisissez un groupe pour voir ses choix.',
    previewLanguage: 'Langue de l’aperçu',
    previewGroups: 'Premier écran',
    previewChoices: 'Après avoir choisi {name}',
    previewEmptyGroup: 'Ce groupe n’a encore aucun choix : les visiteurs qui le touchent ne peuvent pas s’enregistrer. Ajoutez un choix ou archivez le groupe.',
    previewNothing: 'Aucune catégorie en service : la borne n’a rien à proposer.',
  },
};

/** Icon names in words, for the icon picker (the glyph alone says little to a screen reader). */
export const iconWords: Dictionaries<string> = {
  en: { laptop: 'Laptop', key: 'Key', app: 'Apps', printer: 'Printer', phone: 'Phone', wifi: 'Wi-Fi', other: 'Question mark', power: 'Power', clock: 'Clock', broken: 'Broken screen', battery: 'Battery', lock: 'Lock', download: 'Download', mail: 'Mail', box: 'Box' },
  fr: { laptop: 'Ordinateur portable', key: 'Clé', app: 'Applis', printer: 'Imprimante', phone: 'Téléphone', wifi: 'Wi-Fi', other: 'Point d’interrogation', power: 'Marche/arrêt', clock: 'Horloge', broken: 'Écran cassé', battery: 'Batterie', lock: 'Cadenas', download: 'Téléchargement', mail: 'Courrier', box: 'Colis' },
};

/** Translations follow the console's language switch (reading `lang` subscribes the component). */
export function useCategoryText() {
  const { lang } = useConsole().i18n;
  return (key: CategoryMessage, params?: TranslationParams) => interpolate(dictionaries[lang.value][key], params);
}
