export { parseReportFile, ReportFileError } from './file';
export { PARSER_VERSION, type ParseOptions, parseReport, reportId } from './parse';
export * from './schema';
