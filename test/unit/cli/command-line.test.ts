import { describe, expect, it } from 'vitest';
import { DatasetFolderError } from '../../../src/adapters/file/dataset-folder-error.js';
import { commandLang, errorText, unknownCommand, UsageError } from '../../../src/cli/options/command-line.js';
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
  it('is the catalogue text of its code, filled from its own fields', () => {
    const error = new DatasetFolderError('/data/x', 'missing counties.jsonl or counties.csv');
    expect(errorText('zh', error)).toBe('数据集文件夹 /data/x：missing counties.jsonl or counties.csv');
    expect(errorText('en', error)).toBe(error.message);
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
