export { parseReportFile, ReportFileError } from './file';
export { originOf, PARSER_VERSION, parseReport, reportId } from './parse';
export * from './schema';
