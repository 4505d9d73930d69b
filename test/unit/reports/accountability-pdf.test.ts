import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportModelBuilder } from '../../../src/reports/report-model.js';
import { ReportText } from '../../../src/reports/summary-text.js';
import { ReportFontMissingError, writeAccountabilityPdf } from '../../../src/reports/write-accountability-pdf.js';

const names = { counties: new Map(), townships: new Map(), villages: new Map(), units: new Map(), households: new Map() };
const model = new ReportModelBuilder().build({ runId: null, quarter: '2018Q4', status: null, ruleSetVersions: null, writes: null, outcomes: { total: {} } });
let dir: string | undefined;
afterAll(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe('the accountability PDF', () => {
  it.each([
    ['en', 'install the Debian package fonts-noto-cjk'],
    ['zh', '请安装 Debian 软件包 fonts-noto-cjk'],
  ] as const)('refuses to write without the CJK font and names the package to install (%s)', async (lang, hint) => {
    dir ??= await mkdtemp(join(tmpdir(), 'tuopin-pdf-'));
    const writing = writeAccountabilityPdf(join(dir, 'a.pdf'), new ReportText(lang, model, names), { path: join(dir, 'no-such-font.ttc'), face: 'x' });
    await expect(writing).rejects.toBeInstanceOf(ReportFontMissingError);
    await expect(writing).rejects.toMatchObject({ code: 'REPORT_FONT_MISSING', message: expect.stringContaining(hint) });
  });
});
