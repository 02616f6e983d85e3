#!/usr/bin/env node
// Generates the calendar's compiled data modules from their sources:
//  - src/calendar/_data/official.ts  from data/vn-official-days.json (official schedules 2018-2027, every entry with status and source)
//  - src/calendar/_data/lunar.ts     from date-holidays' Vietnamese (UTC+7) lunar calendar: Tết (1/1) and Giỗ Tổ Hùng Vương (10/3), 1990-2100
// Run with `npm run gen:data`; test/calendar/data.test.ts fails if the committed modules drift from a fresh generation.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateOfficial, generateLunar } from './gen-data-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const json = JSON.parse(readFileSync(`${root}data/vn-official-days.json`, 'utf8'));
writeFileSync(`${root}src/calendar/_data/official.ts`, generateOfficial(json));
writeFileSync(`${root}src/calendar/_data/lunar.ts`, await generateLunar());
console.log('generated src/calendar/_data/official.ts and src/calendar/_data/lunar.ts');
