import { CLI_MESSAGES } from './cli-messages.js';
import { DRAFT_MESSAGES } from './draft-messages.js';
import { ERROR_MESSAGES } from './error-messages.js';
import { HELP_MESSAGES } from './help-messages.js';
import { REJECTION_MESSAGES } from './rejection-messages.js';
import { RULES_HELP_MESSAGES } from './rules-help-messages.js';
import { RULES_MESSAGES } from './rules-messages.js';
import { RULE_PROBLEM_MESSAGES } from './rule-problem-messages.js';

/**
 * The message catalogue: every text of the run reports (summary, report.xlsx, the
 * accountability PDF) in Chinese and English, under one key. `{name}` placeholders are filled
 * by `message()`; a parity test keeps both languages on the same keys and placeholders.
 * The command line's lines, its rules commands and its help texts are kept beside this file
 * and spread in, so `MESSAGES` is the whole catalogue the parity test reads.
 */
export const MESSAGES = {
  ...CLI_MESSAGES,
  ...RULES_MESSAGES,
  ...DRAFT_MESSAGES,
  ...HELP_MESSAGES,
  ...RULES_HELP_MESSAGES,
  ...ERROR_MESSAGES,
  ...REJECTION_MESSAGES,
  ...RULE_PROBLEM_MESSAGES,
  'lang.invalid': { zh: '--lang 只能是 zh 或 en，收到 {value}', en: '--lang must be zh or en, got {value}' },
  'lang.help': { zh: '  --lang zh|en      提示、帮助和报告的语言（默认取 LC_ALL、LC_MESSAGES、LANG）', en: '  --lang zh|en      language of the messages, help and reports (default from LC_ALL, LC_MESSAGES, LANG)' },

  'progress.import': { zh: '导入：已读农户', en: 'import: households read' },
  'progress.importBytes': { zh: '导入：已读农户文件字节', en: 'import: bytes of the households file read' },
  'progress.score': { zh: '评分：已评村', en: 'scoring: villages judged' },
  'progress.preview': { zh: '影响预览：已判县', en: 'impact preview: counties judged' },
  'progress.export': { zh: '导出：已写判定', en: 'export: verdicts written' },
  'progress.share': { zh: '{what} {done}/{total}（{percent}）· 每秒 {rate} · {left}', en: '{what} {done}/{total} ({percent}) · {rate}/s · {left}' },
  'progress.count': { zh: '{what} {done} · 每秒 {rate}', en: '{what} {done} · {rate}/s' },
  'progress.left': { zh: '约剩 {duration}', en: 'about {duration} left' },
  'progress.leftUnknown': { zh: '剩余时间待估', en: 'time left not known yet' },
  'progress.help': { zh: '  --progress        进度行写到 stderr，即使它不是终端（终端上默认显示）', en: '  --progress        progress lines on stderr even when it is not a terminal (shown on a terminal anyway)' },
  'duration.seconds': { zh: '{seconds} 秒', en: '{seconds} s' },
  'duration.minutes': { zh: '{minutes} 分 {seconds} 秒', en: '{minutes} min {seconds} s' },
  'duration.hours': { zh: '{hours} 小时 {minutes} 分', en: '{hours} h {minutes} min' },

  'summary.title': { zh: '脱贫评估 {quarter} · 运行 {runId} · {status}', en: 'Tuopin run {runId} · quarter {quarter} · {status}' },
  'summary.title.noRun': { zh: '脱贫评估 {quarter} · 无运行记录', en: 'Tuopin · quarter {quarter} · no run recorded' },
  'status.running': { zh: '运行中', en: 'running' },
  'status.succeeded': { zh: '已完成', en: 'succeeded' },
  'status.failed': { zh: '失败', en: 'failed' },
  'summary.ruleSets': { zh: '规则版本：{list}', en: 'rule sets: {list}' },
  'summary.writes': { zh: '本次写入：判定 {verdicts} 条，评分 {scores} 条，牌 {cards} 张', en: 'written this run: {verdicts} verdicts, {scores} scores, {cards} cards' },
  'summary.rows': { zh: '导入：接受 {accepted} 行，拒收 {rejected} 行', en: 'rows: {accepted} accepted, {rejected} rejected' },
  'summary.outcomes': { zh: '各项标准的判定结果', en: 'Outcomes per standard' },
  'summary.county': { zh: '县 {county}：{outcome}', en: 'County {county}: {outcome}' },
  'summary.item': { zh: '{mark} {label}：{actual}（要求 {expected}）', en: '{mark} {label}: {actual} (required {expected})' },
  'summary.villagesPass': { zh: '达到贫困村退出标准（一低五有）的村：{count} 个', en: 'Villages meeting the exit standard (一低五有): {count}' },
  'summary.villagesFail': { zh: '未达到退出标准的村：{count} 个', en: 'Villages that do not meet the exit standard: {count}' },
  'summary.villagesUnknown': { zh: '数据不全、无法判定的村：{count} 个', en: 'Villages that cannot be judged (data missing): {count}' },
  'summary.village': { zh: '{village} · {township} · 贫困发生率 {ratio}（{numerator}/{denominator}）', en: '{village} · {township} · incidence {ratio} ({numerator}/{denominator})' },
  'summary.fails': { zh: '不达标：{items}', en: 'fails: {items}' },
  'summary.unknownItems': { zh: '无法判定：{items}；缺：{fields}', en: 'cannot judge: {items}; missing: {fields}' },
  'summary.households': { zh: '户：{fail} 户未达到脱贫标准，{unknown} 户数据不全（明细见 report.xlsx）', en: 'Households: {fail} do not meet the exit standard, {unknown} cannot be judged (listed in report.xlsx)' },
  'summary.identification': { zh: '识别：{counts}', en: 'Identification: {counts}' },
  'summary.returnRisk': { zh: '防返贫监测：{counts}', en: 'Return-risk watch: {counts}' },
  'summary.redFlags': { zh: '流动红旗：{count}', en: 'Red flags (流动红旗): {count}' },
  'summary.yellowCards': { zh: '黄牌警告：{count}', en: 'Yellow cards (黄牌警告): {count}' },
  'summary.cardRow': { zh: '{unitType} {unit} · 得分 {score}', en: '{unitType} {unit} · score {score}' },
  'summary.yellowRow': { zh: '{unitType} {unit} · 得分 {score} · 连续 {consecutive} 次 · 本年 {thisYear} 次', en: '{unitType} {unit} · score {score} · {consecutive} in a row · {thisYear} this year' },
  'summary.interview': { zh: '约谈问责名单：{count} 人', en: 'Interview list (约谈问责): {count}' },
  'summary.resignation': { zh: '引咎辞职名单：{count} 人', en: 'Resignation list (引咎辞职): {count}' },
  'summary.official': { zh: '{name}，{title} · {unit}（{unitType} {unitId}）', en: '{name}, {title} · {unit} ({unitType} {unitId})' },
  'summary.trigger': { zh: '原因：{trigger}', en: 'because: {trigger}' },
  'summary.reason': { zh: '{indicator}：{value}，失 {points} 分；{households} 户，涉及 {villages}', en: '{indicator}: {value}, {points} points lost; {households} households in {villages}' },
  'summary.examples': { zh: '；如 {households}', en: '; e.g. {households}' },
  'summary.none': { zh: '无', en: 'none' },

  'official.unknown': { zh: '（未登记负责人）', en: '(principal not recorded)' },
  'unitType.township': { zh: '乡镇', en: 'township' },
  'unitType.assisting-unit': { zh: '帮扶单位', en: 'assisting unit' },
  'standard.household-exit': { zh: '贫困户退出（一超六有）', en: 'household exit (一超六有)' },
  'standard.identification': { zh: '贫困识别（四优先、七不准）', en: 'identification (四优先、七不准)' },
  'standard.return-risk': { zh: '防返贫监测', en: 'return-risk watch' },
  'standard.village-exit': { zh: '贫困村退出（一低五有）', en: 'village exit (一低五有)' },
  'standard.county-exit': { zh: '贫困县退出（一低三有）', en: 'county exit (一低三有)' },

  'sheet.villages': { zh: '贫困村', en: 'villages' },
  'sheet.households': { zh: '未达标户', en: 'households' },
  'sheet.identification': { zh: '贫困识别', en: 'identification' },
  'sheet.returnRisk': { zh: '防返贫监测', en: 'return-risk' },
  'sheet.scores': { zh: '考核得分', en: 'scores' },
  'sheet.cards': { zh: '红旗黄牌', en: 'cards' },
  'sheet.lists': { zh: '问责名单', en: 'lists' },
  'sheet.listHouseholds': { zh: '问责涉及户', en: 'households behind the lists' },
  'column.county': { zh: '县', en: 'county' },
  'column.township': { zh: '乡镇', en: 'township' },
  'column.villageId': { zh: '村编码', en: 'village id' },
  'column.village': { zh: '村', en: 'village' },
  'column.outcome': { zh: '结果', en: 'outcome' },
  'column.numerator': { zh: '剩余贫困人口（分子）', en: 'remaining poor (numerator)' },
  'column.denominator': { zh: '农业户籍人口（分母）', en: 'rural registered population (denominator)' },
  'column.ratio': { zh: '贫困发生率', en: 'incidence' },
  'column.failingItems': { zh: '不达标项', en: 'failing items' },
  'column.unknownItems': { zh: '无法判定项', en: 'items that cannot be judged' },
  'column.missing': { zh: '缺失字段', en: 'missing fields' },
  'column.householdId': { zh: '户编码', en: 'household id' },
  'column.headName': { zh: '户主姓名', en: 'head of household' },
  'column.reasons': { zh: '判定依据', en: 'reasons' },
  'column.unitType': { zh: '单位类型', en: 'unit type' },
  'column.unitId': { zh: '单位编码', en: 'unit id' },
  'column.unit': { zh: '单位', en: 'unit' },
  'column.quarter': { zh: '季度', en: 'quarter' },
  'column.score': { zh: '得分', en: 'score' },
  'column.card': { zh: '牌', en: 'card' },
  'column.consecutiveYellow': { zh: '连续黄牌', en: 'yellow cards in a row' },
  'column.yellowThisYear': { zh: '本年黄牌', en: 'yellow cards this year' },
  'column.cardHistory': { zh: '黄牌季度', en: 'yellow-card quarters' },
  'column.list': { zh: '名单', en: 'list' },
  'column.official': { zh: '负责人', en: 'official' },
  'column.title': { zh: '职务', en: 'title' },
  'column.trigger': { zh: '触发原因', en: 'trigger' },
  'column.indicator': { zh: '指标', en: 'indicator' },
  'column.value': { zh: '指标值', en: 'value' },
  'column.pointsLost': { zh: '失分', en: 'points lost' },
  'column.households': { zh: '相关户', en: 'households' },
  'column.villages': { zh: '相关村', en: 'villages' },
  'card.red-flag': { zh: '流动红旗', en: 'red flag' },
  'card.yellow-card': { zh: '黄牌警告', en: 'yellow card' },
  'list.interview': { zh: '约谈问责', en: 'interview' },
  'list.resignation': { zh: '引咎辞职', en: 'resignation' },

  'pdf.title': { zh: '约谈问责与引咎辞职报告', en: 'Accountability report: interviews and resignations' },
  'pdf.subtitle': { zh: '{county} · {quarter}', en: '{county} · {quarter}' },
  'pdf.interview': { zh: '约谈问责名单', en: 'Interview list (约谈问责)' },
  'pdf.resignation': { zh: '引咎辞职名单', en: 'Resignation list (引咎辞职)' },
  'pdf.cards': { zh: '流动红旗与黄牌警告', en: 'Red flags and yellow cards' },
  'pdf.households': { zh: '相关户：{households}', en: 'households: {households}' },
  'pdf.empty': { zh: '本季度无', en: 'none this quarter' },
  'console.hint': {
    zh: '在控制台查看：运行 npx tuopin serve{dbOption}，用它打印的登录网址登录，然后打开 {url}',
    en: 'To read this in the console: run npx tuopin serve{dbOption}, sign in with the URL it prints, then open {url}',
  },
  'pdf.fontMissing': {
    zh: '找不到生成 PDF 所需的中文字体 {path}：请安装 Debian 软件包 fonts-noto-cjk（apt-get install fonts-noto-cjk）',
    en: 'the CJK font for the PDF is missing at {path}: install the Debian package fonts-noto-cjk (apt-get install fonts-noto-cjk)',
  },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** The text of `key` in `lang`, each `{name}` replaced by `params[name]`. */
export function message(lang: Lang, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** A parameter of a `Text`: a value, another text, or a list of texts (joined as the language lists). */
export type TextParam = string | number | Text | readonly Text[];

/**
 * A text not yet in a language: its catalogue key and parameters. What a typed error or a
 * rejection says is kept so, and rendered in the reader's language where it is read; the
 * English rendering is what messages, stored notes and JSON keep.
 */
export interface Text {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, TextParam>>;
}

/** A `Text` in `lang`, nested texts rendered first. */
export function render(lang: Lang, text: Text): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    params[name] = typeof value === 'string' || typeof value === 'number' ? value : isTextList(value) ? value.map((each) => render(lang, each)).join(message(lang, 'text.listJoin')) : render(lang, value);
  }
  return message(lang, text.key, params);
}

function isTextList(value: Text | readonly Text[]): value is readonly Text[] {
  return Array.isArray(value);
}

/** Whether a value is a `Text` of this catalogue (a typed error's field, say). */
export function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string' && Object.hasOwn(MESSAGES, (value as { key: string }).key);
}

/** `--lang` when given, else the locale: zh when LC_ALL, LC_MESSAGES or LANG (the first set) starts with zh. */
export function langFrom(option: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang | null {
  if (option !== undefined) return option === 'zh' || option === 'en' ? option : null;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A count with its noun, singular or plural in English (`1 household`, `2 households`; zh `2 户`). */
export function countOf(lang: Lang, noun: 'household' | 'village' | 'township' | 'unit' | 'verdict' | 'tally' | 'version', count: number): string {
  return message(lang, `count.${noun}.${count === 1 ? 'one' : 'many'}`, { count });
}
