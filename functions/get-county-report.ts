import { countyReportXlsx, XLSX_CONTENT_TYPE } from '../src/reports/county-report.js';
import { fromEnvironment, type Clients } from './_shared/clients.js';
import { httpHandler } from './_shared/http-handler.js';
import { fileResponse } from './_shared/json-response.js';

/** `GET /counties/{countyId}/quarters/{quarter}/report.xlsx`: the county's workbook of the quarter, under a Chinese file name. */
export const makeHandler = ({ stores, telemetry }: Clients) =>
  httpHandler('get-county-report', async ({ params }) => countyReportXlsx(stores, params.countyId, params.quarter), {
    telemetry,
    respond: (report) => fileResponse(report.fileName, XLSX_CONTENT_TYPE, report.bytes),
  });

export const handler = fromEnvironment(makeHandler);
