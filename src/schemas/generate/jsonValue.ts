/** Plain JSON values as read from the reference files, with narrowing helpers so the generator never needs `any`. */

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: JsonValue | undefined): JsonObject | undefined {
  return isJsonObject(value) ? value : undefined;
}

export function asString(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asArray(value: JsonValue | undefined): JsonValue[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export function asStringArray(value: JsonValue | undefined): string[] | undefined {
  const array = asArray(value);
  return array?.every((item) => typeof item === 'string') ? (array) : undefined;
}

export function parseJsonFile(text: string, source: string): JsonObject {
  const parsed = JSON.parse(text) as JsonValue;
  if (!isJsonObject(parsed)) {
    throw new Error(`${source}: expected a JSON object at the top level`);
  }
  return parsed;
}
