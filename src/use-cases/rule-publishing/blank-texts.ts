import type { LocalizedText } from '../../engine/verdict.js';
import type { RuleSet } from '../../engine/rule-set-schema.js';
import type { GateProblem } from './gate-report.js';

function* texts(ruleSet: RuleSet): Generator<[string, LocalizedText]> {
  yield ['description', ruleSet.description];
  for (const [list, entries] of [['items', ruleSet.items], ['warnings', ruleSet.warnings]] as const) {
    for (const [index, item] of entries.entries()) yield [`${list}.${index}.label`, item.label];
  }
  for (const [index, indicator] of ruleSet.indicators.entries()) {
    yield [`indicators.${index}.label`, indicator.label];
    yield [`indicators.${index}.description`, indicator.description];
  }
  for (const [outcome, label] of Object.entries(ruleSet.outcomeLabels)) yield [`outcomeLabels.${outcome}`, label];
  // A stored version published before parameters carried their provenance has no parameterInfo.
  for (const [name, info] of Object.entries(ruleSet.parameterInfo ?? {})) {
    yield [`parameterInfo.${name}.label`, info.label];
    if (info.provincialVariation) yield [`parameterInfo.${name}.provincialVariation`, info.provincialVariation];
  }
}

/**
 * Texts shown to people that are only blanks: the schema wants a non-empty zh and en, but a
 * label of spaces would print as nothing on a verdict.
 */
export function blankTexts(ruleSet: RuleSet): GateProblem[] {
  const problems: GateProblem[] = [];
  for (const [path, text] of texts(ruleSet)) {
    for (const language of ['zh', 'en'] as const) {
      if (text[language].trim() === '') problems.push({ path: `${path}.${language}`, message: `the ${language} text is blank` });
    }
  }
  return problems;
}
