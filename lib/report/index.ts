export { parseReport, reportId, PARSER_VERSION, type ParseOptions } from './parse';
export { parseReportFile, ReportFileError } from './file';
export * from './schema';
