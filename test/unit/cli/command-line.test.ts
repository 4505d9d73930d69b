import { describe, expect, it } from 'vitest';
import { DatasetFolderError } from '../../../src/adapters/file/dataset-folder-error.js';
import { commandLang, unknownCommand, UsageError } from '../../../src/cli/options/command-line.js';
import { errorText } from '../../../src/cli/options/error-text.js';
import { StoreInUseError, StoreStoppedError } from '../../../src/adapters/dynamodb/store-errors.js';
import { RuleSetInvalidError } from '../../../src/engine/errors.js';
import { ruleProblem } from '../../../src/engine/rule-set-problem.js';
import { StoredRuleSetInvalidError } from '../../../src/engine/load-rule-set.js';
import { QuarterInvalidError } from '../../../src/kernel/errors.js';
import { CsvHeaderError, DatasetEncodingError } from '../../../src/records/record-errors.js';
import { EmptyDatasetError } from '../../../src/use-cases/use-case-errors.js';
import { whereKindGoes } from '../../../src/adapters/file/dataset-file-of.js';
import { TuopinError } from '../../../src/kernel/errors.js';

describe('a usage error', () => {
  it('is said in the language of the command, and keeps English as its message', () => {
    const error = new UsageError('usage.required', { name: 'quarter' });
    expect(error).toBeInstanceOf(TuopinError);
    expect(error.code).toBe('USAGE');
    expect(error.message).toBe('--quarter is required');
    expect(error.text('zh')).toBe('缺少必填选项 --quarter');
  });

  it('names the nearest command in the same language, and nothing when none is near', () => {
    const typo = unknownCommand('socre', ['score', 'import']);
    expect(typo.text('en')).toBe('unknown command "socre" (did you mean "score"?); run "tuopin --help"');
    expect(typo.text('zh')).toBe('没有 "socre" 这个命令（是否要用 "score"？）；运行 "tuopin --help" 查看');
    expect(unknownCommand('zzzzzz', ['score']).text('en')).toBe('unknown command "zzzzzz"; run "tuopin --help"');
  });
});

describe('a typed error as the command prints it', () => {
  it('is the catalogue text of its code, filled from its own fields, its problem in the same language', () => {
    const error = new DatasetFolderError('/data/x', { key: 'folder.missing', params: { files: [whereKindGoes('counties'), whereKindGoes('villages')] } });
    expect(error.message).toBe(
      'dataset folder /data/x: missing counties.jsonl or counties.csv or counties.xlsx or a workbook sheet named counties/县, villages.jsonl or villages.csv or villages.xlsx or a workbook sheet named villages/村',
    );
    expect(errorText('en', error)).toBe(error.message);
    expect(errorText('zh', error)).toBe('数据集文件夹 /data/x：缺少 counties.jsonl、counties.csv、counties.xlsx 或名为 counties/县 的工作表；villages.jsonl、villages.csv、villages.xlsx 或名为 villages/村 的工作表');
    expect(errorText('zh', new DatasetFolderError('/data/x', { key: 'folder.notFound' }))).toBe('数据集文件夹 /data/x：不存在');
  });

  it('says a clerk\'s refused files in Chinese under zh and as its message under en', () => {
    const header = new CsvHeaderError('households.csv', 1, { key: 'header.twice', params: { column: 'householdId' } });
    expect(errorText('en', header)).toBe('households.csv:1: column householdId appears twice');
    expect(errorText('zh', header)).toBe('households.csv 第 1 行：列 householdId 出现两次');
    const encoding = new DatasetEncodingError('households.csv', 'utf-8 or gb18030', 3, 'byte 4 (0xff 0xfe)');
    expect(errorText('en', encoding)).toBe(encoding.label.en);
    expect(errorText('zh', encoding)).toBe(encoding.label.zh);
    const empty = new EmptyDatasetError(2);
    expect(errorText('en', empty)).toBe(empty.message);
    expect(empty.message).toBe('数据集没有任何农户，拒绝导入 the dataset has no household (households file empty or header only, or all of its rows rejected: 2 rows rejected); nothing was imported');
    expect(errorText('zh', empty)).toBe('数据集没有任何农户（农户文件为空或只有表头，或其中每一行都被拒收：拒收 2 行），拒绝导入；没有写入任何数据');
    expect(errorText('zh', new EmptyDatasetError(0))).toBe('数据集没有任何农户（农户文件为空或只有表头），拒绝导入；没有写入任何数据');
  });

  it('says a store in use or stopped, an invalid rule set and a bad quarter in the command\'s language', () => {
    const cases: Array<[TuopinError, string]> = [
      [new StoreInUseError('/db'), '数据库目录 /db 正被另一个进程使用（另一条 tuopin 命令？），请等它结束或换用 --db'],
      [new StoreStoppedError('/db', 'signal SIGKILL'), '内嵌数据库进程（/db）在命令运行中退出（signal SIGKILL），本次命令未完成，可重新运行'],
      [new RuleSetInvalidError('household-exit', [{ path: 'items.0.id', message: 'required' }]), '规则集 household-exit 无效：items.0.id: required'],
      [new QuarterInvalidError('2018Q5'), '季度 "2018Q5" 不合格式，应形如 2018Q3'],
      [
        new RuleSetInvalidError('household-exit', [ruleProblem('items.0.conditions.fact', 'unknownFact', { fact: '"incomePerHead"', known: 'incomePerCapita' }), ruleProblem('parameters.exitLine.byYear', 'noYearValue', { year: 2021 })]),
        '规则集 household-exit 无效：items.0.conditions.fact: 没有事实 "incomePerHead"；已知的事实：incomePerCapita；parameters.exitLine.byYear: 缺少 2021 年的值',
      ],
    ];
    for (const [error, zh] of cases) {
      expect(errorText('en', error)).toBe(error.message);
      expect(errorText('zh', error)).toBe(zh);
    }
    const stored = new StoredRuleSetInvalidError('household-exit', 2, [{ path: 'id', message: 'x' }]);
    expect(errorText('zh', stored)).toBe(stored.message);
  });

  it('is its message when the catalogue has no text for the code', () => {
    expect(errorText('zh', new TuopinError('SOMETHING_NEW', 'something new went wrong'))).toBe('something new went wrong');
  });
});

describe('the language of a command line before it is parsed', () => {
  it('is --lang wherever it stands, else the locale', () => {
    expect(commandLang(['rules', 'list', '--lang', 'zh'], {})).toBe('zh');
    expect(commandLang(['score', '--lang=en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(commandLang(['score'], { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(commandLang(['score', '--lang', 'fr'], { LANG: 'zh_CN.UTF-8' })).toBe('zh');
  });
});
