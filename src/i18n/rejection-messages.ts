/**
 * Why a dataset row is rejected, in Chinese and English: a value of the wrong type, out of its
 * plausible range, not among the allowed values, or a blank id or bad date. The English is
 * the reason as summary.json, the incompleteness notes and the verdicts keep it; the terminal's
 * `rejected FILE:LINE FIELD: reason` lines say it in the command's language. Part of the one
 * catalogue (`MESSAGES`).
 */
export const REJECTION_MESSAGES = {
  'reject.missing': { zh: '缺失，应为{expected}', en: 'missing, expected {expected}' },
  'reject.type': { zh: '应为{expected}，实为 {got}', en: 'expected {expected}, got {got}' },
  'reject.oneOf': { zh: '应为 {values} 之一，实为 {got}', en: 'expected one of {values}, got {got}' },
  'reject.atLeast': { zh: '应不小于 {limit}，实为 {got}', en: 'expected at least {limit}, got {got}' },
  'reject.moreThan': { zh: '应大于 {limit}，实为 {got}', en: 'expected more than {limit}, got {got}' },
  'reject.atMost': { zh: '应不大于 {limit}，实为 {got}', en: 'expected at most {limit}, got {got}' },
  'reject.lessThan': { zh: '应小于 {limit}，实为 {got}', en: 'expected less than {limit}, got {got}' },
  'reject.custom': { zh: '{check}，实为 {got}', en: '{check}, got {got}' },
  'reject.custom.alone': { zh: '{check}', en: '{check}' },
  'reject.nonBlankId': { zh: '编码不能为空', en: 'expected a non-blank id' },
  'reject.isoDate': { zh: '应为 ISO 日期（YYYY-MM-DD）', en: 'expected an ISO date (YYYY-MM-DD)' },
  'reject.nothing': { zh: '空', en: 'nothing' },
  'reject.a.string': { zh: '文本', en: 'a string' },
  'reject.a.number': { zh: '数字', en: 'a number' },
  'reject.a.int': { zh: '整数', en: 'a whole number' },
  'reject.a.boolean': { zh: ' true 或 false ', en: 'true or false' },
  'reject.a.object': { zh: '对象', en: 'an object' },
  'reject.a.array': { zh: '列表', en: 'a list' },
  'reject.yesNo': { zh: '应为 是/否 或 true/false，实为 {got}', en: 'expected 是/否 or true/false, got {got}' },
  'reject.duplicate': { zh: '重复的 {key}，首次出现在第 {first} 行', en: 'duplicate {key}, first on line {first}' },
  'reject.unknown': { zh: '没有这个{noun}：{id}', en: 'unknown {noun} {id}' },
  'reject.wasRejected': { zh: '{noun} {id} 已被拒收（{file}:{line}）', en: '{noun} {id} was rejected ({file}:{line})' },
  'reject.townshipCounty': { zh: '乡镇 {township} 属于县 {county}，不是 {villageCounty}', en: 'township {township} belongs to county {county}, not {villageCounty}' },
  'reject.noun.county': { zh: '县', en: 'county' },
  'reject.noun.township': { zh: '乡镇', en: 'township' },
  'reject.noun.assistingUnit': { zh: '帮扶单位', en: 'assisting unit' },
  'reject.noun.village': { zh: '村', en: 'village' },
  'reject.noun.card': { zh: '牌', en: 'card' },
  'reject.rowJoin': { zh: '；', en: '; ' },
  'reject.notJson': { zh: '不是有效的 JSON：{detail}', en: 'not valid JSON: {detail}' },
  'reject.cellJson': { zh: '应为 JSON，实为 {got}（{detail}）', en: 'expected JSON, got {got} ({detail})' },
  'reject.enum': { zh: '应为以下之一：{values}；实为 {got}', en: 'expected one of {values} / 应为以下之一, got {got}' },
  'reject.notObject': { zh: '{path} 为 {got}，不是对象', en: '{path} is {got}, not an object' },
  'reject.recordTooBig': {
    zh: '该记录存储后占 {bytes} 字节，超过数据库每条记录 {max} 字节的上限{where}',
    en: "the record takes {bytes} bytes as stored, more than the store's {max} per record{where}",
  },
  'reject.recordTooBig.where': { zh: '；其中 {path} 占 {bytes} 字节', en: '; {path} alone takes {bytes} bytes' },
  'reject.keyTooLong': {
    zh: '过长，无法存储：作为{which}键（{attribute}）有 {bytes} 字节（UTF-8），超过允许的 {max} 字节',
    en: 'too long to store: it makes a {which} key ({attribute}) of {bytes} bytes in UTF-8, more than the {max} allowed',
  },
  'reject.key.partition': { zh: '分区', en: 'partition' },
  'reject.key.sort': { zh: '排序', en: 'sort' },
  'reject.cellCount': { zh: '表头有 {expected} 个单元格，本行有 {got} 个', en: 'expected {expected} cells as in the header, got {got}' },
  'reject.csv.afterQuote': { zh: '第 {cell} 个单元格的右引号后还有文字', en: 'unexpected text after a closing quote in cell {cell}' },
  'reject.csv.longCell': { zh: '带引号的单元格超过 {max} 个字符仍未结束（引号未闭合？）', en: 'a quoted cell runs on for more than {max} characters (unclosed quote?)' },
  'reject.csv.unclosed': { zh: '引号没有闭合', en: 'a quote is never closed' },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;
