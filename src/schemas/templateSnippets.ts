/**
 * The snippet files (armTemplate.snippets.json, resourceBody.snippets.json) as completion entries, for the one language
 * the manifest cannot give them to: `arm-template` belongs to the Azure Resource Manager Tools extension, and a
 * manifest snippet for a language no installed extension declares is an error VS Code reports against this extension.
 * json and jsonc get the same files from the manifest (contributes.snippets); arm-template documents get them from
 * registerTemplateSupport's completion provider, through this module. Pure: no vscode import.
 */

export const TEMPLATE_SNIPPET_FILES = ['armTemplate.snippets.json', 'resourceBody.snippets.json'] as const;

/** The language whose snippets come from the completion provider rather than the manifest. */
export const PROVIDER_SNIPPET_LANGUAGE = 'arm-template';

export interface TemplateSnippet {
  /** What the user types (each prefix is its own entry, as VS Code lists manifest snippets). */
  readonly prefix: string;
  /** The snippet's name in the file ("Compute Gallery: gallery (ARM template resource)"). */
  readonly name: string;
  readonly description: string;
  /** The body in VS Code's snippet syntax (`${1:placeholder}`), lines joined with "\n". */
  readonly body: string;
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/**
 * The entries of one snippet file (VS Code's format: name → { prefix, body, description }). An entry that is not
 * well formed is left out and named in `problems`, so a broken file shows in the log instead of in a completion.
 */
export function parseSnippetFile(text: string, file: string): { readonly snippets: TemplateSnippet[]; readonly problems: string[] } {
  const snippets: TemplateSnippet[] = [];
  const problems: string[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    return { snippets, problems: [`${file}: ${String(error)}`] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { snippets, problems: [`${file}: not an object of snippets`] };
  }
  for (const [name, entry] of Object.entries(parsed as Record<string, unknown>)) {
    const { prefix, body, description } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const prefixes = typeof prefix === 'string' ? [prefix] : isStringArray(prefix) ? prefix : [];
    const lines = typeof body === 'string' ? [body] : isStringArray(body) ? body : undefined;
    if (prefixes.length === 0 || !lines) {
      problems.push(`${file}: snippet "${name}" has no prefix or body`);
      continue;
    }
    for (const p of prefixes) {
      snippets.push({ prefix: p, name, description: typeof description === 'string' ? description : '', body: lines.join('\n') });
    }
  }
  return { snippets, problems };
}

/**
 * Every snippet file, read with `read` (the installed extension's files) and parsed. A file that cannot be read is a
 * problem like a malformed one: its entries are missing, the other file's are offered, and completion goes on.
 */
export async function readSnippetFiles(read: (file: string) => Promise<string>): Promise<{ readonly snippets: TemplateSnippet[]; readonly problems: string[] }> {
  const snippets: TemplateSnippet[] = [];
  const problems: string[] = [];
  for (const file of TEMPLATE_SNIPPET_FILES) {
    let text: string;
    try {
      text = await read(file);
    } catch (error) {
      problems.push(`${file}: couldn't be read: ${String(error)}`);
      continue;
    }
    const parsed = parseSnippetFile(text, file);
    snippets.push(...parsed.snippets);
    problems.push(...parsed.problems);
  }
  return { snippets, problems };
}
