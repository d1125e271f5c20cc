/** Speech Synthesis Markup in a Text-to-Speech prompt. */

/**
 * The words of an SSML message (`<speak>Press <say-as interpret-as="digits">3</say-as> …`): each
 * tag read as a space. One pass; a `<` with no `>` after it is text.
 */
export function ssmlWords(text: string): string {
  let words = '';
  let at = 0;
  for (let open = text.indexOf('<'); open >= 0; open = text.indexOf('<', at)) {
    const close = text.indexOf('>', open);
    if (close < 0) break;
    words += `${text.slice(at, open)} `;
    at = close + 1;
  }
  return words + text.slice(at);
}
