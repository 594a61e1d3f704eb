export { parseReportFile, ReportFileError } from './file';
export { PARSER_VERSION, parseReport, reportId } from './parse';
export * from './schema';
