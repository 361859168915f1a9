/**
 * Turns Microsoft's ARM template schema of one resource type into the schemas this extension ships:
 *
 *  - a create (PUT) body schema, an update (PATCH) body schema and, inside the create schema's `definitions`,
 *    `templateResource`: the same resource as it is written in an ARM deployment template;
 *  - relaxed where ARM is more lenient than the official schemas: an ARM expression "[...]" is accepted wherever a
 *    value goes (objects, arrays, array items, numbers, booleans, enums, dates, URIs), integers and booleans may be
 *    written as strings ("1", "true"), a gallery needs no `properties`, any dated `apiVersion` is accepted;
 *  - enriched: read-only properties (from the SDK models and the swagger docs) are accepted but never suggested
 *    (`doNotSuggest`), so a GET response pasted back validates cleanly; per-value enum descriptions, defaults,
 *    formats, name patterns and snippets come from ./overlay.ts.
 *
 * Unknown properties are not rejected by the schemas (as in Microsoft's schemas, and because newer API versions add
 * properties); the language service reports them as warnings with a "did you mean" instead.
 */
import type { JSONSchema } from 'vscode-json-languageservice';
import type { GalleryResourceKind } from '../resourceKinds';
import { RESOURCE_KIND_INFO } from '../resourceKinds';
import { SCHEMA_MESSAGES as MESSAGES } from '../schemaMessages';
import type { JsonObject } from './jsonValue';
import { asArray, asObject, asString, asStringArray } from './jsonValue';
import type { PropertyOverlay } from './overlay';
import {
  APPLICATION_NAME_SEGMENT,
  ENUM_DESCRIPTIONS,
  GALLERY_NAME_SEGMENT,
  IMAGE_DEFINITION_NAME_SEGMENT,
  IMAGE_VERSION_NAME_SEGMENT,
  MANAGED_IMAGE_NAME_SEGMENT,
  PROPERTY_OVERLAYS,
  VERSION_NAME_MESSAGE,
} from './overlay';
import type { SdkMember, SdkModelIndex } from './sdkModels';
import type { SwaggerDoc, SwaggerNode } from './swaggerDocs';

const COMMON_EXPRESSION_REF = 'https://schema.management.azure.com/schemas/common/definitions.json#/definitions/expression';
const EXPRESSION: JSONSchema = { $ref: '#/definitions/armExpression' };
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;


export interface ArmSchemaFile {
  readonly source: string;
  readonly json: JsonObject;
}

export interface KindSources {
  readonly kind: GalleryResourceKind;
  readonly arm: ArmSchemaFile;
  /** Key in `resourceDefinitions`, e.g. "galleries_images". */
  readonly armResource: string;
  /** SDK model of the whole resource ("GalleryImage") and of its `properties` bag ("GalleryImageProperties"). */
  readonly sdkResource: string;
  readonly sdkProperties: string;
  readonly swagger: SwaggerDoc | undefined;
}

export interface BuiltSchemas {
  readonly create: JSONSchema;
  readonly update: JSONSchema;
  /** What the generator noticed about its sources (printed, not fatal). */
  readonly notes: readonly string[];
}

interface ValueContext {
  /** ARM definition that holds the property, or "<root>" for the resource body. */
  readonly owner: string;
  readonly property: string;
  readonly sdkMember: SdkMember | undefined;
  readonly swagger: SwaggerNode | undefined;
  /** True while building the schema of an array's items (property overlays then do not apply). */
  readonly isItem: boolean;
}

interface KindText {
  readonly title: string;
  readonly description: string;
  readonly docsUrl: string;
  readonly namePattern: string;
  readonly nameMessage: string;
  readonly locationNote: string;
  readonly starterBody: Readonly<Record<string, unknown>>;
}

