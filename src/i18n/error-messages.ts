/**
 * The detail of the typed errors a clerk meets most, in Chinese and English: why a dataset
 * folder, a CSV header or a file's encoding is refused, an empty dataset, a store folder in use
 * or stopped, an invalid rule set or quarter. The English is the error's own message (what the
 * API and the logs keep), so the English line of the command is the same as before (but for an encoding
 * refusal, whose message holds both languages: the command says the one asked for); the
 * command prints the text of its language. Part of the one catalogue (`MESSAGES`).
 */
export const ERROR_MESSAGES = {
  'text.listJoin': { zh: '；', en: ', ' },
  'error.DATASET_FOLDER': { zh: '数据集文件夹 {dir}：{problem}', en: 'dataset folder {dir}: {problem}' },
  'folder.missing': { zh: '缺少 {files}', en: 'missing {files}' },
  'folder.kindMissing': { zh: '缺少 {file}', en: '{file} is missing' },
  'folder.whereKind': { zh: '{stem}.jsonl、{stem}.csv、{stem}.xlsx 或名为 {sheets} 的工作表', en: '{stem}.jsonl or {stem}.csv or {stem}.xlsx or a workbook sheet named {sheets}' },
  'folder.notFound': { zh: '不存在', en: 'does not exist' },
  'folder.notFolder': { zh: '不是文件夹', en: 'is not a folder' },
  'folder.unreadable': { zh: '无法读取（{code}）', en: 'cannot be read ({code})' },
  'folder.workbooks': { zh: '有不止一个工作簿（{files}）；请只留一个', en: 'more than one workbook ({files}); keep one' },
  'folder.sheetTwice': { zh: '{file} 中 {stem} 出现两次，在工作表 {first} 和 {second}；请只留一个', en: '{file} holds {stem} twice, on sheets {first} and {second}; keep one' },
  'folder.both': { zh: '{first} 和 {second} 同时存在；请只留一个', en: 'both {first} and {second} are present; keep one' },
  'folder.times': { zh: '{stem} 给了 {count} 次（{files}）；请只留一个', en: '{stem} is given {count} times ({files}); keep one' },
  'folder.noSheet': { zh: '{file} 没有工作表', en: '{file} has no sheet' },
  'folder.notWorkbook': { zh: '{file} 无法作为 .xlsx 工作簿读取（{detail}）', en: '{file} cannot be read as an .xlsx workbook ({detail}) / {file} 无法作为 .xlsx 工作簿读取' },

  'error.CSV_HEADER': { zh: '{file} 第 {line} 行：{problem}', en: '{file}:{line}: {problem}' },
  'header.notObject': { zh: '列 {column}：{prefix} 不是对象；请在名为 {prefix} 的一列中整体给出', en: 'column {column}: {prefix} is not an object; give it whole in a column named {prefix}' },
  'header.unknown': { zh: '列名“{column}”不是已知列名，是否应为“{near}”？', en: 'column {column} is not a known column; did you mean {near}? / 列名“{column}”不是已知列名，是否应为“{near}”？' },
  'header.noName': { zh: '第 {index} 列没有列名', en: 'column {index} has no name' },
  'header.twice': { zh: '列 {column} 出现两次', en: 'column {column} appears twice' },
  'header.unreadable': { zh: '表头无法读取：{detail}', en: '{detail}' },

  // The command says the encoding refusal in one language; its message keeps both (`label`).
  'error.DATASET_ENCODING': {
    zh: '{file} 第 {line} 行不是有效的 {encoding} 编码（{where}），整个文件未导入；请另存为 UTF-8 后重新导入',
    en: '{file}:{line}: not valid {encoding} text at {where}; the file is refused (save it as UTF-8 and import it again)',
  },
  'error.DATASET_EMPTY': {
    zh: '数据集没有任何农户（农户文件为空或只有表头{rejected}），拒绝导入；没有写入任何数据',
    en: '数据集没有任何农户，拒绝导入 the dataset has no household (households file empty or header only{rejected}); nothing was imported',
  },
  'empty.rejected': { zh: '，或其中每一行都被拒收：拒收 {count} 行', en: ', or all of its rows rejected: {count} rows rejected' },
  'error.STORE_IN_USE': {
    zh: '数据库目录 {dir} 正被另一个进程使用（另一条 tuopin 命令？），请等它结束或换用 --db',
    en: '数据库目录 {dir} 正被另一个进程使用（另一条 tuopin 命令？），请等它结束或换用 --db / the store in {dir} is in use by another process (another tuopin command?); wait for it or give another --db',
  },
  'error.STORE_STOPPED': {
    zh: '内嵌数据库进程（{dir}）在命令运行中退出（{exit}），本次命令未完成，可重新运行',
    en: "内嵌数据库进程（{dir}）在命令运行中退出（{exit}），本次命令未完成，可重新运行 / the embedded store's process ({dir}) ended during the command ({exit}); the command did not finish, run it again",
  },
  'error.RULE_SET_INVALID': { zh: '规则集 {ruleSetId} 无效：{problems}', en: 'rule set {ruleSetId} is invalid: {problems}' },
  'error.QUARTER_INVALID': { zh: '季度 {quoted} 不合格式，应形如 2018Q3', en: 'quarter {quoted} is not like 2018Q3' },
} as const satisfies Record<string, { readonly zh: string; readonly en: string }>;
