/**
 * The start node's contact data (`NewPhoneContact.ANI`, `.DNIS`, `.InteractionID`, …) as
 * expressions read it: a field is found ignoring case. Pebble finds a Java object's getters
 * ignoring case, and WxCC's own flows read these fields in several cases: Cisco Live's lab flows
 * dial `{{NewPhoneContact.ani}}`, Webex samples send `{{NewPhoneContact.InteractionId}}` and
 * `{{NewPhoneContact.interactionId}}`, and the help names it `InteractionID`. Whether WxCC's
 * contact data is such an object is not documented: our choice (docs/simulator.md,
 * `contactFieldsIgnoreCase`). A field of the exact name wins.
 */
export class FieldsIgnoringCase extends Map<string, unknown> {
  override has(key: string): boolean {
    return super.has(key) || this.sameNameIgnoringCase(key) !== undefined;
  }

  override get(key: string): unknown {
    if (super.has(key)) return super.get(key);
    const name = this.sameNameIgnoringCase(key);
    return name === undefined ? undefined : super.get(name);
  }

  private sameNameIgnoringCase(key: unknown): string | undefined {
    if (typeof key !== 'string') return undefined;
    const wanted = key.toLowerCase();
    for (const name of super.keys()) if (name.toLowerCase() === wanted) return name;
    return undefined;
  }
}