const KIND_TEXT: Readonly<Record<GalleryResourceKind, KindText>> = {
  gallery: {
    title: 'Azure Compute Gallery (Microsoft.Compute/galleries)',
    description: 'A gallery: a repository of image definitions, image versions and VM applications that you share through RBAC, directly or with the community.',
    docsUrl: 'https://learn.microsoft.com/azure/virtual-machines/azure-compute-gallery',
    namePattern: `^${GALLERY_NAME_SEGMENT}$`,
    nameMessage: 'A gallery name has 1-80 letters, digits, underscores or periods, starts and ends with a letter or digit, and has no hyphens.',
    locationNote: '',
    starterBody: { location: '${1:westeurope}', properties: { description: '${2:Images for my team}' } },
  },
  imageDefinition: {
    title: 'Azure Compute Gallery image definition (Microsoft.Compute/galleries/images)',
    description: 'An image definition: publisher/offer/SKU, OS type and state, and the requirements shared by all of its image versions.',
    docsUrl: 'https://learn.microsoft.com/azure/virtual-machines/shared-image-galleries#image-definitions',
    namePattern: `^(?:[^/]+/)?${IMAGE_DEFINITION_NAME_SEGMENT}$`,
    nameMessage:
      'An image definition name has 1-80 letters, digits, underscores, hyphens or periods, starts with a letter or digit and does not end with a period or hyphen. At the top level of a template write "gallery/definition".',
    locationNote: '',
    starterBody: {
      location: '${1:westeurope}',
      properties: {
        osType: '${2|Linux,Windows|}',
        osState: '${3|Generalized,Specialized|}',
        hyperVGeneration: '${4|V2,V1|}',
        identifier: { publisher: '${5:myPublisher}', offer: '${6:myOffer}', sku: '${7:mySku}' },
      },
    },
  },
  imageVersion: {
    title: 'Azure Compute Gallery image version (Microsoft.Compute/galleries/images/versions)',
    description: 'An image version: the replicated image VMs are created from. Its name is Major.Minor.Patch.',
    docsUrl: 'https://learn.microsoft.com/azure/virtual-machines/shared-image-galleries#image-versions',
    namePattern: `^(?:[^/]+/){0,2}${IMAGE_VERSION_NAME_SEGMENT}$`,
    nameMessage: `${VERSION_NAME_MESSAGE} At the top level of a template write "gallery/definition/1.0.0".`,
    locationNote: ' This is the source region: it must be one of `publishingProfile.targetRegions`.',
    starterBody: {
      location: '${1:westeurope}',
      properties: {
        publishingProfile: {
          targetRegions: [{ name: '${1:westeurope}', regionalReplicaCount: 1, storageAccountType: '${2|Standard_ZRS,Standard_LRS,Premium_LRS|}' }],
          excludeFromLatest: false,
        },
        storageProfile: {
          source: { id: '/subscriptions/${3:subscriptionId}/resourceGroups/${4:resourceGroup}/providers/Microsoft.Compute/images/${5:imageName}' },
        },
      },
    },
  },
  application: {
    title: 'Azure Compute Gallery VM application (Microsoft.Compute/galleries/applications)',
    description: 'A VM application: the supported OS type and the details shared by all of its versions (packages installed on VMs and scale sets).',
    docsUrl: 'https://learn.microsoft.com/azure/virtual-machines/vm-applications',
    namePattern: `^(?:[^/]+/)?${APPLICATION_NAME_SEGMENT}$`,
    nameMessage:
      'A VM application name has 1-80 letters, digits, underscores, hyphens or periods, starts with a letter or digit and does not end with a period or hyphen. At the top level of a template write "gallery/application".',
    locationNote: '',
    starterBody: {
      location: '${1:westeurope}',
      properties: { supportedOSType: '${2|Windows,Linux|}', description: '${3:My application}' },
    },
  },
  applicationVersion: {
    title: 'Azure Compute Gallery VM application version (Microsoft.Compute/galleries/applications/versions)',
    description: 'A VM application version: the package (a blob in a storage account), how to install and remove it, and the regions it is replicated to. Its name is Major.Minor.Patch.',
    docsUrl: 'https://learn.microsoft.com/azure/virtual-machines/vm-applications-how-to',
    namePattern: `^(?:[^/]+/){0,2}${IMAGE_VERSION_NAME_SEGMENT}$`,
    nameMessage: `${VERSION_NAME_MESSAGE.replace('An image version name', 'A VM application version name')} At the top level of a template write "gallery/application/1.0.0".`,
    locationNote: ' This is the source region: it must be one of `publishingProfile.targetRegions`.',
    starterBody: {
      location: '${1:westeurope}',
      properties: {
        publishingProfile: {
          source: { mediaLink: 'https://${2:account}.blob.core.windows.net/${3:packages}/${4:app.zip}' },
          manageActions: { install: '${5:install command}', remove: '${6:remove command}' },
          targetRegions: [{ name: '${1:westeurope}', regionalReplicaCount: 1, storageAccountType: '${7|Standard_ZRS,Standard_LRS,Premium_LRS|}' }],
          excludeFromLatest: false,
        },
      },
    },
  },
  managedImage: {
    title: 'Managed image (Microsoft.Compute/images)',
    description: 'A managed image: a single-region image captured from a generalized VM, disk, snapshot or VHD. Prefer a gallery image version for new work.',
    docsUrl: 'https://learn.microsoft.com/azure/virtual-machines/capture-image-resource',
    namePattern: `^${MANAGED_IMAGE_NAME_SEGMENT}$`,
    nameMessage: 'A managed image name has 1-80 letters, digits, underscores, periods or hyphens, starts with a letter or digit and ends with a letter, digit or underscore.',
    locationNote: '',
    starterBody: {
      location: '${1:westeurope}',
      properties: {
        sourceVirtualMachine: {
          id: '/subscriptions/${2:subscriptionId}/resourceGroups/${3:resourceGroup}/providers/Microsoft.Compute/virtualMachines/${4:vmName}',
        },
      },
    },
  },
};

