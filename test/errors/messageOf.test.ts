import { describe, expect, it } from 'vitest';
import { MotcuaError, messageOf, show } from '../../src/errors';
import { reasonTexts } from '../../src/kpi/reasonTexts';
import { messageOf as fromCalendar } from 'motcua/calendar';

describe('messageOf: the text of an error in the officer\'s language (#19)', () => {
  it('gives the Vietnamese text by default and the English one (= message) with "en", the field first in both', () => {
    const e = new MotcuaError('INVALID_DATE', { vi: 'ngày không có thật', en: 'not a real date' }, '2025-02-30', 'receivedAt');
    expect(e.message).toBe('receivedAt: not a real date');
    expect(e.texts).toEqual({ vi: 'receivedAt: ngày không có thật', en: 'receivedAt: not a real date' });
    expect(messageOf(e)).toBe('receivedAt: ngày không có thật');
    expect(messageOf(e, 'en')).toBe('receivedAt: not a real date');
    expect(fromCalendar).toBe(messageOf);
  });

  it('names the field once: a text that already starts with it (a caught error re-thrown) is not prefixed again', () => {
    const inner = new MotcuaError('INVALID_INSTANT', { vi: 'không có thật', en: 'not real' }, 'x', 'at');
    const outer = new MotcuaError('INVALID_EVENT', inner.texts, 'x', 'at');
    expect(outer.message).toBe('at: not real');
    expect(outer.texts.vi).toBe('at: không có thật');
    // another field is still put in front
    expect(new MotcuaError('INVALID_EVENT', inner.texts, 'x', 'events[2]').message).toBe('events[2]: at: not real');
    // a field that is only a prefix of the text's first word is not taken for it
    expect(new MotcuaError('INVALID_EVENT', { vi: 'atx: a', en: 'atx: a' }, 'x', 'at').message).toBe('at: atx: a');
  });

  it('a lone string from untyped JavaScript serves both languages; a foreign error gives its message, anything else its string form', () => {
    const e = new MotcuaError('INVALID_INPUT', 'x' as never);
    expect(e.texts).toEqual({ vi: 'x', en: 'x' });
    expect(messageOf(new TypeError('boom'))).toBe('boom');
    expect(messageOf('plain')).toBe('plain');
    expect(messageOf(undefined, 'en')).toBe('undefined');
  });

  it('an error of another copy without texts (an older motcua) falls back to its message', () => {
    const foreign = Object.assign(Object.create(MotcuaError.prototype), { message: 'old copy', code: 'INVALID_INPUT' });
    expect(messageOf(foreign)).toBe('old copy');
  });

  it('a missing value reads as words in Vietnamese, as the JavaScript keyword in English, in show and in the rejected rows', () => {
    expect(show(undefined, 'vi')).toBe('không có giá trị');
    expect(show(undefined)).toBe('undefined');
    expect(show(null, 'vi')).toBe('null');
    expect(reasonTexts(`line 4: expected the dossier id in "dossierId", got ${show(undefined)}`).vi).toBe('dòng 4: cần mã hồ sơ trong "dossierId", nhận được không có giá trị');
  });
});
