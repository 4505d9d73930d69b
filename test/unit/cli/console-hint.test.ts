import { describe, expect, it } from 'vitest';
import { consoleHintLine } from '../../../src/cli/run/run-files.js';

describe('the line that points a run to the console', () => {
  it('names the county and quarter page, and the --db that tuopin serve needs as well', () => {
    const hint = { persistent: true, quarter: '2018Q4', countyId: '513336', db: '/tmp/db' };
    expect(consoleHintLine(hint, 'en')).toBe(
      'To read this in the console: run npx tuopin serve --db /tmp/db, sign in with the URL it prints, then open http://127.0.0.1:8080/?county=513336&quarter=2018Q4',
    );
    expect(consoleHintLine({ ...hint, db: undefined }, 'zh')).toBe('在控制台查看：运行 npx tuopin serve，用它打印的登录网址登录，然后打开 http://127.0.0.1:8080/?county=513336&quarter=2018Q4');
  });

  it('is left out for a run kept in memory only: there is nothing for the console to read', () => {
    expect(consoleHintLine({ persistent: false, quarter: '2018Q4', countyId: '513336', db: undefined }, 'en')).toBeNull();
  });
});