export function buildKindSchemas(sources: KindSources, sdk: SdkModelIndex): BuiltSchemas {
  return new KindSchemaBuilder(sources, sdk).build();
}

class KindSchemaBuilder {
  private readonly definitions: Record<string, JSONSchema> = {};
  private readonly notes: string[] = [];
  private readonly text: KindText;

  constructor(
    private readonly sources: KindSources,
    private readonly sdk: SdkModelIndex,
  ) {
    this.text = KIND_TEXT[sources.kind];
  }

  build(): BuiltSchemas {
    const resource = asObject(asObject(this.sources.arm.json['resourceDefinitions'])?.[this.sources.armResource]);
    if (!resource) {
      throw new Error(`${this.sources.arm.source}: no resourceDefinitions.${this.sources.armResource}`);
    }
    const armProperties = asObject(resource['properties']) ?? {};
    const requiredInArm = new Set(asStringArray(resource['required']) ?? []);
    // ARM accepts a gallery without `properties`; the other three cannot be created without them.
    const propertiesRequired = requiredInArm.has('properties') && this.sources.kind !== 'gallery';

    const resourceMembers = this.sdk.allMembers(this.sources.sdkResource);
    const swaggerRoot = this.sources.swagger?.root;
    const bodyProperties: Record<string, JSONSchema> = {};
    for (const [name, node] of Object.entries(armProperties)) {
      const armNode = asObject(node);
      if (!armNode || name === 'apiVersion' || name === 'name' || name === 'type' || name === 'resources') {
        continue;
      }
      if (name === 'properties') {
        bodyProperties[name] = this.propertySchema('<root>', name, armNode, undefined, swaggerRoot?.properties.get('properties'), this.sources.sdkProperties);
      } else {
        bodyProperties[name] = this.propertySchema('<root>', name, armNode, resourceMembers.get(name), swaggerRoot?.properties.get(name));
      }
    }
    bodyProperties['location'] = this.locationSchema();
    for (const name of ['id', 'name', 'type', 'systemData']) {
      const member = resourceMembers.get(name);
      bodyProperties[name] = readOnlySchema(member?.doc ?? swaggerRoot?.properties.get(name)?.description ?? `Resource ${name}.`);
    }

    this.definitions['armExpression'] = {
      type: 'string',
      pattern: '^\\[([^\\[][\\s\\S]*)?\\]$',
      $comment: 'An ARM template expression: a string that starts with "[" and ends with "]" ("[[" escapes a literal "["). https://aka.ms/arm-template-expressions',
    };
    this.definitions['integerString'] = { type: 'string', pattern: '^[+-]?[0-9]+$', $comment: 'ARM converts numeric strings to integers.' };
    this.definitions['booleanString'] = {
      type: 'string',
      pattern: '^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$',
      $comment: 'ARM converts "true" / "false" strings to booleans.',
    };
    this.definitions['templateResource'] = this.templateResourceSchema(bodyProperties, propertiesRequired);

    const markdown = `${this.text.description}\n\n[Documentation](${this.text.docsUrl})`;
    const header = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $comment: `Generated by src/schemas/generate/generateSchemas.ts from Microsoft's ARM template schema (${this.sources.arm.source}), the @azure/arm-compute models and the swagger docs. Do not edit by hand.`,
      title: this.text.title,
    };
    const definitions = sortKeys(this.definitions);
    const create: JSONSchema = {
      ...header,
      description: this.text.description,
      markdownDescription: markdown,
      type: 'object',
      required: propertiesRequired ? ['location', 'properties'] : ['location'],
      properties: bodyProperties,
      defaultSnippets: [{ label: `New ${RESOURCE_KIND_INFO[this.sources.kind].displayName}`, body: this.text.starterBody }],
      definitions,
    };
    const updateDefinitions = { ...definitions };
    delete updateDefinitions['templateResource'];
    const update: JSONSchema = {
      ...header,
      title: `${this.text.title}: update (PATCH) body`,
      description: `${this.text.description} Update (PATCH) body: only what changes; location cannot be changed.`,
      markdownDescription: `${markdown}\n\nUpdate (PATCH) body: send only what changes.`,
      type: 'object',
      properties: {
        ...bodyProperties,
        location: { ...readOnlySchema('The region cannot be changed by an update; Azure ignores it here.'), type: 'string' },
      },
      definitions: updateDefinitions,
    };
    return { create, update, notes: this.notes };
  }

  private locationSchema(): JSONSchema {
    const description = `The Azure region, for example "westeurope" or "West Europe".${this.text.locationNote}`;
    return { type: 'string', description: plain(description), markdownDescription: description };
  }

  private templateResourceSchema(body: Record<string, JSONSchema>, propertiesRequired: boolean): JSONSchema {
    const info = RESOURCE_KIND_INFO[this.sources.kind];
    const writable = Object.fromEntries(Object.entries(body).filter(([name]) => !['id', 'name', 'type', 'systemData'].includes(name)));
    const child = info.childTypeSegment ? ` or "${info.childTypeSegment}" inside the parent's \`resources\`` : '';
    const apiVersionDescription = `The REST API version ARM uses to deploy the resource. The newest is ${info.latestApiVersion}; older versions are accepted.`;
    return {
      type: 'object',
      errorMessage: MESSAGES.object,
      required: ['type', 'apiVersion', 'name', 'location', ...(propertiesRequired ? ['properties'] : [])],
      properties: {
        type: {
          type: 'string',
          description: plain(`The resource type: "${info.armType}"${child}.`),
          markdownDescription: `The resource type: \`${info.armType}\`${child}.`,
        },
        apiVersion: {
          type: 'string',
          description: apiVersionDescription,
          markdownDescription: apiVersionDescription,
          anyOf: [
            { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}(-preview)?$', patternErrorMessage: MESSAGES.apiVersion },
            {
              type: 'string',
              enum: [info.latestApiVersion],
              enumDescriptions: ['Newest stable version; the one these schemas describe.'],
              markdownEnumDescriptions: ['Newest stable version; the one these schemas describe.'],
            },
            EXPRESSION,
          ],
        },
        name: {
          type: 'string',
          description: plain(this.text.nameMessage),
          markdownDescription: this.text.nameMessage,
          anyOf: [{ type: 'string', pattern: this.text.namePattern, patternErrorMessage: this.text.nameMessage }, EXPRESSION],
        },
        ...writable,
        location: {
          ...this.locationSchema(),
          anyOf: [
            {
              type: 'string',
              enum: ['[resourceGroup().location]', "[parameters('location')]"],
              enumDescriptions: ['The region of the resource group deployed to.', 'A "location" template parameter.'],
              markdownEnumDescriptions: ['The region of the resource group deployed to.', 'A `location` template parameter.'],
            },
            { type: 'string' },
          ],
        },
        dependsOn: {
          type: ['array', 'string'],
          errorMessage: MESSAGES.array,
          description: 'Resources (names or resource ids) that must be deployed before this one.',
          anyOf: [{ type: 'array', errorMessage: MESSAGES.array, items: { type: 'string' } }, EXPRESSION],
        },
        condition: this.booleanSchema('Deploy the resource only when this is true.'),
        copy: {
          type: ['object', 'string'],
          errorMessage: MESSAGES.object,
          description: 'Deploys several instances of the resource in a loop (use copyIndex() in the name).',
          anyOf: [
            {
              type: 'object',
              errorMessage: MESSAGES.object,
              required: ['name', 'count'],
              properties: {
                name: { type: 'string', description: 'Name of the loop.' },
                count: this.integerSchema('Number of iterations.'),
                mode: {
                  type: 'string',
                  enum: ['Parallel', 'Serial'],
                  enumDescriptions: ['All at once (default).', 'In batches of batchSize.'],
                  markdownEnumDescriptions: ['All at once (default).', 'In batches of `batchSize`.'],
                },
                batchSize: this.integerSchema('Instances deployed at a time in Serial mode.'),
              },
            },
            EXPRESSION,
          ],
        },
        comments: { type: 'string', description: 'Notes about the resource.' },
        scope: { type: 'string', description: 'Deploys the resource at another scope (extension resources).' },
        metadata: { type: 'object', description: 'Free-form metadata.' },
        existing: {
          type: 'boolean',
          description: 'References a resource that already exists (languageVersion 2.0): nothing is deployed and only type, apiVersion and name are needed.',
        },
        resources: {
          type: ['array', 'object'],
          description: info.kind === 'gallery' ? 'Child resources, for example image definitions ("type": "images") or VM applications ("type": "applications").' : 'Child resources.',
        },
      },
    };
  }

  private propertySchema(
    owner: string,
    property: string,
    armNode: JsonObject,
    sdkMember: SdkMember | undefined,
    swagger: SwaggerNode | undefined,
    sdkTypeOverride?: string,
  ): JSONSchema {
    const member: SdkMember | undefined =
      sdkTypeOverride !== undefined
        ? { name: property, readonly: false, optional: true, doc: undefined, typeName: sdkTypeOverride, isArray: false, typeText: sdkTypeOverride }
        : sdkMember;
    const overlay: PropertyOverlay = PROPERTY_OVERLAYS[`${owner}.${property}`] ?? {};
    const schema = this.valueSchema(armNode, { owner, property, sdkMember: member, swagger, isItem: false });
    const raw = asString(armNode['description']) ?? sdkMember?.doc ?? swagger?.description;
    if (raw) {
      const note = overlay.note ? ` ${overlay.note}` : '';
      schema.description = plain(raw) + plain(note);
      schema.markdownDescription = overlay.markdownDescription ?? markdownOf(raw) + note;
    }
    if (overlay.default !== undefined) {
      schema.default = overlay.default;
    }
    if (overlay.defaultSnippets) {
      schema.defaultSnippets = [...overlay.defaultSnippets];
    }
    return schema;
  }

  private valueSchema(armNode: JsonObject, context: ValueContext): JSONSchema {
    const alternatives = (asArray(armNode['oneOf']) ?? [armNode]).map(asObject).filter((alt): alt is JsonObject => !!alt);
    const cores = alternatives.filter((alt) => asString(alt['$ref']) !== COMMON_EXPRESSION_REF);
    if (cores.length === 1 && cores[0]) {
      return this.coreSchema(cores[0], context);
    }
    this.notes.push(`${context.owner}.${context.property}: ${cores.length} alternatives, combined with anyOf`);
    return { anyOf: [...cores.map((core) => this.coreSchema(core, context)), EXPRESSION] };
  }

  private coreSchema(node: JsonObject, context: ValueContext): JSONSchema {
    const overlay: PropertyOverlay = context.isItem ? {} : (PROPERTY_OVERLAYS[`${context.owner}.${context.property}`] ?? {});
    const ref = asString(node['$ref']);
    if (ref) {
      if (ref === COMMON_EXPRESSION_REF) {
        return { ...EXPRESSION };
      }
      const definition = ref.replace(/^#\/definitions\//, '');
      this.defineObject(definition, context.sdkMember?.typeName, context.swagger);
      return { type: ['object', 'string'], errorMessage: MESSAGES.object, anyOf: [{ $ref: `#/definitions/${definition}` }, EXPRESSION] };
    }
    const enumValues = asStringArray(node['enum']);
    if (enumValues) {
      return this.enumSchema(enumValues, context);
    }
    const type = asString(node['type']) ?? (node['properties'] ? 'object' : undefined);
    switch (type) {
      case 'integer':
      case 'number':
        return this.integerSchema();
      case 'boolean':
        return this.booleanSchema();
      case 'array': {
        const items = asObject(node['items']) ?? {};
        const itemMember: SdkMember | undefined = context.sdkMember ? { ...context.sdkMember, isArray: false } : undefined;
        const itemSchema = this.valueSchema(items, { ...context, sdkMember: itemMember, swagger: context.swagger?.items, isItem: true });
        return { type: ['array', 'string'], errorMessage: MESSAGES.array, anyOf: [{ type: 'array', errorMessage: MESSAGES.array, items: itemSchema }, EXPRESSION] };
      }
      case 'object': {
        const properties = asObject(node['properties']) ?? {};
        const additional = asObject(node['additionalProperties']);
        const inner: JSONSchema = { type: 'object', errorMessage: MESSAGES.object };
        if (Object.keys(properties).length) {
          inner.properties = {};
          for (const [name, child] of Object.entries(properties)) {
            const childNode = asObject(child);
            if (childNode) {
              inner.properties[name] = this.propertySchema(`${context.owner}.${context.property}`, name, childNode, undefined, context.swagger?.properties.get(name));
            }
          }
        }
        if (additional) {
          inner.additionalProperties = this.valueSchema(additional, { ...context, swagger: undefined, isItem: true });
        }
        return { type: ['object', 'string'], errorMessage: MESSAGES.object, anyOf: [inner, EXPRESSION] };
      }
      default:
        return this.stringSchema(node, overlay);
    }
  }

  private stringSchema(node: JsonObject, overlay: PropertyOverlay): JSONSchema {
    const format = overlay.format ?? asString(node['format']);
    const pattern = overlay.pattern ?? asString(node['pattern']);
    if (format === 'date-time') {
      return {
        type: 'string',
        anyOf: [
          { type: 'string', format: 'date-time', errorMessage: MESSAGES.dateTime },
          {
            // Azure also takes a plain date or a date-time without offset (read as UTC).
            type: 'string',
            pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:[Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$',
          },
          EXPRESSION,
        ],
      };
    }
    if (format === 'uri') {
      return { type: 'string', anyOf: [{ type: 'string', format: 'uri', errorMessage: MESSAGES.uri }, EXPRESSION] };
    }
    if (pattern) {
      return { type: 'string', anyOf: [{ type: 'string', pattern, patternErrorMessage: overlay.patternErrorMessage ?? `Must match ${pattern}.` }, EXPRESSION] };
    }
    if (overlay.suggestions) {
      return suggestionSchema(overlay.suggestions);
    }
    return { type: 'string' };
  }

  private enumSchema(values: readonly string[], context: ValueContext): JSONSchema {
    const descriptions = values.map((value) => this.enumDescription(value, context));
    // The wrapper's errorMessage is worded exactly like the language service's enum message, and the enum
    // alternative has no `type`, so a wrong value or a wrong type is reported once, with the valid values.
    return {
      type: 'string',
      errorMessage: `Value is not accepted. Valid values: ${values.map((value) => JSON.stringify(value)).join(', ')}.`,
      anyOf: [{ enum: [...values], enumDescriptions: descriptions.map(plain), markdownEnumDescriptions: descriptions }, EXPRESSION],
    };
  }

  private enumDescription(value: string, context: ValueContext): string {
    const curated = ENUM_DESCRIPTIONS[`${context.owner}.${context.property}`]?.[value] ?? ENUM_DESCRIPTIONS[context.property]?.[value];
    if (curated) {
      return curated;
    }
    const fromSwagger = context.swagger?.enumValueDescriptions.get(value) ?? context.swagger?.items?.enumValueDescriptions.get(value);
    if (fromSwagger) {
      return fromSwagger;
    }
    const typeName = context.sdkMember?.typeName;
    const fromSdk = typeName ? this.sdk.knownValues(typeName)?.find((known) => known.value === value)?.doc : undefined;
    if (fromSdk && fromSdk !== value) {
      return fromSdk;
    }
    throw new Error(`No description for enum value ${context.owner}.${context.property} = "${value}": add it to ENUM_DESCRIPTIONS in overlay.ts`);
  }

  private integerSchema(description?: string): JSONSchema {
    return {
      type: ['integer', 'string'],
      errorMessage: MESSAGES.integer,
      ...(description ? { description } : {}),
      anyOf: [
        { type: 'integer', minimum: INT32_MIN, maximum: INT32_MAX, errorMessage: MESSAGES.integer },
        { $ref: '#/definitions/integerString' },
        EXPRESSION,
      ],
    };
  }

  private booleanSchema(description?: string): JSONSchema {
    return {
      type: ['boolean', 'string'],
      errorMessage: MESSAGES.boolean,
      ...(description ? { description } : {}),
      anyOf: [{ type: 'boolean', errorMessage: MESSAGES.boolean }, { $ref: '#/definitions/booleanString' }, EXPRESSION],
    };
  }

  private defineObject(name: string, sdkTypeName: string | undefined, swagger: SwaggerNode | undefined): void {
    if (name in this.definitions) {
      return;
    }
    this.definitions[name] = {};
    const armDefinition = asObject(asObject(this.sources.arm.json['definitions'])?.[name]);
    if (!armDefinition) {
      throw new Error(`${this.sources.arm.source}: no definitions.${name}`);
    }
    const sdkMembers = sdkTypeName ? this.sdk.allMembers(sdkTypeName) : new Map<string, SdkMember>();
    if (sdkTypeName && sdkMembers.size === 0) {
      this.notes.push(`${name}: SDK model ${sdkTypeName} not found`);
    }
    const properties: Record<string, JSONSchema> = {};
    for (const [property, node] of Object.entries(asObject(armDefinition['properties']) ?? {})) {
      const armNode = asObject(node);
      if (!armNode) {
        continue;
      }
      const member = sdkMembers.get(property);
      if (member?.readonly) {
        this.notes.push(`${name}.${property}: writable in the ARM schema but read-only in the SDK; kept writable`);
      }
      properties[property] = this.propertySchema(name, property, armNode, member, swagger?.properties.get(property));
    }
    for (const member of sdkMembers.values()) {
      if (member.readonly && !(member.name in properties)) {
        properties[member.name] = readOnlySchema(member.doc ?? '');
      } else if (!member.readonly && !(member.name in properties)) {
        this.notes.push(`${name}.${member.name}: in the SDK model ${sdkTypeName ?? ''} but not in the ARM schema; left out`);
      }
    }
    for (const [property, node] of swagger?.properties ?? []) {
      if (node.readOnly && !(property in properties)) {
        properties[property] = readOnlySchema(node.description ?? '');
      }
    }
    const schema: JSONSchema = { type: 'object', errorMessage: MESSAGES.object, properties };
    const required = asStringArray(armDefinition['required']);
    if (required?.length) {
      schema.required = [...required];
    }
    const additional = asObject(armDefinition['additionalProperties']);
    if (additional) {
      schema.additionalProperties = this.valueSchema(additional, { owner: name, property: '*', sdkMember: undefined, swagger: undefined, isItem: true });
    }
    const conditional = Object.entries(PROPERTY_OVERLAYS).filter(([key, overlay]) => key.startsWith(`${name}.`) && overlay.conditionalValueSuggestions);
    for (const [key, overlay] of conditional) {
      const property = key.slice(name.length + 1);
      schema.allOf = Object.entries(overlay.conditionalValueSuggestions ?? {}).map(([nameValue, suggestions]) => ({
        if: { properties: { name: { const: nameValue } }, required: ['name'] },
        then: { properties: { [property]: suggestionSchema(suggestions) } },
      }));
    }
    this.definitions[name] = schema;
  }
}

/** Suggested values with descriptions that do not restrict the value (anything else is still a valid string). */
function suggestionSchema(suggestions: readonly { value: string; description: string }[]): JSONSchema {
  return {
    type: 'string',
    anyOf: [
      {
        type: 'string',
        enum: suggestions.map((s) => s.value),
        enumDescriptions: suggestions.map((s) => plain(s.description)),
        markdownEnumDescriptions: suggestions.map((s) => s.description),
      },
      { type: 'string' },
    ],
  };
}

function readOnlySchema(doc: string): JSONSchema {
  const text = doc.trim();
  const schema: JSONSchema & { readOnly: boolean } = {
    readOnly: true,
    doNotSuggest: true,
    description: plain(`Read-only. ${text} Set by Azure; ignored when sent, so a response body can be sent back as is.`),
    markdownDescription: `**Read-only.** ${markdownOf(text)}\n\nSet by Azure; ignored when sent, so a response body can be sent back as is.`,
  };
  return schema;
}

function markdownOf(text: string): string {
  return text.replace(/\s*(?:<br\s*\/?>\s*)+/gi, '\n\n').trim();
}

function plain(text: string): string {
  return text
    .replace(/\s*(?:<br\s*\/?>\s*)+/gi, ' ')
    .replace(/\*\*/g, '')
    .replace(/`/g, '"')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)');
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
