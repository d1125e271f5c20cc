import { test, expect } from '@playwright/test';
import { fitText, fitTextMiddle, widthInEm } from '../../../reports/text-fit.js';

test('widths: narrow letters count less than wide ones, capitals more than small letters, emoji and ideographs most', () => {
  expect(widthInEm('illi')).toBeLessThan(widthInEm('mmmm'));
  expect(widthInEm('WAVE')).toBeGreaterThan(widthInEm('wave'));
  expect(widthInEm('😀')).toBeGreaterThan(widthInEm('M'));
  expect(widthInEm('呼')).toBeGreaterThan(widthInEm('M'));
  expect(widthInEm('')).toBe(0);
});

test('a text that fits is kept whole; one too long or too wide is cut with … and then fits', () => {
  expect(fitText('Queue', 19, 12)).toBe('Queue');
  expect(fitText('SimulateGlobalError', 19, 12.4)).toBe('SimulateGlobalError');
  expect(fitText('DisconnectContact_g9e', 19, 12.4)).toBe('DisconnectContact_…');
  for (const text of ['OutboundCampaignCallResult', 'W'.repeat(19), '😀'.repeat(30), 'x'.repeat(260_000)]) {
    const fitted = fitText(text, 19, 12.4);
    expect(fitted.endsWith('…'), text.slice(0, 30)).toBe(true);
    expect(widthInEm(fitted), text.slice(0, 30)).toBeLessThanOrEqual(12.4);
    expect([...fitted].length).toBeLessThanOrEqual(19);
  }
});

test('never splits a character made of two UTF-16 units', () => {
  const fitted = fitText('😀'.repeat(20), 19, 6);
  expect(fitted).toMatch(/^(😀)+…$/u);
});

test('an activity label cut keeps its start and its end, which tell activities apart (DisconnectContact_gse and _x1f), and then fits', () => {
  // Before: both boxes read "DisconnectContact_…", and the lab's CallBackAPI_HTTPRequest "CallBackAPI_HTTPR…".
  expect(fitTextMiddle('SimulateGlobalError', 19, 12.4)).toBe('SimulateGlobalError');
  // The end from the start of a word: after a separator (kept), at a capital after a small letter or ending capitals.
  expect(fitTextMiddle('DisconnectContact_gse', 19, 12.4)).toBe('DisconnectCont…_gse');
  expect(fitTextMiddle('DisconnectContact_x1f', 19, 12.4)).toBe('DisconnectCont…_x1f');
  expect(fitTextMiddle('CallBackAPI_HTTPRequest', 19, 12.4)).toBe('CallBackAPI…Request');
  expect(fitTextMiddle('OutboundCampaignCallResult', 19, 12.4)).toBe('OutboundCa…Result');
  // No word start near the end: half of what is kept.
  expect(fitTextMiddle('abcdefghijklmnopqrstuvwxyz', 19, 100)).toBe('abcdefghi…rstuvwxyz');
  for (const text of ['OutboundCampaignCallResult', 'W'.repeat(19), 'W'.repeat(18), '😀'.repeat(30), 'x'.repeat(260_000)]) {
    const fitted = fitTextMiddle(text, 19, 12.4);
    expect(fitted.includes('…'), text.slice(0, 30)).toBe(true);
    expect(widthInEm(fitted), text.slice(0, 30)).toBeLessThanOrEqual(12.4);
    expect([...fitted].length).toBeLessThanOrEqual(19);
  }
  expect(fitTextMiddle('😀'.repeat(20), 19, 6)).toMatch(/^(😀)+…(😀)+$/u);
  // The end kept never starts with an accent or a joiner, which would sit on the ellipsis.
  expect(fitTextMiddle(`${'a'.repeat(9)}e\u0301${'b'.repeat(7)}`, 19, 12.4)).toMatch(/^a+…b{7}$/);
  expect(fitTextMiddle('👩\u200d👩\u200d👧'.repeat(4), 19, 6)).not.toMatch(/…[\u200d\p{M}]/u);
});
