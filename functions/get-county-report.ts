import { countyReportXlsx, XLSX_CONTENT_TYPE } from '../src/reports/county-report.js';
import { clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';
import { fileResponse } from './_shared/json-response.js';

const { stores } = clients();

/** `GET /counties/{countyId}/quarters/{quarter}/report.xlsx`: the county's workbook of the quarter, under a Chinese file name. */
export const handler = httpHandler('get-county-report', async ({ params }) => countyReportXlsx(stores, params.countyId, params.quarter), {
  respond: (report) => fileResponse(report.fileName, XLSX_CONTENT_TYPE, report.bytes),
});
