/**
 * `motcua/node`: what needs Node (files, worker threads). `summarizeCsvFile` reads a large CSV
 * export once, split over worker threads, into the same summary as `summarize(readRecords(…))`.
 * @module
 */
export { accumulateCsvFile, defaultThreads, MAX_THREADS, summarizeCsvFile } from './summarizeFile';
export type { CsvFileOptions, CsvFileReport, CsvFileSummary, RejectedRow } from './summarizeFile';
export { decoderFor, encodingOf, sniffDelimiter, textChunks, textSource } from './text';
export type { TextDecoderLike, TextEncoding, TextSource } from './text';
export { docxText } from './docx';
export { readXlsxRecordBatches, sheetRows, writeXlsx } from './xlsx';
export type { SheetInfo, SheetRow, WriteCell, WriteSheet } from './xlsx';
export { FORM_NUMBER_ROW, REPORT_SHEETS, writeFormII06a } from './reportWorkbook';
export { reportHtml } from './reportHtml';
export type { Report766Options } from './_points766';
export { MotcuaError, isMotcuaError, messageOf } from '../errors';
export type { ErrorTexts } from '../errors';
export type { MotcuaErrorCode } from '../errors';
export { accumulateEventsFile, accumulateEventsText, summarizeEventsFile } from './summarizeEvents';
export type { EventsFileOptions, EventsFileReport, EventsFileSummary } from './summarizeEvents';
